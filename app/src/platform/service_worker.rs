//! Service worker registration and the update flow.
//!
//! A new version waits until the user taps "Update now"; the page then asks the waiting worker
//! to take over and reloads once it controls the page, so the app is never half-updated.

use std::time::Duration;

use crate::platform::timers;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// What the service worker has told the page, shared through context.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// A new version is installed and waiting for the user's go-ahead.
    pub update_ready: RwSignal<bool>,
    /// The first install finished: the shell now loads without a network.
    pub offline_ready: RwSignal<bool>,
    /// The browser offered to install the app (`beforeinstallprompt`) and still can.
    pub can_install: RwSignal<bool>,
    install_prompt: StoredValue<Option<JsValue>, LocalStorage>,
    reload_on_change: RwSignal<bool>,
}

impl Pwa {
    /// Shows the browser's own install dialog, kept from `beforeinstallprompt`.
    pub fn install(&self) {
        let Some(event) = self.install_prompt.get_value() else {
            return;
        };
        let prompt = js_sys::Reflect::get(&event, &JsValue::from_str("prompt"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(prompt) = prompt {
            let _ = prompt.call0(&event);
        }
        self.install_prompt.set_value(None);
        self.can_install.set(false);
    }

    /// Tells the waiting worker to take over; the page reloads when it does.
    pub fn apply_update(&self) {
        let reload = self.reload_on_change;
        let container = window().navigator().service_worker();
        spawn_local(async move {
            let Ok(reg) = JsFuture::from(container.get_registration()).await else {
                return;
            };
            let Some(waiting) = reg.unchecked_into::<ServiceWorkerRegistration>().waiting() else {
                return;
            };
            reload.set(true);
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        });
    }
}

fn listen(target: impl FnOnce(Option<&js_sys::Function>), f: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(f);
    target(Some(closure.as_ref().unchecked_ref()));
    closure.forget();
}

fn watch_installing(
    worker: ServiceWorker,
    reg: ServiceWorkerRegistration,
    pwa: Pwa,
    first_install: bool,
) {
    let watched = worker.clone();
    listen(
        |f| worker.set_onstatechange(f),
        move || match watched.state() {
            ServiceWorkerState::Installed if !first_install => pwa.update_ready.set(true),
            // The new version failed to install (a download broke off): try again shortly.
            ServiceWorkerState::Redundant if reg.waiting().is_none() && !first_install => {
                let reg = reg.clone();
                spawn_local(async move {
                    timers::sleep(Duration::from_secs(5)).await;
                    check_for_update(&reg).await;
                });
            }
            _ => {}
        },
    );
}

/// Asks the browser to look for a new worker; a failed check (a flaky or just-restored
/// connection) is retried a few times.
async fn check_for_update(reg: &ServiceWorkerRegistration) {
    for attempt in 0..4 {
        if let Ok(check) = reg.update()
            && JsFuture::from(check).await.is_ok()
        {
            return;
        }
        timers::sleep(Duration::from_secs(2 * (attempt + 1))).await;
    }
}

/// Keeps the browser's install offer for the Share screen's Install button, instead of the
/// browser's own banner; forgets it once the app is installed.
fn keep_install_prompt(pwa: Pwa) {
    let offer = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        pwa.install_prompt.set_value(Some(event.into()));
        pwa.can_install.set(true);
    });
    let _ = window()
        .add_event_listener_with_callback("beforeinstallprompt", offer.as_ref().unchecked_ref());
    offer.forget();
    listen(
        |f| window().set_onappinstalled(f),
        move || {
            pwa.install_prompt.set_value(None);
            pwa.can_install.set(false);
        },
    );
}

/// Registers `/sw.js` and reports first install and waiting updates through [`Pwa`].
pub fn register() -> Pwa {
    let pwa = Pwa {
        update_ready: RwSignal::new(false),
        offline_ready: RwSignal::new(false),
        can_install: RwSignal::new(false),
        install_prompt: StoredValue::new_local(None),
        reload_on_change: RwSignal::new(false),
    };
    keep_install_prompt(pwa);
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return pwa;
    }
    let container = navigator.service_worker();
    let first_install = container.controller().is_none();
    listen(
        |f| container.set_oncontrollerchange(f),
        move || {
            if pwa.reload_on_change.get_untracked() {
                let _ = window().location().reload();
            }
        },
    );
    let registering = container.register("/sw.js");
    let ready = container.ready();
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(registering).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        if reg.waiting().is_some() && !first_install {
            pwa.update_ready.set(true);
        }
        if let Some(installing) = reg.installing() {
            watch_installing(installing, reg.clone(), pwa, first_install);
        }
        let watched = reg.clone();
        listen(
            |f| reg.set_onupdatefound(f),
            move || {
                if let Some(installing) = watched.installing() {
                    watch_installing(installing, watched.clone(), pwa, first_install);
                }
            },
        );
        let online = reg.clone();
        listen(
            |f| window().set_ononline(f),
            move || {
                let reg = online.clone();
                spawn_local(async move { check_for_update(&reg).await });
            },
        );
        if !first_install {
            check_for_update(&reg).await;
        } else if let Ok(ready) = ready
            && JsFuture::from(ready).await.is_ok()
        {
            pwa.offline_ready.set(true);
        }
    });
    pwa
}

/// The service worker's state, provided by the app root.
pub fn use_pwa() -> Pwa {
    expect_context()
}
