//! Speed of the offline search in Chromium: building the index of 1,000 generated articles and
//! answering typical queries (prefix, exact, typos, folded letters, several words).
//!
//! A benchmark, not a test: it is ignored by `make test-wasm` and run by `make bench`
//! (scripts/bench-perf.mjs, release profile, `--include-ignored`), which reads the lines it
//! prints (`search-speed:{json}`) into BENCHMARKS.md. It asserts nothing about time.

use jardam_core::search::{SearchIndex, generated_pack, generated_word};
use std::hint::black_box;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

const ARTICLES: usize = 1000;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Runs `f` `runs` times and returns the median time in milliseconds.
fn timed(runs: usize, mut f: impl FnMut()) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let start = now();
                f();
                now() - start
            })
            .collect(),
    )
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench-perf.mjs"]
fn search_over_a_thousand_articles() {
    let pack = generated_pack(ARTICLES);
    let runs = 5;
    let build = timed(runs, || {
        black_box(SearchIndex::build(black_box(&pack)));
    });
    let index = SearchIndex::build(&pack);
    console_log!(
        "search-speed:{{\"kind\":\"build\",\"articles\":{ARTICLES},\"words\":{},\"runs\":{runs},\"median_ms\":{build}}}",
        index.word_count()
    );
    let own = generated_word(421);
    for query in [
        "р",
        "рег",
        "патент",
        "патнет",
        "регитсрацея",
        "учун",
        own.as_str(),
        "патент регистрация мигр",
    ] {
        let runs = 51;
        let time = timed(runs, || {
            black_box(index.search(black_box(query), 20));
        });
        let hits = index.search(query, usize::MAX).len();
        console_log!(
            "search-speed:{{\"kind\":\"query\",\"query\":\"{query}\",\"articles\":{ARTICLES},\"hits\":{hits},\"runs\":{runs},\"median_ms\":{time}}}"
        );
    }
}
