//! The frame of a detail page: a way back, then the item, or a note that it is not on the phone.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};
use crate::sharing::{self, Shared};

/// A detail screen named `screen`, with a Back link to `back`, a Share button for this page's
/// link and the view `page` makes; `page` gives `None` when the item is not on the phone.
#[component]
pub fn Detail(
    screen: &'static str,
    back: &'static str,
    page: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let share = move |_| {
        let path = window().location().pathname().unwrap_or_default();
        let title = document()
            .query_selector("main h1, main .contact h3")
            .ok()
            .flatten()
            .and_then(|h1| h1.text_content())
            .unwrap_or_else(|| "Jardam".to_owned());
        leptos::task::spawn_local(async move {
            let shared = sharing::share(&title, &sharing::page_url(&path)).await;
            copied.set(shared == Shared::Copied);
        });
    };
    view! {
        <section class="screen" data-screen=screen>
            <div class="detail-bar">
                <a class="back" href=back>{i18n.text(Key::Back)}</a>
                <button class="share-item" id="share-item" on:click=share>{i18n.text(Key::ShareItem)}</button>
            </div>
            <p role="status" class="share-status">{move || copied.get().then(|| i18n.t(Key::LinkCopied))}</p>
            {move || page().unwrap_or_else(|| view! { <p>{i18n.t(Key::ItemNotFound)}</p> }.into_any())}
        </section>
    }
}
