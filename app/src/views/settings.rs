//! The language and citizenship pickers, used at first start and in More.

use crate::state::profile::use_profile;
use jardam_core::content::audience::Citizenship;
use leptos::prelude::*;

use crate::i18n::{Key, Lang, use_i18n};
use crate::state::content::use_content;
use crate::state::language;
use crate::state::profile::citizenship_key;

/// Picks the UI language; the change applies at once.
#[component]
pub fn LanguagePicker(id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    view! {
        <label class="field">
            <span>{i18n.text(Key::MoreLanguage)}</span>
            <select
                id=id
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        language::choose(i18n, content, lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.code() lang=lang.code() selected=move || i18n.lang.get() == lang>
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Picks the reader's citizenship, or none.
#[component]
pub fn CitizenshipPicker(id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let profile = use_profile();
    view! {
        <label class="field">
            <span>{i18n.text(Key::Citizenship)}</span>
            <select
                id=id
                on:change=move |ev| profile.set_citizenship(Citizenship::parse(&event_target_value(&ev)))
            >
                <option value="" selected=move || profile.citizenship.get().is_none()>
                    {i18n.text(Key::CitizenshipNone)}
                </option>
                {Citizenship::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.code() selected=move || profile.citizenship.get() == Some(c)>
                                {i18n.text(citizenship_key(c))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The first-start questions: language (suggested from the browser) and citizenship.
/// Shown as a card above the content, never blocking it; both can be skipped.
#[component]
pub fn Welcome() -> impl IntoView {
    let i18n = use_i18n();
    let profile = use_profile();
    view! {
        <Show when=move || profile.welcome_open.get()>
            <section class="welcome" id="welcome" aria-labelledby="welcome-title">
                <h2 id="welcome-title">{i18n.text(Key::WelcomeTitle)}</h2>
                <p>{i18n.text(Key::WelcomeText)}</p>
                <LanguagePicker id="welcome-language" />
                <CitizenshipPicker id="welcome-citizenship" />
                <div class="actions">
                    <button class="primary" id="welcome-save" on:click=move |_| profile.close_welcome()>
                        {i18n.text(Key::Save)}
                    </button>
                    <button id="welcome-skip" on:click=move |_| {
                        profile.set_citizenship(None);
                        profile.close_welcome();
                    }>
                        {i18n.text(Key::Skip)}
                    </button>
                </div>
            </section>
        </Show>
    }
}
