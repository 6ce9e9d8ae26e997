//! What tells a reader how far to trust an item: review badges, the "not yet translated" note,
//! the date it was checked and its sources.

use jardam_core::content::{Review, Source};
use jardam_core::date::Date;
use leptos::prelude::*;

use crate::format;
use crate::i18n::{Key, use_i18n};

/// Badges for an item's review status and language.
#[component]
pub fn TrustNotes(review: Review, lang: String) -> impl IntoView {
    let i18n = use_i18n();
    let fallback = move || lang != i18n.lang.get().code();
    view! {
        {(review == Review::NeedsLegalReview)
            .then(|| view! { <p class="badge warn" data-review="needs-legal-review">{i18n.text(Key::ReviewNeedsLegal)}</p> })}
        {(review == Review::MachineTranslated)
            .then(|| view! { <p class="badge info" data-review="machine-translated">{i18n.text(Key::ReviewMachine)}</p> })}
        <Show when=fallback>
            <p class="badge info" data-fallback="ru">{i18n.text(Key::NotTranslated)}</p>
        </Show>
    }
}

/// "Checked against sources on DATE" and the list of sources.
#[component]
pub fn Sources(verified_on: Date, sources: Vec<Source>) -> impl IntoView {
    let i18n = use_i18n();
    let verified = verified_on.to_string();
    let verified_attr = verified.clone();
    view! {
        <p class="verified" data-verified-on=verified_attr>
            {move || i18n.tf(Key::VerifiedOn, &[("date", &format::date(&verified, i18n.lang.get().code()))])}
        </p>
        <h2>{i18n.text(Key::Sources)}</h2>
        <ul class="sources">
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
        </ul>
    }
}
