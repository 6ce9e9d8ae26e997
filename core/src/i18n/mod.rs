//! The interface languages: their list and metadata, plural rules, and the string tables built
//! from `locales/*.toml`.

pub mod locales;
pub mod plural;
pub mod ui_strings;
