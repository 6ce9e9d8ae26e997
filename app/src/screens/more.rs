//! More: settings (language) and about.

use leptos::prelude::*;

use crate::i18n::{Key, Lang, use_i18n};

/// The build label written into `index.html` at build time.
fn build_label() -> String {
    document()
        .query_selector("meta[name=jardam-build]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}

/// The More screen.
#[component]
pub fn More() -> impl IntoView {
    let i18n = use_i18n();
    let version = format!("{} ({})", env!("CARGO_PKG_VERSION"), build_label());
    view! {
        <section class="screen" data-screen="more">
            <h1>{move || i18n.t(Key::NavMore)}</h1>
            <h2>{move || i18n.t(Key::MoreSettings)}</h2>
            <label class="field">
                <span>{move || i18n.t(Key::MoreLanguage)}</span>
                <select
                    id="language"
                    on:change=move |ev| {
                        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                            i18n.lang.set(lang);
                        }
                    }
                >
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <option
                                    value=lang.code()
                                    lang=lang.code()
                                    selected=move || i18n.lang.get() == lang
                                >
                                    {lang.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <h2>{move || i18n.t(Key::MoreAbout)}</h2>
            <p>{move || i18n.t(Key::AboutText)}</p>
            <p class="version" id="app-version">
                {move || i18n.tf(Key::Version, &[("version", &version)])}
            </p>
        </section>
    }
}
