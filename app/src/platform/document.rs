//! The page itself: the language it is in, and where keyboard focus is.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

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
