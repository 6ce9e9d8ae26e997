//! The system clock, for "not in the future" and the manifest's `generated` time.

use std::time::{SystemTime, UNIX_EPOCH};

use jardam_core::time::date::Date;

fn unix_seconds() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// Today's date somewhere on Earth: the date at UTC+14, so that a date that is already
/// "today" for an editor in any time zone is never "in the future".
pub fn today() -> Date {
    let days = (unix_seconds() + 14 * 3600).div_euclid(86_400);
    Date::from_days_since_epoch(days).unwrap_or(Date::MAX)
}

/// The current time as RFC 3339 in UTC, `2026-11-21T12:00:00Z`.
pub fn now_rfc3339() -> String {
    rfc3339(unix_seconds())
}

/// `seconds` after 1970-01-01T00:00:00Z as RFC 3339 in UTC.
pub fn rfc3339(seconds: i64) -> String {
    let date = Date::from_days_since_epoch(seconds.div_euclid(86_400)).unwrap_or(Date::MAX);
    let s = seconds.rem_euclid(86_400);
    format!("{date}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// Whether `text` is an RFC 3339 UTC time of the form `YYYY-MM-DDTHH:MM:SSZ`.
pub fn is_rfc3339_utc(text: &str) -> bool {
    let Some((date, time)) = text.split_once('T') else {
        return false;
    };
    let Some(time) = time.strip_suffix('Z') else {
        return false;
    };
    let parts: Vec<&str> = time.split(':').collect();
    let field = |s: &str, max: u32| {
        s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    Date::parse(date).is_ok()
        && parts.len() == 3
        && field(parts[0], 23)
        && field(parts[1], 59)
        && field(parts[2], 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_checks_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_003_200), "2026-11-18T12:00:00Z");
        assert!(is_rfc3339_utc(&now_rfc3339()));
        assert!(is_rfc3339_utc("2026-11-21T12:00:00Z"));
        for bad in [
            "2026-11-21",
            "2026-11-21T12:00:00",
            "2026-11-21T12:00:00+03:00",
            "2026-11-21T24:00:00Z",
            "2026-02-30T12:00:00Z",
        ] {
            assert!(!is_rfc3339_utc(bad), "{bad}");
        }
        assert!(today() > Date::parse("2020-01-01").unwrap());
    }
}
