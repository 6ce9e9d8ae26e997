//! Turning checked content into one [`Pack`] per language.

use jardam_core::content::letter::Letter;
use jardam_core::content::{Article, Category, Checklist, Contact, Pack, Provenance, Region, Step};
use jardam_core::feed::SCHEMA_VERSION;

use crate::letter;
use crate::references;
use crate::source::{Content, Header, Langs, Texts};

const CHECKED: &str = "content is checked before packs are built";

/// One language's pack file: the pack, and beside it in the same JSON object the letter
/// templates with text in that language (read by the app as
/// [`jardam_core::content::letter::PackLetters`]).
#[derive(Debug, serde::Serialize)]
pub struct PackFile {
    /// Everything but the letters.
    #[serde(flatten)]
    pub pack: Pack,
    /// The letter templates, sorted by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub letters: Vec<Letter>,
}

/// The provenance of an item shown in a text that is `machine_translated` or not.
pub(crate) fn provenance(header: &Header, machine_translated: bool) -> Provenance {
    Provenance {
        review: header.review.expect(CHECKED),
        checked_on: header.checked_on.expect(CHECKED),
        reviewed_by: header.reviewed_by.clone(),
        machine_translated,
        valid_until: header.valid_until.map(|(date, _)| date),
        sources: header.sources.clone(),
    }
}

pub(crate) fn pick<'a, T>(texts: &'a Texts<T>, langs: &'a Langs, lang: &'a str) -> (String, &'a T) {
    let (found, text) = texts.resolve(langs, lang).expect(CHECKED);
    (found.to_owned(), text)
}

/// The packs of every declared language, in the order of `feed.toml`. Items are sorted
/// (categories and regions by order then id, the rest by id) so the same content gives the same bytes.
/// `content` must have passed [`crate::check::check_dir`] without problems.
pub fn build_packs(content: &Content) -> Vec<PackFile> {
    let langs = &content.feed.langs;
    langs
        .declared
        .iter()
        .map(|lang| build_pack(content, lang))
        .collect()
}

/// The pack of one language. Articles, contacts, checklists and letters without text in
/// `lang` are left out: they are in the fallback language's pack, which the app keeps beside
/// every other and fills in from ([`Pack::filled_from`], `PackLetters::filled_from`).
/// Categories and regions, a few words each, are always there, in `lang` or its fallback.
pub fn build_pack(content: &Content, lang: &str) -> PackFile {
    let langs = &content.feed.langs;
    let mut categories: Vec<Category> = content
        .categories
        .iter()
        .map(|c| Category {
            id: c.id.clone(),
            order: c.order,
            icon: c.icon.clone(),
            title: pick(&c.title, langs, lang).1.clone(),
        })
        .collect();
    categories.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));

    let mut regions: Vec<Region> = content
        .regions
        .iter()
        .map(|r| Region {
            id: r.id.clone(),
            order: r.order,
            title: pick(&r.title, langs, lang).1.clone(),
        })
        .collect();
    regions.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));

    let mut articles: Vec<Article> = content
        .articles
        .iter()
        .map(|a| {
            let (found, text) = pick(&a.text, langs, lang);
            Article {
                id: a.header.id.clone(),
                category: a.category.as_ref().expect(CHECKED).value.clone(),
                title: text.title.clone(),
                summary: text.summary.clone(),
                body: references::cite(&text.body, &a.header.sources),
                tags: a.tags.clone(),
                applies_to: a.applies_to.clone(),
                emergency: a.emergency,
                updated: a.updated,
                proposed_as_of: a.proposed_as_of,
                provenance: provenance(&a.header, text.machine_translated),
                lang: found,
                related: a.related.iter().map(|r| r.value.clone()).collect(),
                contacts: a.contacts.iter().map(|r| r.value.clone()).collect(),
            }
        })
        .collect();
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    articles.retain(|item| item.lang == lang);

    let mut contacts: Vec<Contact> = content
        .contacts
        .iter()
        .map(|c| {
            let (found, text) = pick(&c.text, langs, lang);
            Contact {
                id: c.header.id.clone(),
                kind: c.kind.expect(CHECKED),
                country: c.country.expect(CHECKED),
                name: text.name.clone(),
                note: text.note.clone(),
                address: text.address.clone(),
                phones: c.phones.clone(),
                whatsapp: c.whatsapp.clone(),
                telegram: c.telegram.clone(),
                email: c.email.clone(),
                website: c.website.clone(),
                regions: c.regions.iter().map(|r| r.value.clone()).collect(),
                hours_tz: c.hours_tz.clone(),
                hours: c.hours.clone(),
                languages: c.languages.clone(),
                free: c.free,
                provenance: provenance(&c.header, text.machine_translated),
                lang: found,
            }
        })
        .collect();
    contacts.sort_by(|a, b| a.id.cmp(&b.id));
    contacts.retain(|item| item.lang == lang);

    let mut checklists: Vec<Checklist> = content
        .checklists
        .iter()
        .map(|c| {
            let (found, text) = pick(&c.text, langs, lang);
            let steps = c
                .steps
                .iter()
                .map(|s| {
                    // Steps have exactly the checklist's languages.
                    let step = s.text.by_lang.get(&found).expect(CHECKED);
                    Step {
                        id: s.id.clone(),
                        what: step.what.clone(),
                        where_: step.where_.clone(),
                        cost: step.cost.clone(),
                        cost_rub: s.cost_rub,
                        deadline: s.deadline,
                    }
                })
                .collect();
            Checklist {
                id: c.header.id.clone(),
                title: text.title.clone(),
                summary: text.summary.clone(),
                applies_to: c.applies_to.clone(),
                steps,
                provenance: provenance(&c.header, text.machine_translated),
                lang: found,
                related: c.related.iter().map(|r| r.value.clone()).collect(),
            }
        })
        .collect();
    checklists.sort_by(|a, b| a.id.cmp(&b.id));
    checklists.retain(|item| item.lang == lang);

    let mut letters: Vec<_> = content
        .letters
        .iter()
        .map(|l| letter::to_core(l, langs, lang))
        .collect();
    letters.sort_by(|a, b| a.id.cmp(&b.id));
    letters.retain(|item| item.lang == lang);

    let pack = Pack {
        schema: SCHEMA_VERSION,
        lang: lang.to_owned(),
        content_version: content.feed.content_version,
        categories,
        regions,
        articles,
        contacts,
        checklists,
    };
    PackFile { pack, letters }
}
