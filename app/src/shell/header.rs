//! The header: app name, online state and the date of the content on the phone.

use leptos::prelude::*;

use crate::app::Status;
use crate::i18n::{Key, use_i18n};

/// `rfc3339` as a short date in the reader's language, by the browser's `Intl` (no bytes of ours).
fn local_date(rfc3339: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "short"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(lang, &options).into()
}

/// The top bar shown on every screen.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let status = expect_context::<Status>();
    let online = status.online;
    let content = move || match status.content_date.get() {
        Some(generated) => i18n.tf(
            Key::ContentFrom,
            &[("date", &local_date(&generated, i18n.lang.get().code()))],
        ),
        None => i18n.t(Key::ContentBundled).to_owned(),
    };
    view! {
        <header class="top">
            <a class="brand" href="/rights">{move || i18n.t(Key::AppName)}</a>
            <p class="status" role="status" data-online=move || online.get().to_string()>
                <span class="dot" aria-hidden="true"></span>
                <span class="net">
                    {move || i18n.t(if online.get() { Key::StatusOnline } else { Key::StatusOffline })}
                </span>
                <span class="content-date">{content}</span>
            </p>
        </header>
    }
}
