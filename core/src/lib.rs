//! Platform-free logic of Jardam, shared by the app (compiled to WebAssembly) and the editors'
//! `jardam-feed` command, and tested natively with `cargo test`.
//!
//! No file system, clock or threads here: callers pass in bytes and dates.
//!
//! | module | holds |
//! |---|---|
//! | [`content`] | a language's pack: articles, contacts, checklists, letter templates, their markup, audiences, sources, size limits, missions |
//! | [`feed`] | the signed feed: manifest, keyring and signature checks, the bundled copy |
//! | [`sync`] | when to check for new content, what to fetch and accept, which packs are installed |
//! | [`time`] | dates, deadlines, opening hours, the stay counter, calendar files |
//! | [`search`] | the offline search index and the letter folding it rests on |
//! | [`i18n`] | the interface languages, plural rules and string tables |
//! | [`codec`] | JSON, hex and the other encodings on the wire |
//! | [`route`] | the app's addresses |
//! | [`qr`] | drawing a QR code's modules as an SVG path |
//! | [`order`] | a small stable sort for short lists |

#![warn(missing_docs)]

pub mod codec;
pub mod content;
pub mod feed;
pub mod i18n;
pub mod order;
pub mod qr;
pub mod route;
pub mod search;
pub mod sync;
pub mod time;
