//! Who the reader is, and whether an item concerns them. Items that concern the reader come
//! first; nothing is ever hidden.

use crate::content::Audience;

/// The reader's citizenship, as chosen at first start or in More.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Citizenship {
    /// Kyrgyzstan (EAEU).
    Kg,
    /// Kazakhstan (EAEU).
    Kz,
    /// Uzbekistan (patent).
    Uz,
    /// Tajikistan (patent).
    Tj,
    /// Any other country.
    Other,
}

impl Citizenship {
    /// Every choice, in the order offered.
    pub const ALL: [Citizenship; 5] = [
        Citizenship::Kg,
        Citizenship::Kz,
        Citizenship::Uz,
        Citizenship::Tj,
        Citizenship::Other,
    ];

    /// Stable code, as stored in preferences.
    pub fn code(self) -> &'static str {
        match self {
            Citizenship::Kg => "KG",
            Citizenship::Kz => "KZ",
            Citizenship::Uz => "UZ",
            Citizenship::Tj => "TJ",
            Citizenship::Other => "other",
        }
    }

    /// Parses [`Citizenship::code`].
    pub fn parse(code: &str) -> Option<Citizenship> {
        Citizenship::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The audiences that describe this reader: their country and their legal route to work.
    pub fn audiences(self) -> &'static [Audience] {
        match self {
            Citizenship::Kg => &[Audience::Kg, Audience::EaeuWorker],
            Citizenship::Kz => &[Audience::Kz, Audience::EaeuWorker],
            Citizenship::Uz => &[Audience::Uz, Audience::PatentHolder],
            Citizenship::Tj => &[Audience::Tj, Audience::PatentHolder],
            Citizenship::Other => &[],
        }
    }

    /// Whether an item meant for `applies_to` speaks to this reader specifically.
    pub fn is_for(self, applies_to: &[Audience]) -> bool {
        applies_to.iter().any(|a| self.audiences().contains(a))
    }
}

/// Orders `items` so those for `citizenship` come first, keeping the order within each part.
pub fn for_reader_first<T>(
    items: &mut [T],
    citizenship: Option<Citizenship>,
    applies_to: impl Fn(&T) -> &[Audience],
) {
    if let Some(citizenship) = citizenship {
        crate::order::sort_short_by_key(items, |item| !citizenship.is_for(applies_to(item)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in Citizenship::ALL {
            assert_eq!(Citizenship::parse(c.code()), Some(c));
        }
        assert_eq!(Citizenship::parse("RU"), None);
    }

    #[test]
    fn routes_to_work_follow_citizenship() {
        assert!(Citizenship::Kg.is_for(&[Audience::EaeuWorker]));
        assert!(Citizenship::Kz.is_for(&[Audience::Kz]));
        assert!(!Citizenship::Kg.is_for(&[Audience::PatentHolder, Audience::Uz]));
        assert!(Citizenship::Tj.is_for(&[Audience::PatentHolder]));
        assert!(!Citizenship::Other.is_for(&[Audience::Any, Audience::Kg]));
        assert!(!Citizenship::Uz.is_for(&[Audience::Any]));
    }

    #[test]
    fn readers_items_come_first_and_nothing_is_dropped() {
        let mut items = vec![
            ("patent", vec![Audience::PatentHolder]),
            ("any", vec![Audience::Any]),
            ("eaeu", vec![Audience::EaeuWorker]),
            ("kg", vec![Audience::Kg]),
        ];
        for_reader_first(&mut items, Some(Citizenship::Kg), |i| &i.1);
        let order: Vec<_> = items.iter().map(|i| i.0).collect();
        assert_eq!(order, ["eaeu", "kg", "patent", "any"]);
        for_reader_first(&mut items, None, |i| &i.1);
        assert_eq!(items.len(), 4);
    }
}
