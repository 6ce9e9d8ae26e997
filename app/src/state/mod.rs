//! The app's state and the work that changes it: the content on the device, the reader's
//! profile, syncing with the feed mirrors, the bundled feed and hand-off files.

pub mod content;
pub mod feed;
pub mod handoff;
pub mod language;
pub mod profile;
pub mod sync;
