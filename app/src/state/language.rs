//! Changing the reader's language, where the reader changes it: the strings first, then the
//! page and its address, the saved preference and the content, all in the one handler.

use leptos::prelude::Set;
use leptos::task::spawn_local;

use crate::i18n::{self, I18n, Lang};
use crate::platform::{document, location, prefs};
use crate::state::content::Content;

/// Switches the app to `lang` once its strings are loaded (or notes that they could not be
/// had, and stays in the current language). `i18n` and `content` are the app's, taken by the
/// component whose handler calls this.
pub fn choose(i18n: I18n, content: Content, lang: Lang) {
    spawn_local(async move {
        if !i18n::load(lang).await {
            i18n.unavailable.set(Some(lang));
            return;
        }
        i18n.unavailable.set(None);
        i18n.lang.set(lang);
        document::set_lang(lang.code());
        location::show_in(lang);
        prefs::save_lang(lang);
        content.switch_to(lang.code()).await;
    });
}
