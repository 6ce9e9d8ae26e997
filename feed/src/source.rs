//! The editors' content as read from `content/`: every item with the text of every language
//! it is written in. [`crate::pack`] turns it into one core [`jardam_core::content::Pack`] per
//! language.

use std::collections::{BTreeMap, BTreeSet};

use jardam_core::content::letter::{Addressee, FieldKind, LetterParts};
use jardam_core::content::markup::Block;
use jardam_core::content::{
    Audience, ContactKind, Country, DeadlineRule, Hours, Phone, Review, Source,
};
use jardam_core::time::date::Date;

use crate::reader::At;

/// The languages of the feed and where each falls back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Langs {
    /// Declared languages, in the order of `feed.toml`.
    pub declared: Vec<String>,
    /// Language → the language shown when an item has no text in it.
    pub fallback: BTreeMap<String, String>,
}

impl Langs {
    /// The five languages of the README, falling back to Russian; used when `feed.toml` is
    /// unreadable so that the items can still be checked.
    pub fn readme_default() -> Langs {
        let declared: Vec<String> = ["ru", "ky", "en", "uz", "tg"].map(String::from).into();
        let fallback = declared[1..]
            .iter()
            .map(|l| (l.clone(), "ru".to_owned()))
            .collect();
        Langs { declared, fallback }
    }

    /// Whether `lang` is declared.
    pub fn is_declared(&self, lang: &str) -> bool {
        self.declared.iter().any(|l| l == lang)
    }

    /// The language whose text is shown for `lang`: `lang` itself if `has` it, else the first
    /// of its fallbacks that `has` it.
    pub fn resolve<'a>(&'a self, lang: &'a str, has: impl Fn(&str) -> bool) -> Option<&'a str> {
        let mut current = lang;
        for _ in 0..=self.declared.len() {
            if has(current) {
                return Some(current);
            }
            current = self.fallback.get(current)?;
        }
        None
    }
}

/// `feed.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedInfo {
    /// Version of the content, bumped at every publication.
    pub content_version: u64,
    /// Languages and fallbacks.
    pub langs: Langs,
    /// Oldest app that understands the content.
    pub min_app_version: String,
}

/// The `[text.LANG]` tables of an item.
#[derive(Clone, Debug, PartialEq)]
pub struct Texts<T> {
    /// Line of the `text` table (or of the file when it is missing).
    pub line: usize,
    /// Text by language (only those read without problems).
    pub by_lang: BTreeMap<String, T>,
    /// Every declared language with a table, even one with problems (for coverage rules).
    pub present: BTreeSet<String>,
}

impl<T> Default for Texts<T> {
    fn default() -> Self {
        Texts {
            line: 1,
            by_lang: BTreeMap::new(),
            present: BTreeSet::new(),
        }
    }
}

impl<T> Texts<T> {
    /// The text shown in `lang` and the language it is really in.
    pub fn resolve<'a>(&'a self, langs: &'a Langs, lang: &'a str) -> Option<(&'a str, &'a T)> {
        let found = langs.resolve(lang, |l| self.by_lang.contains_key(l))?;
        Some((found, &self.by_lang[found]))
    }
}

/// A category of `categories.toml` or a region of `regions.toml` (whose icon is empty).
#[derive(Clone, Debug, PartialEq)]
pub struct SrcCategory {
    /// Line of its `[[category]]`.
    pub line: usize,
    /// Id.
    pub id: String,
    /// Position.
    pub order: u32,
    /// Icon name.
    pub icon: String,
    /// Title by language.
    pub title: Texts<String>,
}

/// What every item file has in common.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    /// The file, as shown in messages.
    pub file: String,
    /// Id (empty when missing).
    pub id: String,
    /// Line of `id`.
    pub id_line: usize,
    /// What was done to check it.
    pub review: Option<Review>,
    /// When the editors last compared it with its sources.
    pub checked_on: Option<Date>,
    /// Who reviewed it (only with [`Review::LawyerReviewed`]).
    pub reviewed_by: Option<String>,
    /// Last day its figures hold, and the line of `valid_until`.
    pub valid_until: Option<(Date, usize)>,
    /// Its sources.
    pub sources: Vec<Source>,
}

/// Text of an article in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleText {
    /// Machine-translated without a person checking it (`written_by = "machine-translation"`).
    pub machine_translated: bool,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Body, converted from Markdown.
    pub body: Vec<Block>,
}

/// An `articles/ID.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct SrcArticle {
    /// File, id, review level, dates and sources.
    pub header: Header,
    /// Category id.
    pub category: Option<At<String>>,
    /// Search words.
    pub tags: Vec<String>,
    /// Whom it concerns.
    pub applies_to: Vec<Audience>,
    /// Shown in "Help now".
    pub emergency: bool,
    /// When the rule last changed.
    pub updated: Option<Date>,
    /// For a bill or draft: when its status was last looked up.
    pub proposed_as_of: Option<Date>,
    /// Related article ids.
    pub related: Vec<At<String>>,
    /// Contact ids.
    pub contacts: Vec<At<String>>,
    /// Texts by language.
    pub text: Texts<ArticleText>,
}

/// Text of a contact in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ContactText {
    /// Machine-translated without a person checking it (`written_by = "machine-translation"`).
    pub machine_translated: bool,
    /// Name.
    pub name: String,
    /// What they help with.
    pub note: Option<String>,
    /// Address.
    pub address: Option<String>,
}

/// A `contacts/ID.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct SrcContact {
    /// File, id, review level, dates and sources.
    pub header: Header,
    /// Kind of organisation.
    pub kind: Option<ContactKind>,
    /// Whose organisation.
    pub country: Option<Country>,
    /// Ids of the regions served, or `all`.
    pub regions: Vec<At<String>>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Free to call.
    pub free: Option<bool>,
    /// E-mail.
    pub email: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// WhatsApp number.
    pub whatsapp: Option<String>,
    /// Telegram user name.
    pub telegram: Option<String>,
    /// Phones.
    pub phones: Vec<Phone>,
    /// Time zone of the hours.
    pub hours_tz: Option<String>,
    /// Opening hours.
    pub hours: Vec<Hours>,
    /// Texts by language.
    pub text: Texts<ContactText>,
}

/// Text of a checklist in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistText {
    /// Machine-translated without a person checking it (`written_by = "machine-translation"`).
    pub machine_translated: bool,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
}

/// Text of a checklist step in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct StepText {
    /// What to do.
    pub what: String,
    /// Where.
    pub where_: Option<String>,
    /// Cost in words.
    pub cost: Option<String>,
}

/// A `[[steps]]` entry.
#[derive(Clone, Debug, PartialEq)]
pub struct SrcStep {
    /// Line of its `[[steps]]`.
    pub line: usize,
    /// Id.
    pub id: String,
    /// Deadline.
    pub deadline: Option<DeadlineRule>,
    /// Cost in roubles.
    pub cost_rub: Option<u32>,
    /// Texts by language.
    pub text: Texts<StepText>,
}

/// A `checklists/ID.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct SrcChecklist {
    /// File, id, review level, dates and sources.
    pub header: Header,
    /// Whom it concerns.
    pub applies_to: Vec<Audience>,
    /// Related article ids.
    pub related: Vec<At<String>>,
    /// Steps in order.
    pub steps: Vec<SrcStep>,
    /// Texts by language.
    pub text: Texts<ChecklistText>,
}

/// A `[[fields]]` entry of a letter.
#[derive(Clone, Debug, PartialEq)]
pub struct SrcField {
    /// Id, with its line.
    pub id: At<String>,
    /// Kind of value.
    pub kind: FieldKind,
    /// Whether the letter needs it.
    pub required: bool,
}

/// Label and hint of a letter's field in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldText {
    /// Label.
    pub label: String,
    /// Hint.
    pub hint: String,
}

/// Text of a letter in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct LetterText {
    /// Machine-translated without a person checking it (`written_by = "machine-translation"`).
    pub machine_translated: bool,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// What the letter says, in plain words.
    pub explanation: String,
    /// How to hand it in.
    pub how_to_submit: String,
    /// Label and hint by field id.
    pub fields: BTreeMap<String, FieldText>,
}

/// A `letters/ID.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct SrcLetter {
    /// File, id, review level, dates and sources.
    pub header: Header,
    /// Whom it is addressed to.
    pub addressee: Option<Addressee>,
    /// Ids of the articles it belongs to.
    pub related: Vec<At<String>>,
    /// Its form's fields, in order.
    pub fields: Vec<SrcField>,
    /// The Russian letter, body split into paragraphs.
    pub letter: Option<LetterParts>,
    /// Texts by language.
    pub text: Texts<LetterText>,
}

/// All the content of a `content/` directory.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    /// `feed.toml`.
    pub feed: FeedInfo,
    /// `categories.toml`, in file order.
    pub categories: Vec<SrcCategory>,
    /// `regions.toml`, in file order.
    pub regions: Vec<SrcCategory>,
    /// `articles/`, by file name.
    pub articles: Vec<SrcArticle>,
    /// `contacts/`, by file name.
    pub contacts: Vec<SrcContact>,
    /// `checklists/`, by file name.
    pub checklists: Vec<SrcChecklist>,
    /// `letters/`, by file name.
    pub letters: Vec<SrcLetter>,
}
