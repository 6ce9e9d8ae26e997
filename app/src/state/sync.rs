//! Runs a sync against the feed mirrors: conditional GET of the manifest, signature and version
//! checks, download of changed packs only, and one atomic swap. Every decision is
//! `jardam_core::sync`'s; this module only talks to the network.

use std::cell::Cell;
use std::time::Duration;

use jardam_core::feed::{MANIFEST_FILE, Manifest, SIGNATURE_FILE, verify_manifest};
use jardam_core::sync::installed::{Installed, Origin, Signed};
use jardam_core::sync::{
    Attempt, Decision, MAX_MANIFEST_BYTES, MAX_PACK_BYTES, MAX_SIGNATURE_BYTES, Outcome,
    REQUEST_TIMEOUT_MS, Trigger, decide, may_sync, parse_mirrors, record, wanted_langs,
};
use leptos::prelude::*;

use crate::platform::http::{self, Get};
use crate::platform::{network, prefs};
use crate::state::content::Content;
use crate::state::feed;

/// The app version, compared with a feed's `min_app_version`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The mirrors written into the page at build time (`<meta name="jardam-feed-mirrors">`).
pub fn mirrors() -> Vec<String> {
    let list = document()
        .query_selector("meta[name=jardam-feed-mirrors]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    parse_mirrors(&list)
}

/// Checks the mirrors for newer content, unless data saving or the schedule holds it back.
pub async fn run(content: Content, trigger: Trigger, lang: String) {
    if content.syncing.get_untracked() {
        return;
    }
    let now = js_sys::Date::now();
    let last = content
        .attempts
        .with_untracked(|a| a.first().map(|a| a.at_ms));
    if let Err(held_back) = may_sync(
        trigger,
        prefs::wifi_only(),
        &network::connection(),
        last,
        now,
    ) {
        if held_back != Outcome::NotDue {
            content.last_outcome.set(Some(held_back));
        }
        return;
    }
    content.syncing.set(true);
    for mirror in mirrors() {
        let bytes = Cell::new(0u64);
        let outcome = if window().navigator().on_line() {
            attempt(content, &mirror, &lang, &bytes).await
        } else {
            Outcome::NoNetwork
        };
        let entry = Attempt {
            at_ms: js_sys::Date::now(),
            mirror: mirror.clone(),
            outcome: outcome.clone(),
            bytes: bytes.get(),
        };
        content.attempts.update(|log| record(log, entry));
        content
            .attempts
            .with_untracked(|log| prefs::save_attempts(log));
        content.last_outcome.set(Some(outcome.clone()));
        if !outcome.try_next_mirror() || !window().navigator().on_line() {
            break;
        }
    }
    content.syncing.set(false);
}

async fn attempt(content: Content, mirror: &str, lang: &str, bytes: &Cell<u64>) -> Outcome {
    match try_attempt(content, mirror, lang, bytes).await {
        Ok(outcome) | Err(outcome) => outcome,
    }
}

async fn try_attempt(
    content: Content,
    mirror: &str,
    lang: &str,
    bytes: &Cell<u64>,
) -> Result<Outcome, Outcome> {
    let installed = content.installed.get_untracked();
    let validators = installed.as_ref().filter(|i| i.mirror == mirror);
    let condition = match validators {
        Some(Installed {
            etag: Some(etag), ..
        }) => Some(("If-None-Match", etag.as_str())),
        Some(Installed {
            last_modified: Some(modified),
            ..
        }) => Some(("If-Modified-Since", modified.as_str())),
        _ => None,
    };
    let headers: Vec<(&str, &str)> = condition.into_iter().collect();
    let manifest = get(
        &format!("{mirror}{MANIFEST_FILE}"),
        &headers,
        MAX_MANIFEST_BYTES,
        bytes,
    )
    .await?;
    let wanted = wanted_langs(lang);
    if manifest.status == 304 {
        let Some(mut current) = installed else {
            return Ok(Outcome::UpToDate);
        };
        let missing = match decide(
            Some(&current.manifest),
            &current.held,
            &current.manifest,
            &wanted,
            APP_VERSION,
        ) {
            Decision::Take { download } => download,
            _ => Vec::new(),
        };
        let packs = fetch_packs(&current.manifest, mirror, &missing, bytes).await?;
        for (lang, _, _) in &packs {
            current.hold(lang);
        }
        current.checked_at_ms = Some(js_sys::Date::now());
        content.install(current, packs, false).await?;
        content.show(lang);
        return Ok(Outcome::UpToDate);
    }
    let signature = get(
        &format!("{mirror}{SIGNATURE_FILE}"),
        &[],
        MAX_SIGNATURE_BYTES,
        bytes,
    )
    .await?;
    let keyring = feed::trusted(installed.as_ref().map(|i| &i.keys));
    let offered = verify_manifest(&manifest.body, &signature.body, &keyring)
        .map_err(|e| Outcome::from(&e))?;
    let keys = offered
        .keyring_after(&keyring)
        .map_err(|e| Outcome::from(&e))?;
    let held = installed
        .as_ref()
        .map(|i| i.held.clone())
        .unwrap_or_default();
    let download = match decide(
        installed.as_ref().map(|i| &i.manifest),
        &held,
        &offered,
        &wanted,
        APP_VERSION,
    ) {
        Decision::Refuse(outcome) => return Err(outcome),
        Decision::UpToDate => Vec::new(),
        Decision::Take { download } => download,
    };
    let same_version = installed
        .as_ref()
        .is_some_and(|i| i.manifest.content_version == offered.content_version);
    let packs = fetch_packs(&offered, mirror, &download, bytes).await?;
    let version = offered.content_version;
    let origin = Origin {
        mirror: mirror.to_owned(),
        etag: manifest.etag,
        last_modified: manifest.last_modified,
        checked_at_ms: Some(js_sys::Date::now()),
    };
    let signed = Signed::new(&manifest.body, &signature.body);
    let next = Installed::next(installed.as_ref(), offered, keys, signed, origin, &download);
    content.install(next, packs, false).await?;
    content.show(lang);
    Ok(if same_version {
        Outcome::UpToDate
    } else {
        Outcome::Updated { version }
    })
}

type Packs = Vec<(String, Vec<u8>, jardam_core::content::Pack)>;

async fn fetch_packs(
    manifest: &Manifest,
    mirror: &str,
    langs: &[String],
    bytes: &Cell<u64>,
) -> Result<Packs, Outcome> {
    let mut packs = Vec::new();
    for lang in langs {
        let entry = manifest.pack(lang).map_err(|e| Outcome::from(&e))?;
        let url = format!("{mirror}{}", entry.file);
        let cap = MAX_PACK_BYTES.min(usize::try_from(entry.size).unwrap_or(usize::MAX));
        let got = get(&url, &[], cap.max(1), bytes).await?;
        let pack = manifest
            .verify_pack(lang, &got.body)
            .map_err(|e| Outcome::from(&e))?;
        packs.push((lang.clone(), got.body, pack));
    }
    Ok(packs)
}

/// GETs `url` from a mirror: past every cache, within the time-out, reading at most `cap` bytes.
async fn get(
    url: &str,
    headers: &[(&str, &str)],
    cap: usize,
    bytes: &Cell<u64>,
) -> Result<http::Got, Outcome> {
    let how = Get {
        headers,
        fresh: true,
        cap,
        timeout_ms: Some(REQUEST_TIMEOUT_MS),
    };
    http::get(url, &how, bytes).await
}

/// Keeps content current: syncs at start, when the browser comes back online, and on a timer.
pub fn schedule(content: Content, lang: impl Fn() -> String + Copy + 'static) {
    let online = window_event_listener(leptos::ev::online, move |_| {
        leptos::task::spawn_local(run(content, Trigger::Online, lang()));
    });
    let tick = set_interval_with_handle(
        move || leptos::task::spawn_local(run(content, Trigger::Timer, lang())),
        Duration::from_secs(15 * 60),
    );
    on_cleanup(move || {
        online.remove();
        if let Ok(tick) = tick {
            tick.clear();
        }
    });
}
