//! One rights article: its text, how far to trust it, its sources, what to read and whom to
//! call next.

use crate::i18n::{Key, use_i18n};
use crate::state::content::use_content;
use crate::views::contact::ContactCard;
use crate::views::detail::Detail;
use crate::views::markup;
use crate::views::trust::{Sources, TrustNotes};
use jardam_core::route::Page;
use leptos::prelude::*;

/// The article named in the route (`/rights/ID`).
#[component]
pub fn Article(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let title = {
        let id = id.clone();
        move || Some(content.pack.get()?.article(&id)?.title.clone())
    };
    let page = move || {
        let pack = content.pack.get()?;
        let article = pack.article(&id)?.clone();
        let related = article
            .related
            .iter()
            .filter_map(|id| pack.article(id))
            .map(|a| view! { <li lang=a.lang.clone()><a href=Page::article(&a.id)>{a.title.clone()}</a></li> })
            .collect_view();
        let contacts = article
            .contacts
            .iter()
            .filter_map(|id| pack.contact(id).cloned())
            .map(|contact| view! { <ContactCard contact=contact linked=true /> })
            .collect_view();
        let has_related = !article.related.is_empty();
        let has_contacts = !article.contacts.is_empty();
        Some(view! {
            <article class="article" data-id=article.id.clone() lang=article.lang.clone()>
                <h1>{article.title.clone()}</h1>
                <TrustNotes provenance=article.provenance.clone() lang=article.lang.clone() proposed_as_of=article.proposed_as_of />
                <p class="lead">{article.summary.clone()}</p>
                <div class="body">{markup::body(&article.body, &article.provenance.sources)}</div>
            </article>
            {has_contacts.then(|| view! {
                <h2>{i18n.text(Key::WhoToCall)}</h2>
                <div class="contacts">{contacts}</div>
            })}
            {has_related.then(|| view! {
                <h2>{i18n.text(Key::Related)}</h2>
                <ul class="related">{related}</ul>
            })}
            <Sources provenance=article.provenance.clone() />
        })
    };
    view! { <Detail screen="article" back=Page::Rights title page=move || page().map(IntoAny::into_any) /> }
}
