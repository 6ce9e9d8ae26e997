//! The browser glue, one capability per file: everything the app asks of the browser goes
//! through here, so the screens and the state hold no `web_sys` calls of their own.

pub mod document;
pub mod files;
pub mod http;
pub mod location;
pub mod network;
pub mod prefs;
pub mod service_worker;
pub mod sharing;
pub mod store;
pub mod timers;
