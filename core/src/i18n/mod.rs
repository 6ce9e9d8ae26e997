//! The interface languages: their one list ([`Lang`]), plural rules, and the string tables built
//! from `locales/*.toml`.

pub mod lang;
pub mod locales;
pub mod plural;
pub mod ui_strings;

pub use lang::Lang;
