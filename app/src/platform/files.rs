//! Files in and out of the phone: saving a generated file (calendar, content hand-off) through
//! the browser's download, and reading a file the user picked.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `name` of type `mime`; false when the browser refused.
pub fn save(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let saved = document().create_element("a").is_ok_and(|link| {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        link.click();
        true
    });
    let _ = web_sys::Url::revoke_object_url(&url);
    saved
}

/// The first file picked in `input`, read whole, unless it is bigger than `cap` bytes
/// (`Err(true)`) or cannot be read (`Err(false)`); `Ok(None)` when none was picked.
pub async fn read_picked(
    input: &web_sys::HtmlInputElement,
    cap: usize,
) -> Result<Option<Vec<u8>>, bool> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    if file.size() > cap as f64 {
        return Err(true);
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| false)?;
    Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
}
