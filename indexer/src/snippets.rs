//! Snippets: the passage of a hit's text that holds most of the query's terms, highlighted.
//!
//! A text is analysed for snippets once, the first time a search shows it: it keeps its terms'
//! hashes and places and where its paragraphs end, so later searches find the paragraph with most
//! of the query's terms, and where to highlight them, without analysing the text again.

use std::hash::BuildHasher;
use std::iter::Peekable;
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

/// A paragraph of a text.
pub(crate) struct Paragraph {
    /// Where it ends in the text, in bytes; it starts after the previous one's end and newline.
    end: usize,
    /// Whether it is all ASCII, where a character is a byte and need not be counted.
    ascii: bool,
}

/// A term of a text: its hash, and where it is, in bytes from the text's start (a text is read
/// up to `SNIPPET_SCAN_BYTES`, so an offset fits in 16 bits).
struct Token {
    term: u32,
    from: u16,
    to: u16,
}

/// The terms of a text, sorted by term, then place: a query's few terms are looked up in it,
/// not each of its terms in the query's.
struct Terms(Box<[Token]>);

impl Terms {
    /// The places of term `hash`, in text order.
    fn places(&self, hash: u32) -> &[Token] {
        let start = self.0.partition_point(|t| t.term < hash);
        let len = self.0[start..].partition_point(|t| t.term == hash);
        &self.0[start..start + len]
    }
}

/// A text's paragraphs and terms, and its summary's terms: analysed when first needed.
pub(crate) type Paragraphs = OnceLock<Analysed>;

/// The paragraphs of a text and the terms of all of them, and the terms of its summary.
pub(crate) struct Analysed {
    paragraphs: Box<[Paragraph]>,
    body: Terms,
    summary: Terms,
}

impl Analysed {
    /// The paragraph a term at `byte` is in.
    fn paragraph_of(&self, byte: u16) -> usize {
        self.paragraphs.partition_point(|p| p.end <= usize::from(byte))
    }

    /// Where paragraph `i` starts in the text.
    fn start_of(&self, i: usize) -> usize {
        i.checked_sub(1).map_or(0, |p| self.paragraphs[p].end + 1)
    }
}

fn hash(term: &str) -> u32 {
    // FxHash mixes into the high bits.
    (FxBuildHasher.hash_one(term) >> 32) as u32
}

/// Highlighters for a query: which terms of a text are the query's.
pub(crate) struct Snippets {
    tokenizer: RegkbTokenizer,
    /// The query's words and concept terms.
    wanted: FxHashSet<String>,
    /// Their hashes, without repeats.
    hashes: Vec<u32>,
    /// The query's single letters of unspaced scripts, found inside bigrams.
    letters: Vec<char>,
}

impl Snippets {
    /// Highlighters for the terms `wanted` and the letters `letters`.
    pub(crate) fn new(synonyms: Arc<Synonyms>, wanted: FxHashSet<String>, letters: Vec<char>) -> Snippets {
        let mut hashes: Vec<u32> = wanted.iter().map(|t| hash(t)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        Snippets { tokenizer: RegkbTokenizer::with_concepts(synonyms), wanted, hashes, letters }
    }

    fn wants(&self, term: &str) -> bool {
        self.wanted.contains(term) || (!term.starts_with('~') && self.letters.iter().any(|&c| term.contains(c)))
    }

    /// The query's terms in `text`, analysing it: how many different ones, and where.
    fn matched(&self, text: &str) -> (usize, Vec<Range<usize>>) {
        let mut found = Vec::new();
        let mut stream = self.tokenizer.clone().token_stream(text);
        while let Some(token) = stream.next() {
            if self.wants(&token.text) {
                found.push((hash(&token.text), token.offset_from..token.offset_to));
            }
        }
        let (mut distinct, ranges): (Vec<u32>, Vec<Range<usize>>) = found.into_iter().unzip();
        distinct.sort_unstable();
        distinct.dedup();
        (distinct.len(), ranges)
    }

    /// Where the query's terms are among `terms`, in bytes from the text's start.
    fn ranges<'a>(&'a self, terms: &'a Terms) -> impl Iterator<Item = Range<usize>> + 'a {
        self.hashes.iter().flat_map(|&h| terms.places(h)).map(|t| usize::from(t.from)..usize::from(t.to))
    }

    /// The paragraphs of `pieces` (a text split at newlines) and their terms, as far as the
    /// highlighter reads.
    fn terms<'t>(&self, pieces: impl Iterator<Item = &'t str>) -> (Vec<Paragraph>, Terms) {
        let (mut paragraphs, mut tokens) = (Vec::new(), Vec::new());
        let mut start = 0;
        for paragraph in scanned(pieces) {
            let mut stream = self.tokenizer.clone().token_stream(paragraph);
            while let Some(t) = stream.next() {
                let (from, to) = ((start + t.offset_from) as u16, (start + t.offset_to) as u16);
                tokens.push(Token { term: hash(&t.text), from, to });
            }
            paragraphs.push(Paragraph { end: start + paragraph.len(), ascii: paragraph.is_ascii() });
            start += paragraph.len() + 1;
        }
        tokens.sort_unstable_by_key(|t| (t.term, t.from));
        (paragraphs, Terms(tokens.into()))
    }

    fn analyse(&self, body: &str, summary: &str) -> Analysed {
        let (paragraphs, body) = self.terms(body.split('\n'));
        let (_, summary) = self.terms(std::iter::once(summary));
        Analysed { paragraphs: paragraphs.into(), body, summary }
    }

    /// The first of the paragraphs holding the most different terms of the query, if any does.
    fn best_paragraph(&self, analysed: &Analysed) -> Option<usize> {
        let mut counts = vec![0u16; analysed.paragraphs.len()];
        for &h in &self.hashes {
            // A term's places are in text order: each paragraph it is in counts once.
            let mut last = None;
            for t in analysed.body.places(h) {
                let p = analysed.paragraph_of(t.from);
                if last != Some(p) {
                    counts[p] += 1;
                    last = Some(p);
                }
            }
        }
        let most = *counts.iter().max()?;
        (most > 0).then(|| counts.iter().position(|&c| c == most).expect("the most is among them"))
    }

    /// The passage of the body's paragraph that holds most of the query's terms, else of the
    /// summary, highlighted; `SNIPPET_CHARS` characters long. `memo` keeps the terms of the
    /// body's paragraphs and of the summary for the next search.
    pub(crate) fn for_text(&self, body: &str, summary: &str, memo: &Paragraphs) -> Option<String> {
        // Letters are found inside terms, which a hash cannot tell: such a query analyses the text.
        if !self.letters.is_empty() {
            return self.for_text_analysing(body, summary);
        }
        let analysed = memo.get_or_init(|| self.analyse(body, summary));
        let (text, ranges, ascii) = match self.best_paragraph(analysed) {
            Some(i) => {
                let (start, end) = (analysed.start_of(i), analysed.paragraphs[i].end);
                let inside = self.ranges(&analysed.body).filter(|r| (start..end).contains(&r.start));
                let ranges = inside.map(|r| r.start - start..r.end - start).collect();
                (&body[start..end], ranges, analysed.paragraphs[i].ascii)
            }
            // The summary is shown whole, though analysed only as far as the highlighter reads.
            None => {
                let ranges: Vec<Range<usize>> = self.ranges(&analysed.summary).collect();
                if ranges.is_empty() {
                    return None;
                }
                (summary, ranges, summary.is_ascii())
            }
        };
        Some(window(text, &merged(ranges), ascii))
    }

    /// `for_text` for a query with letters, analysing the paragraphs.
    fn for_text_analysing(&self, body: &str, summary: &str) -> Option<String> {
        let mut best: Option<(usize, &str, Vec<Range<usize>>)> = None;
        for text in scanned(body.split('\n')) {
            let (count, ranges) = self.matched(text);
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
        Some(window(text, &merged(ranges), text.is_ascii()))
    }
}

/// The paragraphs the highlighter reads: `pieces` (a text split at newlines) up to
/// `SNIPPET_SCAN_BYTES` in all, counting one byte for each newline.
fn scanned<'t>(pieces: impl Iterator<Item = &'t str>) -> impl Iterator<Item = &'t str> {
    let mut left = SNIPPET_SCAN_BYTES;
    pieces.map_while(move |piece| {
        let piece = (left > 0).then(|| &piece[..piece.floor_char_boundary(left)])?;
        left = left.saturating_sub(piece.len() + 1);
        Some(piece)
    })
}

/// Where each of `ranges` (sorted, apart) starts and ends in `text`, in characters, and the text's
/// length in characters: counted in one pass, unless the text is all `ascii`.
fn char_bounds(text: &str, ranges: &[Range<usize>], ascii: bool) -> (Vec<usize>, Vec<usize>, usize) {
    if ascii {
        return (ranges.iter().map(|r| r.start).collect(), ranges.iter().map(|r| r.end).collect(), text.len());
    }
    let (mut starts, mut ends) = (Vec::with_capacity(ranges.len()), Vec::with_capacity(ranges.len()));
    let (mut byte, mut chars) = (0, 0);
    let mut count = |to: usize| {
        chars += text[byte..to].chars().count();
        byte = to;
        chars
    };
    for r in ranges {
        starts.push(count(r.start));
        ends.push(count(r.end));
    }
    let total = count(text.len());
    (starts, ends, total)
}

/// The byte offset `n` characters before `byte` in `text`, or its start.
fn back(text: &str, byte: usize, n: usize) -> usize {
    // Where the characters are ASCII, as in most English text, a character is a byte.
    let from = byte.saturating_sub(n);
    if text.as_bytes()[from..byte].is_ascii() {
        return from;
    }
    text[..byte].char_indices().rev().take(n).last().map_or(byte, |(i, _)| i)
}

/// The byte offset `n` characters after `byte` in `text`, or its end.
fn forward(text: &str, byte: usize, n: usize) -> usize {
    let to = (byte + n).min(text.len());
    if text.as_bytes()[byte..to].is_ascii() {
        return to;
    }
    text[byte..].char_indices().nth(n).map_or(text.len(), |(i, _)| byte + i)
}

/// The `SNIPPET_CHARS` characters of `text` that hold the most highlighted ranges (sorted, apart),
/// `SNIPPET_LEAD_CHARS` before the first, or the text's last `SNIPPET_CHARS` when fewer follow; as
/// HTML. The windows are compared in characters, each range's bounds counted once (`ascii`: the
/// text is all ASCII); only the chosen one is walked in the text.
fn window(text: &str, ranges: &[Range<usize>], ascii: bool) -> String {
    let (starts, ends, total) = char_bounds(text, ranges, ascii);
    let lead = |i: usize| starts[i].saturating_sub(SNIPPET_LEAD_CHARS);
    let fits = |start: usize| total - start >= SNIPPET_CHARS;
    let chars = |i: usize| match lead(i) {
        start if fits(start) => start..start + SNIPPET_CHARS,
        _ => total.saturating_sub(SNIPPET_CHARS)..total,
    };
    // Ranges are sorted and apart, so those inside a window are a run of them.
    let covered = |w: Range<usize>| {
        ends.partition_point(|&e| e <= w.end).saturating_sub(starts.partition_point(|&s| s < w.start))
    };
    let best = (0..starts.len()).map(|i| (covered(chars(i)), i)).fold(None::<(usize, usize)>, |best, (n, i)| {
        if best.is_some_and(|(m, _)| m >= n) { best } else { Some((n, i)) }
    });
    let frame = match best {
        None => 0..forward(text, 0, SNIPPET_CHARS),
        Some((_, i)) if fits(lead(i)) => {
            let start = back(text, ranges[i].start, SNIPPET_LEAD_CHARS);
            start..forward(text, start, SNIPPET_CHARS)
        }
        Some(_) => back(text, text.len(), SNIPPET_CHARS)..text.len(),
    };
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
    let mut escaping = Escaping::new(text);
    for range in ranges {
        escaping.write(&mut html, range.start);
        html.push_str("<mark>");
        escaping.write(&mut html, range.end);
        html.push_str("</mark>");
    }
    escaping.write(&mut html, text.len());
    html
}

/// Highlighted ranges sorted and merged: CJK bigrams overlap (造腫, 腫瘍), and one mark
/// should cover the word.
fn merged(mut sorted: Vec<Range<usize>>) -> Vec<Range<usize>> {
    sorted.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
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
    Escaping::new(text).write(out, text.len());
}

/// A text written as HTML from its start, piece by piece: its special characters are rare, so
/// they are found by memchr's wide scans, each byte scanned once however many pieces there are,
/// and the runs between them copied whole (the specials are ASCII, so never inside a character).
struct Escaping<'t> {
    text: &'t str,
    /// Where the next piece starts.
    at: usize,
    angles: Peekable<memchr::Memchr3<'t>>,
    quotes: Peekable<memchr::Memchr2<'t>>,
}

impl<'t> Escaping<'t> {
    fn new(text: &'t str) -> Escaping<'t> {
        let bytes = text.as_bytes();
        let angles = memchr::memchr3_iter(b'&', b'<', b'>', bytes).peekable();
        let quotes = memchr::memchr2_iter(b'"', b'\'', bytes).peekable();
        Escaping { text, at: 0, angles, quotes }
    }

    /// The next special character before `end`.
    fn next_before(&mut self, end: usize) -> Option<usize> {
        let angle = self.angles.peek().filter(|&&i| i < end);
        let quote = self.quotes.peek().filter(|&&i| i < end);
        match (angle, quote) {
            (Some(a), Some(q)) if q < a => self.quotes.next(),
            (Some(_), _) => self.angles.next(),
            (None, Some(_)) => self.quotes.next(),
            (None, None) => None,
        }
    }

    /// Appends the text from where the last piece ended up to `end`, escaped.
    fn write(&mut self, out: &mut String, end: usize) {
        while let Some(i) = self.next_before(end) {
            let entity = match self.text.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            };
            out.push_str(&self.text[self.at..i]);
            out.push_str(entity);
            self.at = i + 1;
        }
        out.push_str(&self.text[self.at..end]);
        self.at = end;
    }
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
    #[allow(clippy::single_range_in_vec_init, reason = "each case is a list of highlighted ranges")]
    fn highlighting_escapes_the_pieces_around_marks_as_whole_texts() {
        let text = r#"a<b "c" & 'd' >e<f"#;
        let cases: [&[Range<usize>]; 5] = [&[], &[0..1], &[1..4, 6..9], &[2..3, 10..text.len()], &[0..text.len()]];
        for ranges in cases {
            let mut expected = String::new();
            let mut at = 0;
            for r in ranges {
                expected += &format!("{}<mark>{}</mark>", escape(&text[at..r.start]), escape(&text[r.clone()]));
                at = r.end;
            }
            expected += &escape(&text[at..]);
            assert_eq!(highlight(text, ranges), expected, "{ranges:?}");
        }
    }

    #[test]
    fn the_paragraph_with_most_query_terms_is_shown_and_kept_terms_agree_with_the_text() {
        let snippets = Snippets::new(Arc::default(), terms("potency assays").into_iter().collect(), vec![]);
        let body = "Nothing here.\nPotency matters.\nThe potency assay is validated & <b>kept</b>.\nMore.";
        let memo = Paragraphs::new();
        let first = snippets.for_text(body, "summary", &memo).unwrap();
        assert_eq!(first, "The <mark>potency</mark> <mark>assay</mark> is validated &amp; &lt;b&gt;kept&lt;/b&gt;.");
        // The second search reads the kept terms, not the text: the same snippet.
        assert!(memo.get().is_some());
        assert_eq!(snippets.for_text(body, "summary", &memo).unwrap(), first);
        // No paragraph holds a term: the summary, if it does (from its kept terms the second
        // time); else nothing.
        let other = Snippets::new(Arc::default(), terms("shedding").into_iter().collect(), vec![]);
        let with_summary = Paragraphs::new();
        for _ in 0..2 {
            let snippet = other.for_text(body, "Shedding studies", &with_summary);
            assert_eq!(snippet.unwrap(), "<mark>Shedding</mark> studies");
        }
        assert_eq!(other.for_text(body, "summary", &memo), None);
    }

    #[test]
    fn a_query_with_letters_analyses_the_text_and_finds_them_inside_words() {
        let snippets = Snippets::new(Arc::default(), FxHashSet::default(), vec!['腫']);
        let body = "関係ない。\n造腫瘍性試験を行う。";
        let snippet = snippets.for_text(body, "要約", &Paragraphs::new()).unwrap();
        assert!(snippet.contains("<mark>") && snippet.contains('腫'), "{snippet}");
        assert!(!snippet.contains("関係"), "{snippet}");
    }

    #[test]
    fn the_window_holds_the_most_marks_with_a_lead_in_and_ends_at_the_text_end() {
        let long = format!("{} needle {} needle needle {}", "α".repeat(300), "β".repeat(100), "γ".repeat(300));
        let ranges: Vec<Range<usize>> = long.match_indices("needle").map(|(i, m)| i..i + m.len()).collect();
        let html = window(&long, &ranges, long.is_ascii());
        assert_eq!(html.chars().count() - "<mark></mark>".len() * 3, SNIPPET_CHARS);
        assert_eq!(html.matches("<mark>").count(), 3);
        assert!(html.starts_with(&"α".repeat(SNIPPET_LEAD_CHARS - 1)), "{html}");
        // Near the end, the window is the text's last characters; a short text is shown whole.
        let tail = format!("{}needle", "δ".repeat(400));
        let needle = tail.len() - 6..tail.len();
        let html = window(&tail, std::slice::from_ref(&needle), tail.is_ascii());
        assert!(html.ends_with("<mark>needle</mark>") && html.chars().count() == SNIPPET_CHARS + 13);
        assert_eq!(window("short ∑ text", &[], false), "short ∑ text");
    }

    #[test]
    fn walking_by_characters_agrees_in_ascii_and_beyond() {
        for text in ["plain ascii text", "", "α β γ", "ab造腫瘍性cd", "mixed: α then plain"] {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
            for &byte in &bounds {
                for n in 0..6 {
                    let slow_back = text[..byte].char_indices().rev().take(n).last().map_or(byte, |(i, _)| i);
                    let slow_forward = text[byte..].char_indices().nth(n).map_or(text.len(), |(i, _)| byte + i);
                    assert_eq!(back(text, byte, n), slow_back, "back({text:?}, {byte}, {n})");
                    assert_eq!(forward(text, byte, n), slow_forward, "forward({text:?}, {byte}, {n})");
                }
            }
            let words: Vec<Range<usize>> = text.match_indices("a").map(|(i, m)| i..i + m.len()).collect();
            if text.is_ascii() {
                assert_eq!(char_bounds(text, &words, true), char_bounds(text, &words, false), "{text:?}");
            }
        }
    }
}
