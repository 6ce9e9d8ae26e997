//! The rules the UI string files (`locales/*.toml`) must follow, checked by the app's build:
//! every locale has exactly the keys of the reference (`en.toml`), each of the same kind (a
//! plain string or a table of plural forms), with the same `{placeholders}`, and a plural table
//! has exactly the forms its language's CLDR rules use ([`crate::i18n::plural::categories`]).

use std::collections::BTreeSet;

#[cfg(feature = "locale-files")]
use crate::i18n::Lang;
use crate::i18n::plural::{self, Category};

/// One value of a locale file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A plain string.
    Text(String),
    /// Plural forms: (CLDR category name as written in the file, text), in file order.
    Forms(Vec<(String, String)>),
    /// Anything else, named by its type (`"integer"`, `"array"` …), or a table with a value
    /// that is not a string.
    Invalid(String),
}

impl Entry {
    /// The text of the plural form `category`, if this is a plural table that has it.
    pub fn form(&self, category: Category) -> Option<&str> {
        match self {
            Entry::Forms(forms) => forms
                .iter()
                .find(|(name, _)| name == category.name())
                .map(|(_, text)| text.as_str()),
            _ => None,
        }
    }

    fn kind(&self) -> &str {
        match self {
            Entry::Text(_) => "a string",
            Entry::Forms(_) => "a table of plural forms",
            Entry::Invalid(what) => what,
        }
    }
}

/// A parsed locale file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locale {
    /// Its language code, such as `ru`: picks the plural rules.
    pub lang: String,
    /// Its path as shown in messages, such as `locales/ru.toml`.
    pub file: String,
    /// Its keys and values, in file order.
    pub entries: Vec<(String, Entry)>,
}

impl Locale {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, e)| e)
    }
}

/// The `{name}` placeholders of `text`.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// The placeholders every form of a reference entry must have: those of its plain text, or of
/// its `other` form (else its first form).
fn expected_placeholders(entry: &Entry) -> Option<BTreeSet<&str>> {
    match entry {
        Entry::Text(text) => Some(placeholders(text)),
        Entry::Forms(forms) => entry
            .form(Category::Other)
            .or_else(|| forms.first().map(|(_, text)| text.as_str()))
            .map(placeholders),
        Entry::Invalid(_) => None,
    }
}

/// Every problem of `locale` measured against `reference`, one message each naming the file
/// and the key; empty when it is fine. Checking the reference against itself finds its own
/// wrong plural forms and forms whose placeholders disagree.
pub fn check(reference: &Locale, locale: &Locale) -> Vec<String> {
    let file = &locale.file;
    let mut errors = Vec::new();
    for (key, want) in &reference.entries {
        let Some(expected) = expected_placeholders(want) else {
            errors.push(format!(
                "{}: key `{key}` must be a string or a table of plural forms, not {}",
                reference.file,
                want.kind()
            ));
            continue;
        };
        let compare = |label: String, text: &str| {
            let found = placeholders(text);
            (found != expected).then(|| {
                format!(
                    "{file}: key `{key}`{label} has placeholders {found:?}, expected {expected:?} as in {}",
                    reference.file
                )
            })
        };
        match (want, locale.get(key)) {
            (_, None) => errors.push(format!("{file}: missing key `{key}`")),
            (Entry::Text(_), Some(Entry::Text(text))) => {
                errors.extend(compare(String::new(), text));
            }
            (Entry::Forms(_), Some(Entry::Forms(forms))) => {
                for (name, text) in forms {
                    errors.extend(compare(format!(" form `{name}`"), text));
                }
                errors.extend(check_forms(&locale.lang, file, key, forms));
            }
            (_, Some(found)) => errors.push(format!(
                "{file}: key `{key}` must be {} as in {}, not {}",
                want.kind(),
                reference.file,
                found.kind()
            )),
        }
    }
    for (key, _) in &locale.entries {
        if reference.get(key).is_none() {
            errors.push(format!("{file}: key `{key}` is not in {}", reference.file));
        }
    }
    errors
}

/// The forms of one plural table against the CLDR categories of `lang`.
fn check_forms(lang: &str, file: &str, key: &str, forms: &[(String, String)]) -> Vec<String> {
    let wanted = plural::categories(lang);
    let names = || {
        wanted
            .iter()
            .map(|c| c.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut errors = Vec::new();
    for category in wanted {
        if !forms.iter().any(|(name, _)| name == category.name()) {
            errors.push(format!(
                "{file}: key `{key}` lacks the plural form `{}` (`{lang}` needs {})",
                category.name(),
                names()
            ));
        }
    }
    for (name, _) in forms {
        if !Category::parse(name).is_some_and(|c| wanted.contains(&c)) {
            errors.push(format!(
                "{file}: key `{key}` has the plural form `{name}`, which `{lang}` does not use (it needs {})",
                names()
            ));
        }
    }
    errors
}

/// The locale every other is checked against: it defines the keys.
pub const REFERENCE: &str = "en";

#[cfg(feature = "locale-files")]
fn entry(value: &toml::Value) -> Entry {
    match value {
        toml::Value::String(text) => Entry::Text(text.clone()),
        toml::Value::Table(table) => table
            .iter()
            .map(|(name, text)| Some((name.clone(), text.as_str()?.to_owned())))
            .collect::<Option<Vec<_>>>()
            .map_or_else(
                || Entry::Invalid("a table with a value that is not a string".to_owned()),
                Entry::Forms,
            ),
        other => Entry::Invalid(format!("a TOML {}", other.type_str())),
    }
}

/// Reads `dir/LANG.toml`.
#[cfg(feature = "locale-files")]
pub fn load(dir: &std::path::Path, lang: &str) -> Result<Locale, String> {
    let file = format!("locales/{lang}.toml");
    let text = std::fs::read_to_string(dir.join(format!("{lang}.toml")))
        .map_err(|e| format!("{file}: cannot read: {e}"))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e| format!("{file}: invalid TOML: {e}"))?;
    Ok(Locale {
        lang: lang.to_owned(),
        file,
        entries: table.iter().map(|(k, v)| (k.clone(), entry(v))).collect(),
    })
}

/// Reads every locale of [`Lang::ALL`] from `dir` and [`check`]s it: the reference and the
/// locales in that order, or every problem found.
#[cfg(feature = "locale-files")]
pub fn load_all(dir: &std::path::Path) -> Result<(Locale, Vec<Locale>), Vec<String>> {
    let reference = load(dir, REFERENCE).map_err(|e| vec![e])?;
    let locales = Lang::ALL
        .iter()
        .map(|lang| load(dir, lang.code()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| vec![e])?;
    let errors: Vec<String> = locales.iter().flat_map(|l| check(&reference, l)).collect();
    if errors.is_empty() {
        Ok((reference, locales))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A plain string entry.
    pub(crate) fn text(s: &str) -> Entry {
        Entry::Text(s.to_owned())
    }

    /// A plural table entry from (category, text) pairs.
    pub(crate) fn forms(pairs: &[(&str, &str)]) -> Entry {
        Entry::Forms(
            pairs
                .iter()
                .map(|(c, t)| ((*c).to_owned(), (*t).to_owned()))
                .collect(),
        )
    }

    /// A locale as read from `locales/LANG.toml`.
    pub(crate) fn locale(lang: &str, entries: Vec<(&str, Entry)>) -> Locale {
        Locale {
            lang: lang.to_owned(),
            file: format!("locales/{lang}.toml"),
            entries: entries
                .into_iter()
                .map(|(k, e)| (k.to_owned(), e))
                .collect(),
        }
    }

    fn english() -> Locale {
        locale(
            "en",
            vec![
                ("hello", text("Hello, {name}")),
                (
                    "days",
                    forms(&[("one", "{n} day left"), ("other", "{n} days left")]),
                ),
            ],
        )
    }

    fn russian(days: Entry) -> Locale {
        locale(
            "ru",
            vec![("hello", text("Здравствуйте, {name}")), ("days", days)],
        )
    }

    fn good_russian_days() -> Entry {
        forms(&[
            ("one", "Остался {n} день"),
            ("few", "Осталось {n} дня"),
            ("many", "Осталось {n} дней"),
        ])
    }

    #[test]
    fn matching_locales_pass() {
        assert_eq!(check(&english(), &english()), Vec::<String>::new());
        assert_eq!(
            check(&english(), &russian(good_russian_days())),
            Vec::<String>::new()
        );
        let tajik = locale(
            "tg",
            vec![
                ("hello", text("Салом, {name}")),
                (
                    "days",
                    forms(&[("one", "{n} рӯз монд"), ("other", "{n} рӯз монд")]),
                ),
            ],
        );
        assert_eq!(check(&english(), &tajik), Vec::<String>::new());
    }

    #[test]
    fn a_missing_key_is_named() {
        let ru = locale("ru", vec![("days", good_russian_days())]);
        assert_eq!(
            check(&english(), &ru),
            ["locales/ru.toml: missing key `hello`"]
        );
    }

    #[test]
    fn an_extra_key_is_named() {
        let mut ru = russian(good_russian_days());
        ru.entries.push(("bye".to_owned(), text("Пока")));
        assert_eq!(
            check(&english(), &ru),
            ["locales/ru.toml: key `bye` is not in locales/en.toml"]
        );
    }

    #[test]
    fn a_placeholder_mismatch_is_named() {
        let mut ru = russian(good_russian_days());
        ru.entries[0].1 = text("Здравствуйте, {nmae}");
        let errors = check(&english(), &ru);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("locales/ru.toml: key `hello` has placeholders {\"nmae\"}"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_placeholder_mismatch_in_one_form_is_named() {
        let ru = russian(forms(&[
            ("one", "Остался один день"),
            ("few", "Осталось {n} дня"),
            ("many", "Осталось {n} дней"),
        ]));
        let errors = check(&english(), &ru);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("locales/ru.toml: key `days` form `one` has placeholders {}"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_missing_plural_form_is_named() {
        let ru = russian(forms(&[
            ("one", "Остался {n} день"),
            ("other", "Осталось {n} дней"),
        ]));
        assert_eq!(
            check(&english(), &ru),
            [
                "locales/ru.toml: key `days` lacks the plural form `few` (`ru` needs one, few, many)",
                "locales/ru.toml: key `days` lacks the plural form `many` (`ru` needs one, few, many)",
                "locales/ru.toml: key `days` has the plural form `other`, which `ru` does not use (it needs one, few, many)",
            ]
        );
    }

    #[test]
    fn an_unknown_plural_form_is_named() {
        let tajik = locale(
            "tg",
            vec![
                ("hello", text("Салом, {name}")),
                (
                    "days",
                    forms(&[
                        ("one", "{n} рӯз"),
                        ("many", "{n} рӯз"),
                        ("other", "{n} рӯз"),
                    ]),
                ),
            ],
        );
        assert_eq!(
            check(&english(), &tajik),
            [
                "locales/tg.toml: key `days` has the plural form `many`, which `tg` does not use (it needs one, other)"
            ]
        );
    }

    #[test]
    fn the_reference_is_checked_against_its_own_rules() {
        let en = locale(
            "en",
            vec![(
                "days",
                forms(&[("one", "one day left"), ("other", "{n} days left")]),
            )],
        );
        assert_eq!(
            check(&en, &en),
            [
                "locales/en.toml: key `days` form `one` has placeholders {}, expected {\"n\"} as in locales/en.toml"
            ]
        );
    }

    #[test]
    fn a_string_where_plural_forms_are_expected_is_named() {
        let ru = russian(text("Осталось дней: {n}"));
        assert_eq!(
            check(&english(), &ru),
            [
                "locales/ru.toml: key `days` must be a table of plural forms as in locales/en.toml, not a string"
            ]
        );
    }

    #[test]
    fn a_value_of_another_type_is_named() {
        let en = locale(
            "en",
            vec![("count", Entry::Invalid("an integer".to_owned()))],
        );
        assert_eq!(
            check(&en, &en),
            [
                "locales/en.toml: key `count` must be a string or a table of plural forms, not an integer"
            ]
        );
    }
}
