//! Moving between screens on the History API: the current path as a signal, same-origin link
//! clicks turned into history entries (no page load), and the back button followed. The address
//! bar carries the language (`/ky/rights`, as the static pages do, so a reload or a shared link
//! opens the same page in the same language); the app's own links and paths go without it.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement, MouseEvent};

use crate::i18n::{Lang, use_i18n};
use jardam_core::route::{Page, localized, split_lang};

/// Where the app is: the path of the current address.
#[derive(Clone, Copy)]
pub struct Location {
    /// The current URL's path, such as `/rights/police-check`.
    pub path: ReadSignal<String>,
}

impl Location {
    /// Follows the address bar: starts at the current path (`/` is shown as `/rights`), takes
    /// over clicks on the app's own links and follows back and forward; the address names the
    /// reader's language.
    pub fn follow() -> Location {
        let lang = use_i18n().lang;
        let set_address =
            move |target: &str, replace| set_address(lang.get_untracked(), target, replace);
        match Page::parse(&current_path()) {
            Page::Start => set_address(&Page::Rights.href(), true),
            _ => show_in(lang.get_untracked()),
        }
        let (path, set_path) = signal(current_path());
        window_event_listener(ev::popstate, move |_| set_path.set(current_path()));
        window_event_listener(ev::click, move |event| {
            if let Some(target) = own_link(&event) {
                event.prevent_default();
                if target != current_path_and_more() {
                    set_address(&target, false);
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                set_path.set(current_path());
            }
        });
        Location { path }
    }

    /// The screen the current path names.
    pub fn page(self) -> Memo<Page> {
        Memo::new(move |_| self.path.with(|path| Page::parse(path)))
    }
}

/// The app's path: the address's, without its language segment.
fn unlocalized(pathname: &str) -> String {
    split_lang(pathname).1.to_owned()
}

fn current_path() -> String {
    unlocalized(&window().location().pathname().unwrap_or_default())
}

fn current_path_and_more() -> String {
    let location = window().location();
    let part = |value: Result<String, _>| value.unwrap_or_default();
    current_path() + &part(location.search()) + &part(location.hash())
}

/// Puts `lang` in the current address, in place of any other (a language switch).
pub fn show_in(lang: Lang) {
    set_address(lang, &current_path_and_more(), true);
}

fn set_address(lang: Lang, target: &str, replace: bool) {
    if let Ok(history) = window().history() {
        let state = wasm_bindgen::JsValue::NULL;
        let target = Some(localized(lang, target));
        let _ = if replace {
            history.replace_state_with_url(&state, "", target.as_deref())
        } else {
            history.push_state_with_url(&state, "", target.as_deref())
        };
    }
}

/// The path (with query and fragment) of the same-origin link a plain click landed on; `None`
/// for what the browser should handle itself: other origins, `tel:` and downloads, new tabs,
/// modified clicks, the letters page, and a jump to a fragment on the same page.
fn own_link(event: &MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let anchor: HtmlAnchorElement = event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    let opens_elsewhere = !matches!(anchor.target().as_str(), "" | "_self");
    if opens_elsewhere
        || anchor.has_attribute("download")
        || anchor.origin() != window().location().origin().ok()?
    {
        return None;
    }
    let path = unlocalized(&anchor.pathname());
    // Letters are a page of their own (letters.html): the browser loads it.
    if path.starts_with("/letters") || !anchor.hash().is_empty() && path == current_path() {
        return None;
    }
    Some(path + &anchor.search() + &anchor.hash())
}

/// Where the app is, provided by the app root.
pub fn use_location() -> Location {
    expect_context()
}
