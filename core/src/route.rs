//! The app's addresses: which screen a path names, and the language its first segment may name
//! (`/ky/rights/patent-basics`: the static page and the app's screen in Kyrgyz; the same path
//! without it, as shared before static pages, still names the screen). The letters page,
//! `/letters` and `/letters/ID`, is a page of its own: [`crate::content::letter::page_id`].

use crate::i18n::Lang;

/// A screen of the app, as named by its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: opens Rights, under Rights' own address.
    Start,
    /// `/rights`: the list of articles.
    Rights,
    /// `/rights/ID`: one article.
    Article(String),
    /// `/hotlines`: who to call.
    Hotlines,
    /// `/hotlines/ID`: one contact.
    Contact(String),
    /// `/checklists`: the document checklists and the stay counter.
    Checklists,
    /// `/checklists/ID`: one checklist.
    Checklist(String),
    /// `/help`: help now.
    Help,
    /// `/more`: settings and information.
    More,
    /// `/share` (no mode) or `/share/MODE` (consultant, poster, handout).
    Share(Option<String>),
    /// Any other path.
    NotFound,
}

impl Page {
    /// The screen `path` (a URL's path, without query or fragment) names. A trailing slash
    /// names the same screen.
    pub fn parse(path: &str) -> Page {
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let (first, second, rest) = (segments.next(), segments.next(), segments.next());
        if rest.is_some() {
            return Page::NotFound;
        }
        let id = second.map(str::to_owned);
        match (first, id) {
            (None, _) => Page::Start,
            (Some("rights"), None) => Page::Rights,
            (Some("rights"), Some(id)) => Page::Article(id),
            (Some("hotlines"), None) => Page::Hotlines,
            (Some("hotlines"), Some(id)) => Page::Contact(id),
            (Some("checklists"), None) => Page::Checklists,
            (Some("checklists"), Some(id)) => Page::Checklist(id),
            (Some("help"), None) => Page::Help,
            (Some("more"), None) => Page::More,
            (Some("share"), mode) => Page::Share(mode),
            _ => Page::NotFound,
        }
    }
}

impl Page {
    /// The page's address, which [`Page::parse`] reads back as the same page. Every link in
    /// the app is made here.
    pub fn href(&self) -> String {
        let (section, id) = match self {
            Page::Start => return "/".to_owned(),
            Page::Rights => ("rights", None),
            Page::Article(id) => ("rights", Some(id)),
            Page::Hotlines => ("hotlines", None),
            Page::Contact(id) => ("hotlines", Some(id)),
            Page::Checklists => ("checklists", None),
            Page::Checklist(id) => ("checklists", Some(id)),
            Page::Help => ("help", None),
            Page::More => ("more", None),
            Page::Share(mode) => ("share", mode.as_ref()),
            Page::NotFound => ("not-found", None),
        };
        match id {
            Some(id) => format!("/{section}/{id}"),
            None => format!("/{section}"),
        }
    }

    /// The address of article `id`.
    pub fn article(id: &str) -> String {
        Page::Article(id.to_owned()).href()
    }

    /// The address of contact `id`.
    pub fn contact(id: &str) -> String {
        Page::Contact(id.to_owned()).href()
    }

    /// The address of checklist `id`.
    pub fn checklist(id: &str) -> String {
        Page::Checklist(id.to_owned()).href()
    }

    /// The address of share mode `mode`.
    pub fn share(mode: &str) -> String {
        Page::Share(Some(mode.to_owned())).href()
    }
}

/// The language `path`'s first segment names exactly (`/ky/rights` gives `ky`), and the rest of
/// the path (`/rights`; `/` when nothing is left).
pub fn split_lang(path: &str) -> (Option<Lang>, &str) {
    let rest = path.strip_prefix('/').unwrap_or(path);
    let (first, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match Lang::from_code(first).filter(|l| l.code() == first) {
        Some(lang) if tail.is_empty() => (Some(lang), "/"),
        Some(lang) => (Some(lang), tail),
        None => (None, path),
    }
}

/// `path` (an app address such as `/rights/a`, with any query or fragment) under `lang`'s
/// segment: `/ky/rights/a`; the start page `/` becomes `/ky/`.
pub fn localized(lang: Lang, path: &str) -> String {
    "/".to_owned() + lang.code() + if path.is_empty() { "/" } else { path }
}

/// Whether the tab at `tab` (say `/rights`) is the current one for `path`: the tab itself or
/// any page under it.
pub fn tab_is_current(tab: &str, path: &str) -> bool {
    path.strip_prefix(tab)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_screen_has_its_path() {
        let cases = [
            ("/", Page::Start),
            ("", Page::Start),
            ("/rights", Page::Rights),
            ("/rights/", Page::Rights),
            ("/rights/police-check", Page::Article("police-check".into())),
            ("/hotlines", Page::Hotlines),
            (
                "/hotlines/kg-consulate",
                Page::Contact("kg-consulate".into()),
            ),
            ("/checklists", Page::Checklists),
            ("/checklists/patent", Page::Checklist("patent".into())),
            ("/help", Page::Help),
            ("/more", Page::More),
            ("/share", Page::Share(None)),
            ("/share/poster", Page::Share(Some("poster".into()))),
            (
                "/share/consultant-departure",
                Page::Share(Some("consultant-departure".into())),
            ),
        ];
        for (path, page) in cases {
            assert_eq!(Page::parse(path), page, "{path}");
        }
    }

    #[test]
    fn every_page_reads_back_from_its_address() {
        let id = || "patent-basics".to_owned();
        let pages = [
            Page::Start,
            Page::Rights,
            Page::Article(id()),
            Page::Hotlines,
            Page::Contact(id()),
            Page::Checklists,
            Page::Checklist(id()),
            Page::Help,
            Page::More,
            Page::Share(None),
            Page::Share(Some("poster-departure".into())),
            Page::NotFound,
        ];
        for page in pages {
            assert_eq!(Page::parse(&page.href()), page, "{}", page.href());
        }
        assert_eq!(Page::article("a"), "/rights/a");
        assert_eq!(Page::contact("c"), "/hotlines/c");
        assert_eq!(Page::checklist("l"), "/checklists/l");
        assert_eq!(Page::share("poster"), "/share/poster");
    }

    #[test]
    fn unknown_and_too_deep_paths_are_not_found() {
        for path in [
            "/nowhere",
            "/help/extra",
            "/more/x",
            "/rights/a/b",
            "/feed",
            "/letters",
            "/letters/wage-claim",
        ] {
            assert_eq!(Page::parse(path), Page::NotFound, "{path}");
        }
    }

    #[test]
    fn a_language_segment_is_split_off_and_put_back() {
        let cases = [
            (
                "/ky/rights/patent-basics",
                Some(Lang::Ky),
                "/rights/patent-basics",
            ),
            ("/ru/", Some(Lang::Ru), "/"),
            ("/en", Some(Lang::En), "/"),
            ("/tg/hotlines", Some(Lang::Tg), "/hotlines"),
            ("/rights/ky", None, "/rights/ky"),
            ("/kyx/rights", None, "/kyx/rights"),
            ("/", None, "/"),
            ("", None, ""),
        ];
        for (path, lang, rest) in cases {
            assert_eq!(split_lang(path), (lang, rest), "{path}");
        }
        for lang in Lang::ALL {
            for page in ["/", "/rights", "/hotlines/c?x=1#top"] {
                let address = localized(lang, page);
                assert_eq!(split_lang(&address), (Some(lang), page), "{address}");
            }
        }
        assert_eq!(localized(Lang::Uz, "/"), "/uz/");
        assert_eq!(localized(Lang::Uz, ""), "/uz/");
        assert_eq!(
            Page::parse(split_lang("/uz/checklists/patent-renewal").1),
            Page::Checklist("patent-renewal".into())
        );
    }

    #[test]
    fn a_tab_is_current_on_its_own_pages_only() {
        assert!(tab_is_current("/rights", "/rights"));
        assert!(tab_is_current("/rights", "/rights/police-check"));
        assert!(!tab_is_current("/rights", "/rightsholder"));
        assert!(!tab_is_current("/rights", "/hotlines"));
    }
}
