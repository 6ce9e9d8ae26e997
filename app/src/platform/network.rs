//! What the browser says about the connection: whether it is online (kept current by
//! `online`/`offline` events) and what kind of connection it is.

use jardam_core::sync::Network;
use js_sys::Reflect;
use leptos::ev;
use leptos::prelude::*;

/// Connection state shown in the header, shared through context.
#[derive(Clone, Copy)]
pub struct Status {
    /// Whether the browser reports a network connection.
    pub online: ReadSignal<bool>,
}

impl Status {
    /// A status that follows `navigator.onLine`.
    pub fn follow() -> Status {
        let (online, set_online) = signal(window().navigator().on_line());
        let on = window_event_listener(ev::online, move |_| set_online.set(true));
        let off = window_event_listener(ev::offline, move |_| set_online.set(false));
        on_cleanup(move || {
            on.remove();
            off.remove();
        });
        Status { online }
    }
}

/// The connection's type and whether the reader asked to save data (Network Information API,
/// where the browser has it).
pub fn connection() -> Network {
    let connection = Reflect::get(&window().navigator(), &"connection".into()).ok();
    let field = |name: &str| {
        connection
            .as_ref()
            .filter(|c| c.is_object())
            .and_then(|c| Reflect::get(c, &name.into()).ok())
    };
    Network {
        connection_type: field("type").and_then(|v| v.as_string()),
        save_data: field("saveData").and_then(|v| v.as_bool()).unwrap_or(false),
    }
}

/// The connection state, provided by the app root.
pub fn use_status() -> Status {
    expect_context()
}
