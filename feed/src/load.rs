//! Reading each kind of content file into [`crate::source`], checking every field on the way.
//! Rules that need other files (references, unique ids) are in [`crate::check`].

use std::collections::BTreeMap;

use jardam_core::content::limits::{self, MAX_ARTICLE_CHARS};
use jardam_core::content::{
    Anchor, Audience, ContactKind, Country, DeadlineRule, DeadlineUnit, Hours, Phone, PhoneLabel,
    Review, Source,
};
use jardam_core::sync::FALLBACK_LANG;
use jardam_core::time::date::{Date, Weekday};
use toml::de::DeTable;

use crate::markdown;
use crate::problem::Problem;
use crate::reader::{At, Reader, Table, Value};
use crate::references;
use crate::rules;
use crate::source::{
    ArticleText, ChecklistText, ContactText, FeedInfo, Header, Langs, SrcArticle, SrcCategory,
    SrcChecklist, SrcContact, SrcStep, StepText, Texts,
};

/// One item file to load (`articles/ID.toml` and the like) and what it is checked against.
#[derive(Clone, Copy)]
pub struct ItemFile<'a> {
    /// The path, for messages.
    pub file: &'a str,
    /// The file name without `.toml`: the item's id.
    pub stem: &'a str,
    /// The file's text.
    pub text: &'a str,
    /// The feed's languages.
    pub langs: &'a Langs,
    /// Dates after this are in the future.
    pub today: Date,
}

impl<'a> ItemFile<'a> {
    /// A reader for the file's problems, and its TOML; `None` (the syntax errors reported)
    /// when it does not parse.
    pub(crate) fn open(&self, problems: &'a mut Vec<Problem>) -> Option<(Reader<'a>, DeTable<'a>)> {
        let mut r = Reader::new(self.file, self.text, problems, self.today);
        let map = parse(&mut r, self.text)?;
        Some((r, map))
    }
}

/// Parses `text` as TOML, reporting every syntax error; `None` if there was any.
pub(crate) fn parse<'i>(r: &mut Reader<'_>, text: &'i str) -> Option<DeTable<'i>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table.into_inner());
    }
    let mut errors: Vec<_> = errors
        .iter()
        .map(|e| (e.span().map_or(0, |s| s.start), e.message().to_owned()))
        .collect();
    errors.sort();
    errors.dedup();
    for (offset, message) in errors {
        let line = r.line_of(offset);
        match syntax_field(text, offset) {
            Some(field) => r.report(line, &field, format!("TOML syntax: {message}")),
            None => r.report_file(line, format!("TOML syntax: {message}")),
        }
    }
    None
}

/// The field a syntax error at `offset` is in, when its line reads `key = …`: the key, under
/// the nearest `[table]` or `[[array]]` header above it.
fn syntax_field(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    let bare = |k: &str| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
    };
    if !bare(key) {
        return None;
    }
    let header = text[..start].lines().rev().find_map(|l| {
        let l = l.trim();
        let inner = l.strip_prefix("[[").and_then(|x| x.strip_suffix("]]"));
        let inner = inner.or_else(|| l.strip_prefix('[').and_then(|x| x.strip_suffix(']')));
        inner.map(str::trim).filter(|h| bare(h))
    });
    Some(match header {
        Some(h) => format!("{h}.{key}"),
        None => key.to_owned(),
    })
}

/// Reads `feed.toml`.
pub fn feed(file: &str, text: &str, problems: &mut Vec<Problem>, today: Date) -> Option<FeedInfo> {
    let mut r = Reader::new(file, text, problems, today);
    let map = parse(&mut r, text)?;
    let root = r.root(
        &map,
        &[
            "content_version",
            "languages",
            "fallback",
            "min_app_version",
        ],
    );
    let content_version = r.integer(&root, "content_version", true, 1, i64::MAX);
    let min_app_version = r.string_at(&root, "min_app_version", true);
    if let Some(v) = &min_app_version {
        r.check(v, "min_app_version", rules::version);
    }
    let mut declared: Vec<String> = Vec::new();
    let languages = r.strings(&root, "languages", true, true);
    for lang in &languages {
        if !r.check(lang, "languages", rules::lang_code) {
            continue;
        }
        if declared.contains(&lang.value) {
            r.report(
                lang.line,
                "languages",
                format!("`{}` is listed twice", lang.value),
            );
        } else {
            declared.push(lang.value.clone());
        }
    }
    let mut fallback = BTreeMap::new();
    if let Some(table) = r.table(&root, "fallback", false, None) {
        for (key, value) in table.map.iter() {
            let from: &str = key.get_ref();
            let field = table.field(from);
            let line = r.line_of(key.span().start);
            let Some(to) = r.string_value(value, &field) else {
                continue;
            };
            if !declared.iter().any(|l| l == from) {
                r.report(line, &field, format!("`{from}` is not in `languages`"));
            } else if !declared.contains(&to) {
                r.report(
                    line,
                    &field,
                    format!("falls back to `{to}`, which is not in `languages`"),
                );
            } else if to == from {
                r.report(line, &field, "a language cannot fall back to itself");
            } else if to != FALLBACK_LANG {
                r.report(
                    line,
                    &field,
                    format!(
                        "falls back to `{to}`, but the app keeps only `{FALLBACK_LANG}`'s pack beside the reader's, so every language must fall back to `{FALLBACK_LANG}`"
                    ),
                );
            } else {
                fallback.insert(from.to_owned(), to);
            }
        }
    }
    Some(FeedInfo {
        content_version: content_version? as u64,
        langs: Langs { declared, fallback },
        min_app_version: min_app_version?.value,
    })
}

/// Checks that an item has text in every language, directly or through a fallback, and — for
/// emergency articles — directly in every language.
pub(crate) fn coverage<T>(
    r: &mut Reader<'_>,
    texts: &Texts<T>,
    path: &str,
    langs: &Langs,
    all: Option<&str>,
) {
    if texts.present.is_empty() {
        return; // Reported as missing already.
    }
    for lang in &langs.declared {
        let has = |l: &str| texts.present.contains(l);
        if has(lang) {
            continue;
        }
        if let Some(why) = all {
            r.report(
                texts.line,
                &format!("{path}.{lang}"),
                format!(
                    "{why} need text in every language ({}): `{lang}` is missing",
                    langs.declared.join(", ")
                ),
            );
        } else if !langs.fallback.contains_key(lang) {
            let why = if langs.fallback.values().any(|to| to == lang) {
                "it is the language the others fall back to".to_owned()
            } else {
                format!("feed.toml declares no fallback for `{lang}`")
            };
            r.report(
                texts.line,
                &format!("{path}.{lang}"),
                format!("text in `{lang}` is required: {why}"),
            );
        } else if langs.resolve(lang, has).is_none() {
            r.report(
                texts.line,
                &format!("{path}.{lang}"),
                format!("no text in `{lang}` nor in any language it falls back to"),
            );
        }
    }
}

/// Reads the `[text.LANG]` tables of `table`, each with `read`.
pub(crate) fn texts<'t, 'i, T>(
    r: &mut Reader<'_>,
    table: &Table<'t, 'i>,
    langs: &Langs,
    known: &[&str],
    mut read: impl FnMut(&mut Reader<'_>, &Table<'t, 'i>) -> Option<T>,
) -> Texts<T> {
    let mut out = Texts {
        line: table.line,
        ..Texts::default()
    };
    let Some(text) = r.table(table, "text", true, None) else {
        return out;
    };
    out.line = text.line;
    for (key, value) in text.map.iter() {
        let lang: &str = key.get_ref();
        let field = text.field(lang);
        if !langs.is_declared(lang) {
            let line = r.line_of(key.span().start);
            r.report(
                line,
                &field,
                format!(
                    "`{lang}` is not a language of the feed ({}; see feed.toml)",
                    langs.declared.join(", ")
                ),
            );
            continue;
        }
        out.present.insert(lang.to_owned());
        let Some(lang_table) = r.as_table(value, field, Some(known)) else {
            continue;
        };
        if let Some(t) = read(r, &lang_table) {
            out.by_lang.insert(lang.to_owned(), t);
        }
    }
    out
}

/// `written_by` of a `[text.LANG]`: whether the text is a machine translation.
pub(crate) fn machine_translated(r: &mut Reader<'_>, table: &Table<'_, '_>) -> Option<bool> {
    r.word(
        table,
        "written_by",
        true,
        WrittenBy::parse,
        WrittenBy::NAMES,
    )
    .map(|w| w == WrittenBy::MachineTranslation)
}

/// Who wrote a text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WrittenBy {
    Editors,
    MachineTranslation,
}

impl WrittenBy {
    const NAMES: &'static [&'static str] = &["editors", "machine-translation"];

    fn parse(text: &str) -> Option<WrittenBy> {
        match text {
            "editors" => Some(WrittenBy::Editors),
            "machine-translation" => Some(WrittenBy::MachineTranslation),
            _ => None,
        }
    }
}

/// The fields every item has at its top: see [`header`].
pub(crate) const HEADER_FIELDS: [&str; 7] = [
    "id",
    "review",
    "checked_on",
    "reviewed_by",
    "valid_until",
    "sources",
    "text",
];

/// `id` (equal to the file name), the review level with `checked_on` and `reviewed_by`,
/// `valid_until` and `[[sources]]`.
pub(crate) fn header(r: &mut Reader<'_>, root: &Table<'_, '_>, stem: &str) -> Header {
    let mut header = Header {
        file: r.file.to_owned(),
        ..Header::default()
    };
    if let Some(id) = r.string_at(root, "id", true) {
        header.id_line = id.line;
        if r.check(&id, "id", rules::id) && id.value != stem {
            r.report(
                id.line,
                "id",
                format!(
                    "`{}` must equal the file name without .toml (`{stem}`)",
                    id.value
                ),
            );
        }
        header.id = id.value;
    }
    header.review = r.word(root, "review", true, Review::parse, Review::NAMES);
    header.checked_on = r.date(root, "checked_on", true);
    let reviewed_by = r.string_at(root, "reviewed_by", false);
    match (header.review, &reviewed_by) {
        (Some(Review::LawyerReviewed), None) => r.report(
            root.value("review").map_or(1, |v| r.line(v)),
            "reviewed_by",
            "`lawyer-reviewed` needs `reviewed_by`: the lawyer or organisation who reviewed it",
        ),
        (Some(review), Some(by)) if review != Review::LawyerReviewed => r.report(
            by.line,
            "reviewed_by",
            format!(
                "a reviewer is named only with review = \"lawyer-reviewed\", not `{}`",
                review.as_str()
            ),
        ),
        _ => {}
    }
    header.reviewed_by = reviewed_by.map(|b| b.value);
    header.valid_until = r.any_date(root, "valid_until", false);
    header.sources = sources(r, root);
    header
}

fn sources(r: &mut Reader<'_>, root: &Table<'_, '_>) -> Vec<Source> {
    let tables = r.tables(root, "sources", true, &["title", "url", "date"]);
    tables
        .iter()
        .filter_map(|t| {
            let title = r.string(t, "title", true);
            let url = r.string_at(t, "url", true);
            let url_ok = url
                .as_ref()
                .is_some_and(|u| r.check(u, &t.field("url"), rules::source_url));
            let date = r.date(t, "date", false);
            Some(Source {
                title: title?,
                url: url.filter(|_| url_ok)?.value,
                date,
            })
        })
        .collect()
}

pub(crate) fn ids(r: &mut Reader<'_>, table: &Table<'_, '_>, key: &str) -> Vec<At<String>> {
    let list = r.strings(table, key, false, false);
    let field = table.field(key);
    list.into_iter()
        .filter(|id| r.check(id, &field, rules::id))
        .collect()
}

fn audiences(r: &mut Reader<'_>, root: &Table<'_, '_>) -> Vec<Audience> {
    r.words(root, "applies_to", true, Audience::parse, Audience::NAMES)
}

/// Reads an `articles/ID.toml`.
pub fn article<'a>(item: &ItemFile<'a>, problems: &'a mut Vec<Problem>) -> Option<SrcArticle> {
    let (mut r, map) = item.open(problems)?;
    let ItemFile { stem, langs, .. } = *item;
    let root = r.root(
        &map,
        &[
            &HEADER_FIELDS[..],
            &[
                "category",
                "tags",
                "applies_to",
                "emergency",
                "updated",
                "proposed_as_of",
                "related",
                "contacts",
            ],
        ]
        .concat(),
    );
    let header = header(&mut r, &root, stem);
    let sources = header.sources.len();
    let category = r.string_at(&root, "category", true);
    let tags = r.strings(&root, "tags", false, false);
    let applies_to = audiences(&mut r, &root);
    let emergency = r.boolean(&root, "emergency", false).unwrap_or(false);
    let updated = r.date(&root, "updated", false);
    let proposed_as_of = r.date(&root, "proposed_as_of", false);
    let related = ids(&mut r, &root, "related");
    let contacts = ids(&mut r, &root, "contacts");
    let text = texts(
        &mut r,
        &root,
        langs,
        &["written_by", "title", "summary", "body"],
        |r, t| {
            let machine_translated = machine_translated(r, t);
            let title = r.string(t, "title", true);
            let summary = r.string(t, "summary", true);
            let body = r
                .get(t, "body", true)
                .and_then(|v| body(r, v, &t.field("body"), sources));
            Some(ArticleText {
                machine_translated: machine_translated?,
                title: title?,
                summary: summary?,
                body: body?,
            })
        },
    );
    coverage(
        &mut r,
        &text,
        "text",
        langs,
        emergency.then_some("emergency articles"),
    );
    Some(SrcArticle {
        header,
        category,
        tags: tags.into_iter().map(|t| t.value).collect(),
        applies_to,
        emergency,
        updated,
        proposed_as_of,
        related,
        contacts,
        text,
    })
}

/// Converts a `body` value, reporting each construct outside the subset at its own line.
/// Reports each `[n]` of `text` (starting at `first_line`) that names no source: `n` must be
/// between 1 and the number of `[[sources]]`.
pub(crate) fn check_references(
    r: &mut Reader<'_>,
    text: &str,
    first_line: usize,
    field: &str,
    sources: usize,
) {
    for (offset, _, n) in references::find(text) {
        if n == 0 || n > sources {
            let line = first_line + text[..offset].matches('\n').count();
            r.report(
                line,
                field,
                format!(
                    "`[{n}]` refers to no source: the item lists {sources} [[sources]], cited as [1] to [{sources}]"
                ),
            );
        }
    }
}

fn body(
    r: &mut Reader<'_>,
    value: &Value<'_>,
    field: &str,
    sources: usize,
) -> Option<Vec<jardam_core::content::markup::Block>> {
    let markdown = r.string_value(value, field)?;
    let first = r.line(value) + usize::from(r.starts_multiline(value.span().start));
    check_references(r, &markdown, first, field, sources);
    match markdown::to_blocks(&markdown) {
        Ok(blocks) => {
            let chars = limits::article_chars(&blocks);
            if let Err(over) = limits::check("characters of text", chars, MAX_ARTICLE_CHARS) {
                let line = r.line(value);
                r.report(line, field, format!("too long: {over}; split the article"));
                return None;
            }
            Some(blocks)
        }
        Err(errors) => {
            for error in errors {
                let line = first + markdown[..error.offset].matches('\n').count();
                r.report(line, field, format!("Markdown: {}", error.message));
            }
            None
        }
    }
}

/// Reads an `contacts/ID.toml`.
pub fn contact<'a>(item: &ItemFile<'a>, problems: &'a mut Vec<Problem>) -> Option<SrcContact> {
    let (mut r, map) = item.open(problems)?;
    let ItemFile { stem, langs, .. } = *item;
    let root = r.root(
        &map,
        &[
            &HEADER_FIELDS[..],
            &[
                "kind",
                "country",
                "regions",
                "languages",
                "free",
                "email",
                "website",
                "whatsapp",
                "telegram",
                "phones",
                "hours_tz",
                "hours",
            ],
        ]
        .concat(),
    );
    let header = header(&mut r, &root, stem);
    let kind = r.word(&root, "kind", true, ContactKind::parse, ContactKind::NAMES);
    let country = r.word(&root, "country", true, Country::parse, Country::NAMES);
    let regions = r.strings(&root, "regions", true, true);
    let languages = r.strings(&root, "languages", true, true);
    for lang in &languages {
        r.check(lang, "languages", rules::lang_code);
    }
    let free = r.boolean(&root, "free", false);
    let checked = |r: &mut Reader<'_>, key: &str, rule: fn(&str) -> Result<(), String>| {
        let value = r.string_at(&root, key, false)?;
        r.check(&value, key, rule).then_some(value.value)
    };
    let email = checked(&mut r, "email", rules::email);
    let website = checked(&mut r, "website", rules::https_url);
    let whatsapp = checked(&mut r, "whatsapp", rules::e164);
    let telegram = checked(&mut r, "telegram", rules::telegram);
    let hours_tz = checked(&mut r, "hours_tz", rules::time_zone);

    let emergency = kind == Some(ContactKind::Emergency);
    let mut phones = Vec::new();
    let cited = header.sources.len().max(1) as i64;
    for t in r.tables(
        &root,
        "phones",
        false,
        &["number", "label", "source", "unanswered_on"],
    ) {
        let number = r.string_at(&t, "number", true);
        let number_ok = number
            .as_ref()
            .is_some_and(|n| r.check(n, &t.field("number"), |s| rules::phone(s, emergency)));
        let label = r.word(&t, "label", true, PhoneLabel::parse, PhoneLabel::NAMES);
        let source = r.integer(&t, "source", true, 1, cited);
        let unanswered_on = r.date(&t, "unanswered_on", false);
        if let (Some(number), true, Some(label), Some(source)) = (number, number_ok, label, source)
        {
            phones.push(Phone {
                number: number.value,
                label,
                source: source as u32,
                unanswered_on,
            });
        }
    }

    let hours_tables = r.tables(&root, "hours", false, &["days", "open", "close"]);
    if !hours_tables.is_empty() && !root.has("hours_tz") {
        r.report(
            1,
            "hours_tz",
            "required with [[hours]]: the time zone of the hours, like `Europe/Moscow`",
        );
    }
    let mut hours = Vec::new();
    for t in hours_tables {
        let days = r.words(&t, "days", true, Weekday::parse, Weekday::NAMES);
        let clock = |r: &mut Reader<'_>, key: &str| {
            let value = r.string_at(&t, key, true)?;
            match rules::clock(&value.value, key == "close") {
                Ok(minutes) => Some((value.value, minutes)),
                Err(message) => {
                    r.report(value.line, &t.field(key), message);
                    None
                }
            }
        };
        let open = clock(&mut r, "open");
        let close = clock(&mut r, "close");
        if let (Some((open, from)), Some((close, to))) = (open, close) {
            if from >= to {
                let line = t.value("close").map_or(t.line, |v| r.line(v));
                r.report(
                    line,
                    &t.field("close"),
                    format!("closes at {close}, not after it opens at {open}"),
                );
            } else {
                hours.push(Hours { days, open, close });
            }
        }
    }

    let text = texts(
        &mut r,
        &root,
        langs,
        &["written_by", "name", "note", "address"],
        |r, t| {
            let machine_translated = machine_translated(r, t);
            let name = r.string(t, "name", true);
            let note = r.string(t, "note", false);
            let address = r.string(t, "address", false);
            Some(ContactText {
                machine_translated: machine_translated?,
                name: name?,
                note,
                address,
            })
        },
    );
    coverage(&mut r, &text, "text", langs, None);
    Some(SrcContact {
        header,
        kind,
        country,
        regions,
        languages: languages.into_iter().map(|x| x.value).collect(),
        free,
        email,
        website,
        whatsapp,
        telegram,
        phones,
        hours_tz,
        hours,
        text,
    })
}

/// Reads a `deadline = { from = "entry", days = 30 }`.
fn deadline(r: &mut Reader<'_>, step: &Table<'_, '_>) -> Option<DeadlineRule> {
    const UNITS: [&str; 3] = ["days", "working_days", "months"];
    let t = r.table(
        step,
        "deadline",
        false,
        Some(&[
            "from",
            "days",
            "working_days",
            "months",
            "every_months",
            "and_working_days",
        ]),
    )?;
    let from = r.word(&t, "from", true, Anchor::parse, Anchor::NAMES);
    let given: Vec<&str> = UNITS.into_iter().filter(|u| t.has(u)).collect();
    let mut amount = None;
    match given.as_slice() {
        [unit] => {
            let n = r.integer(&t, unit, true, i64::from(i32::MIN), i64::from(i32::MAX));
            amount = n.map(|n| (n as i32, DeadlineUnit::parse(unit).expect("a unit")));
        }
        [] => r.report(
            t.line,
            &t.path,
            "give the length as one of `days`, `working_days` or `months`",
        ),
        _ => r.report(
            t.line,
            &t.path,
            format!("give only one of {}", given.join(", ")),
        ),
    }
    let every_months = r
        .integer(&t, "every_months", false, 1, 120)
        .map(|n| n as u32);
    let and_working_days = r
        .integer(&t, "and_working_days", false, -250, 250)
        .map(|n| n as i32);
    let (amount, unit) = amount?;
    Some(DeadlineRule {
        from: from?,
        amount,
        unit,
        every_months,
        and_working_days,
    })
}

/// Reads a `checklists/ID.toml`.
pub fn checklist<'a>(item: &ItemFile<'a>, problems: &'a mut Vec<Problem>) -> Option<SrcChecklist> {
    let (mut r, map) = item.open(problems)?;
    let ItemFile { stem, langs, .. } = *item;
    let root = r.root(
        &map,
        &[&HEADER_FIELDS[..], &["applies_to", "related", "steps"]].concat(),
    );
    let header = header(&mut r, &root, stem);
    let sources = header.sources.len();
    let applies_to = audiences(&mut r, &root);
    let related = ids(&mut r, &root, "related");
    let text = texts(
        &mut r,
        &root,
        langs,
        &["written_by", "title", "summary"],
        |r, t| {
            let machine_translated = machine_translated(r, t);
            let title = r.string(t, "title", true);
            let summary = r.string(t, "summary", true);
            Some(ChecklistText {
                machine_translated: machine_translated?,
                title: title?,
                summary: summary?,
            })
        },
    );
    coverage(&mut r, &text, "text", langs, None);

    let mut steps: Vec<SrcStep> = Vec::new();
    for t in r.tables(
        &root,
        "steps",
        true,
        &["id", "deadline", "cost_rub", "text"],
    ) {
        let id = r.string_at(&t, "id", true);
        if let Some(id) = &id
            && r.check(id, "steps.id", rules::id)
            && steps.iter().any(|s| s.id == id.value)
        {
            r.report(
                id.line,
                "steps.id",
                format!("`{}` is used by another step of this checklist", id.value),
            );
        }
        let deadline = deadline(&mut r, &t);
        let cost_rub = r
            .integer(&t, "cost_rub", false, 0, i64::from(u32::MAX))
            .map(|n| n as u32);
        let step_text = texts(&mut r, &t, langs, &["what", "where", "cost"], |r, t| {
            let what = r.string_at(t, "what", true);
            if let Some(what) = &what {
                check_references(r, &what.value, what.line, &t.field("what"), sources);
            }
            let what = what.map(|w| w.value);
            let where_ = r.string(t, "where", false);
            let cost = r.string(t, "cost", false);
            Some(StepText {
                what: what?,
                where_,
                cost,
            })
        });
        // A step is shown in the checklist's language, so it needs exactly the same languages.
        if !text.present.is_empty() && !step_text.present.is_empty() {
            for lang in &text.present {
                if !step_text.present.contains(lang) {
                    r.report(
                        step_text.line,
                        &format!("steps.text.{lang}"),
                        format!("the checklist has [text.{lang}] but this step has no [steps.text.{lang}]"),
                    );
                }
            }
            for lang in &step_text.present {
                if !text.present.contains(lang) {
                    r.report(
                        step_text.line,
                        &format!("steps.text.{lang}"),
                        format!(
                            "this step has text in `{lang}` but the checklist has no [text.{lang}]"
                        ),
                    );
                }
            }
        }
        steps.push(SrcStep {
            line: t.line,
            id: id.map(|i| i.value).unwrap_or_default(),
            deadline,
            cost_rub,
            text: step_text,
        });
    }
    Some(SrcChecklist {
        header,
        applies_to,
        related,
        steps,
        text,
    })
}

/// Reads `categories.toml`.
pub fn categories(
    file: &str,
    text: &str,
    langs: &Langs,
    problems: &mut Vec<Problem>,
    today: Date,
) -> Vec<SrcCategory> {
    listed(file, text, "category", langs, problems, today)
}

/// Reads `regions.toml`: the regions and cities that contacts serve (no icons).
pub fn regions(
    file: &str,
    text: &str,
    langs: &Langs,
    problems: &mut Vec<Problem>,
    today: Date,
) -> Vec<SrcCategory> {
    listed(file, text, "region", langs, problems, today)
}

/// Reads a list of `[[TABLE]]` entries with an id, an order and a title per language;
/// categories also have an icon.
fn listed(
    file: &str,
    text: &str,
    table: &str,
    langs: &Langs,
    problems: &mut Vec<Problem>,
    today: Date,
) -> Vec<SrcCategory> {
    let mut r = Reader::new(file, text, problems, today);
    let Some(map) = parse(&mut r, text) else {
        return Vec::new();
    };
    let with_icon = table == "category";
    let fields: &[&str] = if with_icon {
        &["id", "order", "icon", "title"]
    } else {
        &["id", "order", "title"]
    };
    let root = r.root(&map, &[table]);
    let mut out: Vec<SrcCategory> = Vec::new();
    for t in r.tables(&root, table, true, fields) {
        let id = r.string_at(&t, "id", true);
        let id_field = format!("{table}.id");
        if let Some(id) = &id
            && r.check(id, &id_field, rules::id)
            && out.iter().any(|c| c.id == id.value)
        {
            r.report(
                id.line,
                &id_field,
                format!("`{}` is the id of another {table}", id.value),
            );
        }
        let order = r.integer(&t, "order", true, 0, i64::from(u32::MAX));
        let icon = if with_icon {
            r.string(&t, "icon", true)
        } else {
            Some(String::new())
        };
        let mut title = Texts {
            line: t.line,
            ..Texts::default()
        };
        if let Some(titles) = r.table(&t, "title", true, None) {
            title.line = titles.line;
            for (key, value) in titles.map.iter() {
                let lang: &str = key.get_ref();
                let field = titles.field(lang);
                if !langs.is_declared(lang) {
                    let line = r.line_of(key.span().start);
                    r.report(
                        line,
                        &field,
                        format!("`{lang}` is not a language of the feed"),
                    );
                } else {
                    title.present.insert(lang.to_owned());
                    if let Some(text) = r.string_value(value, &field) {
                        title.by_lang.insert(lang.to_owned(), text);
                    }
                }
            }
        }
        coverage(&mut r, &title, &format!("{table}.title"), langs, None);
        out.push(SrcCategory {
            line: t.line,
            id: id.map(|i| i.value).unwrap_or_default(),
            order: order.unwrap_or(0) as u32,
            icon: icon.unwrap_or_default(),
            title,
        });
    }
    out
}
