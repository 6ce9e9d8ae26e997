//! The app's one way to fetch: a GET read chunk by chunk up to a cap, with an optional time-out
//! and conditional-request headers, failing with the [`Outcome`] a reader is told.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use jardam_core::sync::{Outcome, check_length};
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::{set_timeout_with_handle, window};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Headers, ReadableStreamDefaultReader, RequestCache, RequestInit, Response,
};

/// How a GET is made.
pub struct Get<'a> {
    /// Request headers (`If-None-Match`, `If-Modified-Since`).
    pub headers: &'a [(&'a str, &'a str)],
    /// Past every cache (`no-store`): for the feed mirrors, whose answers must be fresh.
    pub fresh: bool,
    /// The most bytes read before giving up with [`Outcome::TooLarge`].
    pub cap: usize,
    /// Abort after this many milliseconds ([`Outcome::Timeout`]).
    pub timeout_ms: Option<u64>,
}

impl Get<'_> {
    /// A plain GET of the app's own files: browser caches allowed, no cap, no time-out.
    pub const PLAIN: Get<'static> = Get {
        headers: &[],
        fresh: false,
        cap: usize::MAX,
        timeout_ms: None,
    };
}

/// An answer: its status (200, or 304 with an empty body), body and validators.
pub struct Got {
    /// HTTP status.
    pub status: u16,
    /// The body as read.
    pub body: Vec<u8>,
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
}

/// The body of `url`, fetched as the app fetches its own files ([`Get::PLAIN`]).
pub async fn bytes(url: &str) -> Result<Vec<u8>, Outcome> {
    get(url, &Get::PLAIN, &Cell::new(0))
        .await
        .map(|got| got.body)
}

/// GETs `url` as `how` says, adding every byte received to `counted` (also on failure).
pub async fn get(url: &str, how: &Get<'_>, counted: &Cell<u64>) -> Result<Got, Outcome> {
    let controller = AbortController::new().map_err(|_| Outcome::NoNetwork)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = how.timeout_ms.and_then(|ms| {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        let abort = move || {
            timed_out.set(true);
            controller.abort();
        };
        set_timeout_with_handle(abort, Duration::from_millis(ms)).ok()
    });
    let result = fetch(url, how, &controller, counted).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result.map_err(|failed| match failed {
        Outcome::NoNetwork | Outcome::Truncated if timed_out.get() => Outcome::Timeout,
        other => other,
    })
}

async fn fetch(
    url: &str,
    how: &Get<'_>,
    controller: &AbortController,
    counted: &Cell<u64>,
) -> Result<Got, Outcome> {
    let headers = Headers::new().map_err(|_| Outcome::NoNetwork)?;
    for (name, value) in how.headers {
        let _ = headers.set(name, value);
    }
    let init = RequestInit::new();
    init.set_headers(&headers);
    if how.fresh {
        init.set_cache(RequestCache::NoStore);
    }
    init.set_signal(Some(&controller.signal()));
    let response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| Outcome::NoNetwork)?;
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
    check_length(announced, 0, how.cap).or_else(|e| match e {
        Outcome::Truncated => Ok(()),
        other => Err(other),
    })?;
    read_body(&response, how.cap, counted).await.map(got)
}

/// Reads the body chunk by chunk, giving up as soon as it passes `cap`.
async fn read_body(
    response: &Response,
    cap: usize,
    counted: &Cell<u64>,
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
        counted.set(counted.get() + u64::from(value.length()));
        if body.len() + value.length() as usize > cap {
            let _ = reader.cancel();
            return Err(Outcome::TooLarge);
        }
        body.extend_from_slice(&value.to_vec());
    }
    Ok(body)
}
