//! Sync decisions: when to check for new content, what to download, what to accept, and how
//! to name the outcome. The app does the fetching and storing; every choice is made here.

pub mod installed;
mod outcome;

pub use outcome::{Attempt, KEPT_ATTEMPTS, Outcome, record};

use crate::codec::langmap::LangMap;
use crate::feed::Manifest;

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
