//! Waiting, on Leptos's timer helpers: a promise that settles after a while, for racing
//! against another, and a sleep.

use std::time::Duration;

use js_sys::Promise;
use leptos::prelude::set_timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// A promise that resolves once `duration` has passed.
pub fn after(duration: Duration) -> Promise {
    Promise::new(&mut |resolve, _| {
        set_timeout(
            move || {
                let _ = resolve.call0(&JsValue::NULL);
            },
            duration,
        );
    })
}

/// Waits for `duration`.
pub async fn sleep(duration: Duration) {
    let _ = JsFuture::from(after(duration)).await;
}
