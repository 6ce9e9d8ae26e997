//! Checklist deadlines as an iCalendar file (RFC 5545) that calendar apps import: one all-day
//! event per deadline, with a reminder the day before.

use crate::content::Checklist;
use crate::time::date::Date;
use crate::time::deadline::{Anchors, DeadlineStatus, status};

/// How many dates of a repeating deadline (a monthly payment) are exported.
pub const REPEATS_EXPORTED: usize = 12;

/// One deadline to put in a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Id of the checklist.
    pub checklist_id: String,
    /// Id of the step.
    pub step_id: String,
    /// The day of the deadline.
    pub date: Date,
    /// The event's title.
    pub summary: String,
    /// The event's notes; may have several lines.
    pub description: String,
}

impl CalendarEvent {
    /// A UID that stays the same for the same step and date, so that importing again updates
    /// the event rather than adding a copy.
    pub fn uid(&self) -> String {
        format!(
            "{}/{}/{}@jardam",
            self.checklist_id,
            self.step_id,
            basic_date(self.date)
        )
    }
}

/// The events for `checklist`'s deadlines that are today or later, given the user's dates:
/// one per one-off deadline, the next [`REPEATS_EXPORTED`] of a repeating one. Steps whose
/// date the user has not entered, or whose deadline has passed, are left out.
///
/// The summary is the step's first sentence; the description is the whole step, where to do
/// it, its cost and the checklist's title, one per line.
pub fn checklist_events(
    checklist: &Checklist,
    anchors: &Anchors,
    today: Date,
) -> Vec<CalendarEvent> {
    let mut events = Vec::new();
    for step in &checklist.steps {
        let Some(rule) = step.deadline else { continue };
        let repeats = if rule.every_months.is_some_and(|m| m > 0) {
            REPEATS_EXPORTED
        } else {
            1
        };
        let mut from = today;
        for _ in 0..repeats {
            let date = match status(&rule, anchors, from) {
                DeadlineStatus::Due { date, .. } => date,
                DeadlineStatus::DueToday => from,
                _ => break,
            };
            let mut description = step.what.clone();
            for line in [&step.where_, &step.cost].into_iter().flatten() {
                description.push('\n');
                description.push_str(line);
            }
            description.push_str("\n\n");
            description.push_str(&checklist.title);
            events.push(CalendarEvent {
                checklist_id: checklist.id.clone(),
                step_id: step.id.clone(),
                date,
                summary: first_sentence(&step.what).to_owned(),
                description,
            });
            match date.add_days(1) {
                Some(next) => from = next,
                None => break,
            }
        }
    }
    events
}

/// An iCalendar file with `events`, stamped `dtstamp_unix_ms` (milliseconds since 1970-01-01
/// UTC: when the file was made). Lines end with CRLF and are folded at 75 octets.
pub fn calendar(events: &[CalendarEvent], dtstamp_unix_ms: i64) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| {
        let mut text = String::with_capacity(name.len() + 1 + value.len());
        text.push_str(name);
        text.push(':');
        text.push_str(value);
        push_folded(&mut out, &text);
    };
    let stamp = utc_stamp(dtstamp_unix_ms);
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", "-//Jardam//Deadlines//EN");
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    for event in events {
        let summary = escape(&event.summary);
        line("BEGIN", "VEVENT");
        line("UID", &escape(&event.uid()));
        line("DTSTAMP", &stamp);
        line("DTSTART;VALUE=DATE", &basic_date(event.date));
        if let Some(next) = event.date.add_days(1) {
            line("DTEND;VALUE=DATE", &basic_date(next));
        }
        line("SUMMARY", &summary);
        line("DESCRIPTION", &escape(&event.description));
        line("TRANSP", "TRANSPARENT");
        line("BEGIN", "VALARM");
        line("ACTION", "DISPLAY");
        line("TRIGGER", "-P1D");
        line("DESCRIPTION", &summary);
        line("END", "VALARM");
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    out
}

/// `text` as an iCalendar TEXT value: `\`, `;` and `,` escaped, line breaks as `\n`, other
/// control characters dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` and CRLF, folded so that no line exceeds 75 octets (a continuation starts
/// with a space) and no character is split.
fn push_folded(out: &mut String, line: &str) {
    const MAX: usize = 75;
    let mut rest = line;
    let mut room = MAX;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = MAX - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// `YYYYMMDD`.
fn basic_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// `YYYYMMDDTHHMMSSZ` for an instant in milliseconds since 1970-01-01 UTC.
fn utc_stamp(unix_ms: i64) -> String {
    let seconds = unix_ms.div_euclid(1000);
    let date = Date::from_days_since_epoch(seconds.div_euclid(86_400)).unwrap_or(Date::MIN);
    let s = seconds.rem_euclid(86_400);
    format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(date),
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The text up to the first full stop, question or exclamation mark that ends a sentence:
/// one followed by a space and a capital letter (so `т. е. …` does not end one).
fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            let after = &text[i + c.len_utf8()..];
            let next = after.trim_start();
            matches!(c, '.' | '!' | '?')
                && next.len() < after.len()
                && next
                    .chars()
                    .next()
                    .is_some_and(crate::search::letters::is_capital)
        })
        .map_or(text.len(), |(i, c)| if c == '.' { i } else { i + 1 });
    text[..end].trim_end_matches('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Anchor, DeadlineRule, DeadlineUnit, Provenance, Step};

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn event(summary: &str, description: &str) -> CalendarEvent {
        CalendarEvent {
            checklist_id: "kg-kz-worker-arrival".into(),
            step_id: "register".into(),
            date: d("2025-12-27"),
            summary: summary.into(),
            description: description.into(),
        }
    }

    /// 2025-11-27 09:05:03 UTC.
    const STAMP: i64 = 1_764_234_303_000;

    /// The logical lines of a calendar: unfolded, without CRLF.
    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split_terminator("\r\n")
            .map(String::from)
            .collect()
    }

    #[test]
    fn writes_a_calendar_with_all_day_events_and_reminders() {
        let ics = calendar(&[event("Register", "At the MFC")], STAMP);
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Jardam//Deadlines//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:kg-kz-worker-arrival/register/20251227@jardam",
            "DTSTAMP:20251127T090503Z",
            "DTSTART;VALUE=DATE:20251227",
            "DTEND;VALUE=DATE:20251228",
            "SUMMARY:Register",
            "DESCRIPTION:At the MFC",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-P1D",
            "DESCRIPTION:Register",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(ics, expected);
        // Without events, still a valid calendar.
        let empty = calendar(&[], STAMP);
        assert!(empty.starts_with("BEGIN:VCALENDAR\r\n") && empty.ends_with("END:VCALENDAR\r\n"));
        assert!(!empty.contains("VEVENT"));
        // Stamps before 1970 and at the end of a year.
        assert_eq!(utc_stamp(-1), "19691231T235959Z");
        assert_eq!(utc_stamp(1_767_225_599_999), "20251231T235959Z");
    }

    #[test]
    fn uids_are_stable_per_step_and_date() {
        let a = event("Register", "");
        let mut b = event("Встаньте на учёт", "другое описание");
        assert_eq!(a.uid(), b.uid());
        b.date = d("2026-01-27");
        assert_ne!(a.uid(), b.uid());
        b.date = a.date;
        b.step_id = "patent".into();
        assert_ne!(a.uid(), b.uid());
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        // A tab stays, a bell goes; colons need no escape.
        assert_eq!(escape("tab\there\u{7}bell: ok"), "tab\therebell: ok");
        let ics = calendar(&[event("Pay; then, wait", "Line 1\nLine 2\\")], STAMP);
        let lines = unfolded(&ics);
        assert!(lines.contains(&r"SUMMARY:Pay\; then\, wait".to_owned()));
        assert!(lines.contains(&r"DESCRIPTION:Line 1\nLine 2\\".to_owned()));
        assert!(!ics.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn folds_long_lines_at_75_octets() {
        let long = "x".repeat(200);
        let mut out = String::new();
        push_folded(&mut out, &format!("SUMMARY:{long}"));
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        // 208 octets: 75, then a space and 74, then a space and 59.
        assert_eq!(
            lines.iter().map(|l| l.len()).collect::<Vec<_>>(),
            [75, 75, 60]
        );
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        assert_eq!(out.replace("\r\n ", ""), format!("SUMMARY:{long}\r\n"));
        // Exactly 75 octets: not folded.
        let mut out = String::new();
        push_folded(&mut out, &"y".repeat(75));
        assert_eq!(out, format!("{}\r\n", "y".repeat(75)));
    }

    #[test]
    fn folding_never_splits_a_cyrillic_letter() {
        // "SUMMARY:" is 8 octets and each Cyrillic letter 2: the 75th octet would be half a
        // letter, so the first line stops at 74: 168 octets fold as 74, 1 + 74, 1 + 20.
        let mut out = String::new();
        push_folded(&mut out, &format!("SUMMARY:{}", "ж".repeat(80)));
        let lengths: Vec<usize> = out.split_terminator("\r\n").map(str::len).collect();
        assert_eq!(lengths, [74, 75, 21]);
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "ж".repeat(80))
        );
        // A real sentence and every script of the content.
        let text = "Встаньте на миграционный учёт по месту пребывания в течение семи рабочих дней после въезда";
        let ics = calendar(&[event(text, "ҳуҷҷат, мөөнөт үчүн; oʻzbek ✓ 🇰🇬")], STAMP);
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(ics.matches("\r\n ").count() >= 2);
        // Unfolding gives the text back.
        let lines = unfolded(&ics);
        assert!(lines.contains(&format!("SUMMARY:{text}")));
        assert!(lines.contains(&r"DESCRIPTION:ҳуҷҷат\, мөөнөт үчүн\; oʻzbek ✓ 🇰🇬".to_owned()));
        // A 4-octet emoji at the fold is kept whole too.
        for pad in 0..4 {
            let mut out = String::new();
            let line = format!("{}{}", "a".repeat(72 + pad), "🙂".repeat(30));
            push_folded(&mut out, &line);
            assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
            assert!(out.split_terminator("\r\n").all(|l| l.len() <= 75));
        }
    }

    fn step(id: &str, what: &str, deadline: Option<DeadlineRule>) -> Step {
        Step {
            id: id.into(),
            what: what.into(),
            where_: Some("МФЦ".into()),
            cost: None,
            cost_rub: None,
            deadline,
        }
    }

    fn rule(from: Anchor, amount: i32, unit: DeadlineUnit, every: Option<u32>) -> DeadlineRule {
        DeadlineRule {
            from,
            amount,
            unit,
            every_months: every,
            and_working_days: None,
        }
    }

    #[test]
    fn exports_the_deadlines_ahead() {
        let checklist = Checklist {
            id: "uz-tj-patent".into(),
            title: "Патент".into(),
            summary: String::new(),
            applies_to: Vec::new(),
            steps: vec![
                step(
                    "register",
                    "Встаньте на учёт в течение 7 дней. Это бесплатно.",
                    Some(rule(Anchor::Entry, 7, DeadlineUnit::Days, None)),
                ),
                step(
                    "medical",
                    "Пройдите медосмотр!",
                    Some(rule(Anchor::Entry, 3, DeadlineUnit::Days, None)),
                ),
                step("photo", "Сделайте фото", None),
                step(
                    "pay",
                    "Платите за патент каждый месяц",
                    Some(rule(Anchor::Patent, 1, DeadlineUnit::Months, Some(1))),
                ),
                step(
                    "ban",
                    "Проверьте запрет на въезд",
                    Some(rule(Anchor::Departure, -60, DeadlineUnit::Days, None)),
                ),
            ],
            provenance: Provenance::for_tests(d("2025-11-01")),
            lang: "ru".into(),
            related: Vec::new(),
        };
        let anchors = Anchors {
            entry: Some(d("2025-11-20")),
            patent: Some(d("2025-01-31")),
            ..Anchors::default()
        };
        let events = checklist_events(&checklist, &anchors, d("2025-11-27"));
        // Registration is due today; the medical exam was due on 23 November (passed); no
        // departure date; twelve monthly payments.
        let register = &events[0];
        assert_eq!(
            (register.step_id.as_str(), register.date),
            ("register", d("2025-11-27"))
        );
        assert_eq!(register.summary, "Встаньте на учёт в течение 7 дней");
        assert_eq!(
            register.description,
            "Встаньте на учёт в течение 7 дней. Это бесплатно.\nМФЦ\n\nПатент"
        );
        let payments: Vec<Date> = events[1..].iter().map(|e| e.date).collect();
        assert_eq!(payments.len(), REPEATS_EXPORTED);
        assert!(events[1..].iter().all(|e| e.step_id == "pay"));
        assert_eq!(payments[0], d("2025-11-28"));
        assert_eq!(payments[1], d("2025-12-28"));
        assert_eq!(payments[3], d("2026-02-28"));
        assert_eq!(payments[11], d("2026-10-28"));
        let ics = calendar(&events, STAMP);
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 13);
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 13);
        assert!(ics.contains("UID:uz-tj-patent/pay/20260228@jardam\r\n"));
        assert_eq!(
            first_sentence("Пройдите медосмотр! Потом"),
            "Пройдите медосмотр!"
        );
        assert_eq!(
            first_sentence(" Сайт МВД, т. е. mvd.ru. "),
            "Сайт МВД, т. е. mvd.ru"
        );
        assert_eq!(first_sentence("Оплата. Потом чек"), "Оплата");
        assert_eq!(first_sentence("Что? Где"), "Что?");
        assert_eq!(first_sentence(""), "");
    }
}
