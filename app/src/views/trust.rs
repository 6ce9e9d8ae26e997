//! What tells a reader how far to trust an item: the review level in words, badges for a needed
//! legal review, a machine translation, figures past their period and proposals, the "not yet
//! translated" note, and the numbered sources.

use jardam_core::content::{Provenance, Review};
use jardam_core::date::Date;
use leptos::prelude::*;

use crate::format;
use crate::i18n::{Key, Plural, use_i18n};

/// Badges for an item's review level, translation, validity and (for a bill or draft) its
/// proposal date.
#[component]
pub fn TrustNotes(
    provenance: Provenance,
    lang: String,
    proposed_as_of: Option<Date>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fallback = move || lang != i18n.lang.get().code();
    let dated = move |key: Key, date: Date| {
        let date = date.to_string();
        move || {
            i18n.tf(
                key,
                &[("date", &format::date(&date, i18n.lang.get().code()))],
            )
        }
    };
    let expired = provenance
        .valid_until
        .filter(|_| provenance.expired(format::today()));
    view! {
        {proposed_as_of.map(|d| view! { <p class="badge warn" data-proposed=d.to_string()>{dated(Key::Proposed, d)}</p> })}
        {(provenance.review == Review::NeedsLegalReview)
            .then(|| view! { <p class="badge warn" data-review="needs-legal-review">{i18n.text(Key::ReviewNeedsLegal)}</p> })}
        {expired.map(|d| view! { <p class="badge warn" data-expired=d.to_string()>{dated(Key::ValidUntilPast, d)}</p> })}
        {provenance.machine_translated
            .then(|| view! { <p class="badge info" data-review="machine-translated">{i18n.text(Key::ReviewMachine)}</p> })}
        <Show when=fallback>
            <p class="badge info" data-fallback="ru">{i18n.text(Key::NotTranslated)}</p>
        </Show>
    }
}

/// The review level in words: who checked the item against how many sources, and when.
#[component]
pub fn CheckedLine(provenance: Provenance) -> impl IntoView {
    let i18n = use_i18n();
    let checked = provenance.checked_on.to_string();
    let count = provenance.sources.len();
    let line = move || {
        let date = format::date(&checked, i18n.lang.get().code());
        match &provenance.reviewed_by {
            Some(name) => i18n.tf(Key::ReviewedBy, &[("name", name), ("date", &date)]),
            None => i18n.tp(
                Plural::CheckedSources,
                count as u64,
                &[("count", &count.to_string()), ("date", &date)],
            ),
        }
    };
    view! {
        <p class="verified" data-checked-on=provenance.checked_on.to_string() data-review=provenance.review.as_str()>{line}</p>
    }
}

/// The review level, how long the figures hold, and the sources, numbered as the text cites them.
#[component]
pub fn Sources(provenance: Provenance) -> impl IntoView {
    let i18n = use_i18n();
    let valid = provenance.valid_until.map(|d| {
        let date = d.to_string();
        view! {
            <p class="muted" data-valid-until=d.to_string()>
                {move || i18n.tf(Key::ValidUntil, &[("date", &format::date(&date, i18n.lang.get().code()))])}
            </p>
        }
    });
    let sources = provenance.sources.clone();
    view! {
        <CheckedLine provenance=provenance />
        {valid}
        <h2>{i18n.text(Key::Sources)}</h2>
        <ol class="sources">
            {sources
                .into_iter()
                .map(|source| {
                    let date = source.date.map(|d| d.to_string());
                    view! {
                        <li>
                            <a href=source.url.clone() target="_blank" rel="noopener noreferrer" lang="en">{source.title.clone()}</a>
                            " · "
                            {move || match &date {
                                Some(d) => format::date(d, i18n.lang.get().code()),
                                None => i18n.t(Key::SourceUndated).to_owned(),
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
