//! Passing Jardam on: the Web Share API with a copy-to-clipboard fallback, the app's own
//! address, and the Screen Wake Lock that keeps consultant mode on screen.

use js_sys::{Function, Object, Reflect};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The phone's share sheet took it.
    Sent,
    /// Copied to the clipboard instead (no share sheet here).
    Copied,
    /// The user closed the share sheet, or neither way worked.
    Dropped,
}

/// The address of the app: its origin, where the service worker serves the whole app.
pub fn app_url() -> String {
    window()
        .location()
        .origin()
        .map(|origin| format!("{origin}/"))
        .unwrap_or_default()
}

/// The address of a page of the app, e.g. `/rights/police-check`.
pub fn page_url(path: &str) -> String {
    format!("{}{}", app_url(), path.trim_start_matches('/'))
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Opens the phone's share sheet for `url`, or copies `url` where there is none.
pub async fn share(title: &str, url: &str) -> Shared {
    send(title, "url", url).await
}

/// Opens the phone's share sheet for `text`, or copies `text` where there is none.
pub async fn share_text(title: &str, text: &str) -> Shared {
    send(title, "text", text).await
}

/// Shares `value` as the share data's `field` (`url` or `text`) under `title`, or copies it.
async fn send(title: &str, field: &str, value: &str) -> Shared {
    let navigator: JsValue = window().navigator().into();
    if let Some(share) = method(&navigator, "share") {
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &field.into(), &value.into());
        if let Ok(promise) = share.call1(&navigator, &data) {
            let sent = JsFuture::from(js_sys::Promise::from(promise)).await.is_ok();
            return if sent { Shared::Sent } else { Shared::Dropped };
        }
    }
    copy(value).await
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Shared {
    let promise = window().navigator().clipboard().write_text(text);
    match JsFuture::from(promise).await {
        Ok(_) => Shared::Copied,
        Err(_) => Shared::Dropped,
    }
}

/// Asks the screen to stay on (Screen Wake Lock); the returned lock is released with
/// [`release`]. `None` where the API is missing or the request was refused.
pub async fn keep_awake() -> Option<JsValue> {
    let navigator: JsValue = window().navigator().into();
    let wake_lock = Reflect::get(&navigator, &"wakeLock".into()).ok()?;
    let request = method(&wake_lock, "request")?;
    let promise = request.call1(&wake_lock, &"screen".into()).ok()?;
    JsFuture::from(js_sys::Promise::from(promise)).await.ok()
}

/// Lets the screen sleep again.
pub fn release(lock: &JsValue) {
    if let Some(release) = method(lock, "release") {
        let _ = release.call0(lock);
    }
}

/// Whether the app runs installed (from the home screen) rather than in a browser tab.
pub fn running_installed() -> bool {
    window()
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

thread_local! {
    /// The QR encoder's script, loading or loaded: one request however many codes are drawn.
    static QR_SCRIPT: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Loads the QR encoder (the library qrcode-generator, as `window.qrcode`) from the address
/// and integrity postbuild writes into `<meta name="jardam-qr">`. The service worker precaches
/// it, so it loads offline too; a first visit that never opens Share never downloads it.
async fn qr_encoder() -> Option<Function> {
    let global = || {
        Reflect::get(&window(), &"qrcode".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()
    };
    if let Some(encoder) = global() {
        return Some(encoder);
    }
    let promise = QR_SCRIPT.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                js_sys::Promise::new(&mut |resolve, reject| {
                    let document = leptos::prelude::document();
                    let meta = document
                        .query_selector("meta[name=jardam-qr]")
                        .ok()
                        .flatten()
                        .and_then(|m| m.get_attribute("content"))
                        .unwrap_or_default();
                    let mut parts = meta.split(' ');
                    let (Some(src), Some(integrity), Ok(script)) = (
                        parts.next(),
                        parts.next(),
                        document.create_element("script"),
                    ) else {
                        let _ = reject.call0(&JsValue::NULL);
                        return;
                    };
                    let _ = script.set_attribute("src", src);
                    let _ = script.set_attribute("integrity", integrity);
                    let _ = Reflect::set(&script, &"onload".into(), &resolve);
                    let _ = Reflect::set(&script, &"onerror".into(), &reject);
                    if let Some(head) = document.document_element() {
                        let _ = head.append_with_node_1(&script);
                    }
                })
            })
            .clone()
    });
    if JsFuture::from(promise).await.is_err() {
        // A later try may succeed (the file came back online).
        QR_SCRIPT.with(|cell| cell.borrow_mut().take());
        return None;
    }
    global()
}

/// `text` as a QR code with medium error correction (a poster may be creased or dirty), or
/// `None` when the encoder cannot be loaded or the text is too long for a code.
pub async fn qr_code(text: &str) -> Option<jardam_core::qr::QrSvg> {
    let encoder = qr_encoder().await?;
    let code = encoder.call2(&JsValue::NULL, &0.into(), &"M".into()).ok()?;
    let method = |name: &str| {
        Reflect::get(&code, &name.into())
            .ok()?
            .dyn_into::<Function>()
            .ok()
    };
    method("addData")?.call1(&code, &text.into()).ok()?;
    method("make")?.call0(&code).ok()?;
    let size = method("getModuleCount")?.call0(&code).ok()?.as_f64()? as i32;
    let dark = method("isDark")?;
    Some(jardam_core::qr::draw(size, |x, y| {
        dark.call2(&code, &y.into(), &x.into())
            .is_ok_and(|v| v.is_truthy())
    }))
}
