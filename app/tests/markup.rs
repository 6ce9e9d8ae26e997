//! The article renderer with hostile blocks (as a compromised or broken feed could send them),
//! in a real browser: thousands of generated bodies are rendered with the app's own renderer
//! and the resulting DOM may hold only the allowed elements and attributes, links only to the
//! targets `safe_href` allows (never `javascript:` or `data:`), and exactly the text of the
//! blocks, so markup inside text stays text. Citations link only to their own source's https
//! page.

use jardam_app::render_article_body;
use jardam_core::content::Source;
use jardam_core::content::markup::{Block, Inline, plain_text, safe_href};
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const TEXTS: &[&str] = &[
    "Register within 30 days",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "&lt;b&gt;",
    "javascript:alert(1)",
    "Срок — 90 дней",
    " ",
    "",
];

const HREFS: &[&str] = &[
    "https://ok.example/",
    "https://ok.example/\"onmouseover=alert(1)",
    "https://ok.example/<script>",
    "tel:+79251155047",
    "mailto:help@example.org",
    "/rights/registration-eaeu",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "//evil.example/",
    "/\\evil.example",
    "http://plain.example/",
    "",
];

/// The sources the generated citations refer to, hostile addresses among them.
const SOURCE_URLS: &[&str] = &[
    "https://one.example/a",
    "javascript:alert(1)",
    "https://two.example/\"onmouseover=alert(1)",
    "tel:+79251155047",
    "/rights/registration-eaeu",
    "https://three.example/b c",
];

fn sources(urls: &[&str]) -> Vec<Source> {
    urls.iter()
        .map(|url| Source {
            title: "Source".into(),
            url: (*url).into(),
            date: None,
        })
        .collect()
}

/// xorshift64: reproducible choices without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

fn inlines(rng: &mut Rng, depth: usize) -> Vec<Inline> {
    (0..rng.below(4))
        .map(|_| match rng.below(if depth < 3 { 4 } else { 3 }) {
            0 => Inline::Text(rng.pick(TEXTS).to_owned()),
            1 => Inline::Link {
                text: rng.pick(TEXTS).to_owned(),
                href: rng.pick(HREFS).to_owned(),
            },
            // 0 and one past the last source cite nothing.
            2 => Inline::Cite(rng.below(SOURCE_URLS.len() + 2) as u32),
            _ => Inline::Bold(inlines(rng, depth + 1)),
        })
        .collect()
}

fn blocks(rng: &mut Rng) -> Vec<Block> {
    (0..1 + rng.below(4))
        .map(|_| match rng.below(4) {
            0 => Block::Heading {
                level: rng.below(5) as u8,
                inlines: inlines(rng, 0),
            },
            1 => Block::Paragraph(inlines(rng, 0)),
            2 => Block::Table {
                head: (0..1 + rng.below(3)).map(|_| inlines(rng, 0)).collect(),
                rows: (0..rng.below(3))
                    .map(|_| (0..rng.below(3)).map(|_| inlines(rng, 0)).collect())
                    .collect(),
            },
            _ => Block::List {
                ordered: rng.below(2) == 0,
                items: (0..rng.below(3)).map(|_| inlines(rng, 0)).collect(),
            },
        })
        .collect()
}

fn visible_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .flat_map(Block::lines)
        .map(plain_text)
        .collect()
}

fn elements(root: &Element) -> Vec<Element> {
    let select: Function = Reflect::get(root, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = select.call1(root, &"*".into()).unwrap();
    Array::from(&list)
        .iter()
        .map(JsCast::unchecked_into)
        .collect()
}

fn check_rendered(root: &Element, blocks: &[Block], sources: &[Source]) -> Result<(), String> {
    for element in elements(root) {
        let tag = element.tag_name().to_ascii_lowercase();
        let names: Vec<String> = element
            .get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
            .collect();
        let allowed: &[&str] = match tag.as_str() {
            "h2" | "h3" | "p" | "ul" | "ol" | "li" | "strong" | "table" | "thead" | "tbody"
            | "tr" | "td" => &[],
            "th" => &["scope"],
            "a" => &["href", "target", "rel"],
            other => return Err(format!("element <{other}> rendered")),
        };
        if let Some(name) = names.iter().find(|n| !allowed.contains(&n.as_str())) {
            return Err(format!("attribute {name} on <{tag}>"));
        }
        if tag == "a" {
            let href = element.get_attribute("href").unwrap_or_default();
            let lower = href.to_ascii_lowercase();
            if safe_href(&href) != Some(href.as_str())
                || lower.starts_with("javascript:")
                || lower.starts_with("data:")
            {
                return Err(format!("link to {href:?} rendered"));
            }
            let blank = element.get_attribute("target").is_some();
            if blank != href.starts_with("https://") {
                return Err(format!("target on {href:?}"));
            }
            // No generated link text looks like `[n]`, so such a link is a citation.
            let text = element.text_content().unwrap_or_default();
            let cited = text
                .strip_prefix('[')
                .and_then(|t| t.strip_suffix(']'))
                .and_then(|n| n.parse::<usize>().ok());
            if let Some(n) = cited
                && sources.get(n.wrapping_sub(1)).map(|s| s.url.as_str()) != Some(href.as_str())
            {
                return Err(format!("[{n}] links to {href:?}"));
            }
        }
    }
    let text = root.text_content().unwrap_or_default();
    let expected = visible_text(blocks);
    if text != expected {
        return Err(format!("text {text:?} rendered for {expected:?}"));
    }
    Ok(())
}

#[wasm_bindgen_test]
fn hostile_blocks_render_as_safe_elements_and_plain_text() {
    let document = web_sys::window().unwrap().document().unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let sources = sources(SOURCE_URLS);
    for case in 0..1500 {
        let body = blocks(&mut rng);
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let (rendered, cited) = (body.clone(), sources.clone());
        let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
            render_article_body(&rendered, &cited)
        });
        if let Err(problem) = check_rendered(&host, &body, &sources) {
            panic!("case {case}: {problem}\nblocks: {body:?}");
        }
        drop(handle);
        host.remove();
    }
}

#[wasm_bindgen_test]
fn a_javascript_link_in_a_pack_is_shown_as_text() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let body = vec![Block::Paragraph(vec![Inline::Link {
        text: "tap".into(),
        href: "javascript:alert(document.cookie)".into(),
    }])];
    let rendered = body.clone();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        render_article_body(&rendered, &[])
    });
    assert_eq!(host.text_content().as_deref(), Some("tap"));
    assert!(host.query_selector("p").unwrap().is_some());
    assert!(host.query_selector("a").unwrap().is_none());
    assert!(!host.inner_html().contains("javascript"));
}

#[wasm_bindgen_test]
fn a_citation_links_to_its_source_and_one_to_no_such_source_is_text() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let body = vec![Block::Paragraph(vec![
        Inline::Text("Ten days".into()),
        Inline::Cite(2),
        Inline::Text(", fine".into()),
        Inline::Bold(vec![Inline::Cite(1)]),
        Inline::Cite(3),
        Inline::Cite(4),
        Inline::Cite(0),
    ])];
    let cited = sources(&[
        "https://one.example/a",
        "https://two.example/b",
        "javascript:x",
    ]);
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        render_article_body(&body, &cited)
    });
    assert_eq!(
        host.text_content().as_deref(),
        Some("Ten days[2], fine[1][3][4][0]")
    );
    let links: Vec<(String, String, String)> = elements(&host)
        .into_iter()
        .filter(|e| e.tag_name().eq_ignore_ascii_case("a"))
        .map(|a| {
            (
                a.text_content().unwrap_or_default(),
                a.get_attribute("href").unwrap_or_default(),
                a.get_attribute("target").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                "[2]".into(),
                "https://two.example/b".into(),
                "_blank".into()
            ),
            (
                "[1]".into(),
                "https://one.example/a".into(),
                "_blank".into()
            ),
        ]
    );
    assert!(!host.inner_html().contains("javascript"));
}
