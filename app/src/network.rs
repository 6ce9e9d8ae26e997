//! Whether the browser believes it is online, kept current by `online`/`offline` events.

use leptos::ev;
use leptos::prelude::*;

/// A signal that follows `navigator.onLine`.
pub fn online_signal() -> ReadSignal<bool> {
    let (online, set_online) = signal(window().navigator().on_line());
    let on = window_event_listener(ev::online, move |_| set_online.set(true));
    let off = window_event_listener(ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    online
}
