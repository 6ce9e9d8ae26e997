//! Reading one TOML file field by field, recording a [`Problem`] with its line for every
//! missing, mistyped, malformed or unknown field instead of stopping at the first.

use jardam_core::time::date::Date;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::problem::{Lines, Problem};

/// A TOML value with its byte span.
pub type Value<'i> = Spanned<DeValue<'i>>;

/// A value and the line it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Its 1-based line.
    pub line: usize,
}

/// A table being read, with its dotted path and the line of its header (or of the file).
pub struct Table<'t, 'i> {
    /// The entries.
    pub map: &'t DeTable<'i>,
    /// Dotted path, `` for the file itself, `text.ru`, `sources`, `steps.deadline`.
    pub path: String,
    /// Line of its header, or 1 for the file.
    pub line: usize,
}

impl<'t, 'i> Table<'t, 'i> {
    /// The dotted path of `key` in this table.
    pub fn field(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The value of `key`, if present.
    pub fn value(&self, key: &str) -> Option<&'t Value<'i>> {
        self.map
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    /// Whether `key` is present.
    pub fn has(&self, key: &str) -> bool {
        self.value(key).is_some()
    }
}

/// Reads the fields of one file and collects its problems.
pub struct Reader<'a> {
    /// The file, for messages.
    pub file: &'a str,
    text: &'a str,
    lines: Lines,
    /// Where problems go.
    pub problems: &'a mut Vec<Problem>,
    /// Dates after this are in the future.
    pub today: Date,
    /// The fields allowed at the top of the file, for hints.
    top_level: Vec<String>,
}

impl<'a> Reader<'a> {
    /// A reader for `file` whose text is `text`.
    pub fn new(file: &'a str, text: &'a str, problems: &'a mut Vec<Problem>, today: Date) -> Self {
        Reader {
            file,
            text,
            lines: Lines::new(text),
            problems,
            today,
            top_level: Vec::new(),
        }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    /// Whether the value at `offset` is a `"""` or `'''` string whose first line break is
    /// dropped by TOML (so its text starts on the next line).
    pub fn starts_multiline(&self, offset: usize) -> bool {
        let raw = self.text.get(offset..).unwrap_or("");
        (raw.starts_with("\"\"\"") || raw.starts_with("'''"))
            && (raw[3..].starts_with('\n') || raw[3..].starts_with("\r\n"))
    }

    /// 1-based line where a value starts.
    pub fn line(&self, value: &Value<'_>) -> usize {
        self.line_of(value.span().start)
    }

    /// Records a problem with `field` at `line`.
    pub fn report(&mut self, line: usize, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            line,
            field: Some(field.to_owned()),
            message: message.into(),
        });
    }

    /// Records a problem that concerns no field (TOML syntax, the file as a whole).
    pub fn report_file(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            line,
            field: None,
            message: message.into(),
        });
    }

    /// The whole file as a table, reporting fields not in `known`.
    pub fn root<'t, 'i>(&mut self, map: &'t DeTable<'i>, known: &[&str]) -> Table<'t, 'i> {
        let table = Table {
            map,
            path: String::new(),
            line: 1,
        };
        self.top_level = known.iter().map(|k| k.to_string()).collect();
        self.check_known(&table, known);
        table
    }

    /// `value` as a table called `field`, reporting fields not in `known` (if given).
    pub fn as_table<'t, 'i>(
        &mut self,
        value: &'t Value<'i>,
        field: String,
        known: Option<&[&str]>,
    ) -> Option<Table<'t, 'i>> {
        match value.get_ref() {
            DeValue::Table(map) => {
                let table = Table {
                    map,
                    path: field,
                    line: self.line(value),
                };
                if let Some(known) = known {
                    self.check_known(&table, known);
                }
                Some(table)
            }
            other => {
                let line = self.line(value);
                self.report(
                    line,
                    &field,
                    format!("expected a table, found {}", describe(other)),
                );
                None
            }
        }
    }

    fn check_known(&mut self, table: &Table<'_, '_>, known: &[&str]) {
        for (key, _) in table.map.iter() {
            let name: &str = key.get_ref();
            if !known.contains(&name) {
                let line = self.line_of(key.span().start);
                let field = table.field(name);
                let misplaced = !table.path.is_empty() && self.top_level.iter().any(|k| k == name);
                let message = if misplaced {
                    format!(
                        "`{name}` belongs at the top of the file: move it above the first [header] \
                         (in TOML every key below a [header] belongs to that table)"
                    )
                } else {
                    format!(
                        "unknown field (a typo?); known fields here: {}",
                        known.join(", ")
                    )
                };
                self.report(line, &field, message);
            }
        }
    }

    /// The value of `key`; reports it missing when `required`.
    pub fn get<'t, 'i>(
        &mut self,
        table: &Table<'t, 'i>,
        key: &str,
        required: bool,
    ) -> Option<&'t Value<'i>> {
        let value = table.value(key);
        if value.is_none() && required {
            self.report(table.line, &table.field(key), "required field is missing");
        }
        value
    }

    /// A non-empty string field.
    pub fn string(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<String> {
        let value = self.get(table, key, required)?;
        self.string_value(value, &table.field(key))
    }

    /// A non-empty string field with its line.
    pub fn string_at(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<At<String>> {
        let value = self.get(table, key, required)?;
        let text = self.string_value(value, &table.field(key))?;
        Some(At {
            value: text,
            line: self.line(value),
        })
    }

    /// `value` as a non-empty string.
    pub fn string_value(&mut self, value: &Value<'_>, field: &str) -> Option<String> {
        let line = self.line(value);
        match value.get_ref() {
            DeValue::String(text) if text.trim().is_empty() => {
                self.report(
                    line,
                    field,
                    "must not be empty (leave the field out instead)",
                );
                None
            }
            DeValue::String(text) => Some(text.to_string()),
            other => {
                self.report(
                    line,
                    field,
                    format!("expected a string, found {}", describe(other)),
                );
                None
            }
        }
    }

    /// An integer field within `min..=max`.
    pub fn integer(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let value = self.get(table, key, required)?;
        self.integer_value(value, &table.field(key), min, max)
    }

    /// `value` as an integer within `min..=max`.
    pub fn integer_value(
        &mut self,
        value: &Value<'_>,
        field: &str,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let line = self.line(value);
        let number = match value.get_ref() {
            DeValue::Integer(int) => {
                i64::from_str_radix(int.as_str(), int.radix()).unwrap_or(i64::MAX)
            }
            other => {
                self.report(
                    line,
                    field,
                    format!("expected an integer, found {}", describe(other)),
                );
                return None;
            }
        };
        if number < min || number > max {
            self.report(
                line,
                field,
                format!("{number} is out of range ({min} to {max})"),
            );
            return None;
        }
        Some(number)
    }

    /// A boolean field.
    pub fn boolean(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<bool> {
        let value = self.get(table, key, required)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                let line = self.line(value);
                self.report(
                    line,
                    &table.field(key),
                    format!("expected true or false, found {}", describe(other)),
                );
                None
            }
        }
    }

    /// A TOML date field (`2025-11-27`, no quotes), which must not be in the future.
    pub fn date(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Date> {
        let (date, line) = self.any_date(table, key, required)?;
        if date > self.today {
            let today = self.today;
            self.report(
                line,
                &table.field(key),
                format!(
                    "{date} is in the future (today is {today}): dates record what already happened"
                ),
            );
        }
        Some(date)
    }

    /// A TOML date field that may lie in the future (the end of a period), with its line.
    pub fn any_date(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<(Date, usize)> {
        let value = self.get(table, key, required)?;
        let field = table.field(key);
        let line = self.line(value);
        let date = match value.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    match Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day)) {
                        Ok(date) => date,
                        Err(e) => {
                            self.report(line, &field, format!("`{dt}`: {e}"));
                            return None;
                        }
                    }
                }
                _ => {
                    self.report(
                        line,
                        &field,
                        format!("expected a date like 2025-11-27 without a time, found `{dt}`"),
                    );
                    return None;
                }
            },
            DeValue::String(text) => {
                self.report(
                    line,
                    &field,
                    format!(
                        "expected a TOML date like 2025-11-27, without quotes, found the string \"{text}\""
                    ),
                );
                return None;
            }
            other => {
                self.report(
                    line,
                    &field,
                    format!("expected a date like 2025-11-27, found {}", describe(other)),
                );
                return None;
            }
        };
        Some((date, line))
    }

    /// An array field; reports it when missing and `required`, or empty and `non_empty`.
    pub fn array<'t, 'i>(
        &mut self,
        table: &Table<'t, 'i>,
        key: &str,
        required: bool,
        non_empty: bool,
    ) -> &'t [Value<'i>] {
        let Some(value) = self.get(table, key, required) else {
            return &[];
        };
        let field = table.field(key);
        match value.get_ref() {
            DeValue::Array(items) => {
                if non_empty && items.is_empty() {
                    let line = self.line(value);
                    self.report(line, &field, "must list at least one value");
                }
                items
            }
            other => {
                let line = self.line(value);
                self.report(
                    line,
                    &field,
                    format!("expected a list [...], found {}", describe(other)),
                );
                &[]
            }
        }
    }

    /// A list of non-empty strings, with their lines.
    pub fn strings(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
        non_empty: bool,
    ) -> Vec<At<String>> {
        let field = table.field(key);
        let items = self.array(table, key, required, non_empty);
        items
            .iter()
            .filter_map(|item| {
                let text = self.string_value(item, &field)?;
                Some(At {
                    value: text,
                    line: self.line(item),
                })
            })
            .collect()
    }

    /// A field holding one word of a closed list (`review = "needs-legal-review"`).
    pub fn word<E>(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
        parse: fn(&str) -> Option<E>,
        names: &[&str],
    ) -> Option<E> {
        let value = self.get(table, key, required)?;
        self.word_value(value, &table.field(key), parse, names)
    }

    /// `value` as one word of a closed list.
    pub fn word_value<E>(
        &mut self,
        value: &Value<'_>,
        field: &str,
        parse: fn(&str) -> Option<E>,
        names: &[&str],
    ) -> Option<E> {
        let text = self.string_value(value, field)?;
        let word = parse(&text);
        if word.is_none() {
            let line = self.line(value);
            self.report(
                line,
                field,
                format!("`{text}` is not one of: {}", names.join(", ")),
            );
        }
        word
    }

    /// A list of words of a closed list.
    pub fn words<E>(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
        parse: fn(&str) -> Option<E>,
        names: &[&str],
    ) -> Vec<E> {
        let field = table.field(key);
        let items = self.array(table, key, required, required);
        items
            .iter()
            .filter_map(|item| self.word_value(item, &field, parse, names))
            .collect()
    }

    /// A sub-table field (`deadline = { … }` or `[text]`).
    pub fn table<'t, 'i>(
        &mut self,
        table: &Table<'t, 'i>,
        key: &str,
        required: bool,
        known: Option<&[&str]>,
    ) -> Option<Table<'t, 'i>> {
        let value = self.get(table, key, required)?;
        self.as_table(value, table.field(key), known)
    }

    /// An array of tables (`[[sources]]`); reports it when missing and `required`.
    pub fn tables<'t, 'i>(
        &mut self,
        table: &Table<'t, 'i>,
        key: &str,
        required: bool,
        known: &[&str],
    ) -> Vec<Table<'t, 'i>> {
        let field = table.field(key);
        let Some(value) = table.value(key) else {
            if required {
                self.report(
                    table.line,
                    &field,
                    format!("required: add at least one [[{field}]] entry"),
                );
            }
            return Vec::new();
        };
        let items: &[Value<'i>] = match value.get_ref() {
            DeValue::Array(items) => items,
            other => {
                let line = self.line(value);
                self.report(
                    line,
                    &field,
                    format!("expected [[{field}]] entries, found {}", describe(other)),
                );
                return Vec::new();
            }
        };
        if required && items.is_empty() {
            let line = self.line(value);
            self.report(
                line,
                &field,
                format!("required: add at least one [[{field}]] entry"),
            );
        }
        items
            .iter()
            .filter_map(|item| self.as_table(item, field.clone(), Some(known)))
            .collect()
    }

    /// Checks a value with a rule from [`crate::rules`], reporting its message.
    pub fn check(
        &mut self,
        at: &At<String>,
        field: &str,
        rule: impl Fn(&str) -> Result<(), String>,
    ) -> bool {
        match rule(&at.value) {
            Ok(()) => true,
            Err(message) => {
                self.report(at.line, field, message);
                false
            }
        }
    }
}

/// "a string", "an integer"… for messages.
pub fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
