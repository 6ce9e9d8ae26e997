//! More: settings (language, updates), diagnostics and about.

use crate::state::content::use_content;
use jardam_core::route::Page;
use jardam_core::sync::{Outcome, Trigger};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::format;
use crate::i18n::{Key, Plural, use_i18n};
use crate::platform::prefs;
use crate::state::content::Storage;
use crate::state::sync;
use crate::views::settings::{CitizenshipPicker, LanguagePicker};

/// The build label written into `index.html` at build time.
fn build_label() -> String {
    document()
        .query_selector("meta[name=jardam-build]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}

/// The message telling the user how a sync attempt ended.
pub fn outcome_key(outcome: &Outcome) -> Key {
    match outcome {
        Outcome::UpToDate => Key::OutcomeUpToDate,
        Outcome::Updated { .. } => Key::OutcomeUpdated,
        Outcome::NoNetwork => Key::OutcomeNoNetwork,
        Outcome::Timeout => Key::OutcomeTimeout,
        Outcome::HttpError { .. } => Key::OutcomeHttpError,
        Outcome::InvalidJson => Key::OutcomeInvalidJson,
        Outcome::Truncated => Key::OutcomeTruncated,
        Outcome::BadSignature => Key::OutcomeBadSignature,
        Outcome::UnknownKey => Key::OutcomeUnknownKey,
        Outcome::HashMismatch => Key::OutcomeHashMismatch,
        Outcome::SizeMismatch => Key::OutcomeSizeMismatch,
        Outcome::OlderVersion { .. } => Key::OutcomeOlderVersion,
        Outcome::TooLarge => Key::OutcomeTooLarge,
        Outcome::UnsupportedSchema => Key::OutcomeUnsupportedSchema,
        Outcome::AppTooOld => Key::OutcomeAppTooOld,
        Outcome::StorageFailed => Key::OutcomeStorageFailed,
        Outcome::WaitingForWifi => Key::OutcomeWaitingForWifi,
        Outcome::SavingData => Key::OutcomeSavingData,
        Outcome::NotDue => Key::OutcomeNotDue,
    }
}

/// Content updates: status, the manual check, the Wi-Fi setting and the diagnostics list.
#[component]
fn Updates() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let wifi_only = RwSignal::new(prefs::wifi_only());
    let storage = move || match content.storage.get() {
        Storage::Opening => None,
        Storage::Device => Some(i18n.t(Key::StorageDevice)),
        Storage::MemoryOnly => Some(i18n.t(Key::StorageMemory)),
        Storage::Rebuilt => Some(i18n.t(Key::StorageRebuilt)),
    };
    let version = move || {
        content.installed.get().map(|i| {
            i18n.tf(
                Key::ContentVersion,
                &[("version", &i.manifest.content_version.to_string())],
            )
        })
    };
    let check = move |_| {
        let lang = i18n.lang.get_untracked().code().to_owned();
        spawn_local(sync::run(content, Trigger::Manual, lang));
    };
    view! {
        <h2>{i18n.text(Key::MoreUpdates)}</h2>
        <p id="storage-status">{storage}</p>
        <p>{version}</p>
        <p id="sync-message" role="status">
            {move || content.last_outcome.get().map(|o| i18n.t(outcome_key(&o)))}
        </p>
        <button id="check-updates" class="primary" on:click=check disabled=move || content.syncing.get()>
            {move || i18n.t(if content.syncing.get() { Key::Checking } else { Key::CheckUpdates })}
        </button>
        <label class="check">
            <input
                type="checkbox"
                id="wifi-only"
                prop:checked=move || wifi_only.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    wifi_only.set(on);
                    prefs::set_wifi_only(on);
                }
            />
            <span>{i18n.text(Key::WifiOnly)}</span>
        </label>
        <h2>{i18n.text(Key::Diagnostics)}</h2>
        <Show
            when=move || content.attempts.with(|a| !a.is_empty())
            fallback=move || view! { <p>{i18n.text(Key::DiagnosticsEmpty)}</p> }
        >
            <ol id="diagnostics" class="diagnostics">
                {move || {
                    let lang = i18n.lang.get().code();
                    content
                        .attempts
                        .get()
                        .into_iter()
                        .map(|attempt| {
                            let bytes = attempt.bytes.to_string();
                            view! {
                                <li data-outcome=attempt.outcome.code() data-bytes=bytes>
                                    <span class="when">{format::date_time(attempt.at_ms, lang)}</span>
                                    " · "
                                    <span class="mirror">{attempt.mirror.clone()}</span>
                                    <br />
                                    <span>{i18n.t(outcome_key(&attempt.outcome))}</span>
                                    " "
                                    <span class="bytes">
                                        {i18n.tp(
                                            Plural::DiagnosticsBytes,
                                            attempt.bytes,
                                            &[("bytes", &format::number(attempt.bytes, lang))],
                                        )}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </Show>
    }
}

/// The More screen.
#[component]
pub fn More() -> impl IntoView {
    let i18n = use_i18n();
    let version = format!("{} ({})", env!("CARGO_PKG_VERSION"), build_label());
    view! {
        <section class="screen" data-screen="more">
            <h1>{i18n.text(Key::NavMore)}</h1>
            <h2>{i18n.text(Key::MoreSettings)}</h2>
            <LanguagePicker id="language" />
            <CitizenshipPicker id="citizenship" />
            <Updates />
            <h2>{i18n.text(Key::ShareTitle)}</h2>
            <p>{i18n.text(Key::ShareIntro)}</p>
            <a class="button" id="open-share" href=Page::Share(None).href()>{i18n.text(Key::ShareTitle)}</a>
            <h2>{i18n.text(Key::MoreAbout)}</h2>
            <p>{i18n.text(Key::AboutText)}</p>
            <p class="version" id="app-version">
                {move || i18n.tf(Key::Version, &[("version", &version)])}
            </p>
        </section>
    }
}
