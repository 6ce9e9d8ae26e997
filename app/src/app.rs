//! The app root: shared state, routes and the shell around them.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{NavigateOptions, path};

use crate::i18n::{I18n, use_i18n};
use crate::screens::{Checklists, Help, Hotlines, More, NotFound, Rights};
use crate::shell::{BottomNav, Header, Notices};
use crate::{feed, network, prefs, pwa};

/// Connection and content state shown in the header.
#[derive(Clone, Copy)]
pub struct Status {
    /// Whether the browser reports a network connection.
    pub online: ReadSignal<bool>,
    /// When the content on the phone was published (RFC 3339); `None` until known.
    pub content_date: RwSignal<Option<String>>,
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_context(I18n {
        lang: RwSignal::new(prefs::initial_lang()),
    });
    provide_context(pwa::register());
    provide_context(Status {
        online: network::online_signal(),
        content_date: RwSignal::new(None),
    });
    let status = expect_context::<Status>();
    leptos::task::spawn_local(async move {
        if let Ok(manifest) = feed::load_manifest(feed::BUNDLED_FEED).await {
            status.content_date.set(Some(manifest.generated));
        }
    });
    let i18n = use_i18n();
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        prefs::save_lang(lang);
    });
    view! {
        <Router>
            <Header />
            <Notices />
            <main id="main">
                <Routes fallback=NotFound>
                    <Route
                        path=path!("/")
                        view=|| {
                            view! {
                                <Redirect
                                    path="/rights"
                                    options=NavigateOptions {
                                        replace: true,
                                        ..Default::default()
                                    }
                                />
                            }
                        }
                    />
                    <Route path=path!("/rights") view=Rights />
                    <Route path=path!("/hotlines") view=Hotlines />
                    <Route path=path!("/checklists") view=Checklists />
                    <Route path=path!("/help") view=Help />
                    <Route path=path!("/more") view=More />
                </Routes>
            </main>
            <BottomNav />
        </Router>
    }
}
