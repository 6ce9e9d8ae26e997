//! Composing a letter: each value the reader typed is checked by its field's kind, then put in
//! place of its `{field}` placeholder, and `{today}` is replaced by the date the letter is made.
//!
//! Values go in as plain text: the result is strings for the app to show as text nodes (never
//! markup), to print and to copy. A letter with an empty required field or an impossible value
//! is not composed at all.

use crate::content::letter::{FieldKind, Letter};
use crate::time::date::Date;

/// The placeholder replaced by the date the letter is made.
pub const TODAY: &str = "today";

/// The Russian letter with every value in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Composed {
    /// The addressee block.
    pub to: String,
    /// The sender block.
    pub from: String,
    /// The title.
    pub title: String,
    /// The paragraphs of the body.
    pub body: Vec<String>,
    /// Date and signature line.
    pub signature: String,
}

impl Composed {
    /// The whole letter as plain text, for copying and sharing: its parts and paragraphs
    /// separated by blank lines.
    pub fn plain_text(&self) -> String {
        let parts = [&self.to, &self.from, &self.title]
            .into_iter()
            .chain(&self.body)
            .chain([&self.signature]);
        let mut out = String::new();
        for part in parts.filter(|p| !p.is_empty()) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(part);
        }
        out
    }
}

/// A value that keeps the letter from being composed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Id of the field (or of the unknown placeholder).
    pub field: String,
    /// What is wrong with it.
    pub problem: ValueProblem,
}

/// What is wrong with a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    /// A required field is empty.
    Missing,
    /// Not a real calendar date (`yyyy-mm-dd` or `dd.mm.yyyy`).
    NotADate,
    /// Not a positive amount with at most two decimals.
    NotAnAmount,
    /// Not a passport number: letters, digits and spaces only.
    NotAPassportNumber,
    /// Not a phone number: digits, spaces and a leading `+` only.
    NotAPhoneNumber,
    /// A line break in a one-line field, or a control character in any.
    LineBreak,
    /// Curly brackets, which the letter keeps for its placeholders.
    Braces,
    /// The template names a placeholder that is no field: a broken template.
    NotAField,
    /// A part of the template (`field` names it) has a curly bracket that is no placeholder,
    /// which a value could complete into one: a broken template.
    StrayBrace,
}

/// The `{name}` placeholders of `text` as (byte offset of `{`, name): a name is one or more
/// lower-case ASCII letters, digits and `_`; other curly brackets are not placeholders.
pub fn placeholders(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    for (start, _) in text.match_indices('{') {
        let rest = &text[start + 1..];
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
            .count();
        if len > 0 && rest[len..].starts_with('}') {
            found.push((start, &rest[..len]));
        }
    }
    found
}

/// `date` as Russian letters write it, `dd.mm.yyyy`.
pub fn russian_date(date: Date) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// Checks `value` (already trimmed, not empty) as a value of `kind`; returns the text that goes
/// into the letter: the value as typed, except a date, written `dd.mm.yyyy`.
pub fn check_value(kind: FieldKind, value: &str) -> Result<String, ValueProblem> {
    let multiline = kind == FieldKind::Multiline;
    if value
        .chars()
        .any(|c| c.is_control() && !(multiline && c == '\n'))
    {
        return Err(ValueProblem::LineBreak);
    }
    if value.contains(['{', '}']) {
        return Err(ValueProblem::Braces);
    }
    let ok = match kind {
        FieldKind::Text | FieldKind::Multiline => true,
        FieldKind::Date => return parse_date(value).map(russian_date),
        FieldKind::Money => is_amount(value),
        FieldKind::Passport => {
            value.chars().any(char::is_alphanumeric)
                && value.chars().all(|c| c.is_alphanumeric() || c == ' ')
        }
        FieldKind::Phone => {
            let digits = value.strip_prefix('+').unwrap_or(value);
            digits.bytes().any(|b| b.is_ascii_digit())
                && digits.bytes().all(|b| b.is_ascii_digit() || b == b' ')
        }
    };
    if ok {
        Ok(value.to_owned())
    } else {
        Err(match kind {
            FieldKind::Money => ValueProblem::NotAnAmount,
            FieldKind::Passport => ValueProblem::NotAPassportNumber,
            _ => ValueProblem::NotAPhoneNumber,
        })
    }
}

/// A date typed `yyyy-mm-dd` (as a date picker gives it) or `dd.mm.yyyy`.
fn parse_date(value: &str) -> Result<Date, ValueProblem> {
    if let Ok(date) = Date::parse(value) {
        return Ok(date);
    }
    let mut parts = value.split('.');
    let mut number = |max_len: usize| -> Option<u32> {
        let part = parts.next()?;
        let digits = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        (digits && part.len() <= max_len).then(|| part.parse().ok())?
    };
    let (day, month, year) = (number(2), number(2), number(4));
    match (day, month, year, parts.next()) {
        (Some(d), Some(m), Some(y), None) if y >= 1000 => {
            Date::new(y as i32, m, d).map_err(|_| ValueProblem::NotADate)
        }
        _ => Err(ValueProblem::NotADate),
    }
}

/// Digits (groups may be separated by single spaces), then optionally `,` or `.` and one or
/// two digits; more than zero.
fn is_amount(value: &str) -> bool {
    let (whole, fraction) = match value.rsplit_once([',', '.']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (value, None),
    };
    let whole_ok = !whole.is_empty()
        && whole
            .split(' ')
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    let fraction_ok = fraction
        .is_none_or(|f| (1..=2).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()));
    let positive = value.bytes().any(|b| (b'1'..=b'9').contains(&b));
    whole_ok && fraction_ok && positive
}

/// Composes `letter` from `values` (field id, value as typed; a field left out is empty) on
/// `today`, or lists every field whose value keeps it from being made, in form order.
pub fn compose(
    letter: &Letter,
    values: &[(String, String)],
    today: Date,
) -> Result<Composed, Vec<FieldError>> {
    let mut filled: Vec<(&str, String)> = vec![(TODAY, russian_date(today))];
    let mut errors = Vec::new();
    for field in &letter.fields {
        let typed = values
            .iter()
            .find(|(id, _)| *id == field.id)
            .map_or("", |(_, v)| v.trim());
        let checked = if typed.is_empty() {
            if field.required {
                Err(ValueProblem::Missing)
            } else {
                Ok(String::new())
            }
        } else {
            check_value(field.kind, typed)
        };
        match checked {
            Ok(text) => filled.push((&field.id, text)),
            Err(problem) => errors.push(FieldError {
                field: field.id.clone(),
                problem,
            }),
        }
    }
    let parts = &letter.letter;
    let named = [
        ("to", &parts.to),
        ("from", &parts.from),
        ("title", &parts.title),
        ("signature", &parts.signature),
    ];
    for (part_name, part) in named
        .into_iter()
        .chain(parts.body.iter().map(|p| ("body", p)))
    {
        let found = placeholders(part);
        if part.matches(['{', '}']).count() != 2 * found.len() {
            errors.push(FieldError {
                field: part_name.to_owned(),
                problem: ValueProblem::StrayBrace,
            });
        }
        for (_, name) in found {
            let known = name == TODAY || letter.field(name).is_some();
            if !known && !errors.iter().any(|e| e.field == name) {
                errors.push(FieldError {
                    field: name.to_owned(),
                    problem: ValueProblem::NotAField,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let fill = |template: &str| -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = 0;
        for (start, name) in placeholders(template) {
            out.push_str(&template[rest..start]);
            if let Some((_, text)) = filled.iter().find(|(id, _)| *id == name) {
                out.push_str(text);
            }
            rest = start + name.len() + 2;
        }
        out.push_str(&template[rest..]);
        out
    };
    Ok(Composed {
        to: fill(&parts.to),
        from: fill(&parts.from),
        title: fill(&parts.title),
        body: parts.body.iter().map(|p| fill(p)).collect(),
        signature: fill(&parts.signature),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::letter::tests::sample;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn every_placeholder_is_filled_and_today_is_written_the_russian_way() {
        let composed = compose(
            &sample(),
            &values(&[("full_name", "  Асанов Бакыт "), ("amount", "45 000,50")]),
            d("2026-12-02"),
        )
        .unwrap();
        assert_eq!(composed.from, "от Асанов Бакыт, тел. ");
        assert_eq!(composed.body[0], "Долг 45 000,50 рублей.");
        assert_eq!(composed.signature, "02.12.2026 / Асанов Бакыт /");
        assert_eq!(
            composed.plain_text(),
            "Руководителю\n\nот Асанов Бакыт, тел. \n\nЗаявление\n\nДолг 45 000,50 рублей.\n\n\
             Прошу выплатить.\n\n02.12.2026 / Асанов Бакыт /"
        );
    }

    #[test]
    fn an_empty_required_field_and_a_bad_value_are_both_reported_in_form_order() {
        let errors = compose(
            &sample(),
            &values(&[("amount", "-5"), ("phone", "call me")]),
            d("2026-12-02"),
        )
        .unwrap_err();
        let found: Vec<(&str, ValueProblem)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.problem))
            .collect();
        assert_eq!(
            found,
            [
                ("full_name", ValueProblem::Missing),
                ("amount", ValueProblem::NotAnAmount),
                ("phone", ValueProblem::NotAPhoneNumber),
            ]
        );
    }

    #[test]
    fn dates_must_exist_on_the_calendar_and_are_written_dd_mm_yyyy() {
        let date = |v| check_value(FieldKind::Date, v);
        assert_eq!(date("2026-03-05"), Ok("05.03.2026".into()));
        assert_eq!(date("5.3.2026"), Ok("05.03.2026".into()));
        assert_eq!(date("29.02.2024"), Ok("29.02.2024".into()));
        for bad in [
            "29.02.2026",
            "31.04.2026",
            "2026-13-01",
            "00.01.2026",
            "1.1.26",
            "1.1.2026.1",
            "yesterday",
            "1..2026",
        ] {
            assert_eq!(date(bad), Err(ValueProblem::NotADate), "{bad}");
        }
    }

    #[test]
    fn amounts_are_positive_with_at_most_two_decimals() {
        for good in ["45000", "45 000", "1,5", "0.01", "1 234 567.89"] {
            assert!(check_value(FieldKind::Money, good).is_ok(), "{good}");
        }
        for bad in [
            "0", "0,00", "-5", "1,234", "1.", "12 ", " 12", "1  000", "1e3", "сто", ",5", "1,2,3",
        ] {
            assert_eq!(
                check_value(FieldKind::Money, bad),
                Err(ValueProblem::NotAnAmount),
                "{bad}"
            );
        }
    }

    #[test]
    fn passports_and_phones_take_only_their_characters() {
        assert!(check_value(FieldKind::Passport, "AC 1234567").is_ok());
        assert!(check_value(FieldKind::Passport, "ID№1").is_err());
        assert!(check_value(FieldKind::Passport, "   ").is_err());
        assert!(check_value(FieldKind::Phone, "+7 925 115 50 47").is_ok());
        assert!(check_value(FieldKind::Phone, "8-925-115").is_err());
        assert!(check_value(FieldKind::Phone, "7+1").is_err());
        assert!(check_value(FieldKind::Phone, "+").is_err());
    }

    #[test]
    fn values_cannot_smuggle_placeholders_or_line_breaks() {
        assert_eq!(
            check_value(FieldKind::Text, "{today}"),
            Err(ValueProblem::Braces)
        );
        assert_eq!(
            check_value(FieldKind::Text, "a\nb"),
            Err(ValueProblem::LineBreak)
        );
        assert_eq!(check_value(FieldKind::Multiline, "a\nb"), Ok("a\nb".into()));
        assert_eq!(
            check_value(FieldKind::Multiline, "a\rb"),
            Err(ValueProblem::LineBreak)
        );
    }

    #[test]
    fn values_go_in_as_plain_text_and_are_not_read_as_markup() {
        let mut letter = sample();
        letter.fields[0].kind = FieldKind::Multiline;
        let composed = compose(
            &letter,
            &values(&[("full_name", "<b>**Ош**</b> [1]\n& co"), ("amount", "1")]),
            d("2026-12-02"),
        )
        .unwrap();
        assert_eq!(composed.from, "от <b>**Ош**</b> [1]\n& co, тел. ");
    }

    #[test]
    fn a_placeholder_that_names_no_field_is_refused() {
        let mut letter = sample();
        letter.letter.title = "Заявление {nobody}".into();
        let errors = compose(
            &letter,
            &values(&[("full_name", "A"), ("amount", "1")]),
            d("2026-12-02"),
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [FieldError {
                field: "nobody".into(),
                problem: ValueProblem::NotAField
            }]
        );
    }

    #[test]
    fn a_stray_curly_bracket_in_the_template_is_refused() {
        let mut letter = sample();
        letter.letter.body[1] = "Прошу {{full_name}}".into();
        let errors = compose(
            &letter,
            &values(&[("full_name", "a"), ("amount", "1")]),
            d("2026-12-02"),
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [FieldError {
                field: "body".into(),
                problem: ValueProblem::StrayBrace
            }]
        );
    }

    #[test]
    fn placeholders_are_lower_case_names_in_curly_brackets() {
        let found = placeholders("{a_1} {B} {} {x-y} {today}{z");
        assert_eq!(found, [(0, "a_1"), (19, "today")]);
    }
}
