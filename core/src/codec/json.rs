//! The app's JSON (feed manifests, packs, hand-off files, stored records) without serde's
//! generic code: one small pull reader with a hand-listed [`FromJson`] per type, and one writer
//! with a [`ToJson`] per type the app writes.
//!
//! serde's derived readers and writers are copied for every type, and made up more than a
//! tenth of the app's WebAssembly; this code is shared by all types (BENCHMARKS.md, "Shell
//! size cut"). The editors' feed tool still writes with serde (core's feature `serde`, which the
//! app never enables), and `feed/tests/wire_formats.rs` checks every wire type both ways.
//! Reading follows `serde_json` with serde's defaults: unknown fields are skipped, a missing
//! field is an error unless the type says it has a default, and integers must be whole and in
//! range. Unlike serde, a repeated field keeps its last value.

use core::fmt;

/// How deeply arrays and objects may nest (as in `serde_json`), so hostile input cannot
/// exhaust the stack.
const MAX_DEPTH: u32 = 128;

/// Why some bytes are not the JSON that was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON, or not the kind of value expected: `expected` at byte `at`.
    Syntax {
        /// What was expected there.
        expected: &'static str,
        /// Byte offset in the input.
        at: usize,
    },
    /// Valid JSON but not a valid value (an unknown word, a bad date, a number out of range).
    Invalid {
        /// What the value should have been.
        what: &'static str,
        /// Byte offset just after the value.
        at: usize,
    },
    /// An object lacks a field its type needs.
    Missing(&'static str),
    /// Arrays and objects nest more deeply than the reader allows (128 levels).
    TooDeep,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::Syntax { expected, at } => write!(f, "expected {expected} at byte {at}"),
            JsonError::Invalid { what, at } => write!(f, "not {what} (before byte {at})"),
            JsonError::Missing(field) => write!(f, "missing field `{field}`"),
            JsonError::TooDeep => f.write_str("nested too deeply"),
        }
    }
}

impl std::error::Error for JsonError {}

/// Reads one value of type `T` that makes up the whole of `bytes` (whitespace around it allowed).
pub fn from_slice<T: FromJson>(bytes: &[u8]) -> Result<T, JsonError> {
    let mut reader = Reader {
        bytes,
        pos: 0,
        depth: 0,
    };
    let value = T::read(&mut reader)?;
    reader.white();
    if reader.pos < bytes.len() {
        return Err(reader.syntax("the end of the input"));
    }
    Ok(value)
}

/// A type read from JSON by [`Reader`].
pub trait FromJson: Sized {
    /// Reads one value at the reader's position.
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError>;
}

/// A position in JSON input, read value by value.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
}

impl Reader<'_> {
    fn white(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte that is not whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.white();
        self.bytes.get(self.pos).copied()
    }

    fn syntax(&self, expected: &'static str) -> JsonError {
        JsonError::Syntax {
            expected,
            at: self.pos,
        }
    }

    /// An error for a value that was read but is not `what`.
    pub fn invalid(&self, what: &'static str) -> JsonError {
        JsonError::Invalid { what, at: self.pos }
    }

    fn eat(&mut self, byte: u8, expected: &'static str) -> Result<(), JsonError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax(expected))
        }
    }

    fn literal(&mut self, word: &'static str) -> bool {
        self.white();
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        Ok(())
    }

    /// Reads an object, calling `field` with each key; `field` must read (or [`skip`](Self::skip))
    /// the value.
    pub fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Self, &str) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.eat(b'{', "an object")?;
        self.enter()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(self.syntax("a field name"));
                }
                let key = self.string()?;
                self.eat(b':', "`:`")?;
                field(self, &key)?;
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.syntax("`,` or `}`")),
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an array, calling `item` for each element; `item` must read the element. (The same
    /// loop as [`object`](Self::object): one shared through a closure measured 0.5 KB larger.)
    pub fn array(
        &mut self,
        item: &mut dyn FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.eat(b'[', "an array")?;
        self.enter()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                item(self)?;
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.syntax("`,` or `]`")),
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads a string, unescaped.
    pub fn string(&mut self) -> Result<String, JsonError> {
        self.eat(b'"', "a string")?;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            let run = core::str::from_utf8(&self.bytes[start..self.pos]).map_err(|e| {
                JsonError::Syntax {
                    expected: "UTF-8 text",
                    at: start + e.valid_up_to(),
                }
            })?;
            out.push_str(run);
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.syntax("no control characters in a string")),
                None => return Err(self.syntax("the end of the string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return Err(self.syntax("an escape"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if !self.bytes[self.pos..].starts_with(b"\\u") {
                        return Err(self.syntax("the second half of a surrogate pair"));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.syntax("the second half of a surrogate pair"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(|| self.syntax("a Unicode scalar value"))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.syntax("an escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .and_then(|d| core::str::from_utf8(d).ok())
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.syntax("four hex digits"))?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.syntax("four hex digits"))
    }

    /// The text of a number (JSON's grammar), consumed.
    fn number_text(&mut self) -> Result<&str, JsonError> {
        self.white();
        let start = self.pos;
        let digits = |r: &mut Self| {
            let from = r.pos;
            while r.bytes.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos > from
        };
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let first_digit = self.pos;
        if !digits(self) || (self.bytes[first_digit] == b'0' && self.pos - first_digit > 1) {
            self.pos = start;
            return Err(self.syntax("a number"));
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.syntax("digits after `.`"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.syntax("digits in the exponent"));
            }
        }
        Ok(core::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or_default())
    }

    /// Reads a whole number that fits an `i64` (`-` allowed; no fraction or exponent).
    pub fn integer(&mut self) -> Result<i64, JsonError> {
        let text = self.number_text()?;
        text.parse()
            .map_err(|_| self.invalid("a whole number in range"))
    }

    /// Reads a number written as a whole number, possibly with a zero fraction (`17.0`, as
    /// serde writes whole `f64`s): the only floating-point numbers the app stores are
    /// milliseconds since 1970. Parsing them as integers keeps the standard library's float
    /// parser and its tables (about 20 KB) out of the WebAssembly.
    pub fn float(&mut self) -> Result<f64, JsonError> {
        let text = self.number_text()?;
        let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
        let whole = whole
            .parse::<i64>()
            .ok()
            .filter(|_| fraction.bytes().all(|b| b == b'0'));
        whole
            .map(|whole| whole as f64)
            .ok_or_else(|| self.invalid("a whole number"))
    }

    /// Reads `true` or `false`.
    pub fn boolean(&mut self) -> Result<bool, JsonError> {
        if self.literal("true") {
            Ok(true)
        } else if self.literal("false") {
            Ok(false)
        } else {
            Err(self.syntax("`true` or `false`"))
        }
    }

    /// Whether a string comes next.
    pub fn peek_string(&mut self) -> bool {
        self.peek() == Some(b'"')
    }

    /// Consumes `null` if it comes next.
    pub fn null(&mut self) -> bool {
        self.literal("null")
    }

    /// Reads any value and drops it (a field this version does not know).
    pub fn skip(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'[') => self.array(&mut |r| r.skip()),
            Some(b'"') => self.string().map(drop),
            Some(b't' | b'f') => self.boolean().map(drop),
            _ if self.null() => Ok(()),
            _ => self.number_text().map(drop),
        }
    }
}

impl FromJson for String {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.string()
    }
}

impl FromJson for bool {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.boolean()
    }
}

impl FromJson for f64 {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.float()
    }
}

macro_rules! integer_from_json {
    ($($ty:ty),+) => {$(
        impl FromJson for $ty {
            fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
                let value = r.integer()?;
                <$ty>::try_from(value).map_err(|_| r.invalid(concat!("a ", stringify!($ty))))
            }
        }
    )+};
}

integer_from_json!(u8, u16, u32, u64, i32);

impl<T: FromJson> FromJson for Option<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        if r.null() {
            Ok(None)
        } else {
            T::read(r).map(Some)
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut items = Vec::new();
        r.array(&mut |r| {
            items.push(T::read(r)?);
            Ok(())
        })?;
        Ok(items)
    }
}

/// Implements [`FromJson`] for a struct read from an object, listing each field with its JSON
/// name and whether it is `required` or has a `default` when missing (as serde's
/// `#[serde(default)]`); `skip_empty` reads as `default` (see [`crate::json_struct!`]). Fields
/// after `not_read:` are never read and start as their default (as serde's `#[serde(skip)]`).
#[macro_export]
macro_rules! from_json_struct {
    ($ty:ty { $($name:literal => $field:ident: $kind:ident),+ $(,)? } $(not_read: $($unread:ident),+)?) => {
        impl $crate::codec::json::FromJson for $ty {
            fn read(r: &mut $crate::codec::json::Reader<'_>) -> Result<Self, $crate::codec::json::JsonError> {
                $(let mut $field = None;)+
                r.object(&mut |r, key| {
                    match key {
                        $($name => $field = Some($crate::codec::json::FromJson::read(r)?),)+
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                Ok(Self {
                    $($field: $crate::from_json_struct!(@field $kind, $field, $name),)+
                    $($($unread: Default::default(),)+)?
                })
            }
        }
    };
    (@field required, $field:ident, $name:literal) => {
        $field.ok_or($crate::codec::json::JsonError::Missing($name))?
    };
    (@field default, $field:ident, $name:literal) => {
        $field.unwrap_or_default()
    };
    (@field skip_empty, $field:ident, $name:literal) => {
        $field.unwrap_or_default()
    };
}

/// `value` as compact JSON, written as `serde_json::to_string` would.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer {
        out: String::new(),
        first: true,
    };
    value.write(&mut w);
    w.out
}

/// A type written as JSON by [`Writer`].
pub trait ToJson {
    /// Writes this value at the writer's position.
    fn write(&self, w: &mut Writer);
}

/// JSON being written, value by value.
pub struct Writer {
    out: String,
    /// Whether the object or array being written has no member yet.
    first: bool,
}

impl Writer {
    /// Starts an object; its fields follow through [`field`](Self::field).
    pub fn begin_object(&mut self) {
        self.out.push('{');
        self.first = true;
    }

    /// Writes the name of the next field of the object being written; its value follows.
    pub fn field(&mut self, name: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = true;
        self.string(name);
        self.out.push(':');
    }

    /// Ends the object.
    pub fn end_object(&mut self) {
        self.out.push('}');
        self.first = false;
    }

    /// Writes a string, escaped.
    pub fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(char::from(HEX[(u32::from(c) >> 4) as usize]));
                    self.out.push(char::from(HEX[(u32::from(c) & 15) as usize]));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
        self.first = false;
    }

    /// Writes text that is already JSON (a number, `true`, `null`).
    fn raw(&mut self, json: &str) {
        self.out.push_str(json);
        self.first = false;
    }

    /// Writes a sequence as an array.
    pub fn array<'t, T: ToJson + 't>(&mut self, items: impl IntoIterator<Item = &'t T>) {
        self.out.push('[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            item.write(self);
        }
        self.out.push(']');
        self.first = false;
    }
}

impl ToJson for str {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for String {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn write(&self, w: &mut Writer) {
        w.raw(if *self { "true" } else { "false" });
    }
}

macro_rules! integer_to_json {
    ($($ty:ty),+) => {$(
        impl ToJson for $ty {
            fn write(&self, w: &mut Writer) {
                w.raw(&self.to_string());
            }
        }
    )+};
}

integer_to_json!(u8, u16, u32, u64, i32);

/// Milliseconds since 1970 (`Date.now()`), the only floating-point numbers the app stores,
/// are whole: written with a zero fraction (`1763761234567.0`), as `serde_json` writes whole
/// numbers below 10^16, without the standard library's float formatting; a fraction is dropped.
impl ToJson for f64 {
    fn write(&self, w: &mut Writer) {
        if self.is_finite() {
            w.raw(&format!("{}.0", *self as i64));
        } else {
            w.raw("null");
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(value) => value.write(w),
            None => w.raw("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, w: &mut Writer) {
        w.array(self);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, w: &mut Writer) {
        w.array(self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write(&self, w: &mut Writer) {
        (**self).write(w);
    }
}

/// A field value that [`crate::json_struct!`] leaves out when empty, for a field listed `skip_empty`
/// (serde's `skip_serializing_if = "Vec::is_empty"`, `"Option::is_none"` or a test for `false`).
pub trait Empty {
    /// Whether the value is empty (an empty list, `None`).
    fn is_empty(&self) -> bool;
}

impl<T> Empty for Vec<T> {
    fn is_empty(&self) -> bool {
        <[T]>::is_empty(self)
    }
}

impl<T> Empty for Option<T> {
    fn is_empty(&self) -> bool {
        self.is_none()
    }
}

impl Empty for bool {
    fn is_empty(&self) -> bool {
        !*self
    }
}

/// Implements [`FromJson`] like [`from_json_struct!`] and [`ToJson`] for a struct the app also
/// writes: every field, in the order listed, which must be the struct's (serde's order), except
/// a `skip_empty` field whose value is [`Empty`], which is left out.
#[macro_export]
macro_rules! json_struct {
    ($ty:ty { $($name:literal => $field:ident: $kind:ident),+ $(,)? }) => {
        $crate::from_json_struct!($ty { $($name => $field: $kind),+ });

        impl $crate::codec::json::ToJson for $ty {
            fn write(&self, w: &mut $crate::codec::json::Writer) {
                w.begin_object();
                $($crate::json_struct!(@write w, $name, &self.$field, $kind);)+
                w.end_object();
            }
        }
    };
    (@write $w:ident, $name:literal, $value:expr, skip_empty) => {
        if !$crate::codec::json::Empty::is_empty($value) {
            $crate::json_struct!(@write $w, $name, $value, required);
        }
    };
    (@write $w:ident, $name:literal, $value:expr, $kind:ident) => {
        $w.field($name);
        $crate::codec::json::ToJson::write($value, $w);
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Default, serde::Serialize)]
    struct Sample {
        name: String,
        count: u32,
        tags: Vec<String>,
        note: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        flags: Vec<u8>,
    }

    crate::json_struct!(Sample {
        "name" => name: required,
        "count" => count: required,
        "tags" => tags: default,
        "note" => note: default,
        "flags" => flags: skip_empty,
    });

    #[test]
    fn written_values_read_back_and_match_serde() {
        let sample = Sample {
            name: "\"Ош\"\\\n\t\u{1}\u{1f}/".into(),
            count: 7,
            tags: vec!["a".into(), String::new()],
            note: None,
            flags: Vec::new(),
        };
        let text = to_string(&sample);
        assert_eq!(text, serde_json::to_string(&sample).unwrap());
        assert!(
            !text.contains("flags"),
            "an empty skip_empty field is left out: {text}"
        );
        assert_eq!(from_slice::<Sample>(text.as_bytes()).unwrap(), sample);
        let with_flags = Sample {
            flags: vec![1, 2],
            ..sample
        };
        let text = to_string(&with_flags);
        assert_eq!(text, serde_json::to_string(&with_flags).unwrap());
        assert_eq!(from_slice::<Sample>(text.as_bytes()).unwrap(), with_flags);
        let written_empty = r#"{"name":"a","count":1,"tags":[],"note":null,"flags":[]}"#;
        assert_eq!(
            from_slice::<Sample>(written_empty.as_bytes())
                .unwrap()
                .flags,
            Vec::<u8>::new()
        );
        assert_eq!(to_string(&vec![vec![true], vec![]]), "[[true],[]]");
        assert_eq!(to_string(&1_763_761_234_567.0_f64), "1763761234567.0");
        assert_eq!(
            to_string(&1_763_761_234_567.0_f64),
            serde_json::to_string(&1_763_761_234_567.0_f64).unwrap()
        );
        assert_eq!(
            from_slice::<f64>(b"1763761234567.0"),
            Ok(1_763_761_234_567.0)
        );
    }

    fn sample(json: &str) -> Result<Sample, JsonError> {
        from_slice(json.as_bytes())
    }

    #[test]
    fn reads_fields_in_any_order_skipping_unknown_ones() {
        let read = sample(
            r#" {"count": 3, "extra": {"deep": [1, -2.5e3, null, true, "x"]}, "name": "Ош", "tags": ["a"]} "#,
        )
        .unwrap();
        assert_eq!(
            read,
            Sample {
                name: "Ош".into(),
                count: 3,
                tags: vec!["a".into()],
                note: None,
                flags: Vec::new(),
            }
        );
    }

    #[test]
    fn missing_required_fields_are_errors_and_defaults_fill_in() {
        assert_eq!(sample(r#"{"count": 1}"#), Err(JsonError::Missing("name")));
        assert_eq!(
            sample(r#"{"name": "a", "count": 1, "note": null}"#).unwrap(),
            Sample {
                name: "a".into(),
                count: 1,
                ..Sample::default()
            }
        );
    }

    #[test]
    fn string_escapes_and_surrogate_pairs_are_decoded() {
        let text: String = from_slice(br#""a\"b\\c\/d\n\t\u0419\ud83d\ude00""#).unwrap();
        assert_eq!(text, "a\"b\\c/d\n\t\u{419}\u{1F600}");
        for bad in [
            r#""\ud83d""#,
            r#""\x""#,
            "\"a\u{1}\"",
            r#""\u12""#,
            r#""open"#,
        ] {
            assert!(from_slice::<String>(bad.as_bytes()).is_err(), "{bad}");
        }
        assert!(from_slice::<String>(b"\"\xff\"").is_err(), "invalid UTF-8");
    }

    #[test]
    fn integers_must_be_whole_and_in_range() {
        assert_eq!(from_slice::<u8>(b"255"), Ok(255));
        assert_eq!(from_slice::<i32>(b"-7"), Ok(-7));
        for bad in ["256", "-1", "1.5", "1e2", "01", "-", "", "1.", "+1"] {
            assert!(from_slice::<u8>(bad.as_bytes()).is_err(), "{bad}");
        }
        assert_eq!(from_slice::<f64>(b"1763.0"), Ok(1763.0));
        assert_eq!(from_slice::<f64>(b"-2"), Ok(-2.0));
        for bad in ["1763.5", "1e3", "\"1\""] {
            assert!(from_slice::<f64>(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn broken_and_truncated_input_is_refused_with_its_position() {
        let full = r#"{"name": "a", "count": 1, "tags": ["x", "y"]}"#;
        for end in 0..full.len() {
            assert!(sample(&full[..end]).is_err(), "{}", &full[..end]);
        }
        assert_eq!(
            sample(r#"{"name": "a", "count": 1} x"#),
            Err(JsonError::Syntax {
                expected: "the end of the input",
                at: 26
            })
        );
        assert!(sample(r#"{"name": "a", "count": 1,}"#).is_err());
        assert!(sample(r#"{"name": "a" "count": 1}"#).is_err());
        assert!(from_slice::<Vec<u8>>(b"[1,]").is_err());
        assert!(from_slice::<Vec<u8>>(b"[1 2]").is_err());
    }

    #[test]
    fn deep_nesting_is_refused_without_exhausting_the_stack() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let mut r = Reader {
            bytes: deep.as_bytes(),
            pos: 0,
            depth: 0,
        };
        assert_eq!(r.skip(), Err(JsonError::TooDeep));
    }

    #[test]
    fn errors_read_as_sentences() {
        assert_eq!(
            sample("[]").unwrap_err().to_string(),
            "expected an object at byte 0"
        );
        assert_eq!(JsonError::Missing("id").to_string(), "missing field `id`");
    }
}
