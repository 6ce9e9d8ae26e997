//! Encodings on the wire: the app's JSON reader and writer, hex, enums written as words and
//! maps keyed by language, and (feature `serde`) serde's versions of the shapes not derived.

pub mod hex;
pub mod json;
pub mod langmap;
#[cfg(feature = "serde")]
pub(crate) mod serde_impls;
pub(crate) mod text_enum;
