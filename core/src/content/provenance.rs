//! What a reader is told about where an item's facts come from and what was done to check them:
//! the review level, the date of the check, the sources, whether the text is a machine
//! translation and until when its figures hold.
//!
//! The levels say what was actually done, no more: editors comparing the text with its cited
//! sources is not legal advice, and only a named reviewer makes an item "lawyer-reviewed".

use crate::codec::text_enum::text_enum_impls;
use crate::json_struct;
use crate::time::date::Date;

/// Where an item's facts come from and how far they were checked.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Provenance {
    /// What was done to check the facts.
    pub review: Review,
    /// When the editors last compared the item with its sources.
    pub checked_on: Date,
    /// Who reviewed it, for [`Review::LawyerReviewed`] only.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub reviewed_by: Option<String>,
    /// Whether the text in this pack is a machine translation no person has checked.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub machine_translated: bool,
    /// Last day its figures (prices, lists, experiment dates) are known to hold.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub valid_until: Option<Date>,
    /// Where the facts come from, in the order the text refers to them (`[1]` is the first).
    pub sources: Vec<Source>,
}

impl Provenance {
    /// Whether the figures' period is over on `today`: they may have changed since.
    pub fn expired(&self, today: Date) -> bool {
        self.valid_until.is_some_and(|last| last < today)
    }

    /// The date of the newest dated source, or `checked_on` when none is dated: how fresh the
    /// details are (a check today of a 2024 source leaves them as old as 2024).
    pub fn newest(&self) -> Date {
        self.sources
            .iter()
            .filter_map(|s| s.date)
            .max()
            .unwrap_or(self.checked_on)
    }

    /// Checked against no sources on `date`: what other modules' tests need.
    #[cfg(test)]
    pub(crate) fn for_tests(date: Date) -> Provenance {
        Provenance {
            review: Review::CheckedAgainstSources,
            checked_on: date,
            reviewed_by: None,
            machine_translated: false,
            valid_until: None,
            sources: Vec::new(),
        }
    }
}

/// A source of the facts in an item.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Source {
    /// Outlet and what it said.
    pub title: String,
    /// The page that states the facts.
    pub url: String,
    /// Date of the source, when it is dated.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub date: Option<Date>,
}

json_struct!(Provenance {
    "review" => review: required,
    "checked_on" => checked_on: required,
    "reviewed_by" => reviewed_by: skip_empty,
    "machine_translated" => machine_translated: skip_empty,
    "valid_until" => valid_until: skip_empty,
    "sources" => sources: required,
});

json_struct!(Source {
    "title" => title: required,
    "url" => url: required,
    "date" => date: skip_empty,
});

#[cfg(feature = "serde")]
fn is_false(value: &bool) -> bool {
    !*value
}

/// What was done to check an item's facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Review {
    /// The editors compared the text with the cited sources on `checked_on`; not legal advice.
    CheckedAgainstSources,
    /// A source is old, weak or disputed: shown with a warning, never as settled.
    NeedsLegalReview,
    /// A lawyer or organisation named in `reviewed_by` reviewed it.
    LawyerReviewed,
}

text_enum_impls!(Review, "a review level", {
    CheckedAgainstSources => "checked-against-sources",
    NeedsLegalReview => "needs-legal-review",
    LawyerReviewed => "lawyer-reviewed",
});

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn provenance(valid_until: Option<Date>) -> Provenance {
        Provenance {
            review: Review::CheckedAgainstSources,
            checked_on: d("2026-12-01"),
            reviewed_by: None,
            machine_translated: false,
            valid_until,
            sources: Vec::new(),
        }
    }

    #[test]
    fn figures_expire_the_day_after_their_last_day() {
        let p = provenance(Some(d("2026-12-31")));
        assert!(!p.expired(d("2026-12-01")));
        assert!(!p.expired(d("2026-12-31")));
        assert!(p.expired(d("2027-01-01")));
        assert!(!provenance(None).expired(d("2099-01-01")));
    }

    #[test]
    fn details_are_as_fresh_as_their_newest_dated_source() {
        let source = |date: Option<&str>| Source {
            title: "T".into(),
            url: "https://example.org/a".into(),
            date: date.map(d),
        };
        let mut p = provenance(None);
        assert_eq!(p.newest(), d("2026-12-01"), "no source: the check");
        p.sources = vec![
            source(Some("2024-11-29")),
            source(None),
            source(Some("2021-12-03")),
        ];
        assert_eq!(p.newest(), d("2024-11-29"));
        p.sources = vec![source(None)];
        assert_eq!(p.newest(), d("2026-12-01"));
    }

    #[test]
    fn levels_are_written_as_words_and_verified_is_not_one() {
        for review in Review::ALL {
            assert_eq!(Review::parse(review.as_str()), Some(*review));
        }
        assert_eq!(Review::parse("verified"), None);
        assert_eq!(
            serde_json::to_string(&Review::CheckedAgainstSources).unwrap(),
            "\"checked-against-sources\""
        );
    }

    #[test]
    fn optional_fields_are_left_out_and_read_back_by_both_readers() {
        let p = provenance(None);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"review":"checked-against-sources","checked_on":"2026-12-01","sources":[]}"#
        );
        assert_eq!(
            crate::codec::json::from_slice::<Provenance>(json.as_bytes()).unwrap(),
            p
        );
        let full = Provenance {
            review: Review::LawyerReviewed,
            reviewed_by: Some("A lawyers' association".into()),
            machine_translated: true,
            ..provenance(Some(d("2026-12-31")))
        };
        let json = serde_json::to_string(&full).unwrap();
        assert_eq!(
            crate::codec::json::from_slice::<Provenance>(json.as_bytes()).unwrap(),
            full
        );
    }
}
