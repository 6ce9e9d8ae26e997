//! The frame of a detail page: a way back, then the item, or a note that it is not on the phone.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// A detail screen named `screen`, with a Back link to `back` and the view `page` makes;
/// `page` gives `None` when the item is not in the content on the phone.
#[component]
pub fn Detail(
    screen: &'static str,
    back: &'static str,
    page: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen" data-screen=screen>
            <p><a class="back" href=back>{move || i18n.t(Key::Back)}</a></p>
            {move || page().unwrap_or_else(|| view! { <p>{i18n.t(Key::ItemNotFound)}</p> }.into_any())}
        </section>
    }
}
