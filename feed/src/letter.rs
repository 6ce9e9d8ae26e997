//! Letter templates, `letters/ID.toml`: reading and checking one file, and the core
//! [`Letter`] a pack will carry in one language. The rule that needs other files (`related`
//! articles exist) is in [`crate::check`].

use std::collections::BTreeSet;

use jardam_core::content::Review;
use jardam_core::content::letter::compose::{TODAY, placeholders};
use jardam_core::content::letter::{Addressee, Field, FieldKind, Letter, LetterParts};

use crate::load::{
    HEADER_FIELDS, ItemFile, check_references, coverage, header, ids, machine_translated, texts,
};
use crate::pack::{pick, provenance};
use crate::problem::Problem;
use crate::reader::{At, Reader, Table};
use crate::references;
use crate::source::{FieldText, Langs, LetterText, SrcField, SrcLetter};

/// The parts of `[letter]`, in the order they are printed.
const PARTS: [&str; 5] = ["to", "from", "title", "body", "signature"];

/// Reads a `letters/ID.toml`.
pub fn load<'a>(item: &ItemFile<'a>, problems: &'a mut Vec<Problem>) -> Option<SrcLetter> {
    let (mut r, map) = item.open(problems)?;
    let ItemFile { stem, langs, .. } = *item;
    let root = r.root(
        &map,
        &[
            &HEADER_FIELDS[..],
            &["addressee", "related", "fields", "letter"],
        ]
        .concat(),
    );
    let header = header(&mut r, &root, stem);
    if let Some(review) = header.review
        && review != Review::NeedsLegalReview
        && review != Review::LawyerReviewed
    {
        let line = root.value("review").map_or(1, |v| r.line(v));
        r.report(
            line,
            "review",
            format!(
                "a letter is a legal document: it stays \"needs-legal-review\" until a named \
                 lawyer reviews it (\"lawyer-reviewed\" with `reviewed_by`), not `{}`",
                review.as_str()
            ),
        );
    }
    let sources = header.sources.len();
    let addressee = r.word(&root, "addressee", true, Addressee::parse, Addressee::NAMES);
    let related = ids(&mut r, &root, "related");
    let fields = fields(&mut r, &root);
    let letter = letter_parts(&mut r, &root, &fields);
    let text = texts(
        &mut r,
        &root,
        langs,
        &[
            "written_by",
            "title",
            "summary",
            "explanation",
            "how_to_submit",
            "fields",
        ],
        |r, t| {
            let machine_translated = machine_translated(r, t);
            let title = r.string(t, "title", true);
            let summary = r.string(t, "summary", true);
            let cited = |r: &mut Reader<'_>, key: &str| {
                let (value, first) = multiline(r, t, key)?;
                check_references(r, &value, first, &t.field(key), sources);
                Some(value)
            };
            let explanation = cited(r, "explanation");
            let how_to_submit = cited(r, "how_to_submit");
            let labels = field_texts(r, t, &fields);
            Some(LetterText {
                machine_translated: machine_translated?,
                title: title?,
                summary: summary?,
                explanation: explanation?,
                how_to_submit: how_to_submit?,
                fields: labels?,
            })
        },
    );
    coverage(&mut r, &text, "text", langs, None);
    Some(SrcLetter {
        header,
        addressee,
        related,
        fields,
        letter,
        text,
    })
}

/// A required string and the line its text starts on (the one after an opening `"""`).
fn multiline(r: &mut Reader<'_>, t: &Table<'_, '_>, key: &str) -> Option<(String, usize)> {
    let value = r.get(t, key, true)?;
    let text = r.string_value(value, &t.field(key))?;
    let first = r.line(value) + usize::from(r.starts_multiline(value.span().start));
    Some((text, first))
}

/// A field id: lower-case ASCII letters, digits and `_`, as a placeholder names it.
fn field_id(text: &str) -> Result<(), String> {
    let ok = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !ok {
        Err(format!(
            "`{text}` is not a valid field id: use lower-case ASCII letters, digits and `_`, like `full_name`"
        ))
    } else if text == TODAY {
        Err(format!(
            "`{TODAY}` is the date the letter is made: give the field another id"
        ))
    } else {
        Ok(())
    }
}

fn fields(r: &mut Reader<'_>, root: &Table<'_, '_>) -> Vec<SrcField> {
    let mut out: Vec<SrcField> = Vec::new();
    for t in r.tables(root, "fields", true, &["id", "kind", "required"]) {
        let id = r
            .string_at(&t, "id", true)
            .filter(|id| r.check(id, "fields.id", field_id));
        if let Some(id) = &id
            && out.iter().any(|f| f.id.value == id.value)
        {
            r.report(
                id.line,
                "fields.id",
                format!("`{}` is the id of another field of this letter", id.value),
            );
            continue;
        }
        let kind = r.word(&t, "kind", true, FieldKind::parse, FieldKind::NAMES);
        let required = r.boolean(&t, "required", true);
        if let (Some(id), Some(kind), Some(required)) = (id, kind, required) {
            out.push(SrcField { id, kind, required });
        }
    }
    out
}

/// Reads `[letter]`: every placeholder is a field or `today`, every field is used, and no `[n]`
/// source mark is in it (a letter is a legal document; marks belong in `explanation`).
fn letter_parts(
    r: &mut Reader<'_>,
    root: &Table<'_, '_>,
    fields: &[SrcField],
) -> Option<LetterParts> {
    let t = r.table(root, "letter", true, Some(&PARTS))?;
    let mut used = BTreeSet::new();
    let mut parts = Vec::new();
    for key in PARTS {
        let Some((text, first)) = multiline(r, &t, key) else {
            parts.push(None);
            continue;
        };
        let field = t.field(key);
        let line_at = |offset: usize| first + text[..offset].matches('\n').count();
        for (offset, _, _) in references::find(&text) {
            r.report(
                line_at(offset),
                &field,
                "no `[n]` source marks in the letter: it is handed in as written; cite the \
                 source in `explanation`",
            );
        }
        let found = placeholders(&text);
        for (offset, name) in &found {
            if *name != TODAY && !fields.iter().any(|f| f.id.value == *name) {
                r.report(
                    line_at(*offset),
                    &field,
                    format!("`{{{name}}}` is not a field of this letter (nor `{{{TODAY}}}`): add it to [[fields]] or correct it"),
                );
            }
            used.insert(name.to_string());
        }
        let braces = text.matches(['{', '}']).count();
        if braces != 2 * found.len() {
            let offset = text.find(['{', '}']).unwrap_or(0);
            r.report(
                line_at(offset),
                &field,
                "a curly bracket that is no `{field_id}` placeholder: the letter cannot print it",
            );
        }
        parts.push(Some(text));
    }
    for f in fields {
        if !used.contains(&f.id.value) {
            r.report(
                f.id.line,
                "fields.id",
                format!(
                    "`{}` is never used in [letter]: put `{{{}}}` where it goes, or remove the field",
                    f.id.value, f.id.value
                ),
            );
        }
    }
    let mut parts = parts.into_iter();
    let mut next = || parts.next().flatten();
    let (to, from, title, body, signature) = (next(), next(), next(), next(), next());
    Some(LetterParts {
        to: to?,
        from: from?,
        title: title?,
        body: paragraphs(&body?),
        signature: signature?,
    })
}

/// The paragraphs of `text`: separated by blank lines, each trimmed.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain([""]) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    out
}

/// `[text.LANG.fields]`: a label and a hint for every field, and for no other.
fn field_texts(
    r: &mut Reader<'_>,
    t: &Table<'_, '_>,
    fields: &[SrcField],
) -> Option<std::collections::BTreeMap<String, FieldText>> {
    let labels = r.table(t, "fields", true, None)?;
    let mut out = std::collections::BTreeMap::new();
    for (key, value) in labels.map.iter() {
        let id: &str = key.get_ref();
        let path = labels.field(id);
        if !fields.iter().any(|f| f.id.value == id) {
            let line = r.line_of(key.span().start);
            r.report(line, &path, format!("`{id}` is not a field of this letter"));
            continue;
        }
        let Some(entry) = r.as_table(value, path, Some(&["label", "hint"])) else {
            continue;
        };
        let label = r.string(&entry, "label", true);
        let hint = r.string(&entry, "hint", true);
        if let (Some(label), Some(hint)) = (label, hint) {
            out.insert(id.to_owned(), FieldText { label, hint });
        }
    }
    for f in fields {
        if !labels.has(&f.id.value) {
            r.report(
                labels.line,
                &labels.field(&f.id.value),
                format!(
                    "every field needs a label and a hint: add `{} = {{ label = \"…\", hint = \"…\" }}`",
                    f.id.value
                ),
            );
        }
    }
    Some(out)
}

/// The letter a pack of `lang` would carry: the Russian letter, and the texts in `lang` or the
/// language it falls back to. `letter` must have been checked without problems.
pub fn to_core(letter: &SrcLetter, langs: &Langs, lang: &str) -> Letter {
    const CHECKED: &str = "letters are checked before they are converted";
    let (found, text) = pick(&letter.text, langs, lang);
    let fields = letter
        .fields
        .iter()
        .map(|f| {
            let words = &text.fields[&f.id.value];
            Field {
                id: f.id.value.clone(),
                kind: f.kind,
                required: f.required,
                label: words.label.clone(),
                hint: words.hint.clone(),
            }
        })
        .collect();
    Letter {
        id: letter.header.id.clone(),
        addressee: letter.addressee.expect(CHECKED),
        title: text.title.clone(),
        summary: text.summary.clone(),
        explanation: text.explanation.clone(),
        how_to_submit: text.how_to_submit.clone(),
        fields,
        letter: letter.letter.clone().expect(CHECKED),
        provenance: provenance(&letter.header, text.machine_translated),
        lang: found,
        related: letter
            .related
            .iter()
            .map(|At { value, .. }| value.clone())
            .collect(),
    }
}
