//! Letter templates as a hostile feed may send them, composed with whatever a reader types:
//! the input is a letter's JSON, then `\0`-separated field ids and values. Composing never
//! panics; a letter is made only when every value passes its field's check, and then holds no
//! curly bracket (so no unfilled `{…}` placeholder) and every checked value in place. A value
//! its check refuses always stops the letter and is named in the errors.
#![no_main]

use jardam_core::codec::json;
use jardam_core::content::letter::Letter;
use jardam_core::content::letter::compose::{check_value, compose, placeholders};
use jardam_core::time::date::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (letter_json, rest) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let Ok(letter) = json::from_slice::<Letter>(letter_json) else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut words = text.split('\0');
    let mut values = Vec::new();
    while let (Some(id), Some(value)) = (words.next(), words.next()) {
        values.push((id.to_owned(), value.to_owned()));
    }
    let today = Date::new(2026, 12, 2).unwrap();
    let result = compose(&letter, &values, today);
    // The value compose saw for each field: the first given, trimmed.
    let typed = |id: &str| {
        values
            .iter()
            .find(|(k, _)| k == id)
            .map_or("", |(_, v)| v.trim())
    };
    match result {
        Ok(composed) => {
            let plain = composed.plain_text();
            assert!(!plain.contains(['{', '}']), "a curly bracket in {plain:?}");
            assert!(placeholders(&plain).is_empty());
            let parts = &letter.letter;
            let template: String = [&parts.to, &parts.from, &parts.title, &parts.signature]
                .into_iter()
                .chain(&parts.body)
                .map(String::as_str)
                .collect();
            for field in &letter.fields {
                let value = typed(&field.id);
                assert!(!(field.required && value.is_empty()), "{} empty", field.id);
                if value.is_empty() {
                    continue;
                }
                let checked = check_value(field.kind, value).expect("a refused value was used");
                let used = placeholders(&template).iter().any(|(_, n)| *n == field.id);
                assert!(
                    !used || plain.contains(&checked),
                    "{} not in place",
                    field.id
                );
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for field in &letter.fields {
                let value = typed(&field.id);
                if !value.is_empty() && check_value(field.kind, value).is_err() {
                    assert!(
                        errors.iter().any(|e| e.field == field.id),
                        "refused {} not named",
                        field.id
                    );
                }
            }
        }
    }
});
