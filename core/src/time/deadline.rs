//! Where a checklist step's deadline stands, given the dates the user entered (entry,
//! contract, patent, departure) and today.

use crate::content::{Anchor, DeadlineRule, Step};
use crate::time::date::Date;

/// The dates of the events deadlines count from, as far as the user has entered them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Anchors {
    /// Entry into Russia.
    pub entry: Option<Date>,
    /// Signing the work contract.
    pub contract: Option<Date>,
    /// Receiving the patent.
    pub patent: Option<Date>,
    /// Leaving Russia (planned).
    pub departure: Option<Date>,
}

crate::json_struct!(Anchors {
    "entry" => entry: default,
    "contract" => contract: default,
    "patent" => patent: default,
    "departure" => departure: default,
});

impl Anchors {
    /// The date of `anchor`, if entered.
    pub fn get(&self, anchor: Anchor) -> Option<Date> {
        match anchor {
            Anchor::Entry => self.entry,
            Anchor::Contract => self.contract,
            Anchor::Patent => self.patent,
            Anchor::Departure => self.departure,
        }
    }
}

/// Where a deadline stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// Still ahead.
    Due {
        /// The deadline.
        date: Date,
        /// Days from today to it, at least 1.
        days_left: u32,
    },
    /// Today is the last day.
    DueToday,
    /// Passed (only for one-off deadlines: a repeating one moves on to its next date).
    Overdue {
        /// The deadline.
        date: Date,
        /// Days since it, at least 1.
        days_late: u32,
    },
    /// The user has not entered the date it counts from.
    NoAnchor(Anchor),
    /// The deadline falls outside the years 1 to 9999.
    OutOfRange,
}

/// Where `rule` stands on `today`: for a repeating rule, its next date on or after today.
pub fn status(rule: &DeadlineRule, anchors: &Anchors, today: Date) -> DeadlineStatus {
    let Some(anchor) = anchors.get(rule.from) else {
        return DeadlineStatus::NoAnchor(rule.from);
    };
    let Some(date) = rule.next_due(anchor, today) else {
        return DeadlineStatus::OutOfRange;
    };
    let days = today.days_until(date);
    let count = |days: i64| u32::try_from(days.unsigned_abs()).unwrap_or(u32::MAX);
    match days {
        0 => DeadlineStatus::DueToday,
        1.. => DeadlineStatus::Due {
            date,
            days_left: count(days),
        },
        _ => DeadlineStatus::Overdue {
            date,
            days_late: count(days),
        },
    }
}

/// Where `step`'s deadline stands on `today`; `None` for a step without a deadline.
pub fn step_status(step: &Step, anchors: &Anchors, today: Date) -> Option<DeadlineStatus> {
    step.deadline.map(|rule| status(&rule, anchors, today))
}

impl DeadlineStatus {
    /// The date of the deadline, when known (today for [`DeadlineStatus::DueToday`]).
    pub fn date(self, today: Date) -> Option<Date> {
        match self {
            DeadlineStatus::Due { date, .. } | DeadlineStatus::Overdue { date, .. } => Some(date),
            DeadlineStatus::DueToday => Some(today),
            DeadlineStatus::NoAnchor(_) | DeadlineStatus::OutOfRange => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::DeadlineUnit::{self, *};

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn rule(from: Anchor, amount: i32, unit: DeadlineUnit) -> DeadlineRule {
        DeadlineRule {
            from,
            amount,
            unit,
            every_months: None,
            and_working_days: None,
        }
    }

    fn entered(entry: &str) -> Anchors {
        Anchors {
            entry: Some(d(entry)),
            ..Anchors::default()
        }
    }

    fn due(date: &str, days_left: u32) -> DeadlineStatus {
        DeadlineStatus::Due {
            date: d(date),
            days_left,
        }
    }

    fn overdue(date: &str, days_late: u32) -> DeadlineStatus {
        DeadlineStatus::Overdue {
            date: d(date),
            days_late,
        }
    }

    #[test]
    fn counts_days_left_today_and_late() {
        let register = rule(Anchor::Entry, 30, Days);
        let anchors = entered("2025-11-27");
        assert_eq!(
            status(&register, &anchors, d("2025-11-27")),
            due("2025-12-27", 30)
        );
        assert_eq!(
            status(&register, &anchors, d("2025-12-26")),
            due("2025-12-27", 1)
        );
        assert_eq!(
            status(&register, &anchors, d("2025-12-27")),
            DeadlineStatus::DueToday
        );
        assert_eq!(
            status(&register, &anchors, d("2025-12-28")),
            overdue("2025-12-27", 1)
        );
        // Across the new year.
        assert_eq!(
            status(&register, &anchors, d("2026-01-10")),
            overdue("2025-12-27", 14)
        );
    }

    #[test]
    fn month_ends_and_leap_years() {
        let month = rule(Anchor::Contract, 1, Months);
        let contract = |date: &str| Anchors {
            contract: Some(d(date)),
            ..Anchors::default()
        };
        // 31 January + 1 month: the last day of February, 28 or 29.
        assert_eq!(
            status(&month, &contract("2025-01-31"), d("2025-02-01")),
            due("2025-02-28", 27)
        );
        assert_eq!(
            status(&month, &contract("2024-01-31"), d("2024-02-01")),
            due("2024-02-29", 28)
        );
        // 30 days from 1 February of a leap year crosses 29 February.
        assert_eq!(
            status(
                &rule(Anchor::Entry, 30, Days),
                &entered("2024-02-01"),
                d("2024-02-01")
            ),
            due("2024-03-02", 30)
        );
        assert_eq!(
            status(
                &rule(Anchor::Entry, 30, Days),
                &entered("2025-02-01"),
                d("2025-02-01")
            ),
            due("2025-03-03", 30)
        );
        // 90 days from 1 December runs into the next year: 1 March (29 February in 2024).
        assert_eq!(
            status(
                &rule(Anchor::Entry, 90, Days),
                &entered("2025-12-01"),
                d("2026-03-01")
            ),
            DeadlineStatus::DueToday
        );
        assert_eq!(
            status(
                &rule(Anchor::Entry, 90, Days),
                &entered("2023-12-01"),
                d("2024-02-29")
            ),
            DeadlineStatus::DueToday
        );
    }

    #[test]
    fn working_days_skip_weekends() {
        // Three working days from Friday 28 November 2025: Mon, Tue, Wed.
        let notify = rule(Anchor::Contract, 3, WorkingDays);
        let anchors = Anchors {
            contract: Some(d("2025-11-28")),
            ..Anchors::default()
        };
        assert_eq!(
            status(&notify, &anchors, d("2025-11-29")),
            due("2025-12-03", 4)
        );
        // From Wednesday 31 December 2025 across the new year's weekend (holidays are not
        // known): Thu 1, Fri 2, Mon 5 January.
        let anchors = Anchors {
            contract: Some(d("2025-12-31")),
            ..Anchors::default()
        };
        assert_eq!(
            status(&notify, &anchors, d("2025-12-31")),
            due("2026-01-05", 5)
        );
    }

    #[test]
    fn before_departure() {
        // Check for an entry ban 60 days before leaving.
        let check = rule(Anchor::Departure, -60, Days);
        let anchors = Anchors {
            departure: Some(d("2026-03-01")),
            ..Anchors::default()
        };
        assert_eq!(
            status(&check, &anchors, d("2025-12-01")),
            due("2025-12-31", 30)
        );
        assert_eq!(
            status(&check, &anchors, d("2026-01-02")),
            overdue("2025-12-31", 2)
        );
        // One month before a departure on 31 March: 28 February (29 in a leap year).
        let month = rule(Anchor::Departure, -1, Months);
        for (departure, deadline) in [("2025-03-31", "2025-02-28"), ("2028-03-31", "2028-02-29")] {
            let anchors = Anchors {
                departure: Some(d(departure)),
                ..Anchors::default()
            };
            assert_eq!(
                status(&month, &anchors, d(deadline)),
                DeadlineStatus::DueToday
            );
        }
        // Two working days before a Monday departure: the Thursday before.
        let anchors = Anchors {
            departure: Some(d("2025-12-08")),
            ..Anchors::default()
        };
        assert_eq!(
            status(
                &rule(Anchor::Departure, -2, WorkingDays),
                &anchors,
                d("2025-12-01")
            ),
            due("2025-12-04", 3)
        );
    }

    #[test]
    fn repeating_deadlines_show_the_next_date() {
        // A monthly patent payment, first due a month after the patent.
        let payment = DeadlineRule {
            every_months: Some(1),
            ..rule(Anchor::Patent, 1, Months)
        };
        let anchors = Anchors {
            patent: Some(d("2025-01-31")),
            ..Anchors::default()
        };
        assert_eq!(
            status(&payment, &anchors, d("2025-02-10")),
            due("2025-02-28", 18)
        );
        assert_eq!(
            status(&payment, &anchors, d("2025-02-28")),
            DeadlineStatus::DueToday
        );
        // Never overdue: the day after, the next payment is ahead.
        assert_eq!(
            status(&payment, &anchors, d("2025-03-01")),
            due("2025-03-28", 27)
        );
        assert_eq!(
            status(&payment, &anchors, d("2025-12-29")),
            due("2026-01-28", 30)
        );
        // In a leap year.
        let anchors = Anchors {
            patent: Some(d("2024-01-29")),
            ..Anchors::default()
        };
        assert_eq!(
            status(&payment, &anchors, d("2024-02-01")),
            due("2024-02-29", 28)
        );
        assert_eq!(
            status(&payment, &anchors, d("2024-03-01")),
            due("2024-03-29", 28)
        );
    }

    #[test]
    fn missing_anchors_and_steps_without_deadlines() {
        let anchors = entered("2025-11-27");
        assert_eq!(
            status(&rule(Anchor::Patent, 1, Months), &anchors, d("2025-11-27")),
            DeadlineStatus::NoAnchor(Anchor::Patent)
        );
        assert_eq!(
            status(
                &rule(Anchor::Departure, -3, Days),
                &Anchors::default(),
                d("2025-11-27")
            ),
            DeadlineStatus::NoAnchor(Anchor::Departure)
        );
        let mut step = Step {
            id: "register".into(),
            what: "Register".into(),
            where_: None,
            cost: None,
            cost_rub: None,
            deadline: None,
        };
        assert_eq!(step_status(&step, &anchors, d("2025-11-27")), None);
        step.deadline = Some(rule(Anchor::Entry, 7, Days));
        assert_eq!(
            step_status(&step, &anchors, d("2025-11-30")),
            Some(due("2025-12-04", 4))
        );
        let far = Anchors {
            entry: Some(d("9999-12-01")),
            ..Anchors::default()
        };
        assert_eq!(
            status(&rule(Anchor::Entry, 60, Days), &far, d("9999-12-01")),
            DeadlineStatus::OutOfRange
        );
    }

    #[test]
    fn a_status_knows_its_date() {
        let today = d("2025-11-27");
        assert_eq!(due("2025-12-27", 30).date(today), Some(d("2025-12-27")));
        assert_eq!(overdue("2025-11-01", 26).date(today), Some(d("2025-11-01")));
        assert_eq!(DeadlineStatus::DueToday.date(today), Some(today));
        assert_eq!(DeadlineStatus::NoAnchor(Anchor::Entry).date(today), None);
    }
}
