//! Cardinal plural categories of whole numbers in the app's languages, after the CLDR plural
//! rules (`common/supplemental/plurals.xml`):
//!
//! - Russian (`ru`): `one` for 1, 21, 31 … but not 11; `few` for 2–4, 22–24 … but not 12–14;
//!   `many` for the rest (0, 5–20, 25 …). CLDR's `other` only covers fractions.
//! - English (`en`): `one` for exactly 1, `other` for the rest.
//! - Kyrgyz (`ky`) and Uzbek (`uz`): `one` for 1 (`n = 1`), `other` for the rest.
//! - Tajik (`tg`): CLDR has no rules, so the root rules apply: `other` for every number.
//!
//! The app's build checks that each locale gives exactly the forms of [`categories`], and the
//! app picks one with [`category`]: both read this one table.

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
        "en" | "ky" | "uz" => ONE_OTHER,
        "ru" => ONE_FEW_MANY,
        _ => OTHER,
    }
}

/// The plural category of the whole number `n` in `lang`; always one of [`categories`].
pub fn category(lang: &str, n: u64) -> Category {
    match lang {
        "en" | "ky" | "uz" if n == 1 => Category::One,
        "en" | "ky" | "uz" => Category::Other,
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
    fn tajik_other_only() {
        assert!(
            of("tg", &[0, 1, 2, 5, 11, 21, 101])
                .iter()
                .all(|&c| c == Category::Other)
        );
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
