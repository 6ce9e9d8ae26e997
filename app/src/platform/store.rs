//! The content on the device, in IndexedDB (through rexie): the installed manifest and one
//! pack per language. Every replacement happens in one transaction, so a failure in the middle
//! leaves the previous content whole.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use js_sys::{Array, Function, Promise};
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::platform::timers;

const DB_NAME: &str = "jardam";
const DB_VERSION: u32 = 1;
/// Object store of small records: the installed manifest and its HTTP validators.
pub const META: &str = "meta";
/// Object store of packs, keyed by language.
pub const PACKS: &str = "packs";
/// Key of the installed record in [`META`].
pub const INSTALLED: &str = "installed";
/// How long opening may take. An upgrade stays blocked for as long as another tab holds the
/// database open at an older version; the app then runs from memory instead of waiting.
pub const OPEN_TIMEOUT_MS: u64 = 3_000;

/// Why the store could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl From<rexie::Error> for StoreError {
    fn from(error: rexie::Error) -> StoreError {
        StoreError(error.to_string())
    }
}

/// One record to write: object store, key and value.
pub struct Entry {
    /// [`META`] or [`PACKS`].
    pub store: &'static str,
    /// The record's key.
    pub key: JsValue,
    /// The record's value.
    pub value: JsValue,
}

impl Entry {
    /// A string record under a string key.
    pub fn text(store: &'static str, key: &str, value: &str) -> Entry {
        Entry {
            store,
            key: JsValue::from_str(key),
            value: JsValue::from_str(value),
        }
    }
}

/// An open database.
pub struct Store {
    db: Rexie,
}

impl Store {
    /// Opens (and on first use creates) the database named `name`.
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        let db = Rexie::builder(name)
            .version(DB_VERSION)
            .add_object_store(ObjectStore::new(META))
            .add_object_store(ObjectStore::new(PACKS))
            .build()
            .await?;
        Ok(Store { db })
    }

    /// Opens the app's database, giving up after [`OPEN_TIMEOUT_MS`] (a blocked upgrade).
    pub async fn open() -> Result<Store, StoreError> {
        Store::open_within(DB_NAME, OPEN_TIMEOUT_MS).await
    }

    /// Opens the database named `name`, or fails once `timeout_ms` have passed without an
    /// answer (the opening goes on in the background and is dropped when it ends).
    pub async fn open_within(name: &str, timeout_ms: u64) -> Result<Store, StoreError> {
        let slot: Rc<RefCell<Option<Result<Store, StoreError>>>> = Rc::default();
        let opened = {
            let slot = slot.clone();
            let name = name.to_owned();
            Promise::new(&mut move |resolve: Function, _reject| {
                let slot = slot.clone();
                let name = name.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = Store::open_named(&name).await;
                    *slot.borrow_mut() = Some(result);
                    let _ = resolve.call0(&JsValue::NULL);
                });
            })
        };
        let timer = timers::after(Duration::from_millis(timeout_ms));
        let _ = JsFuture::from(Promise::race(&Array::of2(&opened, &timer))).await;
        slot.borrow_mut().take().unwrap_or_else(|| {
            Err(StoreError(format!(
                "{name}: not opened within {timeout_ms} ms (an upgrade blocked by another tab?)"
            )))
        })
    }

    /// Reads one string record; `None` when there is none.
    pub async fn get(&self, store: &str, key: &str) -> Result<Option<String>, StoreError> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let value = tx.store(store)?.get(JsValue::from_str(key)).await?;
        tx.done().await?;
        match value {
            None => Ok(None),
            Some(v) if v.is_undefined() => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| StoreError(format!("{store}/{key}: not text"))),
        }
    }

    /// Writes every entry in one transaction, after deleting `remove` keys from [`PACKS`]:
    /// all of it lands, or (on any error) none of it.
    pub async fn replace(&self, entries: &[Entry], remove: &[String]) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(&[META, PACKS], TransactionMode::ReadWrite)?;
        let mut result = Ok(());
        for key in remove {
            if let Err(e) = tx.store(PACKS)?.delete(JsValue::from_str(key)).await {
                result = Err(e.into());
                break;
            }
        }
        if result.is_ok() {
            for entry in entries {
                let written = match tx.store(entry.store) {
                    Ok(store) => store.put(&entry.value, Some(&entry.key)).await.map(|_| ()),
                    Err(e) => Err(e),
                };
                if let Err(e) = written {
                    result = Err(e.into());
                    break;
                }
            }
        }
        match result {
            Ok(()) => {
                tx.done().await?;
                Ok(())
            }
            Err(error) => {
                let _ = tx.abort().await;
                Err(error)
            }
        }
    }

    /// Keys of every stored pack.
    pub async fn pack_langs(&self) -> Result<Vec<String>, StoreError> {
        let tx = self.db.transaction(&[PACKS], TransactionMode::ReadOnly)?;
        let keys = tx.store(PACKS)?.get_all_keys(None, None).await?;
        tx.done().await?;
        Ok(keys.iter().filter_map(JsValue::as_string).collect())
    }
}
