//! Runs a sync against the feed mirrors: conditional GET of the manifest, signature and version
//! checks, download of changed packs only, and one atomic swap. Every decision is
//! `jardam_core::sync`'s; this module only talks to the network.

use std::cell::Cell;
use std::rc::Rc;

use jardam_core::feed::{MANIFEST_FILE, Manifest, SIGNATURE_FILE, verify_manifest};
use jardam_core::sync::{
    Attempt, Decision, MAX_MANIFEST_BYTES, MAX_PACK_BYTES, MAX_SIGNATURE_BYTES, Network, Outcome,
    REQUEST_TIMEOUT_MS, Trigger, check_length, decide, may_sync, parse_mirrors, record,
    wanted_langs,
};
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Headers, ReadableStreamDefaultReader, RequestCache, RequestInit, Response,
};

use crate::content::{Content, Installed, Signed};
use crate::{feed, prefs};

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

fn network() -> Network {
    let connection = Reflect::get(&window().navigator(), &"connection".into()).ok();
    let field = |name: &str| {
        connection
            .as_ref()
            .filter(|c| c.is_object())
            .and_then(|c| Reflect::get(c, &name.into()).ok())
    };
    Network {
        connection_type: field("type").and_then(|v| v.as_string()),
        save_data: field("saveData").and_then(|v| v.as_bool()).unwrap_or(false),
    }
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
    if let Err(held_back) = may_sync(trigger, prefs::wifi_only(), &network(), last, now) {
        if held_back != Outcome::NotDue {
            content.last_outcome.set(Some(held_back));
        }
        return;
    }
    content.syncing.set(true);
    for mirror in mirrors() {
        let bytes = Rc::new(Cell::new(0u64));
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

async fn attempt(content: Content, mirror: &str, lang: &str, bytes: &Rc<Cell<u64>>) -> Outcome {
    match try_attempt(content, mirror, lang, bytes).await {
        Ok(outcome) | Err(outcome) => outcome,
    }
}

async fn try_attempt(
    content: Content,
    mirror: &str,
    lang: &str,
    bytes: &Rc<Cell<u64>>,
) -> Result<Outcome, Outcome> {
    let installed = content.installed.get_untracked();
    let validators = installed.as_ref().filter(|i| i.mirror == mirror);
    let headers = Headers::new().map_err(|_| Outcome::NoNetwork)?;
    if let Some(etag) = validators.and_then(|i| i.etag.as_deref()) {
        let _ = headers.set("If-None-Match", etag);
    } else if let Some(modified) = validators.and_then(|i| i.last_modified.as_deref()) {
        let _ = headers.set("If-Modified-Since", modified);
    }
    let url = format!("{mirror}{MANIFEST_FILE}");
    let manifest = get(&url, &headers, MAX_MANIFEST_BYTES, bytes).await?;
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
            if let Ok(entry) = current.manifest.pack(lang) {
                current.held.insert(lang.clone(), entry.sha256.clone());
            }
        }
        current.checked_at_ms = Some(js_sys::Date::now());
        content.install(current, packs, &[], false).await?;
        content.show(lang);
        return Ok(Outcome::UpToDate);
    }
    let signature = get(
        &format!("{mirror}{SIGNATURE_FILE}"),
        &Headers::new().map_err(|_| Outcome::NoNetwork)?,
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
    let mut new_held = held.clone();
    for (lang, _, _) in &packs {
        if let Ok(entry) = offered.pack(lang) {
            new_held.insert(lang.clone(), entry.sha256.clone());
        }
    }
    let stale: Vec<String> = new_held
        .iter()
        .filter(|(lang, sha)| offered.pack(lang).map(|e| &e.sha256) != Ok(*sha))
        .map(|(lang, _)| lang.clone())
        .collect();
    new_held.retain(|lang, _| !stale.iter().any(|s| s == lang));
    let version = offered.content_version;
    let next = Installed {
        manifest: offered,
        mirror: mirror.to_owned(),
        etag: manifest.etag,
        last_modified: manifest.last_modified,
        checked_at_ms: Some(js_sys::Date::now()),
        held: new_held,
        keys,
        signed: Signed::new(&manifest.body, &signature.body),
    };
    content.install(next, packs, &stale, false).await?;
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
    bytes: &Rc<Cell<u64>>,
) -> Result<Packs, Outcome> {
    let mut packs = Vec::new();
    for lang in langs {
        let entry = manifest.pack(lang).map_err(|e| Outcome::from(&e))?;
        let url = format!("{mirror}{}", entry.file);
        let cap = MAX_PACK_BYTES.min(usize::try_from(entry.size).unwrap_or(usize::MAX));
        let headers = Headers::new().map_err(|_| Outcome::NoNetwork)?;
        let got = get(&url, &headers, cap.max(1), bytes).await?;
        let pack = manifest
            .verify_pack(lang, &got.body)
            .map_err(|e| Outcome::from(&e))?;
        packs.push((lang.clone(), got.body, pack));
    }
    Ok(packs)
}

struct Got {
    status: u16,
    body: Vec<u8>,
    etag: Option<String>,
    last_modified: Option<String>,
}

/// GETs `url` past every cache, within the time-out and reading at most `cap` bytes.
async fn get(
    url: &str,
    headers: &Headers,
    cap: usize,
    bytes: &Rc<Cell<u64>>,
) -> Result<Got, Outcome> {
    let controller = AbortController::new().map_err(|_| Outcome::NoNetwork)?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            REQUEST_TIMEOUT_MS,
        )
        .map_err(|_| Outcome::NoNetwork)?;
    let result = fetch(url, headers, cap, &controller, &timed_out, bytes).await;
    window().clear_timeout_with_handle(timer);
    drop(on_timeout);
    result
}

async fn fetch(
    url: &str,
    headers: &Headers,
    cap: usize,
    controller: &AbortController,
    timed_out: &Rc<Cell<bool>>,
    bytes: &Rc<Cell<u64>>,
) -> Result<Got, Outcome> {
    let failed = |network: Outcome| {
        if timed_out.get() {
            Outcome::Timeout
        } else {
            network
        }
    };
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_headers(headers);
    init.set_cache(RequestCache::NoStore);
    init.set_signal(Some(&controller.signal()));
    let response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| failed(Outcome::NoNetwork))?;
    let response: Response = response.unchecked_into();
    let status = response.status();
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let got = |body| Got {
        status,
        body,
        etag: header("etag"),
        last_modified: header("last-modified"),
    };
    if status == 304 {
        return Ok(got(Vec::new()));
    }
    if !response.ok() {
        return Err(Outcome::HttpError { status });
    }
    let announced = header("content-length").and_then(|n| n.parse::<u64>().ok());
    check_length(announced, 0, cap).or_else(|e| match e {
        Outcome::Truncated => Ok(()),
        other => Err(other),
    })?;
    let body = read_body(&response, cap, bytes).await.map_err(|e| {
        if e == Outcome::Truncated {
            failed(e)
        } else {
            e
        }
    })?;
    Ok(got(body))
}

/// Reads the body chunk by chunk, giving up as soon as it passes `cap`.
async fn read_body(
    response: &Response,
    cap: usize,
    bytes: &Rc<Cell<u64>>,
) -> Result<Vec<u8>, Outcome> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Outcome::Truncated)?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            break;
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|_| Outcome::Truncated)?
            .unchecked_into();
        bytes.set(bytes.get() + u64::from(value.length()));
        if body.len() + value.length() as usize > cap {
            let _ = reader.cancel();
            return Err(Outcome::TooLarge);
        }
        body.extend_from_slice(&value.to_vec());
    }
    Ok(body)
}

/// Keeps content current: syncs at start, when the browser comes back online, and on a timer.
pub fn schedule(content: Content, lang: impl Fn() -> String + Copy + 'static) {
    let online = window_event_listener(leptos::ev::online, move |_| {
        leptos::task::spawn_local(run(content, Trigger::Online, lang()));
    });
    let tick = Closure::<dyn FnMut()>::new(move || {
        leptos::task::spawn_local(run(content, Trigger::Timer, lang()));
    });
    let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        15 * 60 * 1000,
    );
    tick.forget();
    on_cleanup(move || online.remove());
}
