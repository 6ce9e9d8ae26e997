//! The header: app name, online state and the date of the content on the phone.

use leptos::prelude::*;

use crate::app::Status;
use crate::content::Content;
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

/// "3 days ago" in the reader's language, by the browser's `Intl.RelativeTimeFormat`.
fn relative_age(now_ms: f64, then_ms: f64, lang: &str) -> String {
    let (amount, unit) = jardam_core::sync::age(now_ms, then_ms);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
    let locales = js_sys::Array::of1(&lang.into());
    js_sys::Intl::RelativeTimeFormat::new(&locales, &options)
        .format(-(amount as f64), unit.as_str())
        .into()
}

/// The top bar shown on every screen.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let online = expect_context::<Status>().online;
    let content = expect_context::<Content>();
    let text = move || {
        let lang = i18n.lang.get().code();
        let Some(installed) = content.installed.get() else {
            return i18n.t(Key::StatusLoading).to_owned();
        };
        let date = local_date(&installed.manifest.generated, lang);
        match installed.checked_at_ms {
            _ if !online.get() => i18n.tf(Key::StatusOfflineFrom, &[("date", &date)]),
            Some(checked) => i18n.tf(
                Key::StatusUpdated,
                &[("ago", &relative_age(js_sys::Date::now(), checked, lang))],
            ),
            None => i18n.tf(Key::ContentFrom, &[("date", &date)]),
        }
    };
    let version = move || {
        content
            .installed
            .get()
            .map(|i| i.manifest.content_version.to_string())
    };
    view! {
        <header class="top">
            <a class="brand" href="/rights">{move || i18n.t(Key::AppName)}</a>
            <p class="status" role="status" data-online=move || online.get().to_string()>
                <span class="dot" aria-hidden="true"></span>
                <span class="net">
                    {move || i18n.t(if online.get() { Key::StatusOnline } else { Key::StatusOffline })}
                </span>
                <span class="content-date" id="content-status" data-content-version=version>
                    {text}
                </span>
            </p>
        </header>
    }
}
