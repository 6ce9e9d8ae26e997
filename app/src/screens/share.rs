//! Share Jardam (`/share`): a QR code made on the phone, the share sheet or a copied link,
//! install steps, consultant mode (`/share/consultant`), a printable poster and handout
//! (`/share/poster`, `/share/handout`), each also in a "before you fly" version for departure
//! airports and pre-departure consultations (`/share/MODE-departure`), and the content
//! hand-off file.

use crate::platform::service_worker::use_pwa;
use crate::state::content::use_content;
use jardam_core::feed::bundle::{ImportError, MAX_BUNDLE_BYTES};
use jardam_core::route::Page;
use jardam_core::sync::Outcome;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::more::outcome_key;
use crate::i18n::{self, Key, Lang, text_in, use_i18n};
use crate::platform::files;
use crate::platform::sharing::{self, Shared};
use crate::state::handoff;
use crate::views::contact::label_key;

/// The app's address as a QR code, drawn as SVG once the encoder has loaded.
#[component]
fn QrCode(url: String) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(None::<jardam_core::qr::QrSvg>);
    {
        let url = url.clone();
        leptos::task::spawn_local(async move { code.set(sharing::qr_code(&url).await) });
    }
    let label = move || i18n.tf(Key::ShareQr, &[("url", &url)]);
    move || {
        code.get().map(|qr| {
            let side = qr.side;
            view! {
                <svg class="qr" role="img" aria-label=label.clone() viewBox=format!("0 0 {side} {side}")
                    shape-rendering="crispEdges">
                    <rect width=side height=side fill="#fff"></rect>
                    <path d=qr.path fill="#000"></path>
                </svg>
            }
        })
    }
}

/// The address as people type it: no scheme, no trailing slash.
fn short(url: &str) -> String {
    url.split_once("://")
        .map_or(url, |(_, rest)| rest)
        .trim_end_matches('/')
        .to_owned()
}

/// `/share` and its modes (`/share/MODE`, `/share/MODE-departure`).
#[component]
pub fn Share(mode: Option<String>) -> impl IntoView {
    let mode = mode.unwrap_or_default();
    let (mode, departure) = match mode.strip_suffix("-departure") {
        Some(mode) => (mode, true),
        None => (mode.as_str(), false),
    };
    match mode {
        "consultant" => view! { <Consultant departure /> }.into_any(),
        "poster" | "handout" => {
            view! { <PrintSheet poster=mode == "poster" departure /> }.into_any()
        }
        _ => view! { <ShareHome /> }.into_any(),
    }
}

#[component]
fn ShareHome() -> impl IntoView {
    let i18n = use_i18n();
    let pwa = use_pwa();
    let url = sharing::app_url();
    let status = RwSignal::new(None::<Key>);
    let share = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let shared = sharing::share("Jardam", &url).await;
                status.set((shared == Shared::Copied).then_some(Key::LinkCopied));
            });
        }
    };
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let copied = sharing::copy(&url).await == Shared::Copied;
                status.set(copied.then_some(Key::LinkCopied));
            });
        }
    };
    let installed = sharing::running_installed();
    view! {
        <section class="screen" data-screen="share">
            <h1>{i18n.text(Key::ShareTitle)}</h1>
            <p class="intro">{i18n.text(Key::ShareIntro)}</p>
            <figure class="qr-frame">
                <QrCode url=url.clone() />
                <figcaption class="short-url">{short(&url)}</figcaption>
            </figure>
            <div class="actions">
                <button class="primary" id="share-app" on:click=share>{i18n.text(Key::ShareLink)}</button>
                <button id="copy-app-link" on:click=copy>{i18n.text(Key::CopyLink)}</button>
            </div>
            <p role="status" id="share-status">{move || status.get().map(|key| i18n.t(key))}</p>

            <h2>{i18n.text(Key::InstallTitle)}</h2>
            {installed.then(|| view! { <p id="installed">{i18n.text(Key::InstalledAlready)}</p> })}
            <Show when=move || pwa.can_install.get()>
                <button class="primary" id="install-app" on:click=move |_| pwa.install()>
                    {i18n.text(Key::InstallButton)}
                </button>
            </Show>
            <InstallSteps lang=None />

            <h2>{i18n.text(Key::ConsultantTitle)}</h2>
            <p>{i18n.text(Key::ConsultantIntro)}</p>
            <a class="button" id="open-consultant" href=Page::share("consultant")>{i18n.text(Key::ConsultantTitle)}</a>

            <h2>{i18n.text(Key::PrintTitle)}</h2>
            <div class="actions">
                <a class="button" id="open-poster" href=Page::share("poster")>{i18n.text(Key::PrintPoster)}</a>
                <a class="button" id="open-handout" href=Page::share("handout")>{i18n.text(Key::PrintHandout)}</a>
            </div>

            <h2>{i18n.text(Key::DepartureTitle)}</h2>
            <p>{i18n.text(Key::DepartureIntro)}</p>
            <div class="actions">
                <a class="button" id="open-consultant-departure" href=Page::share("consultant-departure")>{i18n.text(Key::ConsultantTitle)}</a>
                <a class="button" id="open-poster-departure" href=Page::share("poster-departure")>{i18n.text(Key::PrintPoster)}</a>
                <a class="button" id="open-handout-departure" href=Page::share("handout-departure")>{i18n.text(Key::PrintHandout)}</a>
            </div>

            <Handoff />
        </section>
    }
}

/// How to put Jardam on the home screen, in `lang` (the reader's when `None`).
#[component]
fn InstallSteps(lang: Option<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move |key: Key| lang.map_or_else(|| i18n.t(key), |lang| text_in(lang, key));
    view! {
        <ul class="install-steps">
            <li>{move || text(Key::InstallAndroid)}</li>
            <li>{move || text(Key::InstallIphone)}</li>
        </ul>
    }
}

/// Consultant mode: the code as large as the screen allows, the steps in all five languages,
/// and the screen kept on; before a flight, also why to install now.
#[component]
fn Consultant(departure: bool) -> impl IntoView {
    let i18n = use_i18n();
    let url = sharing::app_url();
    let lock = StoredValue::new_local(None::<wasm_bindgen::JsValue>);
    let awake = move || {
        leptos::task::spawn_local(async move {
            if let Some(old) = lock.get_value() {
                sharing::release(&old);
            }
            lock.set_value(sharing::keep_awake().await);
        });
    };
    awake();
    // The browser drops the lock when the page is hidden: take it again on return.
    let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            awake();
        }
    });
    on_cleanup(move || {
        visible.remove();
        if let Some(held) = lock.get_value() {
            sharing::release(&held);
        }
    });
    // Each language's strings are fetched (from the precache once installed) on first use.
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        for lang in Lang::ALL {
            i18n::load(lang).await;
        }
        ready.set(true);
    });
    let languages = move || {
        ready.get().then(|| {
            Lang::ALL
                .into_iter()
                .filter(|lang| i18n::loaded(*lang))
                .map(|lang| {
                    view! {
                        <div class="consultant-lang" lang=lang.code()>
                            {departure.then(|| view! { <p class="departure">{text_in(lang, Key::DepartureNote)}</p> })}
                            <p class="scan">{text_in(lang, Key::ConsultantScan)}</p>
                            <InstallSteps lang=Some(lang) />
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="consultant" data-screen="consultant" id="consultant">
            <a class="button close" href=Page::Share(None).href()>{i18n.text(Key::Close)}</a>
            <QrCode url=url.clone() />
            <p class="short-url">{short(&url)}</p>
            {languages}
        </section>
    }
}

/// A poster (A4) or handout (A6) for the browser's print: the code, the steps and the numbers
/// to remember, in the reader's language; before a flight, also why to install now.
#[component]
fn PrintSheet(poster: bool, departure: bool) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let url = sharing::app_url();
    let numbers = move || {
        content.pack.get().map(|pack| {
            pack.emergency_numbers()
                .into_iter()
                .map(|phone| {
                    let number = phone.number.clone();
                    view! { <li><strong>{number}</strong> " " {i18n.text(label_key(phone.label))}</li> }
                })
                .collect_view()
        })
    };
    let size = if poster { "poster" } else { "handout" };
    view! {
        <section class="screen print-screen" data-screen="print">
            <div class="no-print actions">
                <a class="back" href=Page::Share(None).href()>{i18n.text(Key::Back)}</a>
                <button
                    class="primary"
                    id="print-now"
                    disabled=move || content.pack.with(Option::is_none)
                    on:click=move |_| { let _ = window().print(); }
                >
                    {i18n.text(Key::PrintNow)}
                </button>
            </div>
            <div class="sheet" data-size=size id="print-sheet">
                <p class="sheet-brand">"Jardam"</p>
                {departure.then(|| view! { <p class="departure">{i18n.text(Key::DepartureNote)}</p> })}
                <p class="scan">{i18n.text(Key::ConsultantScan)}</p>
                <QrCode url=url.clone() />
                <p class="short-url">{short(&url)}</p>
                <InstallSteps lang=None />
                <h2>{i18n.text(Key::PrintNumbers)}</h2>
                <ul class="sheet-numbers">{numbers}</ul>
            </div>
        </section>
    }
}

/// The hand-off file: save the content, or open a file someone passed on.
#[component]
fn Handoff() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let result = RwSignal::new(None::<(String, bool)>);
    let export = move |_| {
        leptos::task::spawn_local(async move {
            if !handoff::export(content).await {
                result.set(Some((i18n.t(Key::ExportFailed).to_owned(), false)));
            }
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let lang = i18n.lang.get_untracked().code();
            let outcome = match files::read_picked(&input, MAX_BUNDLE_BYTES).await {
                Ok(None) => return,
                Ok(Some(bytes)) => handoff::import(content, &bytes, lang).await,
                Err(true) => Err(ImportError::TooLarge),
                Err(false) => Err(ImportError::NotABundle),
            };
            input.set_value("");
            let message = match &outcome {
                Ok(version) => i18n.tf(Key::ImportOk, &[("version", &version.to_string())]),
                Err(ImportError::SameVersion { version }) => {
                    i18n.tf(Key::ImportSame, &[("version", &version.to_string())])
                }
                Err(ImportError::Refused(Outcome::OlderVersion { offered, installed })) => i18n.tf(
                    Key::ImportOlder,
                    &[
                        ("offered", &offered.to_string()),
                        ("installed", &installed.to_string()),
                    ],
                ),
                Err(ImportError::NotABundle) => i18n.t(Key::ImportNotFile).to_owned(),
                Err(ImportError::TooLarge) => i18n.t(Key::ImportTooLarge).to_owned(),
                Err(ImportError::NoPackForReader) => i18n.t(Key::ImportNoPack).to_owned(),
                Err(ImportError::Refused(outcome)) => i18n.t(outcome_key(outcome)).to_owned(),
            };
            result.set(Some((message, outcome.is_ok())));
        });
    };
    view! {
        <h2>{i18n.text(Key::HandoffTitle)}</h2>
        <p>{i18n.text(Key::HandoffIntro)}</p>
        <button id="export-content" on:click=export>{i18n.text(Key::ExportButton)}</button>
        <label class="field file-field">
            <span>{i18n.text(Key::ImportLabel)}</span>
            <input type="file" id="import-content" accept=".json,application/json" on:change=import />
        </label>
        <p role="status" id="handoff-status" data-ok=move || result.get().map(|(_, ok)| ok.to_string())>
            {move || result.get().map(|(message, _)| message)}
        </p>
    }
}
