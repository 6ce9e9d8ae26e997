//! The 90-day counter: since 1 January 2025 (Federal Law 260-FZ) a foreigner who came without a
//! visa may stay in Russia at most 90 days in total per calendar year. Workers from the EAEU
//! with a work contract are exempt.
//!
//! Both the day of entry and the day of exit count as days of stay.

use crate::time::date::Date;

/// Days of stay allowed per calendar year.
pub const DAYS_PER_YEAR: u32 = 90;

/// One stay in Russia.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stay {
    /// The day of entry.
    pub entry: Date,
    /// The day of exit; `None` while still in Russia.
    pub exit: Option<Date>,
}

/// The days used this calendar year and what is left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StayCount {
    /// The calendar year counted: today's.
    pub year: i32,
    /// Days of stay from 1 January to today, both included.
    pub days_used: u32,
    /// Whether today is a day of stay.
    pub in_russia: bool,
    /// What the limit leaves.
    pub allowance: Allowance,
}

/// What the 90-day limit leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowance {
    /// The limit does not apply (an EAEU worker with a contract).
    Exempt,
    /// Days remain.
    Left {
        /// Days left this calendar year (today, when in Russia, already counted).
        days_left: u32,
        /// The last day the user may be in Russia if they stay from today on. When the days
        /// left reach 31 December, the next year's 90 days follow on: then it is in March.
        last_day: Date,
    },
    /// No day remains this year: not in Russia today and all 90 days used, or over them.
    Used {
        /// Days of stay beyond the 90.
        days_over: u32,
        /// 1 January of next year, when a new count begins.
        next_year: Date,
    },
}

/// Counts `stays` (in any order; overlaps are counted once, stays after today are ignored, a
/// stay whose exit is before its entry is ignored) for today's calendar year.
pub fn count(stays: &[Stay], today: Date, exempt: bool) -> StayCount {
    let year = today.year();
    let january = Date::new(year, 1, 1).unwrap_or(Date::MIN);
    // The stays' days in [1 January, today], as day numbers.
    let mut spans: Vec<(i64, i64)> = stays
        .iter()
        .filter(|s| s.exit.is_none_or(|exit| exit >= s.entry))
        .map(|s| {
            let exit = s.exit.map_or(today, |exit| exit.min(today));
            (
                s.entry.max(january).days_since_epoch(),
                exit.days_since_epoch(),
            )
        })
        .filter(|(from, to)| from <= to)
        .collect();
    spans.sort_unstable();
    let (mut used, mut covered_to) = (0i64, i64::MIN);
    for (from, to) in spans {
        let from = from.max(covered_to + 1);
        if from <= to {
            used += to - from + 1;
            covered_to = to;
        }
    }
    let today_number = today.days_since_epoch();
    let in_russia = covered_to == today_number;
    let days_used = u32::try_from(used).unwrap_or(u32::MAX);

    let allowance = if exempt {
        Allowance::Exempt
    } else {
        let days_left = DAYS_PER_YEAR.saturating_sub(days_used);
        // Days that may follow today; today itself needs one unless already counted.
        let ahead = i64::from(DAYS_PER_YEAR) - used - i64::from(!in_russia);
        if ahead < 0 {
            Allowance::Used {
                days_over: days_used.saturating_sub(DAYS_PER_YEAR),
                next_year: Date::new(year + 1, 1, 1).unwrap_or(Date::MAX),
            }
        } else {
            let last_day = today.add_days(ahead).unwrap_or(Date::MAX);
            let december = Date::new(year, 12, 31).unwrap_or(Date::MAX);
            let last_day = if last_day >= december {
                // Through 31 December, then a fresh 90 days from 1 January.
                december
                    .add_days(i64::from(DAYS_PER_YEAR))
                    .unwrap_or(Date::MAX)
            } else {
                last_day
            };
            Allowance::Left {
                days_left,
                last_day,
            }
        }
    };
    StayCount {
        year,
        days_used,
        in_russia,
        allowance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn stay(entry: &str, exit: Option<&str>) -> Stay {
        Stay {
            entry: d(entry),
            exit: exit.map(d),
        }
    }

    fn left(days_left: u32, last_day: &str) -> Allowance {
        Allowance::Left {
            days_left,
            last_day: d(last_day),
        }
    }

    #[test]
    fn entry_and_exit_days_both_count() {
        let stays = [stay("2025-03-01", Some("2025-03-10"))];
        let c = count(&stays, d("2025-06-01"), false);
        assert_eq!((c.year, c.days_used, c.in_russia), (2025, 10, false));
        // Abroad today: if they come today, today is the first of the 80 days left.
        assert_eq!(c.allowance, left(80, "2025-08-19"));
        // A one-day trip is one day.
        let c = count(
            &[stay("2025-03-01", Some("2025-03-01"))],
            d("2025-06-01"),
            false,
        );
        assert_eq!(c.days_used, 1);
    }

    #[test]
    fn a_stay_under_way_counts_to_today() {
        // In Russia since 1 February: 28 days used on 28 February, today included.
        let stays = [stay("2025-02-01", None)];
        let c = count(&stays, d("2025-02-28"), false);
        assert_eq!((c.days_used, c.in_russia), (28, true));
        // 62 left: the 90th day is 1 May (31 days of March, 30 of April, 1 May).
        assert_eq!(c.allowance, left(62, "2025-05-01"));
        // The same in a leap year: 29 February is a day too.
        let c = count(&[stay("2028-02-01", None)], d("2028-02-29"), false);
        assert_eq!(c.days_used, 29);
        assert_eq!(c.allowance, left(61, "2028-04-30"));
        // An exit later than today (planned) counts only to today.
        let c = count(
            &[stay("2025-02-01", Some("2025-12-01"))],
            d("2025-02-28"),
            false,
        );
        assert_eq!((c.days_used, c.in_russia), (28, true));
        // Leaving today: today counts.
        let c = count(
            &[stay("2025-02-01", Some("2025-02-28"))],
            d("2025-02-28"),
            false,
        );
        assert_eq!((c.days_used, c.in_russia), (28, true));
    }

    #[test]
    fn only_this_years_days_count() {
        // In Russia since 1 December 2024: only the days since 1 January 2025 count.
        let stays = [stay("2024-12-01", None)];
        let c = count(&stays, d("2025-01-10"), false);
        assert_eq!((c.year, c.days_used), (2025, 10));
        assert_eq!(c.allowance, left(80, "2025-03-31"));
        // A stay that ended last year does not count at all.
        let c = count(
            &[stay("2024-10-01", Some("2024-12-31"))],
            d("2025-01-01"),
            false,
        );
        assert_eq!((c.days_used, c.in_russia), (0, false));
        assert_eq!(c.allowance, left(90, "2025-03-31"));
        // Exiting on 1 January: one day this year.
        let c = count(
            &[stay("2024-12-20", Some("2025-01-01"))],
            d("2025-02-01"),
            false,
        );
        assert_eq!(c.days_used, 1);
    }

    #[test]
    fn several_stays_add_up_and_overlaps_count_once() {
        let stays = [
            stay("2025-05-01", Some("2025-05-31")),
            stay("2025-01-10", Some("2025-01-20")),
            // Entered again on the day of exit: that day counts once.
            stay("2025-05-31", Some("2025-06-09")),
            // Entered twice by mistake.
            stay("2025-01-15", Some("2025-01-16")),
            // After today: not yet.
            stay("2025-09-01", None),
            // Exit before entry: ignored.
            stay("2025-08-10", Some("2025-08-01")),
        ];
        let c = count(&stays, d("2025-07-01"), false);
        assert_eq!(c.days_used, 11 + 31 + 9);
        assert_eq!(c.allowance, left(39, "2025-08-08"));
        assert!(!c.in_russia);
    }

    #[test]
    fn the_last_day_and_running_out() {
        // Day 90 is today: stay today, leave tomorrow.
        let c = count(&[stay("2025-01-01", None)], d("2025-03-31"), false);
        assert_eq!(c.days_used, 90);
        assert_eq!(c.allowance, left(0, "2025-03-31"));
        // One day over.
        let c = count(&[stay("2025-01-01", None)], d("2025-04-01"), false);
        assert_eq!(
            c.allowance,
            Allowance::Used {
                days_over: 1,
                next_year: d("2026-01-01")
            }
        );
        // All 90 used and abroad: no day left this year.
        let c = count(
            &[stay("2025-01-01", Some("2025-03-31"))],
            d("2025-05-01"),
            false,
        );
        assert_eq!(
            c.allowance,
            Allowance::Used {
                days_over: 0,
                next_year: d("2026-01-01")
            }
        );
        // 89 used and abroad: today is the one day left.
        let c = count(
            &[stay("2025-01-01", Some("2025-03-30"))],
            d("2025-05-01"),
            false,
        );
        assert_eq!(c.allowance, left(1, "2025-05-01"));
    }

    #[test]
    fn days_reaching_the_new_year_continue_into_it() {
        // From 1 December with 31 days left: through 31 December, then 90 days of 2026.
        let c = count(
            &[stay("2025-09-01", Some("2025-11-28"))],
            d("2025-12-01"),
            false,
        );
        assert_eq!(c.days_used, 89);
        assert_eq!(c.allowance, left(1, "2025-12-01"));
        let c = count(
            &[stay("2025-09-01", Some("2025-10-30"))],
            d("2025-12-01"),
            false,
        );
        assert_eq!(c.days_used, 60);
        assert_eq!(c.allowance, left(30, "2025-12-30"));
        let c = count(
            &[stay("2025-09-01", Some("2025-10-29"))],
            d("2025-12-01"),
            false,
        );
        assert_eq!(c.days_used, 59);
        assert_eq!(c.allowance, left(31, "2026-03-31"));
        // Before a leap year, the 90 days of the next year end on 30 March.
        let c = count(&[], d("2027-12-20"), false);
        assert_eq!(c.allowance, left(90, "2028-03-30"));
    }

    #[test]
    fn exempt_workers_are_counted_without_a_limit() {
        let c = count(&[stay("2025-01-01", None)], d("2025-12-31"), true);
        assert_eq!((c.days_used, c.in_russia), (365, true));
        assert_eq!(c.allowance, Allowance::Exempt);
        let c = count(&[], d("2025-06-01"), true);
        assert_eq!((c.days_used, c.in_russia), (0, false));
    }
}
