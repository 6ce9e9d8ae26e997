//! Cardinal plural categories of whole numbers in the app's languages, after the CLDR plural
//! rules (`common/supplemental/plurals.xml`):
//!
//! - Russian (`ru`): `one` for 1, 21, 31 … but not 11; `few` for 2–4, 22–24 … but not 12–14;
//!   `many` for the rest (0, 5–20, 25 …). CLDR's `other` only covers fractions.
//! - English (`en`): `one` for exactly 1, `other` for the rest.
//! - Kyrgyz (`ky`) and Uzbek (`uz`): `one` for 1 (`n = 1`), `other` for the rest.
//! - Tajik (`tg`): `one` for 0 and 1 (`i = 0 or n = 1`, as Persian; added in CLDR 49), `other`
//!   for the rest.
//!
//! The app's build checks that each locale gives exactly the forms of [`categories`], and the
//! app picks one with [`category`]: both read this one table. The tests check it against
//! ICU4X's compiled CLDR 49 data for every number below 10,000.

/// A CLDR plural category used by one of the app's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// CLDR `one`.
    One,
    /// CLDR `few`.
    Few,
    /// CLDR `many`.
    Many,
    /// CLDR `other`.
    Other,
}

impl Category {
    /// Every category, in the order of their index (`Category as usize`).
    pub const ALL: [Category; 4] = [
        Category::One,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// The CLDR name, as written in the locale files.
    pub fn name(self) -> &'static str {
        match self {
            Category::One => "one",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// The category named `name`, if it is one of [`Category::ALL`].
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

const ONE_OTHER: &[Category] = &[Category::One, Category::Other];
const ONE_FEW_MANY: &[Category] = &[Category::One, Category::Few, Category::Many];
const OTHER: &[Category] = &[Category::Other];

/// The categories whole numbers fall into in `lang` (a BCP 47 primary subtag such as `ru`), in
/// [`Category`] order. Languages CLDR has no rules for get the root rules: only `other`.
pub fn categories(lang: &str) -> &'static [Category] {
    match lang {
        "en" | "ky" | "uz" | "tg" => ONE_OTHER,
        "ru" => ONE_FEW_MANY,
        _ => OTHER,
    }
}

/// The plural category of the whole number `n` in `lang`; always one of [`categories`].
pub fn category(lang: &str, n: u64) -> Category {
    match lang {
        "en" | "ky" | "uz" if n == 1 => Category::One,
        "tg" if n <= 1 => Category::One,
        "en" | "ky" | "uz" | "tg" => Category::Other,
        "ru" => match (n % 10, n % 100) {
            (1, r) if r != 11 => Category::One,
            (2..=4, r) if !(12..=14).contains(&r) => Category::Few,
            _ => Category::Many,
        },
        _ => Category::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(lang: &str, numbers: &[u64]) -> Vec<Category> {
        numbers.iter().map(|&n| category(lang, n)).collect()
    }

    #[test]
    fn russian_one_few_many() {
        use Category::{Few, Many, One};
        for n in [1, 21, 31, 101, 121, 1001, 100_001] {
            assert_eq!(category("ru", n), One, "{n}");
        }
        for n in [2, 3, 4, 22, 23, 24, 102, 1002, 10_004] {
            assert_eq!(category("ru", n), Few, "{n}");
        }
        for n in [
            0, 5, 9, 10, 11, 12, 13, 14, 15, 19, 20, 25, 100, 111, 112, 114, 1000,
        ] {
            assert_eq!(category("ru", n), Many, "{n}");
        }
    }

    #[test]
    fn english_one_other() {
        use Category::{One, Other};
        assert_eq!(
            of("en", &[0, 1, 2, 11, 21, 101]),
            [Other, One, Other, Other, Other, Other]
        );
    }

    #[test]
    fn kyrgyz_one_other() {
        use Category::{One, Other};
        assert_eq!(
            of("ky", &[0, 1, 2, 5, 11, 21, 101]),
            [Other, One, Other, Other, Other, Other, Other]
        );
    }

    #[test]
    fn uzbek_one_other() {
        use Category::{One, Other};
        assert_eq!(
            of("uz", &[0, 1, 2, 5, 11, 21, 101]),
            [Other, One, Other, Other, Other, Other, Other]
        );
    }

    #[test]
    fn tajik_one_for_zero_and_one() {
        use Category::{One, Other};
        assert_eq!(
            of("tg", &[0, 1, 2, 5, 11, 21, 101]),
            [One, One, Other, Other, Other, Other, Other]
        );
    }

    #[test]
    fn a_language_without_rules_gets_the_root_rules() {
        assert_eq!(categories("xx"), [Category::Other]);
        assert_eq!(category("xx", 1), Category::Other);
    }

    #[test]
    fn every_number_falls_into_a_listed_category() {
        for lang in ["ky", "ru", "uz", "tg", "en"] {
            let listed = categories(lang);
            for n in 0..=1200 {
                assert!(listed.contains(&category(lang, n)), "{lang} {n}");
            }
            for &c in listed {
                assert!(
                    (0..=1200).any(|n| category(lang, n) == c),
                    "{lang} never uses {c:?}"
                );
            }
        }
    }

    /// ICU4X's compiled CLDR data as the outside oracle.
    fn cldr(lang: &str) -> icu_plurals::PluralRules {
        let locale: icu_locale_core::Locale = lang.parse().unwrap();
        icu_plurals::PluralRules::try_new_cardinal(locale.into()).unwrap()
    }

    fn from_cldr(category: icu_plurals::PluralCategory) -> Option<Category> {
        use icu_plurals::PluralCategory as Cldr;
        match category {
            Cldr::One => Some(Category::One),
            Cldr::Few => Some(Category::Few),
            Cldr::Many => Some(Category::Many),
            Cldr::Other => Some(Category::Other),
            Cldr::Zero | Cldr::Two => None,
        }
    }

    #[test]
    fn every_whole_number_below_ten_thousand_gets_cldrs_category() {
        for lang in ["ky", "ru", "uz", "tg", "en"] {
            let rules = cldr(lang);
            let mut used = Vec::new();
            for n in 0..10_000u64 {
                let expected = from_cldr(rules.category_for(n));
                assert_eq!(Some(category(lang, n)), expected, "{lang} {n}");
                if !used.contains(&category(lang, n)) {
                    used.push(category(lang, n));
                }
            }
            used.sort();
            assert_eq!(
                categories(lang),
                used,
                "{lang}: the categories whole numbers use"
            );
        }
    }

    #[test]
    fn names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.name()), Some(c));
            assert_eq!(
                c as usize,
                Category::ALL.iter().position(|&x| x == c).unwrap()
            );
        }
        assert_eq!(Category::parse("two"), None);
    }
}
