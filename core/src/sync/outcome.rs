//! How a sync attempt ended, as the UI names it and the diagnostics list keeps it.

use crate::codec::json::{FromJson, JsonError, Reader, ToJson, Writer};
use crate::feed::FeedError;
use crate::{from_json_struct, json_struct};

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
    /// A request took longer than [`super::REQUEST_TIMEOUT_MS`].
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
            | FeedError::WrongLanguage { .. } => Outcome::InvalidJson,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
