//! Platform-free logic of Jardam, shared by the app (compiled to WebAssembly) and the editors'
//! `jardam-feed` command, and tested natively with `cargo test`.
//!
//! No file system, clock or threads here: callers pass in bytes and dates.

#![warn(missing_docs)]

pub mod audience;
pub mod bundle;
pub mod content;
pub mod date;
pub mod deadline;
pub mod feed;
pub mod hex;
pub mod hours;
pub mod ics;
pub mod json;
pub mod keys;
pub mod langmap;
pub mod letters;
pub mod limits;
pub mod locales;
pub mod markup;
pub mod missions;
pub mod order;
pub mod plural;
pub mod provenance;
pub mod qr;
pub mod route;
pub mod search;
pub mod stay;
pub mod sync;
mod text_enum;
pub mod trust;
pub mod ui_strings;
