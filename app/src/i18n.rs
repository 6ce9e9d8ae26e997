//! UI languages and the compiled string table built from `locales/`.

use jardam_core::plural;
use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// A UI language, in the order of the compiled table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Ky,
    Ru,
    Uz,
    Tg,
    En,
}

impl Lang {
    /// Every language, in the order shown to the user.
    pub const ALL: [Lang; 5] = [Lang::Ky, Lang::Ru, Lang::Uz, Lang::Tg, Lang::En];

    /// BCP 47 code, as used in `<html lang>` and the content packs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ky => "ky",
            Lang::Ru => "ru",
            Lang::Uz => "uz",
            Lang::Tg => "tg",
            Lang::En => "en",
        }
    }

    /// The language named in itself, for the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ky => "Кыргызча",
            Lang::Ru => "Русский",
            Lang::Uz => "Oʻzbekcha",
            Lang::Tg => "Тоҷикӣ",
            Lang::En => "English",
        }
    }

    /// Parses a code such as `ky`, `ru-RU` or `uz-Latn-UZ`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

/// The reader's language, shared with every component through context.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The current UI language; setting it re-renders every string at once.
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// The string for `key` in the current language (reactive).
    pub fn t(&self, key: Key) -> &'static str {
        text_in(self.lang.get(), key)
    }

    /// The string for `key` as a view that follows the language. Every text shares this one
    /// closure type, so the rendering code exists once instead of once per `move ||` closure.
    pub fn text(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The string for `key` with each `{name}` replaced by its value.
    pub fn tf(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// The plural form of `key` for the whole number `count` (by the CLDR rules of the current
    /// language), with each `{name}` replaced by its value (reactive).
    pub fn tp(&self, key: Plural, count: u64, args: &[(&str, &str)]) -> String {
        let lang = self.lang.get();
        let category = plural::category(lang.code(), count);
        fill(
            PLURALS[lang as usize][key as usize][category as usize],
            args,
        )
    }
}

fn fill(text: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(text.to_owned(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

/// The Russian string for `key`, whatever the reader's language: for what is shown to an
/// officer.
pub fn russian(key: Key) -> &'static str {
    text_in(Lang::Ru, key)
}

/// The string for `key` in `lang`, whatever the reader's language: consultant mode shows every
/// language at once.
pub fn text_in(lang: Lang, key: Key) -> &'static str {
    let ends = &ENDS[lang as usize];
    let start = match key as usize {
        0 => 0,
        i => ends[i - 1],
    };
    TEXTS[lang as usize]
        .get(usize::from(start)..usize::from(ends[key as usize]))
        .unwrap_or_default()
}

/// The `I18n` provided by the app root.
pub fn use_i18n() -> I18n {
    expect_context()
}
