//! The list of letter templates: what each is for, a link to its form.

use jardam_core::content::letter::{self, PackLetters};
use leptos::prelude::*;

use crate::i18n::{LetterKey, use_i18n};

/// Every letter template on the phone, by title.
#[component]
pub(super) fn LetterList(letters: PackLetters) -> impl IntoView {
    let i18n = use_i18n();
    let items = letters
        .letters
        .iter()
        .map(|l| {
            view! {
                <li data-id=l.id.clone() lang=l.lang.clone()>
                    <a href=letter::page(&l.id)>
                        <strong>{l.title.clone()}</strong>
                        <span class="summary">{l.summary.clone()}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{i18n.letter(LetterKey::Title)}</h1>
        <p class="intro">{i18n.letter(LetterKey::Intro)}</p>
        <ul class="articles letters" id="letter-list">{items}</ul>
    }
}
