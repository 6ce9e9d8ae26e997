//! Help now: emergency numbers with the reader's own embassy or consulate beside them, what to
//! do first in each situation, and a card to show an officer with the reader's rights in
//! Russian beside their own language.

use crate::state::content::use_content;
use crate::state::profile::use_profile;
use jardam_core::content::Pack;
use jardam_core::content::missions;
use jardam_core::route::Page;
use leptos::prelude::*;

use super::ScreenIntro;
use crate::i18n::{self, Key, Lang, use_i18n};
use crate::views::contact::{confirmed_line, label_key, spaced};

/// Articles whose rights are put on the officer card.
const CARD_ARTICLES: [&str; 2] = ["police-check", "detention-rights"];

fn card_texts(pack: &Pack) -> Vec<(String, String, String)> {
    CARD_ARTICLES
        .iter()
        .filter_map(|id| pack.article(id))
        .map(|a| (a.title.clone(), a.summary.clone(), a.lang.clone()))
        .collect()
}

/// The Help now screen.
#[component]
pub fn Help() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let card_open = RwSignal::new(false);
    let profile = use_profile();
    let numbers = move || {
        content.pack.get().map(|pack| {
            pack.emergency_numbers()
                .into_iter()
                .map(|phone| {
                    let number = phone.number.clone();
                    view! {
                        <a class="call-emergency" href=format!("tel:{number}")>
                            <span class="number">{number.clone()}</span>
                            <span>{i18n.text(label_key(phone.label))}</span>
                        </a>
                    }
                })
                .collect_view()
        })
    };
    let own = move || {
        let pack = content.pack.get()?;
        let country = missions::country_of(profile.citizenship.get()?)?;
        let Some((contact, phone)) = missions::own_hotline(&pack, country) else {
            // No number a source prints: the embassy's page, with its address and site.
            let mission = missions::own_mission(&pack, country)?;
            return Some(
                view! {
                    <a class="call-emergency own" href=Page::contact(&mission.id) data-id=mission.id.clone()>
                        <span>{mission.name.clone()}</span>
                        <span class="confirmed">{i18n.text(Key::NoPhone)}</span>
                    </a>
                }
                .into_any(),
            );
        };
        let number = phone.number.clone();
        let confirmed = confirmed_line(contact, phone);
        Some(view! {
            <a class="call-emergency own" href=format!("tel:{number}") data-id=contact.id.clone()>
                <span class="number">{spaced(&number)}</span>
                <span>{contact.name.clone()}</span>
                <span class="confirmed">{confirmed}</span>
            </a>
        }
        .into_any())
    };
    let situations = move || {
        content.pack.get().map(|pack| {
            pack.articles
                .iter()
                .filter(|a| a.emergency)
                .map(|a| {
                    view! {
                        <li data-id=a.id.clone() lang=a.lang.clone()>
                            <a href=Page::article(&a.id)>
                                <strong>{a.title.clone()}</strong>
                                <span class="summary">{a.summary.clone()}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let card = move || {
        let own = content.pack.get()?;
        let russian = content.pack_for("ru").unwrap_or_else(|| own.clone());
        let sides = card_texts(&russian)
            .into_iter()
            .zip(card_texts(&own))
            .map(|((ru_title, ru_summary, _), (title, summary, lang))| {
                let same = lang == "ru";
                view! {
                    <section class="card-pair">
                        <div lang="ru">
                            <h3>{ru_title}</h3>
                            <p>{ru_summary}</p>
                        </div>
                        {(!same).then(|| view! {
                            <div lang=lang.clone()>
                                <h3>{title}</h3>
                                <p>{summary}</p>
                            </div>
                        })}
                    </section>
                }
            })
            .collect_view();
        Some(sides)
    };
    view! {
        <section class="screen" data-screen="help">
            <ScreenIntro title=Key::NavHelp intro=Key::HelpIntro />
            <h2>{i18n.text(Key::HelpNumbers)}</h2>
            <div class="emergency-numbers">{numbers} {own}</div>
            <p class="no-sim">{i18n.text(Key::HelpNoSim)}</p>
            <button id="show-officer" class="primary wide" on:click=move |_| {
                leptos::task::spawn_local(async move {
                    // The card is in Russian whatever the reader's language: fetched (from
                    // the precache once installed) the first time.
                    i18n::load(Lang::Ru).await;
                    card_open.set(true);
                });
            }>
                {i18n.text(Key::ShowToOfficer)}
            </button>
            <h2>{i18n.text(Key::HelpSituations)}</h2>
            <ul class="articles situations">{situations}</ul>
        </section>
        <Show when=move || card_open.get()>
            <div class="officer-card" id="officer-card" role="dialog" aria-modal="true" aria-labelledby="officer-card-title">
                <h2 id="officer-card-title" lang="ru">{i18n::russian(Key::OfficerCardTitle)}</h2>
                <Show when=move || i18n.lang.get() != Lang::Ru>
                    <p class="subtitle">{i18n.text(Key::OfficerCardTitle)}</p>
                </Show>
                {card}
                <button class="primary" on:click=move |_| card_open.set(false)>{i18n.text(Key::CloseCard)}</button>
            </div>
        </Show>
    }
}
