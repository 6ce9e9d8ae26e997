//! Encodings on the wire: the app's JSON reader and writer, hex, enums written as words and
//! maps keyed by language.

pub mod hex;
pub mod json;
pub mod langmap;
pub(crate) mod text_enum;
