//! The page itself: the language it is in, where keyboard focus is, and the moment the app
//! takes it over from the static page.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

thread_local! {
    /// The app's root, `<div class="app">`, outside the page until the app takes it over.
    static ROOT: HtmlElement = {
        let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        root.set_class_name("app");
        root
    };
}

/// The app's root: the screens render into it while the page (a static page, or the boot
/// splash) stays on screen, so the page never holds two screens.
pub fn app_root() -> HtmlElement {
    ROOT.with(Clone::clone)
}

/// Before the next frame (the screen has redrawn with the content by then), puts the app's root
/// in place of everything in `<body>` (the static page, or the boot splash), in one task so that
/// no frame shows neither; the static page's starter (`scripts/postbuild/pages.mjs`) puts the
/// scroll position and the focus back.
pub fn take_over() {
    request_animation_frame(|| {
        if let Some(body) = document().body() {
            ROOT.with(|root| body.replace_children_with_node_1(root));
        }
    });
}

/// Sets `<html lang>`, so screen readers, hyphenation and fonts follow the reader's language.
pub fn set_lang(code: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", code);
    }
}

/// Moves keyboard focus to the element `selector` names once the screen has been redrawn (a
/// pinned card moves to another list, and a moved element loses focus).
pub fn focus_after_redraw(selector: String) {
    request_animation_frame(move || {
        let element = document().query_selector(&selector).ok().flatten();
        if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}
