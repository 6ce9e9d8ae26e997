//! What tells a reader how far to trust an item: the review level in words, badges for a needed
//! legal review, a machine translation, figures past their period and proposals, the "not yet
//! translated" note, and the numbered sources.

use jardam_core::content::{Provenance, Review};
use jardam_core::time::date::Date;
use leptos::prelude::*;

use crate::i18n::format;
use crate::i18n::{Key, Plural, use_i18n};

/// `<p class=CLASS data-mark=MARK data-date=DATE>` with `key`'s text for `date` in the reader's
/// language: one view for every dated mark, so each costs no code of its own.
fn dated_note(class: &'static str, mark: &'static str, key: Key, date: Date) -> impl IntoView {
    let i18n = use_i18n();
    let day = date.to_string();
    let shown = day.clone();
    view! {
        <p class=class data-mark=mark data-date=day>
            {move || i18n.tf(key, &[("date", &format::date(&shown, i18n.lang.get().code()))])}
        </p>
    }
}

/// Badges for an item's review level, translation, validity and (for a bill or draft) its
/// proposal date. In a list (`listed`) the machine-translation badge is left to the screen,
/// which says it once.
#[component]
pub fn TrustNotes(
    provenance: Provenance,
    lang: String,
    proposed_as_of: Option<Date>,
    #[prop(optional)] listed: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let fallback = move || lang != i18n.lang.get().code();
    let expired = provenance
        .valid_until
        .filter(|_| provenance.expired(format::today()));
    view! {
        {proposed_as_of.map(|d| dated_note("badge warn", "proposed", Key::Proposed, d))}
        {(provenance.review == Review::NeedsLegalReview)
            .then(|| view! { <p class="badge warn" data-review="needs-legal-review">{i18n.text(Key::ReviewNeedsLegal)}</p> })}
        {expired.map(|d| dated_note("badge warn", "expired", Key::ValidUntilPast, d))}
        {(provenance.machine_translated && !listed)
            .then(|| view! { <p class="badge info" data-review="machine-translated">{i18n.text(Key::ReviewMachine)}</p> })}
        <Show when=fallback>
            <p class="badge info" data-fallback="ru">{i18n.text(Key::NotTranslated)}</p>
        </Show>
    }
}

/// The review level in words: who checked the item against how many sources, and when.
pub fn checked_line(provenance: &Provenance) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let checked = provenance.checked_on.to_string();
    let count = provenance.sources.len();
    let reviewer = provenance.reviewed_by.clone();
    let line = move || {
        let date = format::date(&checked, i18n.lang.get().code());
        match &reviewer {
            Some(name) => i18n.tf(Key::ReviewedBy, &[("name", name), ("date", &date)]),
            None => i18n.tp(
                Plural::CheckedSources,
                count as u64,
                &[("count", &count.to_string()), ("date", &date)],
            ),
        }
    };
    view! {
        <p class="verified" data-checked-on=provenance.checked_on.to_string() data-level=provenance.review.as_str()>{line}</p>
    }
}

/// The review level, how long the figures hold, and the sources, numbered as the text cites them.
#[component]
pub fn Sources(provenance: Provenance) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {checked_line(&provenance)}
        {provenance.valid_until.map(|d| dated_note("muted", "valid-until", Key::ValidUntil, d))}
        <h2>{i18n.text(Key::Sources)}</h2>
        <ol class="sources">
            {provenance.sources
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
