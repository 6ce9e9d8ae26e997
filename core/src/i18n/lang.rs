//! The interface languages: one list, in the order the language picker shows them, used by the
//! app, its build script (which compiles the string tables in this order) and the feed tool.

/// An interface language. `lang as usize` indexes every per-language table built from
/// [`Lang::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Kyrgyz.
    Ky,
    /// Russian: the fallback language.
    Ru,
    /// Uzbek (Latin script).
    Uz,
    /// Tajik.
    Tg,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order shown to the user; `Lang::ALL[l as usize] == l`.
    pub const ALL: [Lang; 5] = [Lang::Ky, Lang::Ru, Lang::Uz, Lang::Tg, Lang::En];

    /// BCP 47 code, as used in `<html lang>`, the content packs and the file names of
    /// `locales/`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ky => "ky",
            Lang::Ru => "ru",
            Lang::Uz => "uz",
            Lang::Tg => "tg",
            Lang::En => "en",
        }
    }

    /// The language named in itself, for the language picker.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Ky => "Кыргызча",
            Lang::Ru => "Русский",
            Lang::Uz => "Oʻzbekcha",
            Lang::Tg => "Тоҷикӣ",
            Lang::En => "English",
        }
    }

    /// Parses a code such as `ky`, `ru-RU` or `uz-Latn-UZ`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_sits_at_its_own_index_with_its_own_code() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, i, "{lang:?}");
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            let others = Lang::ALL.iter().filter(|l| l.code() == lang.code()).count();
            assert_eq!(others, 1, "{} is used twice", lang.code());
        }
    }

    #[test]
    fn region_and_script_subtags_are_ignored() {
        assert_eq!(Lang::from_code("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("uz-Latn-UZ"), Some(Lang::Uz));
        assert_eq!(Lang::from_code("KY_kg"), Some(Lang::Ky));
        assert_eq!(Lang::from_code("kk"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
