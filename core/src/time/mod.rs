//! Dates and what is computed from them: calendar days, legal deadlines, opening hours, the
//! 90-in-180 stay count and calendar (`.ics`) files. No clock: callers pass today's date.

pub mod date;
pub mod deadline;
pub mod hours;
pub mod ics;
pub mod stay;
