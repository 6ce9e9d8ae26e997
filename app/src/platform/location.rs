//! Moving between screens on the History API: the current path as a signal, same-origin link
//! clicks turned into history entries (no page load), and the back button followed.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement, MouseEvent};

use jardam_core::route::Page;

/// Where the app is: the path of the current address.
#[derive(Clone, Copy)]
pub struct Location {
    /// The current URL's path, such as `/rights/police-check`.
    pub path: ReadSignal<String>,
}

impl Location {
    /// Follows the address bar: starts at the current path (`/` is shown as `/rights`), takes
    /// over clicks on the app's own links and follows back and forward.
    pub fn follow() -> Location {
        if Page::parse(&current_path()) == Page::Start {
            set_address(&Page::Rights.href(), true);
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

fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}

fn current_path_and_more() -> String {
    let location = window().location();
    let part = |value: Result<String, _>| value.unwrap_or_default();
    part(location.pathname()) + &part(location.search()) + &part(location.hash())
}

fn set_address(target: &str, replace: bool) {
    if let Ok(history) = window().history() {
        let state = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&state, "", Some(target))
        } else {
            history.push_state_with_url(&state, "", Some(target))
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
    let path = anchor.pathname();
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
