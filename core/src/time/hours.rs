//! "Open now?" for a contact: its opening hours, in its own time zone, evaluated at an instant
//! and shown in Moscow time ("open now in Moscow time, closes at 15:00").
//!
//! Time zones are a small table of fixed offsets (none of the zones the content uses has
//! daylight saving time) plus fixed-offset names such as `Etc/GMT-6` and `+06:00`.

use core::fmt;

use crate::content::{Contact, Hours};
use crate::time::date::{Date, Weekday};

/// Moscow time: UTC+3 all year (no daylight saving time since 2014).
pub const MOSCOW_OFFSET_MINUTES: i32 = 3 * 60;

const MINUTES_PER_DAY: i64 = 24 * 60;
const MINUTES_PER_WEEK: i64 = 7 * MINUTES_PER_DAY;

/// A time of day from `00:00` to `24:00`, written `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    minutes: u16,
}

impl ClockTime {
    /// `hour:minute`, if it is between 00:00 and 24:00.
    pub fn new(hour: u32, minute: u32) -> Option<ClockTime> {
        let minutes = hour.checked_mul(60)?.checked_add(minute)?;
        (minute < 60 && minutes <= 24 * 60).then_some(ClockTime {
            minutes: minutes as u16,
        })
    }

    /// Parses exactly `HH:MM`, from `00:00` to `24:00`.
    pub fn parse(text: &str) -> Option<ClockTime> {
        let b = text.as_bytes();
        let two = |i: usize| {
            (b[i].is_ascii_digit() && b[i + 1].is_ascii_digit())
                .then(|| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0'))
        };
        if b.len() != 5 || b[2] != b':' {
            return None;
        }
        ClockTime::new(two(0)?, two(3)?)
    }

    /// The hour, 0..=24.
    pub fn hour(self) -> u32 {
        u32::from(self.minutes) / 60
    }

    /// The minute, 0..=59.
    pub fn minute(self) -> u32 {
        u32::from(self.minutes) % 60
    }

    /// Minutes after midnight, 0..=1440.
    pub fn minutes(self) -> u32 {
        u32::from(self.minutes)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// Whether a contact is open at some instant; times are in the zone asked for (Moscow for
/// [`open_state`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenState {
    /// Open now.
    Open {
        /// When it closes: the day and time (`24:00` for the end of that day); `None` when it
        /// is open around the clock every day.
        closes_at: Option<(Weekday, ClockTime)>,
    },
    /// Closed now.
    Closed {
        /// When it next opens.
        opens_next: (Weekday, ClockTime),
    },
    /// No opening hours, or hours in an unknown time zone.
    Unknown,
}

/// Whether `contact` is open at `now_unix_ms` (milliseconds since 1970-01-01 UTC), with
/// times in Moscow time.
pub fn open_state(contact: &Contact, now_unix_ms: i64) -> OpenState {
    match &contact.hours_tz {
        Some(tz) => open_state_in(&contact.hours, tz, now_unix_ms, MOSCOW_OFFSET_MINUTES),
        None => OpenState::Unknown,
    }
}

/// Whether a place with these `hours`, kept in time zone `hours_tz`, is open at
/// `now_unix_ms`, with times shown at UTC offset `shown_offset_minutes`.
///
/// Hours that are not `HH:MM` or that close before they open are ignored. Adjoining hours
/// (Monday to 24:00, Tuesday from 00:00) count as one opening.
pub fn open_state_in(
    hours: &[Hours],
    hours_tz: &str,
    now_unix_ms: i64,
    shown_offset_minutes: i32,
) -> OpenState {
    let Some(offset) = utc_offset_minutes(hours_tz, now_unix_ms) else {
        return OpenState::Unknown;
    };
    let offset = i64::from(offset);
    // Local minutes since 1970-01-01 00:00 in the zone of the hours.
    let now = now_unix_ms.div_euclid(60_000) + offset;
    let today = now.div_euclid(MINUTES_PER_DAY);
    let monday = (today - weekday_index(today) as i64) * MINUTES_PER_DAY;

    // The openings of last week, this week and next week, in local minutes.
    let mut spans: Vec<(i64, i64)> = Vec::new();
    for h in hours {
        let (Some(open), Some(close)) = (ClockTime::parse(&h.open), ClockTime::parse(&h.close))
        else {
            continue;
        };
        if open >= close {
            continue;
        }
        for &day in &h.days {
            for week in -1..=1 {
                let start = monday + week * MINUTES_PER_WEEK + day as i64 * MINUTES_PER_DAY;
                spans.push((
                    start + i64::from(open.minutes()),
                    start + i64::from(close.minutes()),
                ));
            }
        }
    }
    if spans.is_empty() {
        return OpenState::Unknown;
    }
    spans.sort_unstable();
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }

    let shown = |local: i64, end: bool| {
        let minutes = local - offset + i64::from(shown_offset_minutes);
        let (mut day, mut minute) = (
            minutes.div_euclid(MINUTES_PER_DAY),
            minutes.rem_euclid(MINUTES_PER_DAY),
        );
        if end && minute == 0 {
            // Closing at midnight is 24:00 of the day before.
            day -= 1;
            minute = MINUTES_PER_DAY;
        }
        let time = ClockTime {
            minutes: minute as u16,
        };
        (Weekday::ALL[weekday_index(day)], time)
    };
    if let Some(&(_, end)) = merged
        .iter()
        .find(|&&(start, end)| start <= now && now < end)
    {
        let closes_at = (end < now + MINUTES_PER_WEEK).then(|| shown(end, true));
        return OpenState::Open { closes_at };
    }
    match merged.iter().find(|&&(start, _)| start > now) {
        Some(&(start, _)) => OpenState::Closed {
            opens_next: shown(start, false),
        },
        None => OpenState::Unknown,
    }
}

/// Monday 0 to Sunday 6, for a day counted from 1970-01-01 (a Thursday).
fn weekday_index(days_since_epoch: i64) -> usize {
    (days_since_epoch + 3).rem_euclid(7) as usize
}

/// Named zones: (name, offset in minutes east of UTC).
///
/// Offsets in force today; none has daylight saving time. Russian zones beyond Moscow are
/// the ones of cities with consulates in the content.
const ZONES: [(&str, i32); 13] = [
    ("Europe/Moscow", 180),
    ("Europe/Volgograd", 180),
    ("Asia/Yekaterinburg", 300),
    ("Asia/Novosibirsk", 420),
    ("Asia/Krasnoyarsk", 420),
    ("Asia/Vladivostok", 600),
    ("Asia/Bishkek", 360),
    ("Asia/Tashkent", 300),
    ("Asia/Samarkand", 300),
    ("Asia/Dushanbe", 300),
    ("UTC", 0),
    ("Etc/UTC", 0),
    ("Etc/GMT", 0),
];

/// The zone names [`utc_offset_minutes`] knows, for messages.
pub const ZONE_NAMES: [&str; ZONES.len() + 1] = {
    let mut names = [""; ZONES.len() + 1];
    let mut i = 0;
    while i < ZONES.len() {
        names[i] = ZONES[i].0;
        i += 1;
    }
    names[ZONES.len()] = "Asia/Almaty";
    names
};

/// Kazakhstan moved from UTC+6 to UTC+5 at 2024-03-01 00:00 local time, 2024-02-29 18:00 UTC.
const ALMATY_CHANGE_UNIX_MS: i64 = 1_709_229_600_000;

/// The offset of time zone `tz` from UTC at instant `unix_ms`, in minutes east of UTC.
///
/// Knows `Europe/Moscow`, the capitals of Central Asia (`Asia/Almaty` with its 2024 change),
/// a few Russian zones, `UTC`, `Etc/GMT-6` style names (note the inverted sign: UTC+6) and
/// offsets written `+06:00`, `+0600`, `+06` or `UTC+06:00`. `None` for anything else.
pub fn utc_offset_minutes(tz: &str, unix_ms: i64) -> Option<i32> {
    if let Some(&(_, offset)) = ZONES.iter().find(|(name, _)| *name == tz) {
        return Some(offset);
    }
    if tz == "Asia/Almaty" {
        return Some(if unix_ms < ALMATY_CHANGE_UNIX_MS {
            360
        } else {
            300
        });
    }
    if let Some(hours) = tz.strip_prefix("Etc/GMT") {
        // POSIX style: `Etc/GMT-6` is six hours *ahead* of UTC.
        let (sign, digits) = sign_and_rest(hours)?;
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hours: i32 = digits.parse().ok()?;
        let offset = -sign * hours * 60;
        return (-12 * 60..=14 * 60).contains(&offset).then_some(offset);
    }
    let text = tz
        .strip_prefix("UTC")
        .or_else(|| tz.strip_prefix("GMT"))
        .unwrap_or(tz);
    let (sign, rest) = sign_and_rest(text)?;
    let digits: Vec<u8> = rest.bytes().filter(|&b| b != b':').collect();
    let colons = rest.len() - digits.len();
    let (hours, minutes) = match (digits.len(), colons) {
        (2, 0) => (&digits[..2], &b"00"[..]),
        (4, 0) => (&digits[..2], &digits[2..]),
        (4, 1) if rest.as_bytes()[2] == b':' => (&digits[..2], &digits[2..]),
        _ => return None,
    };
    let number = |d: &[u8]| {
        d.iter().try_fold(0i32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + i32::from(b - b'0'))
        })
    };
    let (hours, minutes) = (number(hours)?, number(minutes)?);
    let offset = sign * (hours * 60 + minutes);
    (minutes < 60 && (-12 * 60..=14 * 60).contains(&offset)).then_some(offset)
}

fn sign_and_rest(text: &str) -> Option<(i32, &str)> {
    if text.is_empty() {
        return Some((1, text));
    }
    match text.as_bytes()[0] {
        b'+' => Some((1, &text[1..])),
        b'-' => Some((-1, &text[1..])),
        _ => None,
    }
}

/// The instant `time` on `date` at UTC offset `offset_minutes`, in milliseconds since
/// 1970-01-01 UTC: the inverse of what [`open_state_in`] evaluates, for callers and tests.
pub fn unix_ms(date: Date, time: ClockTime, offset_minutes: i32) -> i64 {
    let minutes = date.days_since_epoch() * MINUTES_PER_DAY + i64::from(time.minutes())
        - i64::from(offset_minutes);
    minutes * 60_000
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::*;

    fn hours(days: &[Weekday], open: &str, close: &str) -> Hours {
        Hours {
            days: days.to_vec(),
            open: open.into(),
            close: close.into(),
        }
    }

    fn t(text: &str) -> ClockTime {
        ClockTime::parse(text).unwrap()
    }

    /// The instant `HH:MM` on `YYYY-MM-DD` in Moscow time.
    fn msk(date: &str, time: &str) -> i64 {
        unix_ms(Date::parse(date).unwrap(), t(time), MOSCOW_OFFSET_MINUTES)
    }

    const WEEKDAYS: [Weekday; 5] = [Mon, Tue, Wed, Thu, Fri];
    const EVERY_DAY: [Weekday; 7] = [Mon, Tue, Wed, Thu, Fri, Sat, Sun];

    fn state(hours: &[Hours], tz: &str, now: i64) -> OpenState {
        open_state_in(hours, tz, now, MOSCOW_OFFSET_MINUTES)
    }

    fn open_until(day: Weekday, time: &str) -> OpenState {
        OpenState::Open {
            closes_at: Some((day, t(time))),
        }
    }

    fn closed_until(day: Weekday, time: &str) -> OpenState {
        OpenState::Closed {
            opens_next: (day, t(time)),
        }
    }

    #[test]
    fn clock_times_parse_and_print() {
        assert_eq!(t("09:30").minutes(), 570);
        assert_eq!(t("24:00").minutes(), 1440);
        assert_eq!((t("18:05").hour(), t("18:05").minute()), (18, 5));
        assert_eq!(t("07:05").to_string(), "07:05");
        assert_eq!(t("24:00").to_string(), "24:00");
        for bad in [
            "9:30", "09.30", "24:01", "25:00", "10:60", "ab:cd", "", "09:300",
        ] {
            assert_eq!(ClockTime::parse(bad), None, "{bad}");
        }
        assert_eq!(ClockTime::new(24, 0), Some(t("24:00")));
        assert_eq!(ClockTime::new(23, 60), None);
    }

    #[test]
    fn knows_the_zones_of_the_content() {
        let now = msk("2025-11-27", "12:00");
        assert_eq!(utc_offset_minutes("Europe/Moscow", now), Some(180));
        assert_eq!(utc_offset_minutes("Asia/Bishkek", now), Some(360));
        assert_eq!(utc_offset_minutes("Asia/Tashkent", now), Some(300));
        assert_eq!(utc_offset_minutes("Asia/Dushanbe", now), Some(300));
        assert_eq!(utc_offset_minutes("Asia/Novosibirsk", now), Some(420));
        assert_eq!(utc_offset_minutes("Europe/Berlin", now), None);
        assert_eq!(utc_offset_minutes("MSK", now), None);
        assert_eq!(utc_offset_minutes("", now), None);
    }

    #[test]
    fn almaty_moved_to_utc_plus_5_on_1_march_2024() {
        let change = unix_ms(Date::parse("2024-03-01").unwrap(), t("00:00"), 360);
        assert_eq!(change, ALMATY_CHANGE_UNIX_MS);
        assert_eq!(utc_offset_minutes("Asia/Almaty", change - 1), Some(360));
        assert_eq!(utc_offset_minutes("Asia/Almaty", change), Some(300));
        assert_eq!(
            utc_offset_minutes("Asia/Almaty", msk("2023-06-01", "12:00")),
            Some(360)
        );
    }

    #[test]
    fn reads_fixed_offsets() {
        for (tz, offset) in [
            ("Etc/GMT-6", Some(360)),
            ("Etc/GMT+5", Some(-300)),
            ("Etc/GMT-14", Some(840)),
            ("Etc/GMT-15", None),
            ("Etc/GMT-", None),
            ("Etc/GMT-6x", None),
            ("+06:00", Some(360)),
            ("-03:30", Some(-210)),
            ("+0545", Some(345)),
            ("+05", Some(300)),
            ("UTC+03:00", Some(180)),
            ("GMT-01:00", Some(-60)),
            ("06:00", None),
            ("+6:00", None),
            ("+06:60", None),
            ("+15:00", None),
            ("+06:0:0", None),
            ("+", None),
        ] {
            assert_eq!(utc_offset_minutes(tz, 0), offset, "{tz}");
        }
    }

    #[test]
    fn office_hours_in_moscow() {
        let h = [hours(&WEEKDAYS, "09:00", "18:00")];
        let tz = "Europe/Moscow";
        // 2025-11-27 is a Thursday.
        assert_eq!(
            state(&h, tz, msk("2025-11-27", "09:00")),
            open_until(Thu, "18:00")
        );
        assert_eq!(
            state(&h, tz, msk("2025-11-27", "17:59")),
            open_until(Thu, "18:00")
        );
        assert_eq!(
            state(&h, tz, msk("2025-11-27", "18:00")),
            closed_until(Fri, "09:00")
        );
        assert_eq!(
            state(&h, tz, msk("2025-11-27", "08:59")),
            closed_until(Thu, "09:00")
        );
        // Friday evening to Monday morning.
        assert_eq!(
            state(&h, tz, msk("2025-11-28", "19:00")),
            closed_until(Mon, "09:00")
        );
        assert_eq!(
            state(&h, tz, msk("2025-11-30", "23:59")),
            closed_until(Mon, "09:00")
        );
        // Seconds count: 17:59:59.999 is still open.
        assert_eq!(
            state(&h, tz, msk("2025-11-27", "18:00") - 1),
            open_until(Thu, "18:00")
        );
    }

    #[test]
    fn hours_elsewhere_are_shown_in_moscow_time() {
        // Bishkek is three hours ahead of Moscow: 09:00–18:00 there is 06:00–15:00 here.
        let h = [hours(&WEEKDAYS, "09:00", "18:00")];
        assert_eq!(
            state(&h, "Asia/Bishkek", msk("2025-11-27", "07:00")),
            open_until(Thu, "15:00")
        );
        assert_eq!(
            state(&h, "Asia/Bishkek", msk("2025-11-27", "05:59")),
            closed_until(Thu, "06:00")
        );
        assert_eq!(
            state(&h, "Etc/GMT-6", msk("2025-11-27", "15:00")),
            closed_until(Fri, "06:00")
        );
        // Opening at 02:00 on Monday in Bishkek is 23:00 on Sunday in Moscow.
        let early = [hours(&[Mon], "02:00", "04:00")];
        assert_eq!(
            state(&early, "Asia/Bishkek", msk("2025-11-27", "12:00")),
            closed_until(Sun, "23:00")
        );
        assert_eq!(
            state(&early, "Asia/Bishkek", msk("2025-11-30", "23:30")),
            open_until(Mon, "01:00")
        );
        // Closing at 24:00 in Tashkent is 22:00 in Moscow.
        let late = [hours(&[Sat], "20:00", "24:00")];
        assert_eq!(
            state(&late, "Asia/Tashkent", msk("2025-11-29", "21:00")),
            open_until(Sat, "22:00")
        );
        // Shown in another zone when asked.
        assert_eq!(
            open_state_in(&h, "Europe/Moscow", msk("2025-11-27", "10:00"), 360),
            open_until(Thu, "21:00")
        );
    }

    #[test]
    fn closing_at_24_00() {
        let h = [hours(&[Fri], "10:00", "24:00")];
        let tz = "Europe/Moscow";
        assert_eq!(
            state(&h, tz, msk("2025-11-28", "23:59")),
            open_until(Fri, "24:00")
        );
        // Midnight belongs to Saturday: closed, next Friday.
        assert_eq!(
            state(&h, tz, msk("2025-11-29", "00:00")),
            closed_until(Fri, "10:00")
        );
        // 24:00 followed by 00:00 the next day is one opening.
        let h = [
            hours(&[Fri], "18:00", "24:00"),
            hours(&[Sat], "00:00", "02:00"),
        ];
        assert_eq!(
            state(&h, tz, msk("2025-11-28", "23:00")),
            open_until(Sat, "02:00")
        );
        assert_eq!(
            state(&h, tz, msk("2025-11-29", "01:00")),
            open_until(Sat, "02:00")
        );
    }

    #[test]
    fn open_around_the_clock() {
        let h = [hours(&EVERY_DAY, "00:00", "24:00")];
        for now in [
            msk("2025-11-27", "00:00"),
            msk("2025-11-30", "23:59"),
            msk("2026-01-01", "12:00"),
        ] {
            assert_eq!(
                state(&h, "Europe/Moscow", now),
                OpenState::Open { closes_at: None }
            );
            // Whatever the zone of the hours.
            assert_eq!(
                state(&h, "Asia/Bishkek", now),
                OpenState::Open { closes_at: None }
            );
        }
        // Six days around the clock close on the seventh.
        let h = [hours(&[Mon, Tue, Wed, Thu, Fri, Sat], "00:00", "24:00")];
        assert_eq!(
            state(&h, "Europe/Moscow", msk("2025-11-27", "12:00")),
            open_until(Sat, "24:00")
        );
        assert_eq!(
            state(&h, "Europe/Moscow", msk("2025-11-30", "12:00")),
            closed_until(Mon, "00:00")
        );
    }

    #[test]
    fn days_across_the_week() {
        // Weekends only, with a different time on Sunday.
        let h = [
            hours(&[Sat], "10:00", "16:00"),
            hours(&[Sun], "12:00", "14:00"),
        ];
        let tz = "Europe/Moscow";
        assert_eq!(
            state(&h, tz, msk("2025-11-26", "12:00")),
            closed_until(Sat, "10:00")
        );
        assert_eq!(
            state(&h, tz, msk("2025-11-29", "16:00")),
            closed_until(Sun, "12:00")
        );
        assert_eq!(
            state(&h, tz, msk("2025-11-30", "13:00")),
            open_until(Sun, "14:00")
        );
        // After Sunday's hours, the next opening is next Saturday.
        assert_eq!(
            state(&h, tz, msk("2025-11-30", "15:00")),
            closed_until(Sat, "10:00")
        );
        // A lunch break splits the day.
        let h = [
            hours(&WEEKDAYS, "09:00", "13:00"),
            hours(&WEEKDAYS, "14:00", "18:00"),
        ];
        assert_eq!(
            state(&h, tz, msk("2025-12-01", "13:30")),
            closed_until(Mon, "14:00")
        );
        assert_eq!(
            state(&h, tz, msk("2025-12-01", "12:00")),
            open_until(Mon, "13:00")
        );
        // Sunday evening before a Monday opening.
        let h = [hours(&[Mon], "00:00", "08:00")];
        assert_eq!(
            state(&h, tz, msk("2025-11-30", "23:00")),
            closed_until(Mon, "00:00")
        );
    }

    #[test]
    fn unknown_without_usable_hours() {
        let tz = "Europe/Moscow";
        let now = msk("2025-11-27", "12:00");
        assert_eq!(state(&[], tz, now), OpenState::Unknown);
        assert_eq!(
            state(&[hours(&[], "09:00", "18:00")], tz, now),
            OpenState::Unknown
        );
        assert_eq!(
            state(&[hours(&WEEKDAYS, "18:00", "09:00")], tz, now),
            OpenState::Unknown
        );
        assert_eq!(
            state(&[hours(&WEEKDAYS, "9:00", "18:00")], tz, now),
            OpenState::Unknown
        );
        assert_eq!(
            state(&[hours(&WEEKDAYS, "09:00", "18:00")], "Mars/Olympus", now),
            OpenState::Unknown
        );
        // A bad entry is skipped, a good one still counts.
        assert_eq!(
            state(
                &[
                    hours(&WEEKDAYS, "24:00", "24:00"),
                    hours(&WEEKDAYS, "09:00", "18:00")
                ],
                tz,
                now
            ),
            open_until(Thu, "18:00")
        );
    }

    #[test]
    fn a_contact_is_evaluated_in_its_zone_and_shown_in_moscow_time() {
        let pack: crate::content::Pack = serde_json::from_value(serde_json::json!({
            "schema": 1, "lang": "ru", "content_version": 1, "categories": [],
            "articles": [], "checklists": [],
            "contacts": [{
                "id": "kg-mfa", "kind": "ministry", "country": "KG", "name": "MFA",
                "regions": ["all"], "languages": ["ru"], "lang": "ru",
                "provenance": {"review": "checked-against-sources",
                               "checked_on": "2025-12-30", "sources": []},
                "hours_tz": "Asia/Bishkek",
                "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"],
                           "open": "09:00", "close": "18:00"}]
            }]
        }))
        .unwrap();
        let mut contact = pack.contacts[0].clone();
        assert_eq!(
            open_state(&contact, msk("2025-11-27", "14:00")),
            open_until(Thu, "15:00")
        );
        contact.hours_tz = None;
        assert_eq!(
            open_state(&contact, msk("2025-11-27", "14:00")),
            OpenState::Unknown
        );
        contact.hours_tz = Some("Europe/Moscow".into());
        contact.hours.clear();
        assert_eq!(
            open_state(&contact, msk("2025-11-27", "14:00")),
            OpenState::Unknown
        );
    }
}
