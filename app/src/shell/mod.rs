//! The frame around every screen: header, notices and bottom navigation.

mod header;
pub mod icons;
mod nav;
mod notices;

pub use header::Header;
pub use nav::BottomNav;
pub use notices::Notices;
