//! One module per destination of the bottom navigation.

mod article;
mod checklists;
mod help;
mod hotlines;
pub(crate) mod more;
mod not_found;
mod rights;
mod share;

pub use article::Article;
pub use checklists::{ChecklistPage, Checklists};
pub use help::Help;
pub use hotlines::{ContactPage, Hotlines};
pub use more::More;
pub use not_found::NotFound;
pub use rights::Rights;
pub use share::Share;

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// A screen's title and introduction; later issues fill the body.
#[component]
fn ScreenIntro(title: Key, intro: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{i18n.text(title)}</h1>
        <p class="intro">{i18n.text(intro)}</p>
    }
}
