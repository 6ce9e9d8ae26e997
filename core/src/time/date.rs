//! A minimal civil (calendar) date: no time of day, no time zone, no clock.
//!
//! Dates count in days from 1970-01-01 with the proleptic Gregorian calendar, which is all the
//! deadlines and "verified on" stamps of the content need.

use core::fmt;
use core::str::FromStr;

/// A valid calendar date between 0001-01-01 and 9999-12-31, written `YYYY-MM-DD`.
///
/// Ordering is chronological. The fields are private so that every `Date` is a real day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text or a set of numbers is not a [`Date`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` with digits.
    Format,
    /// The year is outside 1..=9999.
    Year,
    /// The month is outside 1..=12.
    Month,
    /// The day does not exist in that month.
    Day,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Format => "a date must be written YYYY-MM-DD",
            DateError::Year => "the year must be between 1 and 9999",
            DateError::Month => "the month must be between 01 and 12",
            DateError::Day => "that day does not exist in that month",
        })
    }
}

impl std::error::Error for DateError {}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

crate::codec::text_enum::text_enum_impls!(Weekday, "a day of the week", {
    Mon => "mon",
    Tue => "tue",
    Wed => "wed",
    Thu => "thu",
    Fri => "fri",
    Sat => "sat",
    Sun => "sun",
});

impl Weekday {
    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Sat | Weekday::Sun)
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1..=12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Smallest representable date, 0001-01-01.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    /// Largest representable date, 9999-12-31.
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date `year-month-day`, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(1..=9999).contains(&year) {
            return Err(DateError::Year);
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::Month);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day);
        }
        Ok(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses exactly `YYYY-MM-DD` (four, two and two ASCII digits).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let b = text.as_bytes();
        let digits = |r: core::ops::Range<usize>| -> Result<u32, DateError> {
            b[r].iter().try_fold(0u32, |n, &c| {
                if c.is_ascii_digit() {
                    Ok(n * 10 + u32::from(c - b'0'))
                } else {
                    Err(DateError::Format)
                }
            })
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        Date::new(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    /// The year, 1..=9999.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1..=12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1..=31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Count from 0000-03-01 so that the leap day is the last day of the counting year.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let month_from_march = (m + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01, if it is within [`Date::MIN`]..=[`Date::MAX`].
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        if days < Date::MIN.days_since_epoch() || days > Date::MAX.days_since_epoch() {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The date `days` later (earlier when negative), if representable.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// The same day `months` later (earlier when negative); a day that the target month lacks is
    /// clamped to its last day (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, months: i64) -> Option<Date> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = index.rem_euclid(12) as u32 + 1;
        let day = self.day().min(days_in_month(year, month));
        Date::new(year, month, day).ok()
    }

    /// The date `days` working days later (earlier when negative), skipping Saturdays and Sundays.
    ///
    /// Public holidays are not known here and are not skipped.
    pub fn add_working_days(self, days: i64) -> Option<Date> {
        let step = if days < 0 { -1 } else { 1 };
        let mut date = self;
        let mut left = days.unsigned_abs();
        while left > 0 {
            date = date.add_days(step)?;
            if !date.weekday().is_weekend() {
                left -= 1;
            }
        }
        Some(date)
    }

    /// Number of days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        const ORDER: [Weekday; 7] = [
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
        ];
        ORDER[self.days_since_epoch().rem_euclid(7) as usize]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse(text)
    }
}

impl crate::codec::json::FromJson for Date {
    fn read(r: &mut crate::codec::json::Reader<'_>) -> Result<Date, crate::codec::json::JsonError> {
        let text = r.string()?;
        Date::parse(&text).map_err(|_| r.invalid("a date written YYYY-MM-DD"))
    }
}

impl crate::codec::json::ToJson for Date {
    fn write(&self, w: &mut crate::codec::json::Writer) {
        w.string(&self.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn parses_and_prints() {
        let date = d("2025-11-27");
        assert_eq!((date.year(), date.month(), date.day()), (2025, 11, 27));
        assert_eq!(date.to_string(), "2025-11-27");
        assert_eq!(d("0001-01-01"), Date::MIN);
        assert_eq!(d("9999-12-31"), Date::MAX);
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for (text, err) in [
            ("2025-1-27", DateError::Format),
            ("2025/11/27", DateError::Format),
            ("2025-11-27 ", DateError::Format),
            ("+025-11-27", DateError::Format),
            ("2025-1a-27", DateError::Format),
            ("0000-01-01", DateError::Year),
            ("2025-13-01", DateError::Month),
            ("2025-00-01", DateError::Month),
            ("2025-02-29", DateError::Day),
            ("2025-04-31", DateError::Day),
            ("2025-04-00", DateError::Day),
            ("1900-02-29", DateError::Day),
        ] {
            assert_eq!(Date::parse(text), Err(err), "{text}");
        }
        assert_eq!(d("2024-02-29").day(), 29);
        assert_eq!(d("2000-02-29").day(), 29);
    }

    #[test]
    fn orders_chronologically() {
        assert!(d("2025-01-31") < d("2025-02-01"));
        assert!(d("2024-12-31") < d("2025-01-01"));
        assert!(d("2025-03-10") > d("2025-03-09"));
    }

    #[test]
    fn counts_days_from_the_epoch() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("1970-01-02").days_since_epoch(), 1);
        assert_eq!(d("1969-12-31").days_since_epoch(), -1);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("2026-01-01").days_since_epoch(), 20_454);
        // Every day of four centuries survives the round trip, in order.
        let mut previous = Date::from_days_since_epoch(-146_097 * 2).unwrap();
        for n in (-146_097 * 2 + 1)..(146_097 * 2) {
            let date = Date::from_days_since_epoch(n).unwrap();
            assert_eq!(date.days_since_epoch(), n);
            assert!(date > previous);
            assert_eq!(Date::parse(&date.to_string()), Ok(date));
            previous = date;
        }
        assert_eq!(
            Date::from_days_since_epoch(Date::MAX.days_since_epoch() + 1),
            None
        );
        assert_eq!(
            Date::from_days_since_epoch(Date::MIN.days_since_epoch() - 1),
            None
        );
    }

    #[test]
    fn adds_days() {
        assert_eq!(d("2025-11-27").add_days(30), Some(d("2025-12-27")));
        assert_eq!(d("2025-12-20").add_days(15), Some(d("2026-01-04")));
        assert_eq!(d("2024-02-28").add_days(1), Some(d("2024-02-29")));
        assert_eq!(d("2025-02-28").add_days(1), Some(d("2025-03-01")));
        assert_eq!(d("2025-03-01").add_days(-1), Some(d("2025-02-28")));
        assert_eq!(d("2025-01-01").add_days(90), Some(d("2025-04-01")));
        assert_eq!(Date::MAX.add_days(1), None);
        assert_eq!(d("2025-01-01").days_until(d("2025-04-01")), 90);
    }

    #[test]
    fn adds_months_clamping_the_month_end() {
        assert_eq!(d("2025-01-31").add_months(1), Some(d("2025-02-28")));
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2025-03-31").add_months(-1), Some(d("2025-02-28")));
        assert_eq!(d("2025-05-31").add_months(1), Some(d("2025-06-30")));
        assert_eq!(d("2025-11-15").add_months(3), Some(d("2026-02-15")));
        assert_eq!(d("2025-01-15").add_months(-13), Some(d("2023-12-15")));
        assert_eq!(d("2025-08-31").add_months(12), Some(d("2026-08-31")));
        assert_eq!(d("2024-02-29").add_months(12), Some(d("2025-02-28")));
        assert_eq!(d("9999-12-01").add_months(1), None);
    }

    #[test]
    fn knows_weekdays_and_working_days() {
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thu);
        assert_eq!(d("2025-11-27").weekday(), Weekday::Thu);
        assert_eq!(d("2026-01-04").weekday(), Weekday::Sun);
        // Friday + 1 working day = Monday; Monday - 1 working day = Friday.
        assert_eq!(d("2025-11-28").add_working_days(1), Some(d("2025-12-01")));
        assert_eq!(d("2025-12-01").add_working_days(-1), Some(d("2025-11-28")));
        assert_eq!(d("2025-11-27").add_working_days(7), Some(d("2025-12-08")));
        assert_eq!(d("2025-11-29").add_working_days(0), Some(d("2025-11-29")));
    }

    /// The same day in jiff, the outside oracle.
    fn theirs(date: Date) -> jiff::civil::Date {
        jiff::civil::date(date.year() as i16, date.month() as i8, date.day() as i8)
    }

    /// jiff's day as ours, if within 0001-01-01..=9999-12-31.
    fn ours(date: jiff::civil::Date) -> Option<Date> {
        let (y, m, d) = (date.year(), date.month(), date.day());
        Date::new(i32::from(y), m as u32, d as u32).ok()
    }

    /// Every 97th day from 0001-01-01 to 9999-12-31, and every day of 1999–2001, 2099–2101 and
    /// of the first and last two years.
    fn dense_days() -> Vec<Date> {
        let (first, last) = (Date::MIN.days_since_epoch(), Date::MAX.days_since_epoch());
        let whole_years = [1, 2, 1999, 2000, 2001, 2099, 2100, 2101, 9998, 9999]
            .map(|y| Date::new(y, 1, 1).unwrap().days_since_epoch());
        (first..=last)
            .step_by(97)
            .chain(whole_years.into_iter().flat_map(|start| start..start + 366))
            .filter_map(Date::from_days_since_epoch)
            .collect()
    }

    #[test]
    fn every_day_from_year_1_to_9999_matches_jiff() {
        let epoch = jiff::civil::date(1970, 1, 1);
        let mut expected = jiff::civil::date(1, 1, 1);
        let last = Date::MAX.days_since_epoch();
        for n in Date::MIN.days_since_epoch()..=last {
            let date = Date::from_days_since_epoch(n).unwrap();
            assert_eq!(theirs(date), expected, "day {n}");
            assert_eq!(date.days_since_epoch(), n);
            assert_eq!(
                n,
                epoch.duration_until(expected).as_secs() / 86_400,
                "{date}"
            );
            let weekday = expected.weekday().to_monday_zero_offset() as usize;
            assert_eq!(date.weekday(), Weekday::ALL[weekday], "{date}");
            let month_length = days_in_month(date.year(), date.month());
            assert_eq!(month_length, expected.days_in_month() as u32, "{date}");
            assert_eq!(is_leap_year(date.year()), expected.in_leap_year(), "{date}");
            if n < last {
                expected = expected.tomorrow().unwrap();
            }
        }
    }

    #[test]
    fn prints_and_parses_days_as_jiff_does() {
        for date in dense_days() {
            let text = date.to_string();
            assert_eq!(text, theirs(date).to_string());
            assert_eq!(Date::parse(&text), Ok(date));
        }
    }

    #[test]
    fn parses_exactly_the_digit_strings_jiff_reads_as_a_date_from_year_1() {
        for year in [
            "0000", "0001", "0004", "0100", "1900", "2000", "2024", "2025", "9999",
        ] {
            for month in 0..100 {
                for day in 0..100 {
                    let text = format!("{year}-{month:02}-{day:02}");
                    let expected = text.parse::<jiff::civil::Date>().ok().and_then(ours);
                    assert_eq!(Date::parse(&text).ok(), expected, "{text}");
                }
            }
        }
    }

    #[test]
    fn adds_days_and_months_as_jiff_does() {
        use jiff::Span;
        let day_steps = [
            -3_652_058, -100_000, -1000, -366, -365, -1, 1, 28, 365, 1461, 3_652_058,
        ];
        let month_steps = [
            -119_988, -1200, -25, -13, -12, -11, -1, 1, 2, 11, 12, 13, 25, 1200,
        ];
        for date in dense_days() {
            let start = theirs(date);
            for days in day_steps {
                let expected = start
                    .checked_add(Span::new().days(days))
                    .ok()
                    .and_then(ours);
                assert_eq!(date.add_days(days), expected, "{date} + {days} days");
                if let Some(later) = expected {
                    assert_eq!(date.days_until(later), days);
                }
            }
            for months in month_steps {
                let expected = start
                    .checked_add(Span::new().months(months))
                    .ok()
                    .and_then(ours);
                assert_eq!(
                    date.add_months(months),
                    expected,
                    "{date} + {months} months"
                );
            }
        }
    }

    #[test]
    fn counts_working_days_as_weekdays_by_jiff() {
        use jiff::civil::Weekday as W;
        let start = Date::new(2023, 12, 1).unwrap().days_since_epoch();
        for date in (start..start + 800).filter_map(Date::from_days_since_epoch) {
            for days in -30i64..=30 {
                let mut expected = theirs(date);
                let mut left = days.abs();
                while left > 0 {
                    expected = if days < 0 {
                        expected.yesterday()
                    } else {
                        expected.tomorrow()
                    }
                    .unwrap();
                    if !matches!(expected.weekday(), W::Saturday | W::Sunday) {
                        left -= 1;
                    }
                }
                assert_eq!(date.add_working_days(days), ours(expected), "{date} {days}");
            }
        }
    }

    #[test]
    fn serializes_as_a_string() {
        let date = d("2025-11-27");
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2025-11-27\"");
        assert_eq!(
            serde_json::from_str::<Date>("\"2025-11-27\"").unwrap(),
            date
        );
        let err = serde_json::from_str::<Date>("\"2025-02-30\"").unwrap_err();
        assert!(err.to_string().contains("2025-02-30"), "{err}");
        assert!(serde_json::from_str::<Date>("20251127").is_err());
        assert_eq!(serde_json::to_string(&Weekday::Sat).unwrap(), "\"sat\"");
    }
}
