//! `jardam-feed check`: reads a whole `content/` directory and lists every problem.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use jardam_core::content::ALL_REGIONS;
use jardam_core::content::limits::{
    self, MAX_ARTICLES, MAX_CATEGORIES, MAX_CHECKLISTS, MAX_CONTACTS, MAX_LANGS, MAX_LETTERS,
    MAX_REGIONS,
};
use jardam_core::content::markup::{Block, Inline};
use jardam_core::time::date::Date;

use crate::letter;
use crate::load::{self, ItemFile};
use crate::problem::Problem;
use crate::reader::At;
use crate::source::{Content, Langs};

/// Reads and checks the content in `dir`. Returns the content (possibly partial) and every
/// problem, sorted by file and line; the content is publishable only if there are none.
pub fn check_dir(dir: &Path, today: Date) -> (Option<Content>, Vec<Problem>) {
    let mut problems = Vec::new();
    let path = |name: &str| dir.join(name).display().to_string();

    let feed_file = path("feed.toml");
    let feed = read(&feed_file, &mut problems)
        .and_then(|text| load::feed(&feed_file, &text, &mut problems, today));
    let langs = feed
        .as_ref()
        .map_or_else(Langs::readme_default, |f| f.langs.clone());

    let categories_file = path("categories.toml");
    let categories = read(&categories_file, &mut problems)
        .map(|text| load::categories(&categories_file, &text, &langs, &mut problems, today))
        .unwrap_or_default();

    let regions_file = path("regions.toml");
    let regions = read(&regions_file, &mut problems)
        .map(|text| load::regions(&regions_file, &text, &langs, &mut problems, today))
        .unwrap_or_default();

    let articles = load_kind(dir, "articles", &langs, &mut problems, today, load::article);
    let contacts = load_kind(dir, "contacts", &langs, &mut problems, today, load::contact);
    let checklists = load_kind(
        dir,
        "checklists",
        &langs,
        &mut problems,
        today,
        load::checklist,
    );
    // Letters are a new kind: content without a `letters/` directory has none.
    let letters = if dir.join("letters").is_dir() {
        load_kind(dir, "letters", &langs, &mut problems, today, letter::load)
    } else {
        Vec::new()
    };

    // No kind has more items than the app accepts.
    let dir_of = |kind: &str| dir.join(kind).display().to_string();
    let file_of = |name: &str| dir.join(name).display().to_string();
    for (file, kind, count, max) in [
        (
            file_of("feed.toml"),
            "languages",
            langs.declared.len(),
            MAX_LANGS,
        ),
        (
            file_of("categories.toml"),
            "categories",
            categories.len(),
            MAX_CATEGORIES,
        ),
        (
            file_of("regions.toml"),
            "regions",
            regions.len(),
            MAX_REGIONS,
        ),
        (dir_of("articles"), "articles", articles.len(), MAX_ARTICLES),
        (dir_of("contacts"), "contacts", contacts.len(), MAX_CONTACTS),
        (
            dir_of("checklists"),
            "checklists",
            checklists.len(),
            MAX_CHECKLISTS,
        ),
        (dir_of("letters"), "letters", letters.len(), MAX_LETTERS),
    ] {
        if let Err(over) = limits::check(kind, count, max) {
            problems.push(Problem {
                file,
                line: 0,
                field: None,
                message: format!("too many: {over} (the app refuses more)"),
            });
        }
    }

    // Ids are unique within their kind (file names already are, but not on every file system).
    for (kind, headers) in [
        (
            "article",
            articles.iter().map(|a| &a.header).collect::<Vec<_>>(),
        ),
        ("contact", contacts.iter().map(|c| &c.header).collect()),
        ("checklist", checklists.iter().map(|c| &c.header).collect()),
        ("letter", letters.iter().map(|l| &l.header).collect()),
    ] {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for h in headers {
            if h.id.is_empty() {
                continue;
            }
            if let Some(first) = seen.insert(&h.id, &h.file) {
                problems.push(Problem {
                    file: h.file.clone(),
                    line: h.id_line,
                    field: Some("id".into()),
                    message: format!("`{}` is also the id of the {kind} in {first}", h.id),
                });
            }
        }
    }

    // References point at items that exist.
    let category_ids: BTreeSet<&str> = categories.iter().map(|c| c.id.as_str()).collect();
    let article_ids: BTreeSet<&str> = articles.iter().map(|a| a.header.id.as_str()).collect();
    let contact_ids: BTreeSet<&str> = contacts.iter().map(|c| c.header.id.as_str()).collect();
    let region_ids: BTreeSet<&str> = regions.iter().map(|r| r.id.as_str()).collect();
    let mut refs: Vec<(&str, &At<String>, &str, &str, bool)> = Vec::new();
    for c in &contacts {
        for r in &c.regions {
            let ok = r.value == ALL_REGIONS || region_ids.contains(r.value.as_str());
            refs.push((
                c.header.file.as_str(),
                r,
                "regions",
                "region in regions.toml (or `all`)",
                ok,
            ));
        }
    }
    for a in &articles {
        let file = a.header.file.as_str();
        if let Some(category) = &a.category {
            let in_proposals = category.value == PROPOSALS_CATEGORY;
            if in_proposals != a.proposed_as_of.is_some() {
                problems.push(Problem {
                    file: file.to_owned(),
                    line: category.line,
                    field: Some("category".into()),
                    message: if in_proposals {
                        "an article about proposals needs `proposed_as_of`: the date its status was last looked up".into()
                    } else {
                        format!("an article with `proposed_as_of` (a bill or draft, not law) belongs in category `{PROPOSALS_CATEGORY}`, apart from the rules in force")
                    },
                });
            }
            let ok = category_ids.contains(category.value.as_str());
            refs.push((
                file,
                category,
                "category",
                "category in categories.toml",
                ok,
            ));
        }
        for r in &a.related {
            if r.value == a.header.id {
                problems.push(Problem {
                    file: file.to_owned(),
                    line: r.line,
                    field: Some("related".into()),
                    message: "an article cannot be related to itself".into(),
                });
                continue;
            }
            let ok = article_ids.contains(r.value.as_str());
            refs.push((file, r, "related", "article", ok));
        }
        for r in &a.contacts {
            let ok = contact_ids.contains(r.value.as_str());
            refs.push((file, r, "contacts", "contact", ok));
        }
    }
    for c in &checklists {
        for r in &c.related {
            let ok = article_ids.contains(r.value.as_str());
            refs.push((c.header.file.as_str(), r, "related", "article", ok));
        }
    }
    for l in &letters {
        for r in &l.related {
            let ok = article_ids.contains(r.value.as_str());
            refs.push((l.header.file.as_str(), r, "related", "article", ok));
        }
    }
    // Articles link to their letters in their own words: every article a letter names as
    // related links to it in each of its texts, and every link to a letter names one.
    let letter_ids: BTreeSet<&str> = letters.iter().map(|l| l.header.id.as_str()).collect();
    for a in &articles {
        for (lang, text) in &a.text.by_lang {
            for href in app_links(&text.body) {
                if let Some(id) = href.strip_prefix("/letters/")
                    && !letter_ids.contains(id)
                {
                    problems.push(Problem {
                        file: a.header.file.clone(),
                        line: a.text.line,
                        field: Some(format!("text.{lang}.body")),
                        message: format!("links to `{href}`, but there is no letter `{id}`"),
                    });
                }
            }
        }
    }
    for l in &letters {
        let href = format!("/letters/{}", l.header.id);
        for r in &l.related {
            let Some(a) = articles.iter().find(|a| a.header.id == r.value) else {
                continue;
            };
            for (lang, text) in &a.text.by_lang {
                if !app_links(&text.body).contains(&href.as_str()) {
                    problems.push(Problem {
                        file: l.header.file.clone(),
                        line: r.line,
                        field: Some("related".to_owned()),
                        message: format!(
                            "article `{}` does not link to this letter in its `{lang}` text: add a link to {href} to its body",
                            r.value
                        ),
                    });
                }
            }
        }
    }
    for (file, at, field, what, ok) in refs {
        if !ok {
            problems.push(Problem {
                file: file.to_owned(),
                line: at.line,
                field: Some(field.to_owned()),
                message: format!("`{}` is not the id of any {what}", at.value),
            });
        }
    }

    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    let content = feed.map(|feed| Content {
        feed,
        categories,
        regions,
        articles,
        contacts,
        checklists,
        letters,
    });
    (content, problems)
}

/// The category that holds bills and drafts, each article with `proposed_as_of`.
pub const PROPOSALS_CATEGORY: &str = "proposed-changes";

/// Warnings that do not stop a publication: items whose figures were valid until a day before
/// `today` (the app then shows them as possibly changed), oldest first.
pub fn warnings(content: &Content, today: Date) -> Vec<Problem> {
    let headers = content
        .articles
        .iter()
        .map(|a| &a.header)
        .chain(content.contacts.iter().map(|c| &c.header))
        .chain(content.checklists.iter().map(|c| &c.header))
        .chain(content.letters.iter().map(|l| &l.header));
    let mut expired: Vec<(Date, Problem)> = headers
        .filter_map(|h| {
            let (until, line) = h.valid_until.filter(|(until, _)| *until < today)?;
            let problem = Problem {
                file: h.file.clone(),
                line,
                field: Some("valid_until".into()),
                message: format!(
                    "warning: its figures were valid until {until} and may have changed: check \
                     them against new sources, then update `valid_until` and `checked_on`"
                ),
            };
            Some((until, problem))
        })
        .collect();
    expired.sort();
    expired.into_iter().map(|(_, p)| p).collect()
}

/// `1 article`, `2 articles`.
pub fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

/// The one-line summary of good content.
pub fn summary(content: &Content) -> String {
    let n = plural;
    format!(
        "{}, {}, {}, {} in {}",
        n(content.articles.len(), "article"),
        n(content.contacts.len(), "contact"),
        n(content.checklists.len(), "checklist"),
        n(content.letters.len(), "letter"),
        n(content.feed.langs.declared.len(), "language")
    )
}

fn read(file: &str, problems: &mut Vec<Problem>) -> Option<String> {
    let problem = |message: String| Problem {
        file: file.to_owned(),
        line: 0,
        field: None,
        message,
    };
    match fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                problems.push(problem("is not UTF-8 text".into()));
                None
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            problems.push(problem("file is missing".into()));
            None
        }
        Err(e) => {
            problems.push(problem(format!("cannot be read: {e}")));
            None
        }
    }
}

/// The `ID.toml` files of `dir/kind`, sorted: (file as shown, id from the name, text).
/// How one item file is read: file name, file stem, text, languages, problems, today.
type Loader<T> = for<'a> fn(&ItemFile<'a>, &'a mut Vec<Problem>) -> Option<T>;

/// Reads every item file in `dir/kind` with `load`, keeping the items that could be read.
fn load_kind<T>(
    dir: &Path,
    kind: &str,
    langs: &Langs,
    problems: &mut Vec<Problem>,
    today: Date,
    load: Loader<T>,
) -> Vec<T> {
    items(dir, kind, problems)
        .into_iter()
        .filter_map(|(file, stem, text)| {
            let item = ItemFile {
                file: &file,
                stem: &stem,
                text: &text,
                langs,
                today,
            };
            load(&item, problems)
        })
        .collect()
}

fn items(dir: &Path, kind: &str, problems: &mut Vec<Problem>) -> Vec<(String, String, String)> {
    let folder = dir.join(kind);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem {
                file: folder.display().to_string(),
                line: 0,
                field: None,
                message: format!("directory cannot be read: {e}"),
            });
            return Vec::new();
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let file = folder.join(&name).display().to_string();
        let Some(stem) = name.strip_suffix(".toml") else {
            if !name.to_ascii_lowercase().starts_with("readme") {
                problems.push(Problem {
                    file,
                    line: 0,
                    field: None,
                    message: format!("only ID.toml files belong in {kind}/ (rename or remove it)"),
                });
            }
            continue;
        };
        if let Some(text) = read(&file, problems) {
            out.push((file, stem.to_owned(), text));
        }
    }
    out
}

/// The targets of the links within the app (`/…`) in an article body.
fn app_links(body: &[Block]) -> Vec<&str> {
    fn walk<'a>(inlines: &'a [Inline], out: &mut Vec<&'a str>) {
        for inline in inlines {
            match inline {
                Inline::Link { href, .. } if href.starts_with('/') => out.push(href),
                Inline::Bold(inner) => walk(inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for block in body {
        for line in block.lines() {
            walk(line, &mut out);
        }
    }
    out
}
