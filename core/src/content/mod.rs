//! The content the app shows, as shipped in one JSON **pack** per language.
//!
//! A pack holds the articles, contacts and checklists that have text in its language; an item
//! without one is only in the pack of the fallback language (Russian), which the device keeps
//! beside the reader's: [`Pack::filled_from`] puts the two together. An item's
//! `lang` field says which language its text is in, so the app can show "Not yet translated —
//! shown in Russian". The same file also carries the letter templates, which only the letters
//! screen reads ([`letter::PackLetters`]).

pub mod audience;
pub mod letter;
pub mod limits;
pub mod markup;
pub mod missions;
pub mod provenance;

use crate::codec::text_enum::text_enum_impls;
use crate::content::markup::Block;
pub use crate::content::provenance::{Provenance, Review, Source};
use crate::from_json_struct;
use crate::time::date::{Date, Weekday};

/// Everything the app shows in one language.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Pack {
    /// Format of this pack: [`crate::feed::SCHEMA_VERSION`].
    pub schema: u32,
    /// Language of the pack (`ru`, `ky`, `en`, `uz`, `tg`).
    pub lang: String,
    /// Version of the content this pack belongs to: its manifest's, set as the pack is read
    /// ([`crate::feed::verify_pack`]). Not written into the pack's file, so a language whose
    /// content did not change keeps its bytes and hash, and an update does not download it.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub content_version: u64,
    /// The Rights categories, sorted by `order`.
    pub categories: Vec<Category>,
    /// Regions and cities that contacts serve, sorted by `order`.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub regions: Vec<Region>,
    /// Rights articles, sorted by id.
    pub articles: Vec<Article>,
    /// Organisations and hotlines, sorted by id.
    pub contacts: Vec<Contact>,
    /// Document checklists, sorted by id.
    pub checklists: Vec<Checklist>,
}

impl Pack {
    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The region with this id.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The phones of the emergency services: 112 first (it works from any phone, without a SIM
    /// card), then the others in file order.
    pub fn emergency_numbers(&self) -> Vec<&Phone> {
        let all = || {
            self.contacts
                .iter()
                .filter(|c| c.kind == ContactKind::Emergency)
                .flat_map(|c| c.phones.iter())
        };
        all()
            .filter(|p| p.number == "112")
            .chain(all().filter(|p| p.number != "112"))
            .collect()
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The contact with this id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// The checklist with this id.
    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    /// This pack with every item it lacks taken from `fallback`, the pack of the language its
    /// texts fall back to: the feed writes an item untranslated into a language only into the
    /// fallback's pack, which the device always keeps beside the reader's. The pack's own items
    /// come first, each list in its order (by id), then the fallback's.
    pub fn filled_from(&self, fallback: &Pack) -> Pack {
        Pack {
            schema: self.schema,
            lang: self.lang.clone(),
            content_version: self.content_version,
            categories: self.categories.clone(),
            regions: self.regions.clone(),
            articles: merged(&self.articles, &fallback.articles, |a| &a.id),
            contacts: merged(&self.contacts, &fallback.contacts, |c| &c.id),
            checklists: merged(&self.checklists, &fallback.checklists, |c| &c.id),
        }
    }
}

/// `own`'s items, then those of `fallback` whose id `own` lacks: the reader's language first.
pub(crate) fn merged<T: Clone>(own: &[T], fallback: &[T], id: fn(&T) -> &str) -> Vec<T> {
    let mut all = own.to_vec();
    all.extend(
        fallback
            .iter()
            .filter(|item| !own.iter().any(|o| id(o) == id(item)))
            .cloned(),
    );
    all
}

/// A Rights category, such as "Entry, registration and stay".
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Category {
    /// Id, e.g. `arrival`.
    pub id: String,
    /// Position in the list, smallest first.
    pub order: u32,
    /// Name of the icon the app draws.
    pub icon: String,
    /// Title in the pack's language (or its fallback).
    pub title: String,
}

/// A region or city of Russia that contacts serve, such as "Moscow".
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Region {
    /// Id, e.g. `moscow`.
    pub id: String,
    /// Position in lists, smallest first.
    pub order: u32,
    /// Name in the pack's language (or its fallback).
    pub title: String,
}

/// A rights article.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Article {
    /// Id, e.g. `registration-eaeu`; also its route `/rights/ID`.
    pub id: String,
    /// Id of its [`Category`].
    pub category: String,
    /// Title.
    pub title: String,
    /// One or two sentences shown in lists.
    pub summary: String,
    /// The text, as safe blocks.
    pub body: Vec<Block>,
    /// Search words.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub tags: Vec<String>,
    /// Whom it concerns.
    pub applies_to: Vec<Audience>,
    /// Shown under "Help now".
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub emergency: bool,
    /// When the rule itself last changed, when a source says so.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub updated: Option<Date>,
    /// A bill or draft, not law: the date its status was last looked up.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub proposed_as_of: Option<Date>,
    /// Where the facts come from and how far they were checked.
    pub provenance: Provenance,
    /// Language the text is actually in; differs from the pack's when it is a fallback.
    pub lang: String,
    /// Ids of related articles.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub related: Vec<String>,
    /// Ids of contacts to call about it.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub contacts: Vec<String>,
}

/// The `regions` entry of a contact that serves all of Russia.
pub const ALL_REGIONS: &str = "all";

impl Contact {
    /// Whether the contact serves `region` (an id), counting those that serve all of Russia.
    pub fn serves(&self, region: &str) -> bool {
        self.regions.iter().any(|r| r == region || r == ALL_REGIONS)
    }
}

/// An organisation or hotline.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Contact {
    /// Id, e.g. `kg-embassy-moscow`; also its route `/hotlines/ID`.
    pub id: String,
    /// What kind of organisation it is.
    pub kind: ContactKind,
    /// Whose organisation it is.
    pub country: Country,
    /// Name.
    pub name: String,
    /// What they help with.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
    /// Street address.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub address: Option<String>,
    /// Phone numbers (E.164, or a short emergency number such as `112`).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub phones: Vec<Phone>,
    /// WhatsApp number, E.164.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub whatsapp: Option<String>,
    /// Telegram user name, without `@`.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub telegram: Option<String>,
    /// E-mail address.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub email: Option<String>,
    /// Web site, https.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub website: Option<String>,
    /// Ids of the [`Region`]s served, or `["all"]` ([`ALL_REGIONS`]).
    pub regions: Vec<String>,
    /// Time zone of `hours`, e.g. `Europe/Moscow`.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub hours_tz: Option<String>,
    /// Opening hours.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub hours: Vec<Hours>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Free to call (`true`) or paid (`false`); absent when unknown.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub free: Option<bool>,
    /// Where the details come from and how far they were checked.
    pub provenance: Provenance,
    /// Language the text is actually in.
    pub lang: String,
}

/// A phone number and what it reaches.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Phone {
    /// E.164 (`+79251155047`) or a short emergency number (`112`).
    pub number: String,
    /// What the number reaches.
    pub label: PhoneLabel,
    /// The source (1-based, in the contact's sources) that prints the number; its date is
    /// when the number was last confirmed.
    pub source: u32,
    /// When a test call found the number unanswered, if one did.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub unanswered_on: Option<Date>,
}

/// Opening hours on some days of the week.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Hours {
    /// The days these hours apply to.
    pub days: Vec<Weekday>,
    /// Opening time, `HH:MM`.
    pub open: String,
    /// Closing time, `HH:MM`, later than `open`; `24:00` for midnight.
    pub close: String,
}

/// A document checklist: the steps to be legal after some event.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Checklist {
    /// Id, e.g. `kg-worker-arrival`.
    pub id: String,
    /// Title.
    pub title: String,
    /// One or two sentences shown in lists.
    pub summary: String,
    /// Whom it concerns.
    pub applies_to: Vec<Audience>,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// Where the facts come from and how far they were checked.
    pub provenance: Provenance,
    /// Language the text is actually in.
    pub lang: String,
    /// Ids of related articles.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub related: Vec<String>,
}

/// One step of a [`Checklist`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Step {
    /// Id, unique within its checklist (the app remembers ticked steps by it).
    pub id: String,
    /// What to do.
    pub what: String,
    /// Where to do it.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "where", default, skip_serializing_if = "Option::is_none")
    )]
    pub where_: Option<String>,
    /// The cost in words ("Free", "about 6,000 roubles a month").
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub cost: Option<String>,
    /// The cost in roubles, when known.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub cost_rub: Option<u32>,
    /// By when it must be done.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub deadline: Option<DeadlineRule>,
}

/// A deadline counted from an event, such as "30 days from entry".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DeadlineRule {
    /// The event it counts from.
    pub from: Anchor,
    /// How many units after it (negative: before it).
    pub amount: i32,
    /// The unit of `amount`.
    pub unit: DeadlineUnit,
    /// For a repeating deadline (a monthly patent payment): the period in months.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub every_months: Option<u32>,
    /// Working days added after `amount` (negative: before), as in "10 working days before the
    /// 12 months end".
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub and_working_days: Option<i32>,
}

impl DeadlineRule {
    /// The first deadline, given the date of the anchor event; `None` if out of range.
    pub fn due(&self, anchor: Date) -> Option<Date> {
        let amount = i64::from(self.amount);
        let date = match self.unit {
            DeadlineUnit::Days => anchor.add_days(amount),
            DeadlineUnit::WorkingDays => anchor.add_working_days(amount),
            DeadlineUnit::Months => anchor.add_months(amount),
        }?;
        match self.and_working_days {
            Some(days) => date.add_working_days(i64::from(days)),
            None => Some(date),
        }
    }

    /// The first deadline on or after `today`: [`DeadlineRule::due`] for a one-off deadline,
    /// otherwise the first repetition not yet past.
    pub fn next_due(&self, anchor: Date, today: Date) -> Option<Date> {
        let first = self.due(anchor)?;
        let period = match self.every_months {
            Some(p) if p > 0 && first < today => i64::from(p),
            _ => return Some(first),
        };
        // Count whole periods from the first deadline, so month-end clamping never drifts.
        let months_apart = i64::from(today.year() - first.year()) * 12 + i64::from(today.month())
            - i64::from(first.month());
        let mut n = (months_apart / period).max(0);
        loop {
            let date = first.add_months(n * period)?;
            if date >= today {
                return Some(date);
            }
            n += 1;
        }
    }
}

from_json_struct!(Pack {
    "schema" => schema: required,
    "lang" => lang: required,
    "categories" => categories: required,
    "regions" => regions: default,
    "articles" => articles: required,
    "contacts" => contacts: required,
    "checklists" => checklists: required,
} not_read: content_version);

from_json_struct!(Category {
    "id" => id: required,
    "order" => order: required,
    "icon" => icon: required,
    "title" => title: required,
});

from_json_struct!(Region {
    "id" => id: required,
    "order" => order: required,
    "title" => title: required,
});

from_json_struct!(Article {
    "id" => id: required,
    "category" => category: required,
    "title" => title: required,
    "summary" => summary: required,
    "body" => body: required,
    "tags" => tags: default,
    "applies_to" => applies_to: required,
    "emergency" => emergency: default,
    "updated" => updated: default,
    "proposed_as_of" => proposed_as_of: default,
    "provenance" => provenance: required,
    "lang" => lang: required,
    "related" => related: default,
    "contacts" => contacts: default,
});

from_json_struct!(Contact {
    "id" => id: required,
    "kind" => kind: required,
    "country" => country: required,
    "name" => name: required,
    "note" => note: default,
    "address" => address: default,
    "phones" => phones: default,
    "whatsapp" => whatsapp: default,
    "telegram" => telegram: default,
    "email" => email: default,
    "website" => website: default,
    "regions" => regions: required,
    "hours_tz" => hours_tz: default,
    "hours" => hours: default,
    "languages" => languages: required,
    "free" => free: default,
    "provenance" => provenance: required,
    "lang" => lang: required,
});

from_json_struct!(Phone {
    "number" => number: required,
    "label" => label: required,
    "source" => source: required,
    "unanswered_on" => unanswered_on: default,
});

from_json_struct!(Hours {
    "days" => days: required,
    "open" => open: required,
    "close" => close: required,
});

from_json_struct!(Checklist {
    "id" => id: required,
    "title" => title: required,
    "summary" => summary: required,
    "applies_to" => applies_to: required,
    "steps" => steps: required,
    "provenance" => provenance: required,
    "lang" => lang: required,
    "related" => related: default,
});

from_json_struct!(Step {
    "id" => id: required,
    "what" => what: required,
    "where" => where_: default,
    "cost" => cost: default,
    "cost_rub" => cost_rub: default,
    "deadline" => deadline: default,
});

from_json_struct!(DeadlineRule {
    "from" => from: required,
    "amount" => amount: required,
    "unit" => unit: required,
    "every_months" => every_months: default,
    "and_working_days" => and_working_days: default,
});

#[cfg(feature = "serde")]
fn is_false(value: &bool) -> bool {
    !*value
}

/// Whom an article or checklist concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Citizens of Kyrgyzstan.
    Kg,
    /// Citizens of Kazakhstan.
    Kz,
    /// Citizens of Uzbekistan.
    Uz,
    /// Citizens of Tajikistan.
    Tj,
    /// Everyone.
    Any,
    /// Workers from an EAEU country (no patent needed).
    EaeuWorker,
    /// Holders of a work patent.
    PatentHolder,
}

text_enum_impls!(Audience, "an audience", {
    Kg => "KG",
    Kz => "KZ",
    Uz => "UZ",
    Tj => "TJ",
    Any => "any",
    EaeuWorker => "eaeu-worker",
    PatentHolder => "patent-holder",
});

/// What kind of organisation a contact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContactKind {
    /// An emergency service (112, police, ambulance).
    Emergency,
    /// An embassy.
    Embassy,
    /// A consulate.
    Consulate,
    /// A ministry or state agency.
    Ministry,
    /// A non-governmental organisation.
    Ngo,
    /// A hotline.
    Hotline,
}

text_enum_impls!(ContactKind, "a contact kind", {
    Emergency => "emergency",
    Embassy => "embassy",
    Consulate => "consulate",
    Ministry => "ministry",
    Ngo => "ngo",
    Hotline => "hotline",
});

/// Whose organisation a contact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Country {
    /// Kyrgyzstan.
    Kg,
    /// Kazakhstan.
    Kz,
    /// Uzbekistan.
    Uz,
    /// Tajikistan.
    Tj,
    /// Russia.
    Ru,
}

text_enum_impls!(Country, "a country", {
    Kg => "KG",
    Kz => "KZ",
    Uz => "UZ",
    Tj => "TJ",
    Ru => "RU",
});

/// What a phone number reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhoneLabel {
    /// A hotline.
    Hotline,
    /// The reception desk.
    Reception,
    /// The consular section.
    Consular,
    /// An emergency line.
    Emergency,
    /// The police.
    Police,
    /// An ambulance.
    Ambulance,
    /// An office.
    Office,
}

text_enum_impls!(PhoneLabel, "a phone label", {
    Hotline => "hotline",
    Reception => "reception",
    Consular => "consular",
    Emergency => "emergency",
    Police => "police",
    Ambulance => "ambulance",
    Office => "office",
});

/// The event a deadline counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Entry into Russia.
    Entry,
    /// Signing the work contract.
    Contract,
    /// Receiving the patent.
    Patent,
    /// Leaving Russia.
    Departure,
}

text_enum_impls!(Anchor, "a deadline anchor", {
    Entry => "entry",
    Contract => "contract",
    Patent => "patent",
    Departure => "departure",
});

/// Unit of a deadline's amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineUnit {
    /// Calendar days.
    Days,
    /// Monday to Friday (public holidays are not known and not skipped).
    WorkingDays,
    /// Calendar months, clamped at month ends.
    Months,
}

text_enum_impls!(DeadlineUnit, "a deadline unit", {
    Days => "days",
    WorkingDays => "working_days",
    Months => "months",
});

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn rule(from: Anchor, amount: i32, unit: DeadlineUnit, every: Option<u32>) -> DeadlineRule {
        DeadlineRule {
            from,
            amount,
            unit,
            every_months: every,
            and_working_days: None,
        }
    }

    /// A pack of `lang` with the generated articles of ids `ids`, each saying `lang`.
    fn pack_with(lang: &str, ids: &[&str]) -> Pack {
        let template = crate::search::generated_pack(1).articles[0].clone();
        let articles = ids
            .iter()
            .map(|id| Article {
                id: (*id).to_owned(),
                lang: lang.to_owned(),
                ..template.clone()
            })
            .collect();
        Pack {
            lang: lang.to_owned(),
            articles,
            ..crate::search::generated_pack(0)
        }
    }

    #[test]
    fn a_pack_takes_what_it_lacks_from_the_fallback_after_its_own() {
        let own = pack_with("ky", &["b", "d", "e"]);
        let russian = pack_with("ru", &["a", "b", "c", "e", "f"]);
        let shown = own.filled_from(&russian);
        let got: Vec<(&str, &str)> = shown
            .articles
            .iter()
            .map(|a| (a.id.as_str(), a.lang.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("b", "ky"),
                ("d", "ky"),
                ("e", "ky"),
                ("a", "ru"),
                ("c", "ru"),
                ("f", "ru")
            ]
        );
        assert_eq!(shown.lang, "ky");
        assert_eq!(
            own.filled_from(&pack_with("ru", &[])).articles,
            own.articles
        );
        assert_eq!(
            pack_with("ky", &[]).filled_from(&russian).articles,
            russian.articles
        );
    }

    #[test]
    fn deadlines_count_from_their_anchor() {
        let entry = d("2025-11-27");
        assert_eq!(
            rule(Anchor::Entry, 30, DeadlineUnit::Days, None).due(entry),
            Some(d("2025-12-27"))
        );
        assert_eq!(
            rule(Anchor::Entry, 3, DeadlineUnit::WorkingDays, None).due(d("2025-11-28")),
            Some(d("2025-12-03"))
        );
        assert_eq!(
            rule(Anchor::Contract, 1, DeadlineUnit::Months, None).due(d("2026-01-31")),
            Some(d("2026-02-28"))
        );
        assert_eq!(
            rule(Anchor::Departure, -3, DeadlineUnit::Days, None).due(d("2026-03-01")),
            Some(d("2026-02-26"))
        );
    }

    #[test]
    fn working_days_after_the_main_amount_count_from_its_end() {
        // A patent of 2025-03-05: 12 months end on Thursday 2026-03-05; 10 working days
        // before that is Thursday 2026-02-19.
        let reissue = DeadlineRule {
            and_working_days: Some(-10),
            ..rule(Anchor::Patent, 12, DeadlineUnit::Months, None)
        };
        assert_eq!(reissue.due(d("2025-03-05")), Some(d("2026-02-19")));
        let json = serde_json::to_string(&reissue).unwrap();
        assert!(json.ends_with(r#""and_working_days":-10}"#), "{json}");
        assert_eq!(
            crate::codec::json::from_slice::<DeadlineRule>(json.as_bytes()).unwrap(),
            reissue
        );
    }

    #[test]
    fn repeating_deadlines_find_the_next_one() {
        let monthly = rule(Anchor::Patent, 1, DeadlineUnit::Months, Some(1));
        let patent = d("2025-01-31");
        // First payment due 2025-02-28; then the 31st clamped, counted from the first.
        assert_eq!(
            monthly.next_due(patent, d("2025-02-01")),
            Some(d("2025-02-28"))
        );
        assert_eq!(
            monthly.next_due(patent, d("2025-03-01")),
            Some(d("2025-03-28"))
        );
        assert_eq!(
            monthly.next_due(patent, d("2025-03-28")),
            Some(d("2025-03-28"))
        );
        assert_eq!(
            monthly.next_due(patent, d("2025-03-29")),
            Some(d("2025-04-28"))
        );
        let quarterly = rule(Anchor::Patent, 0, DeadlineUnit::Days, Some(3));
        assert_eq!(
            quarterly.next_due(d("2025-01-10"), d("2025-05-01")),
            Some(d("2025-07-10"))
        );
        let once = rule(Anchor::Entry, 30, DeadlineUnit::Days, None);
        assert_eq!(
            once.next_due(d("2025-01-01"), d("2026-01-01")),
            Some(d("2025-01-31"))
        );
    }

    #[test]
    fn words_round_trip() {
        assert_eq!(
            serde_json::from_str::<Audience>("\"eaeu-worker\"").unwrap(),
            Audience::EaeuWorker
        );
        let err = serde_json::from_str::<Audience>("\"kg\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown variant `kg`"), "{err}");
        assert_eq!(
            serde_json::to_string(&DeadlineUnit::WorkingDays).unwrap(),
            "\"working_days\""
        );
    }

    #[test]
    fn optional_fields_are_left_out() {
        let step = Step {
            id: "register".into(),
            what: "Register".into(),
            where_: Some("MFC".into()),
            cost: None,
            cost_rub: None,
            deadline: Some(rule(Anchor::Entry, 30, DeadlineUnit::Days, None)),
        };
        let json = serde_json::to_string(&step).unwrap();
        assert_eq!(
            json,
            r#"{"id":"register","what":"Register","where":"MFC","deadline":{"from":"entry","amount":30,"unit":"days"}}"#
        );
        assert_eq!(serde_json::from_str::<Step>(&json).unwrap(), step);
    }

    #[test]
    fn a_contact_serves_its_regions_and_all_serve_everywhere() {
        let json = r#"{"id":"c","kind":"consulate","country":"KG","name":"C","regions":["tomsk","omsk"],
            "languages":["ru"],"provenance":{"review":"checked-against-sources","checked_on":"2026-01-01","sources":[]},"lang":"ru"}"#;
        let mut contact: Contact = serde_json::from_str(json).unwrap();
        assert!(contact.serves("omsk"));
        assert!(!contact.serves("moscow"));
        contact.regions = vec![ALL_REGIONS.into()];
        assert!(contact.serves("moscow"));
    }

    #[test]
    fn a_pack_without_regions_still_reads() {
        let json = r#"{"schema":1,"lang":"ru","content_version":1,"categories":[],"articles":[],"contacts":[],"checklists":[]}"#;
        let pack: Pack = serde_json::from_str(json).unwrap();
        assert!(pack.regions.is_empty());
        assert!(pack.region("moscow").is_none());
    }

    #[test]
    fn a_packs_content_version_is_never_read_from_its_file() {
        let json = r#"{"schema":1,"lang":"ru","content_version":9,"categories":[],"articles":[],"contacts":[],"checklists":[]}"#;
        let by_serde: Pack = serde_json::from_str(json).unwrap();
        let by_codec: Pack = crate::codec::json::from_slice(json.as_bytes()).unwrap();
        assert_eq!((by_serde.content_version, by_codec.content_version), (0, 0));
        assert_eq!(by_serde, by_codec);
        assert!(
            !serde_json::to_string(&by_serde)
                .unwrap()
                .contains("content_version")
        );
    }

    #[test]
    fn emergency_numbers_come_from_emergency_contacts_only() {
        let contact = |id: &str, kind: &str, number: &str| {
            format!(
                r#"{{"id":"{id}","kind":"{kind}","country":"RU","name":"N {id}","regions":["all"],
                "phones":[{{"number":"{number}","label":"emergency","source":1}}],"languages":["ru"],
                "provenance":{{"review":"checked-against-sources","checked_on":"2026-01-01","sources":[]}},"lang":"ru"}}"#
            )
        };
        let json = format!(
            r#"{{"schema":1,"lang":"ru","content_version":1,"categories":[],"articles":[],
            "contacts":[{},{},{}],"checklists":[]}}"#,
            contact("c", "emergency", "102"),
            contact("b", "embassy", "+79251155047"),
            contact("a", "emergency", "112")
        );
        let pack: Pack = serde_json::from_str(&json).unwrap();
        let numbers: Vec<&str> = pack
            .emergency_numbers()
            .into_iter()
            .map(|p| p.number.as_str())
            .collect();
        assert_eq!(numbers, ["112", "102"]);
    }
}
