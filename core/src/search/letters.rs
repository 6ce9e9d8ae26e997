//! Letters of the scripts Jardam's languages are written in (Latin for Uzbek and English,
//! Cyrillic for Kyrgyz, Russian and Tajik) and their lowercase, without the standard library's
//! Unicode tables: `char::to_lowercase` and `char::is_alphanumeric` cost 6.8 KB of WebAssembly
//! with brotli (BENCHMARKS.md, "Shell size cut").
//!
//! Latin (with Latin-1 and Latin Extended-A) and Cyrillic (U+0400–U+052F) are exact: what
//! Unicode calls a letter or digit is one, lowercased as Unicode does. Other scripts count as
//! letters, kept as written (their case is not folded); punctuation, symbol and emoji blocks
//! separate words.

/// What a character is to word splitting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A letter or digit, in lowercase.
    Letter(char),
    /// A combining mark (an accent written after its letter): part of the word, not a letter.
    Mark,
    /// Anything else: spaces, punctuation, symbols.
    Other,
}

/// The class of `c`, and its lowercase if it is a letter.
pub fn classify(c: char) -> Class {
    let code = u32::from(c);
    let lower = |code: u32| Class::Letter(char::from_u32(code).unwrap_or(c));
    match code {
        0x30..=0x39 | 0x61..=0x7A => Class::Letter(c),
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => lower(code + 0x20),
        // ASCII and Latin-1 punctuation and symbols (ª º µ ¹ ² ³ ¼ ½ ¾ included).
        0..=0xBF | 0xD7 | 0xF7 => Class::Other,
        // İ lowercases to i and a combining dot, which words drop anyway.
        0x130 => lower(0x69),
        0x178 => lower(0xFF),
        0x4C0 => lower(0x4CF),
        // Pairs of capital (odd) and small (even) letters.
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE => lower(code + (code & 1)),
        // Pairs of capital (even) and small (odd) letters, but the few that stand alone.
        0x100..=0x17F | 0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F
            if !matches!(code, 0x131 | 0x138 | 0x149 | 0x17F) =>
        {
            lower(code | 1)
        }
        0x400..=0x40F => lower(code + 0x50),
        0x300..=0x36F | 0x483..=0x489 => Class::Mark,
        0x482 | 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF0F => {
            Class::Other
        }
        0xFE00..=0xFE0F | 0x1F000..=0x1FAFF | 0xE0000..=0xE007F => Class::Other,
        _ => Class::Letter(c),
    }
}

/// Whether `c` is a capital letter (one that lowercases to another letter).
pub fn is_capital(c: char) -> bool {
    matches!(classify(c), Class::Letter(lower) if lower != c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Latin-1 signs Unicode counts as letters or digits that separate words here.
    const SIGNS: [char; 9] = ['ª', 'º', 'µ', '¹', '²', '³', '¼', '½', '¾'];

    #[test]
    fn latin_and_cyrillic_agree_with_unicode() {
        let ranges = (0..=0x17F).chain(0x400..=0x52F);
        for c in ranges.filter_map(char::from_u32) {
            match classify(c) {
                Class::Letter(lower) => {
                    assert!(c.is_alphanumeric(), "{c:?} is not a letter");
                    assert_eq!(c.to_lowercase().next(), Some(lower), "{c:?}");
                }
                Class::Mark => assert!(!c.is_alphanumeric(), "{c:?}"),
                Class::Other => {
                    assert!(
                        !c.is_alphanumeric() || SIGNS.contains(&c),
                        "{c:?} is a letter"
                    )
                }
            }
        }
    }

    #[test]
    fn the_letters_of_the_five_languages_lowercase() {
        let lower = |text: &str| -> String {
            text.chars()
                .map(|c| match classify(c) {
                    Class::Letter(l) => l,
                    _ => '_',
                })
                .collect()
        };
        assert_eq!(lower("ҢӨҮ ҲҶҚҒӢӮ Ѐ Ё"), "ңөү_ҳҷқғӣӯ_ѐ_ё");
        // ʻ is a modifier letter in Unicode (search reads it as an apostrophe first).
        assert_eq!(lower("OʻZBEK Şç"), "oʻzbek_şç");
        assert_eq!(lower("ÉCOLE İ"), "école_i");
    }

    #[test]
    fn other_scripts_are_letters_and_symbols_separate() {
        for c in ['中', 'Ω', 'ا', 'ǅ'] {
            assert_eq!(classify(c), Class::Letter(c), "{c:?}");
        }
        for c in [
            '—', '«', '»', '№', '€', '😀', '\u{3001}', '\u{fe0f}', ' ', '\u{a0}',
        ] {
            assert_eq!(classify(c), Class::Other, "{c:?}");
        }
        assert_eq!(classify('\u{301}'), Class::Mark);
        assert!(is_capital('Ң') && is_capital('A') && !is_capital('ң') && !is_capital('1'));
    }
}
