//! serde's readers and writers for the wire types whose JSON shape is not derived: dates, maps
//! keyed by language, public keys as hex, inline text, and the words of the closed lists.
//!
//! Feature `serde` only: the editors' tool enables it and the app never does (it reads and
//! writes with [`crate::codec::json`]). The shapes are those of `codec::json`, and the
//! round-trip test over every wire type (`feed/tests/wire_formats.rs`) fails on any drift.

use core::fmt;
use core::marker::PhantomData;
use std::collections::BTreeMap;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::codec::hex;
use crate::codec::langmap::LangMap;
use crate::content::markup::Inline;
use crate::time::date::Date;

/// Deserializes one of a closed list of words.
pub(crate) struct TextVisitor<T> {
    what: &'static str,
    parse: fn(&str) -> Option<T>,
    names: &'static [&'static str],
    marker: PhantomData<T>,
}

impl<T> TextVisitor<T> {
    pub(crate) fn new(
        what: &'static str,
        parse: fn(&str) -> Option<T>,
        names: &'static [&'static str],
    ) -> Self {
        TextVisitor {
            what,
            parse,
            names,
            marker: PhantomData,
        }
    }
}

impl<T> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).ok_or_else(|| E::unknown_variant(text, self.names))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).map_err(|e| E::custom(format_args!("`{text}`: {e}")))
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

impl<V: Serialize> Serialize for LangMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for LangMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BTreeMap::<String, V>::deserialize(deserializer).map(|map| map.into_iter().collect())
    }
}

/// A public key as 64 lowercase hex digits (`#[serde(with = "…::hex_key")]`).
pub(crate) mod hex_key {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        key: &[u8; 32],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&hex::encode(key))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(deserializer)?;
        hex::decode_array(&text)
            .ok_or_else(|| de::Error::custom("a public key is 64 lowercase hex digits"))
    }
}

/// Read by hand: serde's derived reader for an enum with an untagged variant buffers every
/// value first.
impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Inline, D::Error> {
        deserializer.deserialize_any(InlineVisitor)
    }
}

struct InlineVisitor;

impl<'de> Visitor<'de> for InlineVisitor {
    type Value = Inline;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, {\"b\": [...]}, {\"a\": {\"text\", \"href\"}} or {\"c\": n}")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Inline, E> {
        Ok(Inline::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Inline, E> {
        Ok(Inline::Text(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Inline, A::Error> {
        #[derive(Deserialize)]
        struct Link {
            text: String,
            href: String,
        }
        let key: String = map
            .next_key()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let inline = match key.as_str() {
            "b" => Inline::Bold(map.next_value()?),
            "c" => Inline::Cite(map.next_value()?),
            "a" => {
                let link: Link = map.next_value()?;
                Inline::Link {
                    text: link.text,
                    href: link.href,
                }
            }
            other => return Err(de::Error::unknown_variant(other, &["b", "a", "c"])),
        };
        if map.next_key::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(2, &self));
        }
        Ok(inline)
    }
}
