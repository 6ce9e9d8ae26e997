//! The IndexedDB store in a real browser (headless Chromium through wasm-bindgen-test):
//! write and read, an atomic replacement, and a failure in the middle of a replacement
//! leaving the previous content whole.

use jardam_app::platform::store::{Entry, INSTALLED, META, PACKS, Store};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(name: &str) -> Store {
    let _ = rexie::Rexie::delete(name).await;
    Store::open_named(name).await.expect("IndexedDB opens")
}

#[wasm_bindgen_test]
async fn writes_and_reads_back() {
    let store = fresh("jardam-test-rw").await;
    assert_eq!(store.get(PACKS, "ru").await.unwrap(), None);
    store
        .replace(
            &[
                Entry::text(META, INSTALLED, r#"{"v":1}"#),
                Entry::text(PACKS, "ru", "пакет"),
            ],
            &[],
        )
        .await
        .unwrap();
    assert_eq!(
        store.get(META, INSTALLED).await.unwrap().as_deref(),
        Some(r#"{"v":1}"#)
    );
    assert_eq!(
        store.get(PACKS, "ru").await.unwrap().as_deref(),
        Some("пакет")
    );
    assert_eq!(store.pack_langs().await.unwrap(), ["ru"]);
}

#[wasm_bindgen_test]
async fn a_replacement_swaps_everything_and_drops_what_it_removes() {
    let store = fresh("jardam-test-swap").await;
    let v1 = [
        Entry::text(META, INSTALLED, "v1"),
        Entry::text(PACKS, "ru", "ru v1"),
        Entry::text(PACKS, "ky", "ky v1"),
    ];
    store.replace(&v1, &[]).await.unwrap();
    let v2 = [
        Entry::text(META, INSTALLED, "v2"),
        Entry::text(PACKS, "ru", "ru v2"),
    ];
    store.replace(&v2, &["ky".to_owned()]).await.unwrap();
    assert_eq!(
        store.get(META, INSTALLED).await.unwrap().as_deref(),
        Some("v2")
    );
    assert_eq!(
        store.get(PACKS, "ru").await.unwrap().as_deref(),
        Some("ru v2")
    );
    assert_eq!(store.get(PACKS, "ky").await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_failure_in_the_middle_of_a_swap_leaves_the_old_content_whole() {
    let store = fresh("jardam-test-fail").await;
    let v1 = [
        Entry::text(META, INSTALLED, "v1"),
        Entry::text(PACKS, "ru", "ru v1"),
    ];
    store.replace(&v1, &[]).await.unwrap();
    let broken = [
        Entry::text(PACKS, "ru", "ru v2"),
        Entry {
            store: PACKS,
            key: JsValue::from_f64(f64::NAN),
            value: JsValue::from_str("a key IndexedDB refuses"),
        },
        Entry::text(META, INSTALLED, "v2"),
    ];
    assert!(store.replace(&broken, &["ru".to_owned()]).await.is_err());
    assert_eq!(
        store.get(META, INSTALLED).await.unwrap().as_deref(),
        Some("v1")
    );
    assert_eq!(
        store.get(PACKS, "ru").await.unwrap().as_deref(),
        Some("ru v1")
    );
}
