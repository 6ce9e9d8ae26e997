//! Pieces shared by several screens.

pub mod contact;
pub mod detail;
pub mod markup;
pub mod search;
pub mod settings;
pub mod stay;
pub mod trust;
