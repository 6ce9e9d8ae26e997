//! A map keyed by language code: a feed's packs, the packs a phone holds. A handful of entries,
//! kept as a sorted list, so the app carries no B-tree code for it (BENCHMARKS.md, "Shell
//! size cut"); in JSON an object, like the `BTreeMap` it replaces.

use core::fmt;
use core::ops::Index;

use crate::codec::json::{FromJson, JsonError, Reader, ToJson, Writer};

/// Values by language code, in code order.
#[derive(Clone, PartialEq, Eq)]
pub struct LangMap<V>(Vec<(String, V)>);

impl<V> Default for LangMap<V> {
    fn default() -> Self {
        LangMap(Vec::new())
    }
}

impl<V: fmt::Debug> fmt::Debug for LangMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> LangMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    fn position(&self, lang: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(lang))
    }

    /// The value for `lang`.
    pub fn get(&self, lang: &str) -> Option<&V> {
        self.position(lang).ok().map(|i| &self.0[i].1)
    }

    /// Whether `lang` has a value.
    pub fn contains_key(&self, lang: &str) -> bool {
        self.position(lang).is_ok()
    }

    /// Sets the value for `lang`, returning the one it replaces.
    pub fn insert(&mut self, lang: String, value: V) -> Option<V> {
        match self.position(&lang) {
            Ok(i) => Some(core::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (lang, value));
                None
            }
        }
    }

    /// Removes the value for `lang`.
    pub fn remove(&mut self, lang: &str) -> Option<V> {
        self.position(lang).ok().map(|i| self.0.remove(i).1)
    }

    /// Keeps the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &V) -> bool) {
        self.0.retain(|(lang, value)| keep(lang, value));
    }

    /// How many languages have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no language has a value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries, in code order.
    pub fn iter(&self) -> Iter<'_, V> {
        self.0.iter().map(|(lang, value)| (lang, value))
    }

    /// The language codes, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(lang, _)| lang)
    }

    /// The values, in code order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, value)| value)
    }
}

/// The entries of a [`LangMap`], in code order.
pub type Iter<'a, V> =
    core::iter::Map<core::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;

impl<'a, V> IntoIterator for &'a LangMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

impl<V> FromIterator<(String, V)> for LangMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = LangMap::new();
        for (lang, value) in entries {
            map.insert(lang, value);
        }
        map
    }
}

impl<V> Index<&str> for LangMap<V> {
    type Output = V;

    /// The value for `lang`; panics when there is none, like a map's index.
    fn index(&self, lang: &str) -> &V {
        self.get(lang)
            .unwrap_or_else(|| panic!("no entry for language {lang}"))
    }
}

impl<V: FromJson> FromJson for LangMap<V> {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut map = LangMap::new();
        r.object(&mut |r, lang| {
            map.insert(lang.to_owned(), V::read(r)?);
            Ok(())
        })?;
        Ok(map)
    }
}

impl<V: ToJson> ToJson for LangMap<V> {
    fn write(&self, w: &mut Writer) {
        w.begin_object();
        for (lang, value) in self {
            w.field(lang);
            value.write(w);
        }
        w.end_object();
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn map(pairs: &[(&str, u32)]) -> LangMap<u32> {
        pairs.iter().map(|&(k, v)| (k.to_owned(), v)).collect()
    }

    #[test]
    fn keeps_one_value_per_language_in_code_order() {
        let mut m = map(&[("ru", 1), ("en", 2), ("ky", 3)]);
        assert_eq!(m.keys().collect::<Vec<_>>(), ["en", "ky", "ru"]);
        assert_eq!(m.insert("ky".into(), 4), Some(3));
        assert_eq!((m.get("ky"), m["en"], m.len()), (Some(&4), 2, 3));
        assert_eq!(m.remove("en"), Some(2));
        assert!(!m.contains_key("en") && m.get("tg").is_none());
        m.retain(|lang, _| lang != "ru");
        assert_eq!(m, map(&[("ky", 4)]));
    }

    #[test]
    fn reads_and_writes_json_objects_like_a_btreemap() {
        let m = map(&[("uz", 1), ("en", 2)]);
        let tree: BTreeMap<String, u32> = [("uz".into(), 1), ("en".into(), 2)].into();
        let text = serde_json::to_string(&tree).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), text);
        assert_eq!(crate::codec::json::to_string(&m), text);
        assert_eq!(
            crate::codec::json::from_slice::<LangMap<u32>>(text.as_bytes()).unwrap(),
            m
        );
        assert_eq!(serde_json::from_str::<LangMap<u32>>(&text).unwrap(), m);
        assert_eq!(format!("{m:?}"), r#"{"en": 2, "uz": 1}"#);
    }
}
