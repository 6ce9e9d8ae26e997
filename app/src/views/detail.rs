//! The frame of a detail page: a way back, then the item, or a note that it is not on the phone.

use jardam_core::route::Page;
use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};
use crate::platform::sharing::{self, Shared};

/// A detail screen named `screen`, with a Back link to `back`, a Share button for this page's
/// link under the item's `title`, and the view `page` makes; `page` gives `None` when the item
/// is not on the phone.
#[component]
pub fn Detail(
    screen: &'static str,
    back: Page,
    title: impl Fn() -> Option<String> + Send + Sync + 'static,
    page: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let share = move |_| {
        let path = window().location().pathname().unwrap_or_default();
        let title = title().unwrap_or_else(|| "Jardam".to_owned());
        leptos::task::spawn_local(async move {
            let shared = sharing::share(&title, &sharing::page_url(&path)).await;
            copied.set(shared == Shared::Copied);
        });
    };
    view! {
        <section class="screen" data-screen=screen>
            <div class="detail-bar">
                <a class="back" href=back.href()>{i18n.text(Key::Back)}</a>
                <button class="share-item" id="share-item" on:click=share>{i18n.text(Key::ShareItem)}</button>
            </div>
            <p role="status" class="share-status">{move || copied.get().then(|| i18n.t(Key::LinkCopied))}</p>
            {move || page().unwrap_or_else(|| view! { <p>{i18n.t(Key::ItemNotFound)}</p> }.into_any())}
        </section>
    }
}
