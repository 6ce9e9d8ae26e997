//! `jardam-feed`: the editors' command that validates Jardam's content, builds one pack per
//! language, signs the feed and verifies it with the same code the app uses (`jardam-core`).

#![warn(missing_docs)]

pub mod check;
pub mod cli;
pub mod clock;
pub mod letter;
pub mod load;
pub mod markdown;
pub mod pack;
pub mod problem;
pub mod publish;
pub mod reader;
pub mod references;
pub mod rules;
pub mod signing;
pub mod source;
pub mod strings;
