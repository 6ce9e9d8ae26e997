//! The app root: shared state, routes and the shell around them.

use leptos::prelude::*;

use jardam_core::route::Page;
use jardam_core::sync::Trigger;
use leptos::task::spawn_local;

use crate::i18n::{I18n, Lang, use_i18n};
use crate::platform::location::Location;
use crate::platform::network::Status;
use crate::platform::store::{Store, StoreError};
use crate::platform::{document, service_worker};
use crate::screens::{
    Article, ChecklistPage, Checklists, ContactPage, Help, Hotlines, More, NotFound, Rights, Share,
};
use crate::shell::{BottomNav, Header, Notices};
use crate::state::content::Content;
use crate::state::profile::Profile;
use crate::state::sync;
use crate::views::search::Search;

/// The whole app, in `lang` (whose strings are loaded) or, when `missing` is set, in `lang`
/// instead of that one; `store` is the device's database as opening it ended.
#[component]
pub fn App(lang: Lang, missing: Option<Lang>, store: Result<Store, StoreError>) -> impl IntoView {
    provide_context(I18n {
        lang: RwSignal::new(lang),
        unavailable: RwSignal::new(missing),
    });
    provide_context(service_worker::register());
    provide_context(Status::follow());
    provide_context(Profile::load());
    provide_context(Search::new());
    let content = Content::new();
    provide_context(content);
    let i18n = use_i18n();
    let lang_code = move || i18n.lang.get_untracked().code().to_owned();
    document::set_lang(lang.code());
    spawn_local(async move {
        let lang = lang_code();
        content.start(store, &lang).await;
        // The reader's pack may be missing from the device (the app was closed right after a
        // language switch, before the pack was stored): the bundled feed has it, offline too.
        if !content.has(&lang) && content.add_bundled(&lang).await {
            content.show(&lang);
        }
        document::take_over();
        sync::run(content, Trigger::Start, lang).await;
    });
    sync::schedule(content, lang_code);
    let location = Location::follow();
    provide_context(location);
    let page = location.page();
    view! {
        <Header />
        <Notices />
        <main id="main">{move || screen(page.get())}</main>
        <BottomNav />
    }
}

/// The screen for `page`.
fn screen(page: Page) -> AnyView {
    match page {
        Page::Start | Page::Rights => view! { <Rights /> }.into_any(),
        Page::Article(id) => view! { <Article id=id /> }.into_any(),
        Page::Hotlines => view! { <Hotlines /> }.into_any(),
        Page::Contact(id) => view! { <ContactPage id=id /> }.into_any(),
        Page::Checklists => view! { <Checklists /> }.into_any(),
        Page::Checklist(id) => view! { <ChecklistPage id=id /> }.into_any(),
        Page::NotFound => view! { <NotFound /> }.into_any(),
        Page::Help => view! { <Help /> }.into_any(),
        Page::More => view! { <More /> }.into_any(),
        Page::Share(mode) => view! { <Share mode=mode /> }.into_any(),
    }
}
