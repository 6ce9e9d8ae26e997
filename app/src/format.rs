//! Dates, times and lists in the reader's language, by the browser's `Intl` (no bytes of ours).

use jardam_core::date::Date;

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    options
}

/// `lang` if the browser's `Intl` has data for it, else Russian (the fallback language):
/// some browsers lack Kyrgyz or Tajik date words and would otherwise answer in English.
fn intl_lang(lang: &str) -> String {
    let wanted = js_sys::Array::of1(&lang.into());
    let supported =
        js_sys::Intl::RelativeTimeFormat::supported_locales_of(&wanted, &js_sys::Object::new());
    if supported.length() > 0 {
        lang.to_owned()
    } else {
        "ru".to_owned()
    }
}

/// A whole number grouped the way `lang` writes it ("39 812" in Russian), by `Intl`.
pub fn number(n: u64, lang: &str) -> String {
    js_sys::Number::from(n as f64)
        .to_locale_string(&intl_lang(lang))
        .into()
}

/// A date or RFC 3339 instant as "21 Nov 2026" in `lang`.
pub fn date(text: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&text.into());
    let options = options(&[
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ]);
    date.to_locale_date_string(&intl_lang(lang), &options)
        .into()
}

/// "3 days ago" in `lang`, from two Unix millisecond instants.
pub fn age(now_ms: f64, then_ms: f64, lang: &str) -> String {
    let (amount, unit) = jardam_core::sync::age(now_ms, then_ms);
    let locales = js_sys::Array::of1(&intl_lang(lang).into());
    js_sys::Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")]))
        .format(-(amount as f64), unit.as_str())
        .into()
}

/// Date and time of a Unix millisecond instant in `lang`.
pub fn date_time(at_ms: f64, lang: &str) -> String {
    js_sys::Date::new(&at_ms.into())
        .to_locale_string(&intl_lang(lang), &js_sys::Object::new())
        .into()
}

/// Today's date in UTC.
pub fn today() -> Date {
    let days = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
    Date::from_days_since_epoch(days).unwrap_or(Date::MIN)
}

/// "in 3 days", "tomorrow" or "2 days ago" in `lang`, for a number of days from today.
pub fn in_days(days: i64, lang: &str) -> String {
    let locales = js_sys::Array::of1(&intl_lang(lang).into());
    js_sys::Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")]))
        .format(days as f64, "day")
        .into()
}

/// The short name of a weekday in `lang` (Monday is 0), by `Intl`.
pub fn weekday(index: usize, lang: &str) -> String {
    // 2024-01-01 was a Monday.
    let day = js_sys::Date::new(&(1_704_067_200_000.0 + index as f64 * 86_400_000.0).into());
    day.to_locale_date_string(
        &intl_lang(lang),
        &options(&[("weekday", "short"), ("timeZone", "UTC")]),
    )
    .into()
}
