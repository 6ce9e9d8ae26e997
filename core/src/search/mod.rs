//! Offline full-text search over the articles, contacts and checklists of a [`Pack`].
//!
//! [`SearchIndex::build`] runs once per content version; [`SearchIndex::search`] then answers
//! as the user types: the last word of the query is a prefix, words of 4 to 7 letters may have
//! one typo and longer ones two (a swap of neighbours counts as one), and letters that
//! Russian keyboards lack are folded (`ң` → `н`, `ҷ` → `ч`, `oʻ` → `o`…), with exact spellings
//! ranked above folded ones.

pub mod letters;

use crate::content::markup::{Block, Inline, push_text};
use crate::content::{Article, Audience, Pack, Provenance, Review};
use crate::time::date::Date;
use letters::Class;

/// What kind of item a [`Hit`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    /// A rights [`Article`].
    Article,
    /// A [`Contact`](crate::content::Contact).
    Contact,
    /// A [`Checklist`](crate::content::Checklist).
    Checklist,
}

/// One search result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit<'a> {
    /// What kind of item matched.
    pub kind: ItemKind,
    /// The item's id.
    pub id: &'a str,
    /// Relevance; higher is better. Only meaningful within one query.
    pub score: u32,
}

/// Words are cut to this many letters, in the index and in queries alike.
const MAX_WORD_CHARS: usize = 32;
/// Query words beyond this many are ignored.
const MAX_QUERY_WORDS: usize = 8;

/// Fields of an item, as bits of a posting.
const TITLE: u32 = 1;
const TAGS: u32 = 2;
const SUMMARY: u32 = 4;
const BODY: u32 = 8;
const FIELD_BITS: u32 = 4;

/// Weight of a word found in a set of fields: the sum of the fields' weights
/// (title 10, tags 6, summary 4, body 2), indexed by the field bits.
const FIELD_WEIGHT: [u32; 16] = {
    let mut table = [0; 16];
    let mut mask = 0;
    while mask < 16 {
        table[mask] = (mask & 1) as u32 * 10
            + ((mask >> 1) & 1) as u32 * 6
            + ((mask >> 2) & 1) as u32 * 4
            + ((mask >> 3) & 1) as u32 * 2;
        mask += 1;
    }
    table
};

/// How well a query word matches an index word; multiplied by the field weight.
const EXACT: u32 = 100;
const EXACT_FOLDED: u32 = 90;
const PREFIX: u32 = 60;
const PREFIX_FOLDED: u32 = 54;
/// By number of edits (index 1 and 2).
const FUZZY: [u32; 3] = [0, 40, 20];
/// By number of edits, when a typed prefix is close to the start of a word.
const FUZZY_PREFIX: [u32; 3] = [0, 30, 15];

/// Apostrophes that Uzbek Latin writes in `oʻ`, `gʻ` and `maʼno`, in all their spellings.
const APOSTROPHES: [char; 6] = ['\'', '`', 'ʻ', 'ʼ', '‘', '’'];

/// The one apostrophe every spelling becomes.
const APOSTROPHE: char = '\'';

/// A distinct index word.
#[derive(Clone, Debug)]
struct Term {
    /// Byte offset of the folded form in `SearchIndex::text`; the exact form follows it when
    /// it differs.
    start: u32,
    /// End of this term's postings in `SearchIndex::postings`.
    postings_end: u32,
    /// Length in bytes of the folded form.
    folded_len: u8,
    /// Length in bytes of the exact form, 0 when it equals the folded form.
    exact_len: u8,
    /// Length in chars of the folded form.
    chars: u8,
}

/// A search index over one pack, built once per content version.
///
/// Words are kept once, sorted by their folded form (so prefixes are found by binary search),
/// each with the items and fields it occurs in.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    lang: String,
    content_version: u64,
    /// The items, articles then contacts then checklists.
    items: Vec<(ItemKind, Box<str>)>,
    /// Sorted by (folded, exact).
    terms: Vec<Term>,
    /// Folded and exact forms of every term.
    text: String,
    /// Per term, sorted by item: `item << FIELD_BITS | fields`.
    postings: Vec<u32>,
    /// Term ids grouped by the second letter of their folded form, each group by length: the
    /// candidates for a typo in the first letter.
    by_second: Vec<u32>,
    /// The groups of `by_second`: (letter, start), sorted by letter.
    second_groups: Vec<(char, u32)>,
}

impl SearchIndex {
    /// Indexes the titles, summaries, bodies and tags of the articles; the names, notes,
    /// addresses and regions of the contacts; and the titles, summaries and steps of the
    /// checklists.
    pub fn build(pack: &Pack) -> SearchIndex {
        let mut builder = Builder::default();
        let mut items =
            Vec::with_capacity(pack.articles.len() + pack.contacts.len() + pack.checklists.len());
        for article in &pack.articles {
            builder.item = items.len() as u32;
            items.push((ItemKind::Article, article.id.as_str().into()));
            builder.add(&article.title, TITLE);
            builder.add(&article.summary, SUMMARY);
            for tag in &article.tags {
                builder.add(tag, TAGS);
            }
            for line in article.body.iter().flat_map(Block::lines) {
                builder.add_inlines(line);
            }
        }
        for contact in &pack.contacts {
            builder.item = items.len() as u32;
            items.push((ItemKind::Contact, contact.id.as_str().into()));
            builder.add(&contact.name, TITLE);
            for region in contact.regions.iter().filter_map(|id| pack.region(id)) {
                builder.add(&region.title, TAGS);
            }
            if let Some(note) = &contact.note {
                builder.add(note, SUMMARY);
            }
            if let Some(address) = &contact.address {
                builder.add(address, BODY);
            }
        }
        for checklist in &pack.checklists {
            builder.item = items.len() as u32;
            items.push((ItemKind::Checklist, checklist.id.as_str().into()));
            builder.add(&checklist.title, TITLE);
            builder.add(&checklist.summary, SUMMARY);
            for step in &checklist.steps {
                builder.add(&step.what, BODY);
                if let Some(place) = &step.where_ {
                    builder.add(place, BODY);
                }
            }
        }
        builder.finish(pack, items)
    }

    /// Whether this index was built from this pack's language and content version.
    pub fn is_for(&self, pack: &Pack) -> bool {
        self.content_version == pack.content_version && self.lang == pack.lang
    }

    /// Language of the pack it was built from.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Content version of the pack it was built from.
    pub fn content_version(&self) -> u64 {
        self.content_version
    }

    /// Number of distinct words indexed.
    pub fn word_count(&self) -> usize {
        self.terms.len()
    }

    /// The items matching `query`, best first, at most `limit`.
    ///
    /// Every query word must match (an exact word, the start of a word for the last query
    /// word, or a word within the typo allowance); if no item matches them all, the items
    /// matching the most of them are returned. One-letter words are ignored unless the query
    /// is just one letter, which then matches as a prefix.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit<'_>> {
        let mut words: Vec<QueryWord> = Vec::new();
        let mut single = None;
        for_each_word(query, |exact, chars| {
            if chars >= 2 {
                words.push(QueryWord::new(exact));
            } else if single.is_none() {
                single = Some(QueryWord::new(exact));
            }
        });
        if words.is_empty() {
            words.extend(single);
        }
        words.truncate(MAX_QUERY_WORDS);
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }

        let mut total = vec![0u32; self.items.len()];
        let mut matched = vec![0u8; self.items.len()];
        let mut best = vec![0u32; self.items.len()];
        let mut touched: Vec<u32> = Vec::new();
        let last = words.len() - 1;
        for (i, word) in words.iter().enumerate() {
            self.for_each_match(word, i == last, |term, quality| {
                for &posting in self.postings_of(term) {
                    let item = (posting >> FIELD_BITS) as usize;
                    let score = quality * FIELD_WEIGHT[(posting & 0xF) as usize];
                    if best[item] == 0 {
                        touched.push(item as u32);
                    }
                    best[item] = best[item].max(score);
                }
            });
            for item in touched.drain(..) {
                let item = item as usize;
                total[item] += best[item];
                matched[item] += 1;
                best[item] = 0;
            }
        }

        let most = matched.iter().copied().max().unwrap_or(0);
        if most == 0 {
            return Vec::new();
        }
        let mut hits: Vec<(u32, usize)> = (0..self.items.len())
            .filter(|&item| matched[item] == most)
            .map(|item| (total[item], item))
            .collect();
        hits.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.truncate(limit);
        hits.into_iter()
            .map(|(score, item)| Hit {
                kind: self.items[item].0,
                id: &self.items[item].1,
                score,
            })
            .collect()
    }

    /// Calls `found(term, quality)` for every term matching `word`; a term may be reported
    /// more than once (the best quality per item counts).
    fn for_each_match(&self, word: &QueryWord, prefix: bool, mut found: impl FnMut(usize, u32)) {
        let folded = word.folded.as_str();
        let range = if prefix {
            self.prefix_range(folded)
        } else {
            self.equal_range(folded)
        };
        for term in range {
            let exact = self.exact(term);
            let quality = if self.folded(term) == folded {
                if exact == word.exact {
                    EXACT
                } else {
                    EXACT_FOLDED
                }
            } else if exact.starts_with(&word.exact) {
                PREFIX
            } else {
                PREFIX_FOLDED
            };
            found(term, quality);
        }

        let q = &word.chars;
        let edits = match q.len() {
            0..4 => return,
            4..8 => 1,
            _ => 2,
        };
        let m = q.len();
        let fits = |chars: usize| {
            if prefix {
                chars + edits >= m
            } else {
                chars.abs_diff(m) <= edits
            }
        };
        let mut buffer = ['\0'; MAX_WORD_CHARS];
        let mut check = |term: usize| {
            let t = &self.terms[term];
            if !fits(usize::from(t.chars)) {
                return;
            }
            let text = self.folded(term);
            // Already found above as an exact word or prefix.
            if (prefix && text.starts_with(folded)) || text == folded {
                return;
            }
            let mut n = 0;
            for c in text.chars() {
                buffer[n] = c;
                n += 1;
            }
            if let Some(quality) = fuzzy_quality(q, &buffer[..n], edits, prefix) {
                found(term, quality);
            }
        };

        // Candidates: the words that start with the query's first or second letter (a typo
        // anywhere after the first letter, an extra first letter, swapped first letters), and
        // the words whose second letter is the query's first or second letter (a wrong or a
        // missing first letter). The four groups do not overlap.
        let (q0, q1) = (q[0], q[1]);
        let mut letter = [0u8; 4];
        for term in self.prefix_range(q0.encode_utf8(&mut letter)) {
            check(term);
        }
        if q1 != q0 {
            for term in self.prefix_range(q1.encode_utf8(&mut letter)) {
                check(term);
            }
        }
        let lengths = if prefix {
            m.saturating_sub(edits)..=MAX_WORD_CHARS
        } else {
            m.saturating_sub(edits)..=m + edits
        };
        let seconds: &[char] = if q0 == q1 { &[q0] } else { &[q1, q0] };
        for &second in seconds {
            for &term in self.second_group(second, &lengths) {
                let first = self.folded(term as usize).chars().next();
                if first != Some(q0) && first != Some(q1) {
                    check(term as usize);
                }
            }
        }
    }

    /// Terms whose folded form starts with `prefix`.
    fn prefix_range(&self, prefix: &str) -> core::ops::Range<usize> {
        let start = self.terms.partition_point(|t| self.folded_of(t) < prefix);
        let len = self.terms[start..].partition_point(|t| self.folded_of(t).starts_with(prefix));
        start..start + len
    }

    /// Terms whose folded form is `word`.
    fn equal_range(&self, word: &str) -> core::ops::Range<usize> {
        let start = self.terms.partition_point(|t| self.folded_of(t) < word);
        let len = self.terms[start..].partition_point(|t| self.folded_of(t) == word);
        start..start + len
    }

    /// Terms with this second letter and a length in `lengths`.
    fn second_group(&self, letter: char, lengths: &core::ops::RangeInclusive<usize>) -> &[u32] {
        let Ok(group) = self
            .second_groups
            .binary_search_by(|&(c, _)| c.cmp(&letter))
        else {
            return &[];
        };
        let start = self.second_groups[group].1 as usize;
        let end = self
            .second_groups
            .get(group + 1)
            .map_or(self.by_second.len(), |&(_, end)| end as usize);
        let ids = &self.by_second[start..end];
        let chars = |id: &u32| usize::from(self.terms[*id as usize].chars);
        let from = ids.partition_point(|id| chars(id) < *lengths.start());
        let to = ids.partition_point(|id| chars(id) <= *lengths.end());
        &ids[from..to.max(from)]
    }

    fn folded_of(&self, term: &Term) -> &str {
        let start = term.start as usize;
        &self.text[start..start + usize::from(term.folded_len)]
    }

    fn folded(&self, term: usize) -> &str {
        self.folded_of(&self.terms[term])
    }

    fn exact(&self, term: usize) -> &str {
        let t = &self.terms[term];
        if t.exact_len == 0 {
            return self.folded_of(t);
        }
        let start = t.start as usize + usize::from(t.folded_len);
        &self.text[start..start + usize::from(t.exact_len)]
    }

    fn postings_of(&self, term: usize) -> &[u32] {
        let start = match term {
            0 => 0,
            _ => self.terms[term - 1].postings_end as usize,
        };
        &self.postings[start..self.terms[term].postings_end as usize]
    }
}

/// A word of the query.
struct QueryWord {
    exact: String,
    folded: String,
    chars: Vec<char>,
}

impl QueryWord {
    fn new(exact: &str) -> QueryWord {
        let folded = fold(exact);
        QueryWord {
            exact: exact.to_owned(),
            chars: folded.chars().collect(),
            folded,
        }
    }
}

/// Collects the words of the items while the index is built.
#[derive(Default)]
struct Builder {
    /// Distinct words (exact form) with their postings so far.
    words: Vec<(String, Vec<u32>)>,
    /// A hash table of `words`: index + 1, or 0 for an empty slot; a power of two long.
    slots: Vec<u32>,
    /// The item being added.
    item: u32,
}

impl Builder {
    fn add(&mut self, text: &str, field: u32) {
        for_each_word(text, |word, chars| {
            if chars >= 2 {
                self.add_word(word, field);
            }
        });
    }

    fn add_word(&mut self, word: &str, field: u32) {
        if self.words.len() * 2 >= self.slots.len() {
            let mut slots = vec![0u32; (self.slots.len() * 2).max(1024)];
            for (n, (known, _)) in self.words.iter().enumerate() {
                let slot = free_slot(&slots, known);
                slots[slot] = n as u32 + 1;
            }
            self.slots = slots;
        }
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(word) as usize & mask;
        loop {
            match self.slots[slot] {
                0 => {
                    self.words
                        .push((word.to_owned(), vec![self.item << FIELD_BITS | field]));
                    self.slots[slot] = self.words.len() as u32;
                    return;
                }
                n if self.words[n as usize - 1].0 == word => {
                    let postings = &mut self.words[n as usize - 1].1;
                    match postings.last_mut() {
                        Some(last) if *last >> FIELD_BITS == self.item => *last |= field,
                        _ => postings.push(self.item << FIELD_BITS | field),
                    }
                    return;
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Adds a line of body text; citation numbers are not words of it.
    fn add_inlines(&mut self, inlines: &[Inline]) {
        let mut text = String::new();
        push_text(inlines, &mut text, false);
        self.add(&text, BODY);
    }

    fn finish(self, pack: &Pack, items: Vec<(ItemKind, Box<str>)>) -> SearchIndex {
        drop(self.slots);
        let mut words: Vec<(String, String, Vec<u32>)> = self
            .words
            .into_iter()
            .map(|(exact, postings)| (fold(&exact), exact, postings))
            .collect();
        words.sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));

        let mut text = String::new();
        let mut terms = Vec::with_capacity(words.len());
        let mut postings = Vec::new();
        let mut seconds: Vec<(char, u8, u32)> = Vec::new();
        for (id, (folded, exact, list)) in words.into_iter().enumerate() {
            let start = text.len() as u32;
            text.push_str(&folded);
            let exact_len = if exact == folded {
                0
            } else {
                text.push_str(&exact);
                exact.len()
            };
            postings.extend_from_slice(&list);
            let chars = folded.chars().count();
            // Words are at most MAX_WORD_CHARS letters of at most 4 bytes, plus apostrophes.
            debug_assert!(exact.len() <= 255 && chars <= MAX_WORD_CHARS);
            terms.push(Term {
                start,
                postings_end: postings.len() as u32,
                folded_len: folded.len() as u8,
                exact_len: exact_len as u8,
                chars: chars as u8,
            });
            if let Some(second) = folded.chars().nth(1) {
                seconds.push((second, chars as u8, id as u32));
            }
        }
        seconds.sort_unstable();
        let mut second_groups: Vec<(char, u32)> = Vec::new();
        let mut by_second = Vec::with_capacity(seconds.len());
        for (i, (letter, _, id)) in seconds.into_iter().enumerate() {
            if second_groups.last().is_none_or(|&(c, _)| c != letter) {
                second_groups.push((letter, i as u32));
            }
            by_second.push(id);
        }
        text.shrink_to_fit();
        postings.shrink_to_fit();
        SearchIndex {
            lang: pack.lang.clone(),
            content_version: pack.content_version,
            items,
            terms,
            text,
            postings,
            by_second,
            second_groups,
        }
    }
}

/// The first empty slot for `word` in a table that does not hold it.
fn free_slot(slots: &[u32], word: &str) -> usize {
    let mask = slots.len() - 1;
    let mut slot = fnv1a(word) as usize & mask;
    while slots[slot] != 0 {
        slot = (slot + 1) & mask;
    }
    slot
}

/// The 32-bit FNV-1a hash of a word.
fn fnv1a(word: &str) -> u32 {
    word.bytes().fold(0x811C_9DC5, |hash, b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Splits `text` into words and calls `word(exact, letters)` for each, where `exact` is the
/// word lowercased, with combining marks dropped, every apostrophe spelling made `'`, and cut
/// to [`MAX_WORD_CHARS`] letters; `letters` counts its letters and digits.
///
/// Anything but a letter, a digit or an apostrophe between letters separates words.
fn for_each_word(text: &str, word: impl FnMut(&str, usize)) {
    let mut words = Words {
        word,
        current: String::new(),
        letters: 0,
        apostrophe: false,
    };
    for c in text.chars() {
        if APOSTROPHES.contains(&c) {
            words.apostrophe = words.letters > 0;
            continue;
        }
        match letters::classify(c) {
            Class::Letter(c) => words.letter(c),
            // A combining accent or diaeresis: part of the word, not kept.
            Class::Mark => {}
            Class::Other => words.end(),
        }
    }
    words.end();
}

/// The word being split off by [`for_each_word`].
struct Words<F> {
    word: F,
    current: String,
    letters: usize,
    /// An apostrophe followed the last letter.
    apostrophe: bool,
}

impl<F: FnMut(&str, usize)> Words<F> {
    fn letter(&mut self, c: char) {
        if self.letters == MAX_WORD_CHARS {
            return;
        }
        if self.apostrophe {
            self.current.push(APOSTROPHE);
            self.apostrophe = false;
        }
        self.current.push(c);
        self.letters += 1;
    }

    fn end(&mut self) {
        if self.letters > 0 {
            (self.word)(&self.current, self.letters);
        }
        self.current.clear();
        self.letters = 0;
        self.apostrophe = false;
    }
}

/// The folded form of a word from [`for_each_word`]: letters a Russian keyboard lacks
/// become their nearest Russian letter, and apostrophes go (`oʻ` → `o`, `maʼno` → `mano`).
fn fold(word: &str) -> String {
    word.chars()
        .filter(|&c| c != APOSTROPHE)
        .map(|c| match c {
            'ё' => 'е',
            // Kyrgyz.
            'ң' => 'н',
            'ө' => 'о',
            'ү' => 'у',
            // Tajik.
            'ӣ' => 'и',
            'ӯ' => 'у',
            'ҳ' => 'х',
            'ҷ' => 'ч',
            'қ' => 'к',
            'ғ' => 'г',
            // Uzbek Cyrillic.
            'ў' => 'у',
            c => c,
        })
        .collect()
}

/// The quality of a fuzzy match of query `q` against word `t` within `edits` edits, or
/// `None`. With `prefix`, `q` may also be close to the start of `t`.
fn fuzzy_quality(q: &[char], t: &[char], edits: usize, prefix: bool) -> Option<u32> {
    let (whole, start) = distance(q, t, edits, prefix)?;
    let whole = (whole <= edits).then(|| FUZZY[whole]);
    let start = (prefix && start <= edits).then(|| FUZZY_PREFIX[start]);
    whole.max(start)
}

/// Optimal string alignment distance (Levenshtein plus swaps of neighbours) between `q` and
/// `t`, and between `q` and the closest start of `t`; `None` when both exceed `max`.
fn distance(q: &[char], t: &[char], max: usize, prefix: bool) -> Option<(usize, usize)> {
    const W: usize = MAX_WORD_CHARS + 1;
    let m = q.len();
    // Columns past m + max cannot bring the start of `t` within reach.
    let n = if prefix {
        t.len().min(m + max)
    } else {
        t.len()
    };
    let whole_reachable = t.len() == n;
    let mut before = [0u8; W];
    let mut previous: [u8; W] = core::array::from_fn(|j| j as u8);
    let mut row = [0u8; W];
    for i in 1..=m {
        row[0] = i as u8;
        let mut lowest = row[0];
        for j in 1..=n {
            let cost = u8::from(q[i - 1] != t[j - 1]);
            let mut d = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && q[i - 1] == t[j - 2] && q[i - 2] == t[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            lowest = lowest.min(d);
        }
        if usize::from(lowest) > max {
            return None;
        }
        before = previous;
        previous = row;
    }
    let whole = if whole_reachable {
        usize::from(previous[n])
    } else {
        usize::MAX
    };
    let start = usize::from(*previous[..=n].iter().min().unwrap_or(&u8::MAX));
    (whole <= max || (prefix && start <= max)).then_some((whole, start))
}

/// A pack of `n` synthetic articles in Russian- and Kyrgyz-like text, for benchmarks and
/// tests. Article `i` has the id `gen-{i}` and the made-up word [`generated_word`]`(i)` in its
/// title; real words (`регистрация`, `патент`, `үчүн`…) are sprinkled through the texts.
#[doc(hidden)]
pub fn generated_pack(n: usize) -> Pack {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let vocabulary: Vec<String> = (0..20_000).map(|_| made_up_word(&mut random)).collect();
    let sentence = |random: &mut Random, words: usize| {
        let mut text = String::new();
        for w in 0..words {
            if w > 0 {
                text.push_str(if random.below(12) == 0 { ", " } else { " " });
            }
            let word = if random.below(10) == 0 {
                REAL_WORDS[random.below(REAL_WORDS.len())]
            } else {
                // Skewed towards the start, as real word frequencies are.
                let skewed = random.below(vocabulary.len()) * random.below(vocabulary.len());
                &vocabulary[skewed / vocabulary.len()]
            };
            text.push_str(word);
        }
        text.push('.');
        text
    };
    let date = Date::new(2025, 11, 27).expect("a valid date");
    let articles = (0..n)
        .map(|i| {
            let words = 2 + random.below(4);
            let title = format!("{} {}", generated_word(i), sentence(&mut random, words));
            let words = 12 + random.below(10);
            let summary = sentence(&mut random, words);
            let mut body = Vec::new();
            for _ in 0..3 {
                let words = 3 + random.below(3);
                body.push(Block::Heading {
                    level: 2,
                    inlines: vec![Inline::Text(sentence(&mut random, words))],
                });
                let words = 30 + random.below(40);
                body.push(Block::Paragraph(vec![
                    Inline::Text(sentence(&mut random, words)),
                    Inline::Bold(vec![Inline::Text(sentence(&mut random, 4))]),
                ]));
            }
            body.push(Block::List {
                ordered: false,
                items: (0..4)
                    .map(|_| {
                        let words = 6 + random.below(6);
                        vec![Inline::Text(sentence(&mut random, words))]
                    })
                    .collect(),
            });
            let tags = (0..2)
                .map(|_| vocabulary[random.below(vocabulary.len())].clone())
                .collect();
            Article {
                id: format!("gen-{i}"),
                category: "arrival".into(),
                title,
                summary,
                body,
                tags,
                applies_to: vec![Audience::Any],
                emergency: false,
                updated: Some(date),
                proposed_as_of: None,
                provenance: Provenance {
                    review: Review::CheckedAgainstSources,
                    checked_on: date,
                    reviewed_by: None,
                    machine_translated: true,
                    valid_until: None,
                    sources: Vec::new(),
                },
                lang: "ky".into(),
                related: Vec::new(),
                contacts: Vec::new(),
            }
        })
        .collect();
    Pack {
        schema: crate::feed::SCHEMA_VERSION,
        lang: "ky".into(),
        content_version: 1,
        categories: Vec::new(),
        regions: Vec::new(),
        articles,
        contacts: Vec::new(),
        checklists: Vec::new(),
    }
}

/// The made-up word unique to article `i` of [`generated_pack`]: `зор` and two or more
/// syllables spelling `i` in base 16.
#[doc(hidden)]
pub fn generated_word(i: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ба", "ве", "гө", "ду", "жү", "зы", "ки", "ло", "мө", "нү", "па", "ре", "сө", "ту", "фы",
        "ча",
    ];
    let mut word = String::from("зор");
    let mut rest = i;
    loop {
        word.push_str(SYLLABLES[rest % 16]);
        rest /= 16;
        if rest == 0 {
            break;
        }
    }
    word
}

/// Real words mixed into [`generated_pack`]'s texts.
const REAL_WORDS: [&str; 16] = [
    "регистрация",
    "патент",
    "мигрант",
    "работа",
    "документ",
    "паспорт",
    "үчүн",
    "өкмөт",
    "жумуш",
    "мөөнөт",
    "миграциялык",
    "каттоо",
    "учёт",
    "въезд",
    "договор",
    "Москва",
];

fn made_up_word(random: &mut Random) -> String {
    const CONSONANTS: [&str; 20] = [
        "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "ң", "п", "р", "с", "т", "х", "ч", "ш",
        "ц", "й",
    ];
    const VOWELS: [&str; 11] = ["а", "е", "и", "о", "у", "ы", "ө", "ү", "я", "ю", "ё"];
    const ENDINGS: [&str; 12] = [
        "", "", "", "а", "ы", "ов", "ами", "дын", "лар", "га", "ны", "ой",
    ];
    let mut word = String::new();
    for _ in 0..2 + random.below(3) {
        word.push_str(CONSONANTS[random.below(CONSONANTS.len())]);
        word.push_str(VOWELS[random.below(VOWELS.len())]);
    }
    word.push_str(ENDINGS[random.below(ENDINGS.len())]);
    word
}

/// A small deterministic pseudo-random generator (xorshift64*).
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Checklist, Contact, ContactKind, Country, Provenance, Step};

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, |word, _| out.push(word.to_owned()));
        out
    }

    fn article(id: &str, title: &str, summary: &str, body: &str, tags: &[&str]) -> Article {
        let mut a = generated_pack(1).articles.remove(0);
        a.id = id.into();
        a.title = title.into();
        a.summary = summary.into();
        a.body = vec![Block::Paragraph(vec![Inline::Text(body.into())])];
        a.tags = tags.iter().map(|&t| t.into()).collect();
        a
    }

    fn pack(articles: Vec<Article>) -> Pack {
        Pack {
            articles,
            ..generated_pack(0)
        }
    }

    fn ids<'a>(hits: &[Hit<'a>]) -> Vec<&'a str> {
        hits.iter().map(|h| h.id).collect()
    }

    fn find(index: &SearchIndex, query: &str) -> Vec<String> {
        ids(&index.search(query, 50))
            .into_iter()
            .map(String::from)
            .collect()
    }

    #[test]
    fn words_are_lowercased_and_split_on_punctuation() {
        assert_eq!(
            words("Патент: «оплата» 260-ФЗ, Ёлка!"),
            ["патент", "оплата", "260", "фз", "ёлка"]
        );
        assert_eq!(words("ÉCOLE İstanbul"), ["école", "istanbul"]);
        // A decomposed accent stays inside its word.
        assert_eq!(words("cafe\u{301} ok"), ["cafe", "ok"]);
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(words("— …"), Vec::<String>::new());
        assert_eq!(words("ҢӨҮ ҲҶҚҒӢӮ Ѐ"), ["ңөү", "ҳҷқғӣӯ", "ѐ"]);
    }

    #[test]
    fn uzbek_apostrophes_become_one_and_fold_away() {
        for spelling in [
            "Oʻzbekiston",
            "O‘zbekiston",
            "O'zbekiston",
            "O`zbekiston",
            "O’zbekiston",
            "Oʼzbekiston",
        ] {
            assert_eq!(words(spelling), ["o'zbekiston"], "{spelling}");
        }
        assert_eq!(fold("o'zbekiston"), "ozbekiston");
        assert_eq!(fold("ma'lumot"), "malumot");
        // Quotes around a word are not part of it.
        assert_eq!(words("'salom' ‘dunyo’"), ["salom", "dunyo"]);
    }

    #[test]
    fn letters_missing_from_russian_keyboards_fold() {
        assert_eq!(fold("ёлка"), "елка");
        assert_eq!(fold("мөөнөтүң"), "моонотун");
        assert_eq!(fold("ҳуҷҷатҳои"), "хуччатхои");
        assert_eq!(fold("қонунӣ ғамхорӣ ӯ"), "конуни гамхори у");
        assert_eq!(fold("кўча"), "куча");
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let d = |a: &str, b: &str, max| distance(&chars(a), &chars(b), max, false).map(|x| x.0);
        assert_eq!(d("патент", "патент", 2), Some(0));
        assert_eq!(d("патнет", "патент", 1), Some(1));
        assert_eq!(d("птент", "патент", 1), Some(1));
        assert_eq!(d("паатент", "патент", 1), Some(1));
        assert_eq!(d("батент", "патент", 1), Some(1));
        assert_eq!(d("батнет", "патент", 1), None);
        assert_eq!(d("батнет", "патент", 2), Some(2));
        // The start of a longer word.
        let p = |a: &str, b: &str| distance(&chars(a), &chars(b), 1, true).map(|x| x.1);
        assert_eq!(p("регисрт", "регистрация"), Some(1));
        assert_eq!(p("ригист", "регистрация"), Some(1));
        assert_eq!(p("рагист", "регистрация"), Some(1));
        assert_eq!(p("рагиср", "регистрация"), None);
    }

    fn small_index() -> SearchIndex {
        let mut contact = contact();
        contact.id = "kg-embassy".into();
        contact.name = "Посольство Кыргызской Республики".into();
        contact.note = Some("Консульский отдел помогает с паспортами".into());
        contact.regions = vec!["moscow".into()];
        let mut checklist = checklist();
        checklist.id = "arrival".into();
        checklist.title = "После въезда".into();
        checklist.steps[0].what = "Встаньте на миграционный учёт".into();
        checklist.steps[0].where_ = Some("МФЦ".into());
        let mut pack = pack(vec![
            article(
                "patent-title",
                "Патент на работу",
                "Как получить",
                "Текст",
                &[],
            ),
            article(
                "patent-body",
                "Разрешения",
                "Коротко",
                "Нужен патент и полис",
                &[],
            ),
            article("patent-tag", "Оплата", "Каждый месяц", "Чеки", &["патент"]),
            article("patents", "Патенты и квоты", "Кратко", "Ничего", &[]),
            article("ky", "Жумуш үчүн", "Мөөнөт", "Каттоо", &[]),
            article("ky-plain", "Учун", "Коротко", "Ничего", &[]),
            article("uz", "Oʻzbekiston fuqarolari", "Maʼlumot", "Roʻyxat", &[]),
            article("tj", "Ҳуҷҷатҳо", "Барои муҳоҷирон", "Қонун", &[]),
            article(
                "long",
                "Регистрация",
                "По месту пребывания",
                "Уведомление",
                &[],
            ),
        ]);
        pack.regions.push(crate::content::Region {
            id: "moscow".into(),
            order: 1,
            title: "Москва".into(),
        });
        pack.contacts.push(contact);
        pack.checklists.push(checklist);
        SearchIndex::build(&pack)
    }

    fn contact() -> Contact {
        Contact {
            id: String::new(),
            kind: ContactKind::Embassy,
            country: Country::Kg,
            name: String::new(),
            note: None,
            address: None,
            phones: Vec::new(),
            whatsapp: None,
            telegram: None,
            email: None,
            website: None,
            regions: Vec::new(),
            hours_tz: None,
            hours: Vec::new(),
            languages: vec!["ru".into()],
            free: None,
            provenance: Provenance::for_tests(Date::new(2025, 1, 1).unwrap()),
            lang: "ru".into(),
        }
    }

    fn checklist() -> Checklist {
        Checklist {
            id: String::new(),
            title: String::new(),
            summary: String::new(),
            applies_to: vec![Audience::Any],
            steps: vec![Step {
                id: "step".into(),
                what: String::new(),
                where_: None,
                cost: None,
                cost_rub: None,
                deadline: None,
            }],
            provenance: Provenance::for_tests(Date::new(2025, 1, 1).unwrap()),
            lang: "ru".into(),
            related: Vec::new(),
        }
    }

    #[test]
    fn citation_numbers_are_not_words_but_link_texts_are() {
        let mut a = article("cited", "Патент", "", "", &[]);
        a.body = vec![Block::Paragraph(vec![
            Inline::Text("Срок 15".into()),
            Inline::Cite(12),
            Inline::Bold(vec![Inline::Cite(34)]),
            Inline::Text("дней, ".into()),
            Inline::Link {
                text: "Позвонить 112".into(),
                href: "tel:112".into(),
            },
        ])];
        let index = SearchIndex::build(&pack(vec![a]));
        for word in ["15", "дней", "позвонить", "112"] {
            assert_eq!(find(&index, word), ["cited"], "{word}");
        }
        for word in ["12", "34"] {
            assert!(find(&index, word).is_empty(), "{word}");
        }
    }

    #[test]
    fn title_outranks_tags_outrank_body() {
        let index = small_index();
        let hits = index.search("патент", 10);
        let rank = |id: &str| hits.iter().position(|h| h.id == id).unwrap();
        assert_eq!(rank("patent-title"), 0);
        assert!(rank("patent-tag") < rank("patent-body"));
        assert_eq!(hits.len(), 4);
        assert!(
            hits.windows(2)
                .all(|w| w[0].score > w[1].score || w[0].id < w[1].id)
        );
        assert!(hits.iter().all(|h| h.kind == ItemKind::Article));
    }

    #[test]
    fn exact_outranks_prefix_outranks_typo() {
        let index = small_index();
        // "патенты" (title, prefix) after "патент" (title, exact).
        let hits = index.search("Патент", 10);
        let title = hits.iter().find(|h| h.id == "patent-title").unwrap();
        let prefix = hits.iter().find(|h| h.id == "patents").unwrap();
        assert!(title.score > prefix.score);
        // As a whole word (not last), "патент" matches "патенты" only as a typo.
        let hits = index.search("патент квоты", 10);
        assert_eq!(ids(&hits), ["patents"]);
        let hits = index.search("патенты", 10);
        assert_eq!(ids(&hits)[0], "patents");
        assert!(hits[0].score > hits[1].score);
        // A typo finds the word, ranked below an exact match in the same field.
        let hits = index.search("патнет", 10);
        assert_eq!(ids(&hits)[0], "patent-title");
        assert!(hits[0].score < index.search("патент", 1)[0].score);
    }

    #[test]
    fn the_last_word_is_a_prefix() {
        let index = small_index();
        assert_eq!(find(&index, "регист"), ["long"]);
        assert_eq!(find(&index, "рег"), ["long"]);
        // A lone letter is a prefix too.
        assert!(find(&index, "р").contains(&"long".to_owned()));
        assert!(find(&index, "ж").contains(&"ky".to_owned()));
        assert_eq!(find(&index, "пребывания рег"), ["long"]);
        // A word before the last must be whole (or within a typo): "преб" is no word, so
        // only the other word matches and the item ranks lower.
        assert_eq!(find(&index, "преб регистрация"), ["long"]);
        assert!(
            index.search("преб регистрация", 1)[0].score
                < index.search("пребывания регистрация", 1)[0].score
        );
        // A one-letter word among others is ignored.
        assert_eq!(
            index.search("в регистрация", 1)[0].score,
            index.search("регистрация", 1)[0].score
        );
    }

    #[test]
    fn typo_allowance_grows_with_word_length() {
        let index = small_index();
        // 3 letters: no typo allowed ("пат" is a prefix, "пвт" is nothing).
        assert!(find(&index, "пвт").is_empty());
        // 6 letters: one typo, not two.
        assert_eq!(find(&index, "патенд")[0], "patent-title");
        assert!(find(&index, "бадент").is_empty());
        // 11 letters: two typos.
        assert_eq!(find(&index, "регитсрацея"), ["long"]);
        assert!(find(&index, "ригитсрацея").is_empty());
        // A typo in the first letter.
        assert_eq!(find(&index, "ватент")[0], "patent-title");
        assert_eq!(find(&index, "атент")[0], "patent-title");
        assert_eq!(find(&index, "аптент")[0], "patent-title");
        // A typo while typing the start of a long word.
        assert_eq!(find(&index, "регисрт"), ["long"]);
    }

    #[test]
    fn folded_letters_match_but_exact_ranks_first() {
        let index = small_index();
        assert_eq!(find(&index, "үчүн"), ["ky", "ky-plain"]);
        assert_eq!(find(&index, "учун"), ["ky-plain", "ky"]);
        assert_eq!(find(&index, "моонот"), ["ky"]);
        assert_eq!(find(&index, "жумуш учун"), ["ky"]);
        // Tajik letters from a Russian keyboard.
        assert_eq!(find(&index, "хуччатхо"), ["tj"]);
        assert_eq!(find(&index, "мухочирон"), ["tj"]);
        assert_eq!(find(&index, "конун"), ["tj"]);
        // Uzbek apostrophes in any spelling, or none.
        for query in [
            "O'zbekiston",
            "oʻzbek",
            "o‘zbekiston",
            "o`zbekiston",
            "ozbekiston",
            "o'z",
        ] {
            assert_eq!(find(&index, query), ["uz"], "{query}");
        }
        assert_eq!(find(&index, "malumot"), ["uz"]);
        assert_eq!(find(&index, "royxat"), ["uz"]);
        // ё and е.
        assert_eq!(find(&index, "учет"), ["arrival"]);
        assert_eq!(find(&index, "учёт"), ["arrival"]);
    }

    #[test]
    fn contacts_and_checklists_are_found() {
        let index = small_index();
        let hits = index.search("посольство", 10);
        assert_eq!(
            (hits[0].kind, hits[0].id),
            (ItemKind::Contact, "kg-embassy")
        );
        assert_eq!(find(&index, "москва"), ["kg-embassy"]);
        assert_eq!(find(&index, "паспортами"), ["kg-embassy"]);
        let hits = index.search("миграционный учёт", 10);
        assert_eq!((hits[0].kind, hits[0].id), (ItemKind::Checklist, "arrival"));
        assert_eq!(find(&index, "мфц"), ["arrival"]);
        assert_eq!(find(&index, "после въезда"), ["arrival"]);
    }

    #[test]
    fn every_word_must_match_when_some_item_matches_all() {
        let index = small_index();
        assert_eq!(find(&index, "патент работу"), ["patent-title"]);
        // No item has both: the items with either are shown.
        let either = find(&index, "полис квоты");
        assert_eq!(either.len(), 2);
        assert!(
            either.contains(&"patent-body".to_owned()) && either.contains(&"patents".to_owned())
        );
        assert!(find(&index, "").is_empty());
        assert!(find(&index, " , — ").is_empty());
        assert!(find(&index, "xyzzy").is_empty());
        assert!(index.search("патент", 0).is_empty());
        assert_eq!(index.search("патент", 2).len(), 2);
    }

    #[test]
    fn an_index_knows_its_pack() {
        let mut pack = generated_pack(3);
        let index = SearchIndex::build(&pack);
        assert!(index.is_for(&pack));
        assert_eq!((index.lang(), index.content_version()), ("ky", 1));
        pack.content_version = 2;
        assert!(!index.is_for(&pack));
        pack.content_version = 1;
        pack.lang = "ru".into();
        assert!(!index.is_for(&pack));
    }

    /// The words of an article, as the index sees them.
    fn article_words(a: &Article) -> Vec<String> {
        let mut text = format!("{} {} {}", a.title, a.summary, a.tags.join(" "));
        for line in a.body.iter().flat_map(Block::lines) {
            text.push(' ');
            push_text(line, &mut text, false);
        }
        words(&text)
    }

    #[test]
    fn searches_a_thousand_generated_articles() {
        let pack = generated_pack(1000);
        assert_eq!(pack.articles.len(), 1000);
        let index = SearchIndex::build(&pack);
        assert!(index.is_for(&pack));
        assert!(index.word_count() > 5_000, "{}", index.word_count());

        // Each article's own made-up word finds it first.
        for i in [0, 1, 17, 255, 256, 999] {
            let hits = index.search(&generated_word(i), 5);
            assert_eq!(hits[0].id, format!("gen-{i}"), "{i}");
            assert_eq!(hits[0].kind, ItemKind::Article);
            if hits.len() > 1 {
                assert!(hits[0].score > hits[1].score, "{i}");
            }
        }
        // The whole title finds it first too.
        let title = &pack.articles[421].title;
        assert_eq!(index.search(title, 5)[0].id, "gen-421");

        let containing = |word: &str| -> Vec<String> {
            pack.articles
                .iter()
                .filter(|a| article_words(a).iter().any(|w| w == word))
                .map(|a| a.id.clone())
                .collect()
        };
        let registration = containing("регистрация");
        assert!(registration.len() > 100, "{}", registration.len());
        for query in ["регистрация", "регистрац", "регитсрация", "РЕГИСТРАЦИЯ"]
        {
            let found = find_all(&index, query);
            for id in &registration {
                assert!(found.contains(id), "{query}: {id}");
            }
        }
        // Folded spelling finds the Kyrgyz word, and the exact spelling scores higher.
        let uchun = containing("үчүн");
        assert!(!uchun.is_empty());
        let folded = find_all(&index, "учун");
        let exact = index.search("үчүн", 2000);
        for id in &uchun {
            assert!(folded.contains(id), "{id}");
        }
        assert!(exact[0].score > index.search("учун", 1)[0].score);
        // Two words: only articles with both, best first.
        let both: Vec<String> = containing("патент")
            .into_iter()
            .filter(|id| registration.contains(id))
            .collect();
        assert!(!both.is_empty());
        let found = find_all(&index, "патент регистрация");
        for id in &both {
            assert!(found.contains(id), "{id}");
        }
        // Any other article has a word within one typo of "патент" (the non-last word) and
        // one starting within two typos of "регистрация".
        let near = |a: &Article, word: &str, edits: usize, prefix: bool| {
            let q: Vec<char> = word.chars().collect();
            article_words(a).iter().any(|w| {
                let t: Vec<char> = fold(w).chars().collect();
                distance(&q, &t, edits, prefix)
                    .is_some_and(|(whole, start)| whole <= edits || (prefix && start <= edits))
            })
        };
        for id in found.iter().filter(|id| !both.contains(id)) {
            let a = pack.article(id).unwrap();
            assert!(near(a, "патент", 1, false), "{id}");
            assert!(near(a, "регистрация", 2, true), "{id}");
        }
    }

    fn find_all(index: &SearchIndex, query: &str) -> Vec<String> {
        ids(&index.search(query, usize::MAX))
            .into_iter()
            .map(String::from)
            .collect()
    }
}
