//! Sync decisions: when to check for new content, what to download, what to accept, and how
//! to name the outcome. The app does the fetching and storing; every choice is made here.

pub mod installed;

use crate::codec::json::{FromJson, JsonError, Reader, ToJson, Writer};
use crate::codec::langmap::LangMap;
use crate::feed::{FeedError, Manifest};
use crate::{from_json_struct, json_struct};

pub use crate::content::limits::{MAX_MANIFEST_BYTES, MAX_PACK_BYTES, MAX_SIGNATURE_BYTES};
/// Time-out of one request, in milliseconds.
pub const REQUEST_TIMEOUT_MS: u64 = 10_000;
/// Least time between two automatic (timer) checks, in milliseconds: six hours.
pub const TIMER_INTERVAL_MS: f64 = 6.0 * 60.0 * 60.0 * 1000.0;
/// Language whose pack is always kept: every other language falls back to it.
pub const FALLBACK_LANG: &str = "ru";

/// Why a sync runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The app started.
    Start,
    /// The browser came back online.
    Online,
    /// The user tapped "Check for updates".
    Manual,
    /// The periodic check.
    Timer,
}

/// What the device knows about its network, as far as the browser tells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Network {
    /// `navigator.connection.type` (`wifi`, `cellular`, …) where the browser has it.
    pub connection_type: Option<String>,
    /// `navigator.connection.saveData`: the user asked the browser to save data.
    pub save_data: bool,
}

/// Whether a sync for `trigger` may run now.
///
/// The user's own tap always runs. Otherwise: "Wi-Fi only" holds back checks on a connection
/// the browser reports as something else (an unknown type is allowed, as most browsers never
/// tell); Save-Data holds back every automatic check; the timer waits [`TIMER_INTERVAL_MS`]
/// since the last attempt.
pub fn may_sync(
    trigger: Trigger,
    wifi_only: bool,
    network: &Network,
    last_attempt_ms: Option<f64>,
    now_ms: f64,
) -> Result<(), Outcome> {
    if trigger == Trigger::Manual {
        return Ok(());
    }
    let on_wifi = match network.connection_type.as_deref() {
        None | Some("unknown") => true,
        Some(kind) => matches!(kind, "wifi" | "ethernet"),
    };
    if wifi_only && !on_wifi {
        return Err(Outcome::WaitingForWifi);
    }
    if network.save_data {
        return Err(Outcome::SavingData);
    }
    if trigger == Trigger::Timer
        && last_attempt_ms.is_some_and(|last| now_ms - last < TIMER_INTERVAL_MS)
    {
        return Err(Outcome::NotDue);
    }
    Ok(())
}

/// The languages whose packs the device keeps: the reader's and the fallback.
pub fn wanted_langs(ui_lang: &str) -> Vec<String> {
    let mut langs = vec![ui_lang.to_owned()];
    if ui_lang != FALLBACK_LANG {
        langs.push(FALLBACK_LANG.to_owned());
    }
    langs
}

/// What to do with a verified manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Nothing new: keep everything.
    UpToDate,
    /// Take it: download these languages' packs (possibly none) and swap.
    Take {
        /// Languages whose packs must be downloaded.
        download: Vec<String>,
    },
    /// Refuse it, for this reason; the current content stays.
    Refuse(Outcome),
}

/// Decides about `offered` given the `installed` manifest (if any), the SHA-256 of each pack
/// the device holds, the languages it wants and this app's version. Never goes back to a lower
/// content version; a pack is downloaded only when its hash differs from the one held.
pub fn decide(
    installed: Option<&Manifest>,
    held: &LangMap<String>,
    offered: &Manifest,
    wanted: &[String],
    app_version: &str,
) -> Decision {
    if let Some(installed) = installed
        && offered.content_version < installed.content_version
    {
        return Decision::Refuse(Outcome::OlderVersion {
            offered: offered.content_version,
            installed: installed.content_version,
        });
    }
    if !offered.accepts_app_version(app_version) {
        return Decision::Refuse(Outcome::AppTooOld);
    }
    let download: Vec<String> = wanted
        .iter()
        .filter(|lang| {
            offered
                .packs
                .get(lang.as_str())
                .is_some_and(|entry| held.get(lang.as_str()) != Some(&entry.sha256))
        })
        .cloned()
        .collect();
    let same_version =
        installed.is_some_and(|installed| installed.content_version == offered.content_version);
    if same_version && download.is_empty() {
        Decision::UpToDate
    } else {
        Decision::Take { download }
    }
}

/// The result of one sync attempt against one mirror, for the UI and the diagnostics list.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "code", rename_all = "kebab-case"))]
pub enum Outcome {
    /// The feed has nothing newer.
    UpToDate,
    /// Newer content was installed.
    Updated {
        /// Content version now installed.
        version: u64,
    },
    /// The device is offline or the mirror cannot be reached.
    NoNetwork,
    /// A request took longer than [`REQUEST_TIMEOUT_MS`].
    Timeout,
    /// The mirror answered with an HTTP error.
    HttpError {
        /// The HTTP status.
        status: u16,
    },
    /// A file is not valid JSON of the expected shape.
    InvalidJson,
    /// A download ended before its announced length.
    Truncated,
    /// The signature does not match.
    BadSignature,
    /// The feed is signed by a key this app does not trust.
    UnknownKey,
    /// A pack's hash differs from the signed manifest's.
    HashMismatch,
    /// A pack's size differs from the signed manifest's.
    SizeMismatch,
    /// The feed is older than the content on the device.
    OlderVersion {
        /// Version offered.
        offered: u64,
        /// Version installed.
        installed: u64,
    },
    /// A download went over its hard cap.
    TooLarge,
    /// The feed's format is newer than this app understands.
    UnsupportedSchema,
    /// The content needs a newer app.
    AppTooOld,
    /// The content could not be saved on the device.
    StorageFailed,
    /// Held back: "Update over Wi-Fi only" and the connection is not Wi-Fi.
    WaitingForWifi,
    /// Held back: the browser asks to save data.
    SavingData,
    /// Held back: the last check was recent.
    NotDue,
}

impl Outcome {
    /// Short stable code, as shown in diagnostics (`data-outcome`).
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::UpToDate => "up-to-date",
            Outcome::Updated { .. } => "updated",
            Outcome::NoNetwork => "no-network",
            Outcome::Timeout => "timeout",
            Outcome::HttpError { .. } => "http-error",
            Outcome::InvalidJson => "invalid-json",
            Outcome::Truncated => "truncated",
            Outcome::BadSignature => "bad-signature",
            Outcome::UnknownKey => "unknown-key",
            Outcome::HashMismatch => "hash-mismatch",
            Outcome::SizeMismatch => "size-mismatch",
            Outcome::OlderVersion { .. } => "older-version",
            Outcome::TooLarge => "too-large",
            Outcome::UnsupportedSchema => "unsupported-schema",
            Outcome::AppTooOld => "app-too-old",
            Outcome::StorageFailed => "storage-failed",
            Outcome::WaitingForWifi => "waiting-for-wifi",
            Outcome::SavingData => "saving-data",
            Outcome::NotDue => "not-due",
        }
    }

    /// Whether the attempt ended with current content (updated or confirmed).
    pub fn is_success(&self) -> bool {
        matches!(self, Outcome::UpToDate | Outcome::Updated { .. })
    }

    /// Whether another mirror might do better (the failure may be this mirror's alone).
    pub fn try_next_mirror(&self) -> bool {
        !self.is_success()
            && !matches!(
                self,
                Outcome::StorageFailed
                    | Outcome::WaitingForWifi
                    | Outcome::SavingData
                    | Outcome::NotDue
            )
    }
}

/// [`Outcome`] as stored: its code and whichever numbers it carries, read as one flat record.
struct OutcomeRecord {
    code: String,
    version: Option<u64>,
    status: Option<u16>,
    offered: Option<u64>,
    installed: Option<u64>,
}

from_json_struct!(OutcomeRecord {
    "code" => code: required,
    "version" => version: default,
    "status" => status: default,
    "offered" => offered: default,
    "installed" => installed: default,
});

impl FromJson for Outcome {
    fn read(r: &mut Reader<'_>) -> Result<Outcome, JsonError> {
        Outcome::try_from(OutcomeRecord::read(r)?).map_err(|_| r.invalid("a sync outcome"))
    }
}

impl ToJson for Outcome {
    fn write(&self, w: &mut Writer) {
        w.begin_object();
        w.field("code");
        w.string(self.code());
        let mut number = |name: &str, value: u64| {
            w.field(name);
            value.write(w);
        };
        match *self {
            Outcome::Updated { version } => number("version", version),
            Outcome::HttpError { status } => number("status", status.into()),
            Outcome::OlderVersion { offered, installed } => {
                number("offered", offered);
                number("installed", installed);
            }
            _ => {}
        }
        w.end_object();
    }
}

json_struct!(Attempt {
    "at_ms" => at_ms: required,
    "mirror" => mirror: required,
    "outcome" => outcome: required,
    "bytes" => bytes: required,
});

impl TryFrom<OutcomeRecord> for Outcome {
    type Error = String;

    fn try_from(record: OutcomeRecord) -> Result<Outcome, String> {
        let lacks = || format!("`{}` lacks a number", record.code);
        Ok(match record.code.as_str() {
            "up-to-date" => Outcome::UpToDate,
            "updated" => Outcome::Updated {
                version: record.version.ok_or_else(lacks)?,
            },
            "no-network" => Outcome::NoNetwork,
            "timeout" => Outcome::Timeout,
            "http-error" => Outcome::HttpError {
                status: record.status.ok_or_else(lacks)?,
            },
            "invalid-json" => Outcome::InvalidJson,
            "truncated" => Outcome::Truncated,
            "bad-signature" => Outcome::BadSignature,
            "unknown-key" => Outcome::UnknownKey,
            "hash-mismatch" => Outcome::HashMismatch,
            "size-mismatch" => Outcome::SizeMismatch,
            "older-version" => Outcome::OlderVersion {
                offered: record.offered.ok_or_else(lacks)?,
                installed: record.installed.ok_or_else(lacks)?,
            },
            "too-large" => Outcome::TooLarge,
            "unsupported-schema" => Outcome::UnsupportedSchema,
            "app-too-old" => Outcome::AppTooOld,
            "storage-failed" => Outcome::StorageFailed,
            "waiting-for-wifi" => Outcome::WaitingForWifi,
            "saving-data" => Outcome::SavingData,
            "not-due" => Outcome::NotDue,
            other => return Err(format!("unknown outcome `{other}`")),
        })
    }
}

impl From<&FeedError> for Outcome {
    fn from(error: &FeedError) -> Outcome {
        match error {
            FeedError::MalformedSignature | FeedError::BadSignature { .. } => Outcome::BadSignature,
            FeedError::UnknownKey { .. } | FeedError::RevokedKey { .. } => Outcome::UnknownKey,
            FeedError::InvalidJson { .. }
            | FeedError::InvalidManifest { .. }
            | FeedError::MissingPack { .. }
            | FeedError::WrongLanguage { .. }
            | FeedError::WrongContentVersion { .. } => Outcome::InvalidJson,
            FeedError::UnsupportedSchema { .. } => Outcome::UnsupportedSchema,
            FeedError::SizeMismatch { .. } => Outcome::SizeMismatch,
            FeedError::OverLimit { .. } => Outcome::TooLarge,
            FeedError::HashMismatch { .. } => Outcome::HashMismatch,
        }
    }
}

/// One sync attempt, kept for More → Diagnostics.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Attempt {
    /// When it ended, Unix milliseconds.
    pub at_ms: f64,
    /// The mirror's base URL.
    pub mirror: String,
    /// How it ended.
    pub outcome: Outcome,
    /// Bytes of response bodies received.
    pub bytes: u64,
}

/// How many attempts diagnostics keep.
pub const KEPT_ATTEMPTS: usize = 20;

/// Adds `attempt` to the front of `log`, keeping the newest [`KEPT_ATTEMPTS`].
pub fn record(log: &mut Vec<Attempt>, attempt: Attempt) {
    log.insert(0, attempt);
    log.truncate(KEPT_ATTEMPTS);
}

/// Classifies a body that arrived with `received` bytes where `announced` were promised
/// (`Content-Length`, if any) against a hard `cap`.
pub fn check_length(announced: Option<u64>, received: u64, cap: usize) -> Result<(), Outcome> {
    if received > cap as u64 || announced.is_some_and(|n| n > cap as u64) {
        return Err(Outcome::TooLarge);
    }
    match announced {
        Some(n) if received < n => Err(Outcome::Truncated),
        _ => Ok(()),
    }
}

/// Parses the mirror list written into the page at build time: base URLs separated by white
/// space, each ending in `/`; the app's own `/feed/` is used when the list is empty.
pub fn parse_mirrors(list: &str) -> Vec<String> {
    let mirrors: Vec<String> = list
        .split_whitespace()
        .filter(|url| {
            url.starts_with('/') || url.starts_with("https://") || url.starts_with("http://")
        })
        .map(|url| {
            if url.ends_with('/') {
                url.to_owned()
            } else {
                format!("{url}/")
            }
        })
        .collect();
    if mirrors.is_empty() {
        vec!["/feed/".to_owned()]
    } else {
        mirrors
    }
}

/// Whole units for "updated N ago": the largest of days, hours and minutes that fits.
pub fn age(now_ms: f64, then_ms: f64) -> (i64, AgeUnit) {
    let minutes = ((now_ms - then_ms).max(0.0) / 60_000.0).floor() as i64;
    if minutes >= 24 * 60 {
        (minutes / (24 * 60), AgeUnit::Day)
    } else if minutes >= 60 {
        (minutes / 60, AgeUnit::Hour)
    } else {
        (minutes, AgeUnit::Minute)
    }
}

/// Unit of [`age`], named as `Intl.RelativeTimeFormat` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeUnit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
}

impl AgeUnit {
    /// The unit's name for `Intl.RelativeTimeFormat`.
    pub fn as_str(self) -> &'static str {
        match self {
            AgeUnit::Minute => "minute",
            AgeUnit::Hour => "hour",
            AgeUnit::Day => "day",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{PackEntry, SCHEMA_VERSION};

    pub(crate) fn manifest(version: u64, packs: &[(&str, &str)]) -> Manifest {
        Manifest {
            schema: SCHEMA_VERSION,
            content_version: version,
            generated: "2026-11-21T00:00:00Z".into(),
            key_id: "k".into(),
            min_app_version: "0.1.0".into(),
            packs: packs
                .iter()
                .map(|(lang, sha)| {
                    let entry = PackEntry {
                        file: format!("packs/{lang}.json"),
                        sha256: (*sha).into(),
                        size: 1,
                    };
                    ((*lang).into(), entry)
                })
                .collect(),
            new_keys: Vec::new(),
            revoked_keys: Vec::new(),
        }
    }

    pub(crate) fn held(pairs: &[(&str, &str)]) -> LangMap<String> {
        pairs
            .iter()
            .map(|(l, s)| ((*l).into(), (*s).into()))
            .collect()
    }

    #[test]
    fn first_install_downloads_wanted_languages_only() {
        let offered = manifest(3, &[("ru", "a"), ("ky", "b"), ("en", "c")]);
        let wanted = wanted_langs("ky");
        assert_eq!(wanted, ["ky", "ru"]);
        assert_eq!(
            decide(None, &held(&[]), &offered, &wanted, "0.1.0"),
            Decision::Take {
                download: vec!["ky".into(), "ru".into()]
            }
        );
    }

    #[test]
    fn only_changed_packs_are_downloaded() {
        let installed = manifest(3, &[("ru", "a"), ("ky", "b")]);
        let offered = manifest(4, &[("ru", "a"), ("ky", "B")]);
        let decision = decide(
            Some(&installed),
            &held(&[("ru", "a"), ("ky", "b")]),
            &offered,
            &wanted_langs("ky"),
            "0.1.0",
        );
        assert_eq!(
            decision,
            Decision::Take {
                download: vec!["ky".into()]
            }
        );
    }

    #[test]
    fn a_newer_version_with_unchanged_packs_is_taken_without_downloads() {
        let installed = manifest(3, &[("ru", "a")]);
        let offered = manifest(4, &[("ru", "a")]);
        let decision = decide(
            Some(&installed),
            &held(&[("ru", "a")]),
            &offered,
            &wanted_langs("ru"),
            "0.1.0",
        );
        assert_eq!(decision, Decision::Take { download: vec![] });
    }

    #[test]
    fn same_version_and_packs_is_up_to_date_but_a_missing_language_is_fetched() {
        let installed = manifest(3, &[("ru", "a"), ("en", "e")]);
        let both = held(&[("ru", "a")]);
        assert_eq!(
            decide(
                Some(&installed),
                &both,
                &installed,
                &wanted_langs("ru"),
                "0.1.0"
            ),
            Decision::UpToDate
        );
        assert_eq!(
            decide(
                Some(&installed),
                &both,
                &installed,
                &wanted_langs("en"),
                "0.1.0"
            ),
            Decision::Take {
                download: vec!["en".into()]
            }
        );
    }

    #[test]
    fn older_versions_are_refused() {
        let installed = manifest(5, &[("ru", "a")]);
        let offered = manifest(4, &[("ru", "b")]);
        assert_eq!(
            decide(
                Some(&installed),
                &held(&[]),
                &offered,
                &wanted_langs("ru"),
                "0.1.0"
            ),
            Decision::Refuse(Outcome::OlderVersion {
                offered: 4,
                installed: 5
            })
        );
    }

    #[test]
    fn content_for_a_newer_app_is_refused() {
        let mut offered = manifest(4, &[("ru", "b")]);
        offered.min_app_version = "0.2.0".into();
        assert_eq!(
            decide(None, &held(&[]), &offered, &wanted_langs("ru"), "0.1.9"),
            Decision::Refuse(Outcome::AppTooOld)
        );
        assert!(matches!(
            decide(None, &held(&[]), &offered, &wanted_langs("ru"), "0.2.0"),
            Decision::Take { .. }
        ));
    }

    #[test]
    fn manual_checks_always_run_and_automatic_ones_respect_data_saving() {
        let cellular = Network {
            connection_type: Some("cellular".into()),
            save_data: false,
        };
        let wifi = Network {
            connection_type: Some("wifi".into()),
            save_data: false,
        };
        let unknown = Network::default();
        let saving = Network {
            connection_type: None,
            save_data: true,
        };
        assert_eq!(
            may_sync(Trigger::Manual, true, &cellular, None, 0.0),
            Ok(())
        );
        assert_eq!(
            may_sync(Trigger::Start, true, &cellular, None, 0.0),
            Err(Outcome::WaitingForWifi)
        );
        assert_eq!(may_sync(Trigger::Start, true, &wifi, None, 0.0), Ok(()));
        assert_eq!(may_sync(Trigger::Online, true, &unknown, None, 0.0), Ok(()));
        assert_eq!(
            may_sync(Trigger::Start, false, &cellular, None, 0.0),
            Ok(())
        );
        assert_eq!(
            may_sync(Trigger::Online, false, &saving, None, 0.0),
            Err(Outcome::SavingData)
        );
        assert_eq!(may_sync(Trigger::Manual, false, &saving, None, 0.0), Ok(()));
    }

    #[test]
    fn the_timer_waits_six_hours_between_checks() {
        let net = Network::default();
        let hour = 3_600_000.0;
        assert_eq!(
            may_sync(Trigger::Timer, false, &net, Some(0.0), 5.0 * hour),
            Err(Outcome::NotDue)
        );
        assert_eq!(
            may_sync(Trigger::Timer, false, &net, Some(0.0), 6.0 * hour),
            Ok(())
        );
        assert_eq!(may_sync(Trigger::Timer, false, &net, None, 0.0), Ok(()));
        assert_eq!(
            may_sync(Trigger::Start, false, &net, Some(0.0), 1.0),
            Ok(())
        );
    }

    #[test]
    fn lengths_are_checked_against_the_announcement_and_the_cap() {
        assert_eq!(check_length(Some(10), 10, 100), Ok(()));
        assert_eq!(check_length(None, 10, 100), Ok(()));
        assert_eq!(check_length(Some(10), 5, 100), Err(Outcome::Truncated));
        assert_eq!(check_length(Some(1000), 0, 100), Err(Outcome::TooLarge));
        assert_eq!(check_length(None, 101, 100), Err(Outcome::TooLarge));
    }

    #[test]
    fn feed_errors_map_to_outcomes() {
        let cases = [
            (FeedError::MalformedSignature, "bad-signature"),
            (FeedError::UnknownKey { key_id: "x".into() }, "unknown-key"),
            (
                FeedError::UnsupportedSchema {
                    found: 2,
                    supported: 1,
                },
                "unsupported-schema",
            ),
            (
                FeedError::HashMismatch {
                    file: "f".into(),
                    expected: "a".into(),
                    found: "b".into(),
                },
                "hash-mismatch",
            ),
            (
                FeedError::InvalidJson {
                    file: "f".into(),
                    message: "m".into(),
                },
                "invalid-json",
            ),
        ];
        for (error, code) in cases {
            assert_eq!(Outcome::from(&error).code(), code);
        }
    }

    #[test]
    fn failures_move_on_to_the_next_mirror_but_hold_backs_do_not() {
        assert!(Outcome::NoNetwork.try_next_mirror());
        assert!(Outcome::HashMismatch.try_next_mirror());
        assert!(!Outcome::UpToDate.try_next_mirror());
        assert!(!Outcome::StorageFailed.try_next_mirror());
        assert!(!Outcome::WaitingForWifi.try_next_mirror());
    }

    #[test]
    fn the_log_keeps_the_newest_attempts_first() {
        let mut log = Vec::new();
        for i in 0..25 {
            record(
                &mut log,
                Attempt {
                    at_ms: f64::from(i),
                    mirror: "/feed/".into(),
                    outcome: Outcome::UpToDate,
                    bytes: 0,
                },
            );
        }
        assert_eq!(log.len(), KEPT_ATTEMPTS);
        assert_eq!(log[0].at_ms, 24.0);
        let json = serde_json::to_string(&log[0]).unwrap();
        assert!(json.contains(r#""code":"up-to-date""#), "{json}");
        assert_eq!(
            crate::codec::json::from_slice::<Attempt>(json.as_bytes()).unwrap(),
            log[0]
        );
    }

    #[test]
    fn outcomes_read_back_as_written() {
        for outcome in [
            Outcome::Updated { version: 7 },
            Outcome::HttpError { status: 503 },
            Outcome::OlderVersion {
                offered: 2,
                installed: 3,
            },
            Outcome::NotDue,
        ] {
            let json = serde_json::to_string(&outcome).unwrap();
            assert_eq!(
                crate::codec::json::from_slice::<Outcome>(json.as_bytes()).unwrap(),
                outcome
            );
        }
        assert!(crate::codec::json::from_slice::<Outcome>(br#"{"code":"updated"}"#).is_err());
        assert!(crate::codec::json::from_slice::<Outcome>(br#"{"code":"gone"}"#).is_err());
    }

    #[test]
    fn mirrors_default_to_the_own_origin_and_get_a_trailing_slash() {
        assert_eq!(parse_mirrors(""), ["/feed/"]);
        assert_eq!(
            parse_mirrors(" /feed/  https://mirror.example/jardam javascript:x "),
            ["/feed/", "https://mirror.example/jardam/"]
        );
    }

    #[test]
    fn ages_use_the_largest_whole_unit() {
        let minute = 60_000.0;
        assert_eq!(age(30.0 * minute, 0.0), (30, AgeUnit::Minute));
        assert_eq!(age(150.0 * minute, 0.0), (2, AgeUnit::Hour));
        assert_eq!(age(3.0 * 1440.0 * minute + 5.0, 0.0), (3, AgeUnit::Day));
        assert_eq!(age(0.0, 10.0), (0, AgeUnit::Minute));
    }
}
