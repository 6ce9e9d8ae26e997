//! Dates, times and numbers in the reader's language. Russian and English go through the
//! browser's `Intl`; for Kyrgyz, Uzbek and Tajik browsers lack the words (Chromium 156 has no
//! Kyrgyz or Tajik data and writes "this minute" and "2026 M11 21" for Uzbek), so dates are
//! written as numbers (21.11.2026, as all four countries write them) and relative times and
//! weekdays come from the UI strings.

use jardam_core::sync::AgeUnit;
use jardam_core::time::date::Date;
use leptos::prelude::Get;

use crate::i18n::{I18n, Key, Plural};

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    options
}

/// Whether `Intl` is trusted with `lang`'s words.
fn intl_words(lang: &str) -> bool {
    matches!(lang, "ru" | "en")
}

/// `lang` for `Intl`'s digits and separators, which need no words: Russian's for the others.
fn intl_lang(lang: &str) -> &str {
    if intl_words(lang) { lang } else { "ru" }
}

/// A whole number grouped the way `lang` writes it ("39 812" in Russian), by `Intl`.
pub fn number(n: u64, lang: &str) -> String {
    js_sys::Number::from(n as f64)
        .to_locale_string(intl_lang(lang))
        .into()
}

/// A date or RFC 3339 instant as "21 Nov 2026" (Russian, English) or "21.11.2026".
pub fn date(text: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&text.into());
    let month = if intl_words(lang) { "short" } else { "2-digit" };
    let options = options(&[
        (
            "day",
            if intl_words(lang) {
                "numeric"
            } else {
                "2-digit"
            },
        ),
        ("month", month),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ]);
    date.to_locale_date_string(intl_lang(lang), &options).into()
}

/// "3 days ago" in the reader's language, from two Unix millisecond instants.
pub fn age(i18n: I18n, now_ms: f64, then_ms: f64) -> String {
    let (amount, unit) = jardam_core::sync::age(now_ms, then_ms);
    let plural = match unit {
        AgeUnit::Minute if amount == 0 => return i18n.t(Key::AgoNow).to_owned(),
        AgeUnit::Minute => Plural::AgoMinutes,
        AgeUnit::Hour => Plural::AgoHours,
        AgeUnit::Day => Plural::AgoDays,
    };
    let n = amount.unsigned_abs();
    i18n.tp(plural, n, &[("n", &number(n, i18n.lang.get().code()))])
}

/// Date and time of a Unix millisecond instant in `lang` (numeric).
pub fn date_time(at_ms: f64, lang: &str) -> String {
    js_sys::Date::new(&at_ms.into())
        .to_locale_string(intl_lang(lang), &js_sys::Object::new())
        .into()
}

/// Today's date in UTC.
pub fn today() -> Date {
    let days = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
    Date::from_days_since_epoch(days).unwrap_or(Date::MIN)
}

/// "in 3 days", "tomorrow" or "2 days ago" in the reader's language, for a number of days
/// from today.
pub fn in_days(i18n: I18n, days: i64) -> String {
    let n = days.unsigned_abs();
    let count = number(n, i18n.lang.get().code());
    match days {
        1 => i18n.t(Key::WhenTomorrow).to_owned(),
        -1 => i18n.t(Key::WhenYesterday).to_owned(),
        d if d < 0 => i18n.tp(Plural::AgoDays, n, &[("n", &count)]),
        _ => i18n.tp(Plural::WhenInDays, n, &[("n", &count)]),
    }
}

/// The short name of a weekday (Monday is 0) in the reader's language, from the UI strings.
pub fn weekday(i18n: I18n, index: usize) -> String {
    i18n.t(Key::Weekdays)
        .split(',')
        .nth(index)
        .unwrap_or_default()
        .to_owned()
}
