//! The header: app name, online state and the date of the content on the phone.

use crate::platform::network::use_status;
use crate::state::content::use_content;
use jardam_core::route::Page;
use leptos::prelude::*;

use crate::i18n::format;
use crate::i18n::{Key, use_i18n};

/// The top bar shown on every screen.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let online = use_status().online;
    let content = use_content();
    let text = move || {
        let lang = i18n.lang.get().code();
        let Some(installed) = content.installed.get() else {
            return i18n.t(Key::StatusLoading).to_owned();
        };
        let date = format::date(&installed.manifest.generated, lang);
        match installed.checked_at_ms {
            _ if !online.get() => i18n.tf(Key::StatusOfflineFrom, &[("date", &date)]),
            Some(checked) => i18n.tf(
                Key::StatusUpdated,
                &[("ago", &format::age(i18n, js_sys::Date::now(), checked))],
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
            <a class="brand" href=Page::Rights.href()>{i18n.text(Key::AppName)}</a>
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
