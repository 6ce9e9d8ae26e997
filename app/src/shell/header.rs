//! The header: app name, online state and the date of the content on the phone.

use leptos::prelude::*;

use crate::app::Status;
use crate::i18n::{Key, use_i18n};

/// The top bar shown on every screen.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let status = expect_context::<Status>();
    let online = status.online;
    let content = move || match status.content_date.get() {
        Some(date) => i18n.tf(Key::ContentFrom, &[("date", &date)]),
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
