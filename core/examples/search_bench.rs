//! Search over 1,000 generated articles: index build time and median query time.
//!
//! `cargo run --release -p jardam-core --example search_bench`

use std::hint::black_box;
use std::time::{Duration, Instant};

use jardam_core::search::{SearchIndex, generated_pack, generated_word};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let pack = generated_pack(1000);
    let builds: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(SearchIndex::build(black_box(&pack)));
            start.elapsed()
        })
        .collect();
    let index = SearchIndex::build(&pack);
    println!(
        "1000 articles, {} distinct words: build median {:.1} ms",
        index.word_count(),
        median(builds).as_secs_f64() * 1e3
    );

    let own = generated_word(421);
    let queries: Vec<(&str, &str)> = vec![
        ("one letter", "р"),
        ("prefix", "рег"),
        ("prefix, long", "регистрац"),
        ("exact", "патент"),
        ("typo", "патнет"),
        ("two typos", "регитсрацея"),
        ("folded", "учун"),
        ("made-up word", own.as_str()),
        ("three words", "патент регистрация мигр"),
        ("no match", "qwerty"),
    ];
    let mut all = Vec::new();
    for (what, query) in &queries {
        let times: Vec<Duration> = (0..51)
            .map(|_| {
                let start = Instant::now();
                black_box(index.search(black_box(query), 20));
                start.elapsed()
            })
            .collect();
        all.extend_from_slice(&times);
        println!(
            "{what:>14} {query:<26} median {:>7.1} µs, {} hits",
            median(times).as_secs_f64() * 1e6,
            index.search(query, usize::MAX).len()
        );
    }
    println!(
        "all queries: median {:.1} µs, slowest {:.1} µs",
        median(all.clone()).as_secs_f64() * 1e6,
        all.iter().max().unwrap().as_secs_f64() * 1e6
    );
}
