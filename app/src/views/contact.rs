//! A contact card: tap to call, copy the number, when each number was last confirmed; WhatsApp
//! and Telegram only with a warning that they may not work in Russia; how fresh it is.

use crate::state::content::use_content;
use crate::state::profile::use_profile;
use jardam_core::content::{ALL_REGIONS, Contact, ContactKind, Phone, PhoneLabel};
use jardam_core::route::Page;
use jardam_core::time::date::Weekday;
use jardam_core::time::hours::{ClockTime, OpenState, open_state};
use leptos::prelude::*;

use crate::i18n::format;
use crate::i18n::{Key, Lang, use_i18n};
use crate::platform::document;
use crate::shell::icons::{Icon, IconView};
use crate::views::trust::{TrustNotes, checked_line};

/// Days after which a contact looks stale.
const STALE_AFTER_DAYS: i64 = 365;

/// The article that explains why messenger links may not work in Russia.
const MESSENGERS_ARTICLE: &str = "messengers-in-russia";

/// The heading key of a contact kind's group.
pub fn kind_key(kind: ContactKind) -> Key {
    match kind {
        ContactKind::Emergency => Key::KindEmergency,
        ContactKind::Embassy | ContactKind::Consulate => Key::KindEmbassy,
        ContactKind::Ministry => Key::KindMinistry,
        ContactKind::Ngo => Key::KindNgo,
        ContactKind::Hotline => Key::KindHotline,
    }
}

/// The UI string naming what a phone number reaches.
pub fn label_key(label: PhoneLabel) -> Key {
    match label {
        PhoneLabel::Hotline => Key::LabelHotline,
        PhoneLabel::Reception => Key::LabelReception,
        PhoneLabel::Consular => Key::LabelConsular,
        PhoneLabel::Emergency => Key::LabelEmergency,
        PhoneLabel::Police => Key::LabelPolice,
        PhoneLabel::Ambulance => Key::LabelAmbulance,
        PhoneLabel::Office => Key::LabelOffice,
    }
}

/// `+79251155047` as `+7 925 115 50 47` for reading aloud; other numbers unchanged.
pub fn spaced(number: &str) -> String {
    match number.strip_prefix("+7") {
        Some(rest) if rest.len() == 10 => format!(
            "+7 {} {} {} {}",
            &rest[..3],
            &rest[3..6],
            &rest[6..8],
            &rest[8..]
        ),
        _ => number.to_owned(),
    }
}

fn copy(text: &str, done: RwSignal<bool>) {
    let promise = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
            done.set(true);
        }
    });
}

/// "Open now · until 18:00" or "Closed now · opens Mon 09:00", in Moscow time.
fn opening(contact: &Contact, i18n: crate::i18n::I18n) -> Option<(String, bool)> {
    let hhmm = |t: ClockTime| format!("{:02}:{:02}", t.hour(), t.minute());
    match open_state(contact, js_sys::Date::now() as i64) {
        OpenState::Unknown => None,
        OpenState::Open { closes_at: None } => Some((i18n.t(Key::OpenAlways).to_owned(), true)),
        OpenState::Open {
            closes_at: Some((_, time)),
        } => Some((i18n.tf(Key::OpenUntil, &[("time", &hhmm(time))]), true)),
        OpenState::Closed {
            opens_next: (day, time),
        } => {
            let index = Weekday::ALL.iter().position(|d| *d == day).unwrap_or(0);
            let day = format::weekday(i18n, index);
            Some((
                i18n.tf(Key::ClosedOpens, &[("day", &day), ("time", &hhmm(time))]),
                false,
            ))
        }
    }
}

/// "Number printed by a source dated …" (or "… undated source") for one of `contact`'s phones,
/// in the reader's language.
pub fn confirmed_line(contact: &Contact, phone: &Phone) -> impl Fn() -> String + use<> {
    let i18n = use_i18n();
    let printed = contact
        .provenance
        .sources
        .get(phone.source as usize - 1)
        .and_then(|s| s.date)
        .map(|d| d.to_string());
    move || match &printed {
        Some(date) => i18n.tf(
            Key::PhoneConfirmed,
            &[("date", &format::date(date, i18n.lang.get().code()))],
        ),
        None => i18n.t(Key::PhoneUndated).to_owned(),
    }
}

/// One organisation, with everything needed to reach it.
#[component]
pub fn ContactCard(contact: Contact, #[prop(optional)] linked: bool) -> impl IntoView {
    let i18n = use_i18n();
    let stale = format::today().days_since_epoch() - contact.provenance.newest().days_since_epoch()
        > STALE_AFTER_DAYS;
    let href = Page::contact(&contact.id);
    let name = contact.name.clone();
    let languages = contact
        .languages
        .iter()
        .map(|code| Lang::from_code(code).map_or(code.clone(), |l| l.native_name().to_owned()))
        .collect::<Vec<_>>()
        .join(", ");
    let all_regions = contact.regions.iter().any(|r| r == ALL_REGIONS);
    let content = use_content();
    let region_ids = contact.regions.clone();
    let regions = move || {
        content.pack.with(|pack| {
            let pack = pack.as_ref();
            region_ids
                .iter()
                .map(|id| {
                    pack.and_then(|p| p.region(id))
                        .map_or(id.as_str(), |r| r.title.as_str())
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let emergency = contact.kind == ContactKind::Emergency;
    let phones = contact
        .phones
        .iter()
        .map(|phone| {
            let number = phone.number.clone();
            let shown = spaced(&number);
            let label = label_key(phone.label);
            let copied = RwSignal::new(false);
            let tel = format!("tel:{number}");
            let unanswered = phone.unanswered_on.map(|d| d.to_string());
            let confirmed = (!emergency).then(|| confirmed_line(&contact, phone));
            view! {
                <li class="phone">
                    <a class="call" href=tel>
                        <span class="label">{i18n.text(label)}</span>
                        <span class="number">{shown.clone()}</span>
                    </a>
                    <button class="copy" on:click=move |_| copy(&number, copied)>
                        {move || i18n.t(if copied.get() { Key::Copied } else { Key::CopyNumber })}
                    </button>
                    <span class="confirmed">{confirmed}</span>
                    {unanswered.map(|date| view! {
                        <span class="unanswered">
                            {move || i18n.tf(Key::PhoneUnanswered, &[("date", &format::date(&date, i18n.lang.get().code()))])}
                        </span>
                    })}
                </li>
            }
        })
        .collect_view();
    let no_phone = contact.phones.is_empty();
    let hours = {
        let contact = contact.clone();
        move || {
            opening(&contact, i18n).map(|(text, open)| {
                view! { <p class="hours" data-open=open.to_string()>{text}</p> }
            })
        }
    };
    let whatsapp = contact.whatsapp.as_ref().map(|n| {
        let digits: String = n.chars().filter(char::is_ascii_digit).collect();
        view! { <a class="chat" href=format!("https://wa.me/{digits}") rel="noopener noreferrer">"WhatsApp"</a> }
    });
    let telegram = contact.telegram.as_ref().map(|name| {
        view! { <a class="chat" href=format!("https://t.me/{name}") rel="noopener noreferrer">"Telegram"</a> }
    });
    let messengers = (whatsapp.is_some() || telegram.is_some()).then(|| {
        view! {
            <p class="chats">
                {whatsapp} {telegram}
                <span class="messenger-warning">
                    {i18n.text(Key::MessengersWarning)} " "
                    <a href=Page::article(MESSENGERS_ARTICLE)>{i18n.text(Key::MessengersWhy)}</a>
                </span>
            </p>
        }
    });
    let email = contact
        .email
        .as_ref()
        .map(|mail| view! { <a href=format!("mailto:{mail}")>{mail.clone()}</a> });
    let website = contact.website.as_ref().map(|url| {
        let host = url.split('/').nth(2).unwrap_or(url).trim_start_matches("www.");
        view! { <a href=url.clone() target="_blank" rel="noopener noreferrer">{host.to_owned()}</a> }
    });
    view! {
        <article class="contact" class:stale=stale data-id=contact.id.clone() data-kind=contact.kind.as_str()>
            <div class="contact-head">
                <h3 lang=contact.lang.clone()>
                    {if linked {
                        view! { <a href=href>{name}</a> }.into_any()
                    } else {
                        name.into_any()
                    }}
                </h3>
                <PinButton id=contact.id.clone() name=contact.name.clone() />
            </div>
            <ul class="phones">{phones}</ul>
            {no_phone.then(|| view! { <p class="muted">{i18n.text(Key::NoPhone)}</p> })}
            <TrustNotes provenance=contact.provenance.clone() lang=contact.lang.clone() proposed_as_of=None listed=linked />
            {contact.note.clone().map(|note| view! { <p lang=contact.lang.clone()>{note}</p> })}
            {hours}
            {messengers}
            <p class="chats">{email} {website}</p>
            {contact.address.clone().map(|a| view! { <p>{a}</p> })}
            <p class="muted">
                <span class="serves">
                    {move || {
                        let list = if all_regions { i18n.t(Key::ServesAll).to_owned() } else { regions() };
                        i18n.tf(Key::Serves, &[("list", &list)])
                    }}
                </span>
                <br />
                {move || i18n.tf(Key::LanguagesSpoken, &[("list", &languages)])}
                {(contact.free == Some(true)).then(|| view! { <br /> {i18n.text(Key::FreeCall)} })}
            </p>
            {checked_line(&contact.provenance)}
            {stale.then(|| view! { <p class="badge warn" data-stale="true">{i18n.text(Key::Stale)}</p> })}
        </article>
    }
}

/// Pins a contact at the top of Hotlines, or unpins it; a star that is filled when pinned.
#[component]
fn PinButton(id: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let profile = use_profile();
    let pinned = {
        let id = id.clone();
        Memo::new(move |_| profile.favourites.with(|ids| ids.contains(&id)))
    };
    let label = move || {
        let key = if pinned.get() {
            Key::FavouriteRemove
        } else {
            Key::FavouriteAdd
        };
        i18n.tf(key, &[("name", &name)])
    };
    view! {
        <button
            class="pin"
            aria-pressed=move || pinned.get().to_string()
            aria-label=label
            on:click=move |_| {
                profile.toggle_favourite(&id);
                document::focus_after_redraw(format!(".contact[data-id='{id}'] .pin"));
            }
        >
            <IconView icon=Icon::Pin />
        </button>
    }
}
