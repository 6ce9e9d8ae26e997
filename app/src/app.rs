//! The app root: shared state, routes and the shell around them.

use leptos::prelude::*;

use jardam_core::route::Page;
use jardam_core::sync::Trigger;
use leptos::task::spawn_local;

use crate::content::Content;
use crate::i18n::{I18n, Lang, use_i18n};
use crate::profile::Profile;
use crate::route::Location;
use crate::screens::{
    Article, ChecklistPage, Checklists, ContactPage, Help, Hotlines, More, NotFound, Rights, Share,
};
use crate::shell::{BottomNav, Header, Notices};
use crate::store::{Store, StoreError};
use crate::views::search::Search;
use crate::{feed, network, prefs, pwa, sync};

/// Connection state shown in the header.
#[derive(Clone, Copy)]
pub struct Status {
    /// Whether the browser reports a network connection.
    pub online: ReadSignal<bool>,
}

/// The whole app, in `lang` (whose strings are loaded) or, when `missing` is set, in `lang`
/// instead of that one; `store` is the device's database as opening it ended.
#[component]
pub fn App(lang: Lang, missing: Option<Lang>, store: Result<Store, StoreError>) -> impl IntoView {
    provide_context(I18n {
        lang: RwSignal::new(lang),
        unavailable: RwSignal::new(missing),
    });
    provide_context(pwa::register());
    provide_context(Status {
        online: network::online_signal(),
    });
    provide_context(Profile::load());
    provide_context(Search::new());
    let content = Content::new();
    provide_context(content);
    let i18n = use_i18n();
    let lang_code = move || i18n.lang.get_untracked().code().to_owned();
    spawn_local(async move {
        let lang = lang_code();
        content.start(store, &lang).await;
        // The reader's pack may be missing from the device (the app was closed right after a
        // language switch, before the pack was stored): the bundled feed has it, offline too.
        if !content.has(&lang) && add_bundled_pack(content, &lang).await {
            content.show(&lang);
        }
        sync::run(content, Trigger::Start, lang).await;
    });
    sync::schedule(content, lang_code);
    Effect::new(move |previous: Option<Lang>| {
        let lang = i18n.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        if previous.is_some_and(|p| p != lang) {
            prefs::save_lang(lang);
            spawn_local(switch_content(content, lang.code().to_owned()));
        }
        lang
    });
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
        Page::Help => view! { <Help /> }.into_any(),
        Page::More => view! { <More /> }.into_any(),
        Page::Share(mode) => view! { <Share mode=mode /> }.into_any(),
        Page::NotFound => view! { <NotFound /> }.into_any(),
    }
}

/// Shows the content in `lang`: from memory, the device, the bundled feed (precached, so
/// offline too) when it has the installed version's pack, or else a download of that pack.
async fn switch_content(content: Content, lang: String) {
    content.want(&lang);
    if !content.has(&lang)
        && !content.load_stored(&lang).await
        && !add_bundled_pack(content, &lang).await
    {
        sync::run(content, Trigger::Manual, lang.clone()).await;
    }
    content.show(&lang);
}

/// Adds `lang`'s pack from the bundled feed if it is the very pack the installed (verified)
/// manifest names: its hash is checked against that manifest, then it is stored beside the rest.
async fn add_bundled_pack(content: Content, lang: &str) -> bool {
    let Some(mut installed) = content.installed.get_untracked() else {
        return false;
    };
    let Ok(entry) = installed.manifest.pack(lang) else {
        return false;
    };
    let (url, sha) = (
        format!("{}{}", feed::BUNDLED_FEED, entry.file),
        entry.sha256.clone(),
    );
    let Ok(bytes) = feed::fetch_bytes(&url).await else {
        return false;
    };
    let Ok(pack) = installed.manifest.verify_pack(lang, &bytes) else {
        return false;
    };
    installed.held.insert(lang.to_owned(), sha);
    let packs = vec![(lang.to_owned(), bytes, pack)];
    content.install(installed, packs, &[], true).await.is_ok()
}
