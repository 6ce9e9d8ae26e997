//! Letter templates: a form the reader fills in their own language, from which the app composes
//! a formal letter in Russian (to an employer, the labour inspectorate, the prosecutor or the
//! MVD), offline. [`compose`] checks the values and fills the template.
//!
//! As with articles, a pack holds each letter once, with its texts (title, summary,
//! explanation, field labels) in the pack's language or its fallback, said in `lang`; the
//! letter itself is always Russian.

pub mod compose;

use crate::codec::text_enum::text_enum_impls;
use crate::content::provenance::Provenance;
use crate::json_struct;

/// A letter template as the app receives it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Letter {
    /// Id, e.g. `wage-claim`.
    pub id: String,
    /// Whom the letter is addressed to.
    pub addressee: Addressee,
    /// Title, shown in lists (reader's language).
    pub title: String,
    /// What it is for, one sentence (reader's language).
    pub summary: String,
    /// What the letter says, in plain words, paragraphs separated by a blank line; `[n]` cites
    /// source n of `provenance` (reader's language).
    pub explanation: String,
    /// How to hand it in, as far as a source says; `[n]` as in `explanation`.
    pub how_to_submit: String,
    /// The form's fields, in form order.
    pub fields: Vec<Field>,
    /// The Russian letter, with `{field}` and `{today}` placeholders.
    pub letter: LetterParts,
    /// Where the law it rests on comes from and how far it was checked.
    pub provenance: Provenance,
    /// Language the reader's texts are actually in; differs from the pack's when a fallback.
    pub lang: String,
    /// Ids of the articles that link to it.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub related: Vec<String>,
}

/// The letter templates of a pack file (its `letters` field, sorted by id). The rest of the app
/// reads the same file as a [`crate::content::Pack`], which leaves them out, so only the screen
/// that shows letters pays for reading them.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PackLetters {
    /// The templates, sorted by id (after [`PackLetters::filled_from`]: the reader's language's
    /// first).
    #[cfg_attr(feature = "serde", serde(default))]
    pub letters: Vec<Letter>,
}

impl PackLetters {
    /// The template with this id.
    pub fn letter(&self, id: &str) -> Option<&Letter> {
        self.letters.iter().find(|l| l.id == id)
    }

    /// These templates with every one they lack taken from `fallback`'s, as
    /// [`crate::content::Pack::filled_from`] does for the rest of a pack.
    pub fn filled_from(&self, fallback: &PackLetters) -> PackLetters {
        PackLetters {
            letters: crate::content::merged(&self.letters, &fallback.letters, |l| &l.id),
        }
    }
}

crate::from_json_struct!(PackLetters {
    "letters" => letters: default,
});

/// The address of the letters page: the list of letters.
pub const LETTERS_PAGE: &str = "/letters";

/// The address of letter `id`'s page.
pub fn page(id: &str) -> String {
    format!("{LETTERS_PAGE}/{id}")
}

/// The letter id a letters page's `path` names (`/letters/ID`); `None` for the list.
pub fn page_id(path: &str) -> Option<&str> {
    let id = path.strip_prefix(LETTERS_PAGE)?.strip_prefix('/')?;
    let id = id.strip_suffix('/').unwrap_or(id);
    (!id.is_empty() && !id.contains('/')).then_some(id)
}

impl Letter {
    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }
}

/// One field of a letter's form.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Field {
    /// Id, the `{id}` placeholder in the letter.
    pub id: String,
    /// What kind of value it takes, and so how it is checked.
    pub kind: FieldKind,
    /// Whether the letter cannot be made without it.
    pub required: bool,
    /// Label (reader's language).
    pub label: String,
    /// Hint under the label: an example, or "type it in Russian" (reader's language).
    pub hint: String,
}

/// The parts of a Russian letter, each a template.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LetterParts {
    /// The addressee block, top right.
    pub to: String,
    /// The sender block, under it.
    pub from: String,
    /// The title, centred.
    pub title: String,
    /// The paragraphs of the body.
    pub body: Vec<String>,
    /// Date and signature line.
    pub signature: String,
}

/// Whom a letter is addressed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Addressee {
    /// The employer.
    Employer,
    /// The State Labour Inspectorate.
    LabourInspectorate,
    /// The prosecutor's office.
    Prosecutor,
    /// The Ministry of Internal Affairs (migration).
    Mvd,
}

text_enum_impls!(Addressee, "an addressee", {
    Employer => "employer",
    LabourInspectorate => "labour-inspectorate",
    Prosecutor => "prosecutor",
    Mvd => "mvd",
});

/// What kind of value a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Multiline,
    /// A calendar date, written `dd.mm.yyyy` in the letter.
    Date,
    /// A positive amount of money with at most two decimals.
    Money,
    /// A passport's series and number: letters, digits and spaces.
    Passport,
    /// A phone number: digits, spaces and a leading `+`.
    Phone,
}

text_enum_impls!(FieldKind, "a field kind", {
    Text => "text",
    Multiline => "multiline",
    Date => "date",
    Money => "money",
    Passport => "passport",
    Phone => "phone",
});

json_struct!(Letter {
    "id" => id: required,
    "addressee" => addressee: required,
    "title" => title: required,
    "summary" => summary: required,
    "explanation" => explanation: required,
    "how_to_submit" => how_to_submit: required,
    "fields" => fields: required,
    "letter" => letter: required,
    "provenance" => provenance: required,
    "lang" => lang: required,
    "related" => related: skip_empty,
});

json_struct!(Field {
    "id" => id: required,
    "kind" => kind: required,
    "required" => required: required,
    "label" => label: required,
    "hint" => hint: required,
});

json_struct!(LetterParts {
    "to" => to: required,
    "from" => from: required,
    "title" => title: required,
    "body" => body: required,
    "signature" => signature: required,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letters_page_names_its_letter() {
        assert_eq!(page("wage-claim"), "/letters/wage-claim");
        assert_eq!(page_id(&page("wage-claim")), Some("wage-claim"));
        assert_eq!(page_id("/letters/wage-claim/"), Some("wage-claim"));
        for list in [
            "/letters",
            "/letters/",
            "/letters/a/b",
            "/lettersx/a",
            "/rights/a",
        ] {
            assert_eq!(page_id(list), None, "{list}");
        }
    }
    use crate::codec::json;
    use crate::time::date::Date;

    pub(crate) fn sample() -> Letter {
        let field = |id: &str, kind, required| Field {
            id: id.into(),
            kind,
            required,
            label: format!("Label {id}"),
            hint: format!("Hint {id}"),
        };
        Letter {
            id: "wage-claim".into(),
            addressee: Addressee::Employer,
            title: "Claim".into(),
            summary: "Asks for wages.".into(),
            explanation: "You claim [1].".into(),
            how_to_submit: "Two copies.".into(),
            fields: vec![
                field("full_name", FieldKind::Text, true),
                field("amount", FieldKind::Money, true),
                field("phone", FieldKind::Phone, false),
            ],
            letter: LetterParts {
                to: "Руководителю".into(),
                from: "от {full_name}, тел. {phone}".into(),
                title: "Заявление".into(),
                body: vec!["Долг {amount} рублей.".into(), "Прошу выплатить.".into()],
                signature: "{today} / {full_name} /".into(),
            },
            provenance: Provenance::for_tests(Date::parse("2026-12-02").unwrap()),
            lang: "en".into(),
            related: vec!["unpaid-wages".into()],
        }
    }

    #[test]
    fn a_letter_is_written_as_serde_writes_it_and_read_back() {
        let letter = sample();
        let text = json::to_string(&letter);
        assert_eq!(text, serde_json::to_string(&letter).unwrap());
        assert_eq!(json::from_slice::<Letter>(text.as_bytes()).unwrap(), letter);
        let unrelated = Letter {
            related: Vec::new(),
            ..letter
        };
        let text = json::to_string(&unrelated);
        assert!(!text.contains("related"), "{text}");
        assert_eq!(
            json::from_slice::<Letter>(text.as_bytes()).unwrap(),
            unrelated
        );
    }

    #[test]
    fn addressees_and_kinds_are_words_and_unknown_ones_are_refused() {
        assert_eq!(
            Addressee::parse("labour-inspectorate"),
            Some(Addressee::LabourInspectorate)
        );
        assert_eq!(json::to_string(&FieldKind::Multiline), "\"multiline\"");
        assert!(json::from_slice::<Addressee>(b"\"police\"").is_err());
        assert!(json::from_slice::<FieldKind>(b"\"email\"").is_err());
    }

    #[test]
    fn fields_are_found_by_id() {
        let letter = sample();
        assert_eq!(
            letter.field("amount").map(|f| f.kind),
            Some(FieldKind::Money)
        );
        assert!(letter.field("today").is_none());
    }
}
