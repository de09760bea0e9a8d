//! Snippets: the passage of a hit's text that holds most of the query's terms, highlighted.
//!
//! A text is analysed for snippets once, the first time a search shows it: each paragraph keeps
//! its terms' hashes and places, so later searches find the query's terms in it, and where to
//! highlight them, without analysing the text again.

use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxBuildHasher, FxHashSet};
use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::analysis::RegkbTokenizer;
use crate::synonyms::Synonyms;

/// A snippet's length, in characters.
const SNIPPET_CHARS: usize = 220;
/// How many characters a snippet shows before the first highlighted word.
const SNIPPET_LEAD_CHARS: usize = 40;
/// How much of a body the highlighter reads.
const SNIPPET_SCAN_BYTES: usize = 6000;

/// A paragraph of a text, with the terms it holds.
pub(crate) struct Paragraph {
    /// Where it ends in the text, in bytes; it starts after the previous one's end and newline.
    end: usize,
    tokens: Box<[Token]>,
}

/// A term of a paragraph: its hash, and where it is, in bytes from the paragraph's start (a
/// paragraph is read up to `SNIPPET_SCAN_BYTES`, so an offset fits in 16 bits).
struct Token {
    term: u32,
    from: u16,
    to: u16,
}

/// A text's paragraphs, analysed when first needed.
pub(crate) type Paragraphs = OnceLock<Box<[Paragraph]>>;

fn hash(term: &str) -> u32 {
    // FxHash mixes into the high bits.
    (FxBuildHasher.hash_one(term) >> 32) as u32
}

/// The terms found and where: how many different ones, and their ranges.
fn tally(found: impl Iterator<Item = (u32, Range<usize>)>) -> (usize, Vec<Range<usize>>) {
    let (mut distinct, ranges): (Vec<u32>, Vec<Range<usize>>) = found.unzip();
    distinct.sort_unstable();
    distinct.dedup();
    (distinct.len(), ranges)
}

/// Highlighters for a query: which terms of a text are the query's.
pub(crate) struct Snippets {
    tokenizer: RegkbTokenizer,
    /// The query's words and concept terms.
    wanted: FxHashSet<String>,
    /// Their hashes, sorted.
    hashes: Vec<u32>,
    /// The query's single letters of unspaced scripts, found inside bigrams.
    letters: Vec<char>,
}

impl Snippets {
    /// Highlighters for the terms `wanted` and the letters `letters`.
    pub(crate) fn new(synonyms: Arc<Synonyms>, wanted: FxHashSet<String>, letters: Vec<char>) -> Snippets {
        let mut hashes: Vec<u32> = wanted.iter().map(|t| hash(t)).collect();
        hashes.sort_unstable();
        Snippets { tokenizer: RegkbTokenizer::with_concepts(synonyms), wanted, hashes, letters }
    }

    fn wants(&self, term: &str) -> bool {
        self.wanted.contains(term) || (!term.starts_with('~') && self.letters.iter().any(|&c| term.contains(c)))
    }

    /// The query's terms in `text`, analysing it.
    fn matched(&self, text: &str) -> (usize, Vec<Range<usize>>) {
        let mut found = Vec::new();
        let mut stream = self.tokenizer.clone().token_stream(text);
        while let Some(token) = stream.next() {
            if self.wants(&token.text) {
                found.push((hash(&token.text), token.offset_from..token.offset_to));
            }
        }
        tally(found.into_iter())
    }

    /// The query's terms in a paragraph (`text`), from its kept terms. Letters are found inside
    /// terms, which a hash cannot tell, so a query with letters analyses the text.
    fn matched_in(&self, paragraph: &Paragraph, text: &str) -> (usize, Vec<Range<usize>>) {
        if !self.letters.is_empty() {
            return self.matched(text);
        }
        let wanted = paragraph.tokens.iter().filter(|t| self.hashes.binary_search(&t.term).is_ok());
        tally(wanted.map(|t| (t.term, usize::from(t.from)..usize::from(t.to))))
    }

    /// `body`'s paragraphs (as far as the highlighter reads), each with its terms.
    fn paragraphs(&self, body: &str) -> Box<[Paragraph]> {
        let mut out = Vec::new();
        let mut scanned = 0;
        for paragraph in body.split('\n') {
            if scanned >= SNIPPET_SCAN_BYTES {
                break;
            }
            let paragraph = &paragraph[..paragraph.floor_char_boundary(SNIPPET_SCAN_BYTES - scanned)];
            let mut tokens = Vec::new();
            let mut stream = self.tokenizer.clone().token_stream(paragraph);
            while let Some(t) = stream.next() {
                tokens.push(Token { term: hash(&t.text), from: t.offset_from as u16, to: t.offset_to as u16 });
            }
            out.push(Paragraph { end: scanned + paragraph.len(), tokens: tokens.into() });
            scanned += paragraph.len() + 1;
        }
        out.into()
    }

    /// The passage of the body's paragraph that holds most of the query's terms, else of the
    /// summary, highlighted; `SNIPPET_CHARS` characters long. `memo` keeps the body's
    /// paragraphs for the next search.
    pub(crate) fn for_text(&self, body: &str, memo: &Paragraphs, summary: &str) -> Option<String> {
        let mut best: Option<(usize, &str, Vec<Range<usize>>)> = None;
        let mut start = 0;
        for paragraph in memo.get_or_init(|| self.paragraphs(body)).iter() {
            let text = &body[start..paragraph.end];
            start = paragraph.end + 1;
            let (count, ranges) = self.matched_in(paragraph, text);
            if count > best.as_ref().map_or(0, |b| b.0) {
                best = Some((count, text, ranges));
            }
        }
        let (text, ranges) = match best {
            Some((_, text, ranges)) => (text, ranges),
            None => match self.matched(summary) {
                (0, _) => return None,
                (_, ranges) => (summary, ranges),
            },
        };
        Some(window(text, &merged(&ranges)))
    }
}

/// The `SNIPPET_CHARS` characters of `text` that hold the most highlighted ranges, a little
/// lead-in before the first, as HTML.
fn window(text: &str, ranges: &[Range<usize>]) -> String {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let chars = bounds.len() - 1;
    let char_at = |byte: usize| bounds.partition_point(|&b| b < byte);
    let span = |anchor: &Range<usize>| {
        let start = char_at(anchor.start).saturating_sub(SNIPPET_LEAD_CHARS);
        let start = start.min(chars.saturating_sub(SNIPPET_CHARS));
        bounds[start]..bounds[(start + SNIPPET_CHARS).min(chars)]
    };
    let covered = |w: &Range<usize>| ranges.iter().filter(|r| w.start <= r.start && r.end <= w.end).count();
    let best = ranges.iter().map(span).fold(None::<(usize, Range<usize>)>, |best, w| {
        let n = covered(&w);
        if best.as_ref().is_some_and(|(m, _)| *m >= n) { best } else { Some((n, w)) }
    });
    let frame = best.map_or(0..bounds[SNIPPET_CHARS.min(chars)], |(_, w)| w);
    let inside: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start < frame.end && r.end > frame.start)
        .map(|r| r.start.max(frame.start) - frame.start..r.end.min(frame.end) - frame.start)
        .collect();
    highlight(&text[frame], &inside)
}

/// `text` as HTML: `ranges` in `<mark>`, the rest escaped.
fn highlight(text: &str, ranges: &[Range<usize>]) -> String {
    let mut html = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for range in ranges {
        escape_into(&mut html, &text[at..range.start]);
        html.push_str("<mark>");
        escape_into(&mut html, &text[range.clone()]);
        html.push_str("</mark>");
        at = range.end;
    }
    escape_into(&mut html, &text[at..]);
    html
}

/// Highlighted ranges sorted and merged: CJK bigrams overlap (造腫, 腫瘍), and one mark
/// should cover the word.
fn merged(ranges: &[std::ops::Range<usize>]) -> Vec<std::ops::Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped for HTML.
fn escape_into(out: &mut String, text: &str) {
    // Copies the runs between special characters whole; they are ASCII, so never inside a
    // character of several bytes.
    let mut at = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[at..i]);
        out.push_str(entity);
        at = i + 1;
    }
    out.push_str(&text[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::terms;

    #[test]
    fn escaping_replaces_the_five_specials_and_keeps_every_other_character() {
        assert_eq!(
            escape(r#"<a href="x">'造腫瘍性' & é</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;造腫瘍性&#39; &amp; é&lt;/a&gt;"
        );
        assert_eq!(escape("no specials: 세포"), "no specials: 세포");
    }

    #[test]
    fn the_paragraph_with_most_query_terms_is_shown_and_kept_terms_agree_with_the_text() {
        let snippets = Snippets::new(Arc::default(), terms("potency assays").into_iter().collect(), vec![]);
        let body = "Nothing here.\nPotency matters.\nThe potency assay is validated & <b>kept</b>.\nMore.";
        let memo = Paragraphs::new();
        let first = snippets.for_text(body, &memo, "summary").unwrap();
        assert_eq!(first, "The <mark>potency</mark> <mark>assay</mark> is validated &amp; &lt;b&gt;kept&lt;/b&gt;.");
        // The second search reads the kept terms, not the text: the same snippet.
        assert!(memo.get().is_some());
        assert_eq!(snippets.for_text(body, &memo, "summary").unwrap(), first);
        // No paragraph holds a term: the summary, if it does; else nothing.
        let other = Snippets::new(Arc::default(), terms("shedding").into_iter().collect(), vec![]);
        assert_eq!(other.for_text(body, &memo, "Shedding studies").unwrap(), "<mark>Shedding</mark> studies");
        assert_eq!(other.for_text(body, &memo, "summary"), None);
    }
}
