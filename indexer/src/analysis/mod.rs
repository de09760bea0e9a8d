//! The one text analyzer of regkb, used to index, to parse queries and to build the static export's
//! client-side index, so that all three find the same things.
//!
//! Text is split into words (Latin and other spaced scripts, numbers) and runs of scripts written
//! without spaces (Han, Kana, Hangul, Thai, Lao, Khmer, Myanmar); everything else separates.
//! Each piece is NFKC-folded and lower-cased. A word then gets UK -> US spelling and the English
//! Snowball stemmer (not if it holds a digit); an unspaced run becomes overlapping bigrams (one
//! character: a unigram), which needs no dictionary and treats all those scripts alike. Every term
//! takes one position, so phrases work across both kinds; offsets point into the original text.

mod script;
mod spelling;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_compatible, is_combining_mark};

pub use script::{SCRIPT_CLUES, languages_of};
pub use spelling::spelling_rules_json;

use crate::synonyms::Synonyms;

/// The name the analyzer is registered under in tantivy's tokenizer manager.
pub const TOKENIZER_NAME: &str = "regkb";

/// Longer Latin terms are dropped: they are hashes, base64 or run-together junk, not words.
const MAX_TERM_BYTES: usize = 64;

/// Shorter words are kept whole (see [`stem`]).
pub const MIN_STEMMED_CHARS: usize = 4;

/// NFKC shrinks a character at most fourfold (𝐀 -> a), so longer words cannot fit in a term.
const MAX_WORD_BYTES: usize = 4 * MAX_TERM_BYTES;

/// Bounds the per-thread memo of word -> term. A server's threads each keep one, and a stream of
/// distinct queries fills them all; a few thousand words keep the frequent ones (indexing 10,000
/// records took the same CPU time as with 200,000) in well under a MiB per thread.
const CACHE_LIMIT: usize = 4_096;

/// One term of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The term as indexed.
    pub text: String,
    /// Index of the term in the text, one per term.
    pub position: usize,
    /// Byte offset of the original piece in the analysed text.
    pub offset_from: usize,
    /// Byte offset just past the original piece.
    pub offset_to: usize,
}

/// Analyses `text` into its terms with positions and original byte offsets.
pub fn analyze(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_term(text, |term, offsets| {
        let position = tokens.len();
        tokens.push(Token { text: term.to_string(), position, offset_from: offsets.start, offset_to: offsets.end });
    });
    tokens
}

/// Analyses `text` into its terms only, e.g. to build the static export's index.
pub fn terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for_each_term(text, |term, _| terms.push(term.to_string()));
    terms
}

/// Calls `f` with each term of `text`, allocating nothing per term.
pub fn each_term(text: &str, mut f: impl FnMut(&str)) {
    for_each_term(text, |term, _| f(term));
}

/// Folds one word as the analyzer does before stemming: NFKC, lower case, UK -> US spelling.
pub fn normalize_word(word: &str) -> String {
    let mut folded = String::new();
    fold(word, &mut folded);
    spelling::americanize(&mut folded);
    folded
}

/// Stems a word from [`normalize_word`] with the English Snowball stemmer. Words holding a digit and
/// words under four characters stay as they are: Snowball would make iPS the IP of intellectual
/// property. `stem(&normalize_word(w))` is the term the analyzer gives for the Latin word `w`.
pub fn stem(word: &str) -> String {
    stem_with(&Stemmer::create(Algorithm::English), word)
}

fn stem_with(stemmer: &Stemmer, word: &str) -> String {
    if word.chars().nth(MIN_STEMMED_CHARS - 1).is_none() || word.chars().any(char::is_numeric) {
        word.to_string()
    } else {
        stemmer.stem(word).into_owned()
    }
}

/// The analyzer as a tantivy tokenizer; register it with
/// `index.tokenizers().register(TOKENIZER_NAME, RegkbTokenizer::default())`.
///
/// With concepts, every run of terms that spells a glossary or modality term also yields the
/// concept's term ([`Synonyms::term`]) at the run's first position, spanning the run, so that
/// one query term finds every spelling, and highlights it.
#[derive(Clone, Default)]
pub struct RegkbTokenizer {
    concepts: Option<Arc<Synonyms>>,
}

impl RegkbTokenizer {
    /// The analyzer that also marks the concepts of `synonyms`.
    pub fn with_concepts(synonyms: Arc<Synonyms>) -> RegkbTokenizer {
        RegkbTokenizer { concepts: Some(synonyms) }
    }
}

impl tantivy::tokenizer::Tokenizer for RegkbTokenizer {
    type TokenStream<'a> = RegkbTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> RegkbTokenStream {
        let mut stream = RegkbTokenStream::default();
        for_each_term(text, |term, offsets| {
            let start = stream.terms.len();
            stream.terms.push_str(term);
            let position = stream.spans.len();
            stream.spans.push(Span { term: start..stream.terms.len(), offsets, position });
        });
        if let Some(synonyms) = &self.concepts {
            stream.mark_concepts(text, synonyms);
        }
        stream
    }
}

/// How one term of a text joins the next, which decides where a glossary spelling may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joint {
    /// Inside one unspaced run, or across a space or other separator within a sentence.
    Space,
    /// A hyphen inside a word: `non-clinical`. A spelling may not start after one.
    Hyphen,
    /// A paragraph, block or sentence ends between them. No spelling reaches across.
    Break,
}

/// How each term joins the next: `offsets[i]` are term `i`'s bytes in `text`.
pub fn joints(text: &str, offsets: &[Range<usize>]) -> Vec<Joint> {
    offsets.windows(2).map(|pair| joint(text, &pair[0], &pair[1])).collect()
}

fn joint(text: &str, left: &Range<usize>, right: &Range<usize>) -> Joint {
    if right.start <= left.end {
        return Joint::Space;
    }
    let gap = &text[left.end..right.start];
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        let ends_sentence = matches!(c, '\n' | '。' | '！' | '？' | '；' | '!' | '?' | ';')
            || (c == '.' && chars.peek().is_none_or(|n| n.is_whitespace()));
        if ends_sentence {
            return Joint::Break;
        }
    }
    let hyphen = gap.chars().all(|c| matches!(c, '-' | '\u{2010}' | '\u{2011}'));
    let word = |c: Option<char>| c.is_some_and(|c| class(c) == Class::Word);
    if hyphen && word(text[..left.end].chars().next_back()) && word(text[right.start..].chars().next()) {
        Joint::Hyphen
    } else {
        Joint::Space
    }
}

/// The terms of one text for tantivy, as [`analyze`] gives them.
#[derive(Default)]
pub struct RegkbTokenStream {
    // All terms in one string, so a text costs a few allocations rather than one per term.
    terms: String,
    spans: Vec<Span>,
    next: usize,
    token: tantivy::tokenizer::Token,
}

struct Span {
    term: Range<usize>,
    offsets: Range<usize>,
    position: usize,
}

impl RegkbTokenStream {
    /// Inserts a concept term after the first term of each run that spells a concept.
    fn mark_concepts(&mut self, text: &str, synonyms: &Synonyms) {
        let words: Vec<&str> = self.spans.iter().map(|s| &self.terms[s.term.clone()]).collect();
        let offsets: Vec<Range<usize>> = self.spans.iter().map(|s| s.offsets.clone()).collect();
        let found = synonyms.find(&words, &joints(text, &offsets), &mut String::new());
        if found.is_empty() {
            return;
        }
        let marks: Vec<_> = found
            .into_iter()
            .map(|s| {
                let bytes = offsets[s.tokens.start].start..offsets[s.tokens.end - 1].end;
                (s.tokens.start, Synonyms::term(s.concept), bytes)
            })
            .collect();
        let mut spans = Vec::with_capacity(self.spans.len() + marks.len());
        let mut marks = marks.into_iter().peekable();
        for (i, span) in std::mem::take(&mut self.spans).into_iter().enumerate() {
            spans.push(span);
            while let Some((_, term, offsets)) = marks.next_if(|m| m.0 == i) {
                let start = self.terms.len();
                self.terms.push_str(&term);
                spans.push(Span { term: start..self.terms.len(), offsets, position: i });
            }
        }
        self.spans = spans;
    }
}

impl tantivy::tokenizer::TokenStream for RegkbTokenStream {
    fn advance(&mut self) -> bool {
        let Some(span) = self.spans.get(self.next) else { return false };
        self.token.text.clear();
        self.token.text.push_str(&self.terms[span.term.clone()]);
        self.token.offset_from = span.offsets.start;
        self.token.offset_to = span.offsets.end;
        self.token.position = span.position;
        self.next += 1;
        true
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.token
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    /// A script written without spaces between words.
    Unspaced,
    Mark,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() { Class::Word } else { Class::Other };
    }
    if is_unspaced(c) {
        Class::Unspaced
    } else if c.is_alphanumeric() {
        Class::Word
    } else if is_combining_mark(c) {
        Class::Mark
    } else {
        Class::Other
    }
}

/// Whether `c` is written without spaces between words (CJK, Thai, Lao, Khmer, Myanmar), so that its
/// runs are indexed as bigrams.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        // Thai, Lao, Myanmar, Khmer, their vowel signs and tone marks included
        '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}'
        // Han: radicals, 々〆〇, extension A, unified, compatibility, extensions B-I and supplements
        | '\u{2E80}'..='\u{2FDF}' | '\u{3005}'..='\u{3007}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{323AF}'
        // Hiragana (without the spacing sound marks ゛゜, which NFKC turns into a space), Katakana with
        // ー but not the ・ separator, phonetic extensions, half-width katakana with ｰﾞﾟ, kana supplements
        | '\u{3041}'..='\u{309A}' | '\u{309D}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' | '\u{1B000}'..='\u{1B16F}'
        // Hangul: jamo, compatibility jamo, extended jamo, syllables, half-width
        | '\u{1100}'..='\u{11FF}' | '\u{3131}'..='\u{318E}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7AF}'
        | '\u{D7B0}'..='\u{D7FF}' | '\u{FFA0}'..='\u{FFDC}')
}

/// Characters that NFKC leaves alone, so an unspaced run can skip decomposing them.
fn is_stable_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{AC00}'..='\u{D7A3}'
        | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}')
}

/// Per-thread scratch space and memo, so that indexing allocates little and stems each word once.
struct Analyzer {
    stemmer: Stemmer,
    // Word as written -> term; "" when the term is too long to keep.
    cache: HashMap<Box<str>, Box<str>>,
    folded: String,
    // NFKC characters of a CJK run with the original bytes each came from.
    chars: Vec<(char, Range<usize>)>,
    bigram: String,
}

thread_local! {
    static ANALYZER: RefCell<Analyzer> = RefCell::new(Analyzer {
        stemmer: Stemmer::create(Algorithm::English),
        cache: HashMap::new(),
        folded: String::new(),
        chars: Vec::new(),
        bigram: String::new(),
    });
}

/// Calls `emit` with each term of `text` and the original bytes it came from, in position order.
fn for_each_term(text: &str, mut emit: impl FnMut(&str, Range<usize>)) {
    ANALYZER.with_borrow_mut(|analyzer| {
        let mut run = (Class::Other, 0);
        for (i, c) in text.char_indices() {
            let class = match class(c) {
                // A combining mark belongs to the word before it (café written as e + ◌́).
                Class::Mark if run.0 == Class::Word => Class::Word,
                Class::Mark => Class::Other,
                class => class,
            };
            if class != run.0 {
                analyzer.run(text, run.0, run.1..i, &mut emit);
                run = (class, i);
            }
        }
        analyzer.run(text, run.0, run.1..text.len(), &mut emit);
    });
}

impl Analyzer {
    fn run(&mut self, text: &str, class: Class, range: Range<usize>, emit: &mut impl FnMut(&str, Range<usize>)) {
        match class {
            Class::Word => self.word(&text[range.clone()], range, emit),
            Class::Unspaced => self.unspaced(text, range, emit),
            Class::Mark | Class::Other => {}
        }
    }

    fn word(&mut self, word: &str, range: Range<usize>, emit: &mut impl FnMut(&str, Range<usize>)) {
        if word.len() > MAX_WORD_BYTES {
            return;
        }
        if let Some(term) = self.cache.get(word) {
            if !term.is_empty() {
                emit(term, range);
            }
            return;
        }
        fold(word, &mut self.folded);
        spelling::americanize(&mut self.folded);
        let mut term = stem_with(&self.stemmer, &self.folded);
        if term.len() > MAX_TERM_BYTES {
            term.clear();
        }
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        if !term.is_empty() {
            emit(&term, range);
        }
        self.cache.insert(word.into(), term.into());
    }

    fn unspaced(&mut self, text: &str, range: Range<usize>, emit: &mut impl FnMut(&str, Range<usize>)) {
        let chars = &mut self.chars;
        chars.clear();
        for (i, c) in text[range.clone()].char_indices() {
            let bytes = range.start + i..range.start + i + c.len_utf8();
            if is_stable_cjk(c) {
                push_composed(chars, c, bytes);
            } else {
                decompose_compatible(c, |d| push_composed(chars, d, bytes.clone()));
            }
        }
        if let [(c, bytes)] = chars.as_slice() {
            self.bigram.clear();
            self.bigram.push(*c);
            emit(&self.bigram, bytes.clone());
        }
        for pair in chars.windows(2) {
            self.bigram.clear();
            self.bigram.push(pair[0].0);
            self.bigram.push(pair[1].0);
            emit(&self.bigram, pair[0].1.start..pair[1].1.end);
        }
    }
}

/// Adds a decomposed character, composing it with the one before as NFKC would (ｶﾞ -> ガ, ᄀ+ᅡ -> 가).
fn push_composed(chars: &mut Vec<(char, Range<usize>)>, c: char, bytes: Range<usize>) {
    if let Some((last, last_bytes)) = chars.last_mut()
        && let Some(composed) = compose(*last, c)
    {
        *last = composed;
        last_bytes.end = bytes.end;
        return;
    }
    chars.push((c, bytes));
}

/// NFKC and lower case into `out`.
fn fold(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.nfkc().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_terms(a: &str, b: &str) {
        assert_eq!(terms(a), terms(b), "{a} / {b}");
    }

    #[test]
    fn uk_and_us_spellings_meet() {
        for (uk, us) in [
            ("tumourigenicity", "tumorigenicity"),
            ("tumours", "tumors"),
            ("characterisation", "characterization"),
            ("characterised", "characterized"),
            ("haematopoietic", "hematopoietic"),
            ("haemophilia", "hemophilia"),
            ("anaemia", "anemia"),
            ("leukaemia", "leukemia"),
            ("ischaemic", "ischemic"),
            ("aetiology", "etiology"),
            ("oedema", "edema"),
            ("foetal", "fetal"),
            ("oesophageal", "esophageal"),
            ("paediatric", "pediatric"),
            ("analyse", "analyze"),
            ("analysed", "analyzed"),
            ("randomisation", "randomization"),
            ("organisations", "organizations"),
            ("colour", "color"),
            ("behaviours", "behaviors"),
            ("unfavourable", "unfavorable"),
            ("centre", "center"),
            ("centres", "centers"),
            ("fibres", "fibers"),
            ("millilitre", "milliliter"),
            ("catalogue", "catalog"),
            ("analogues", "analogs"),
            ("labelled", "labeled"),
            ("labelling", "labeling"),
            ("modelling", "modeling"),
            ("cancelled", "canceled"),
            ("signalling", "signaling"),
            ("counselling", "counseling"),
            ("programme", "program"),
            ("programmes", "programs"),
            ("licence", "license"),
            ("defence", "defense"),
            ("offences", "offenses"),
            ("ageing", "aging"),
            ("sulphate", "sulfate"),
            ("grey", "gray"),
            ("manoeuvre", "maneuver"),
            ("enrolment", "enrollment"),
            ("practise", "practice"),
        ] {
            same_terms(uk, us);
        }
    }

    #[test]
    fn words_that_only_look_british_stay() {
        for word in [
            "exercise",
            "otherwise",
            "promise",
            "enterprise",
            "expertise",
            "advise",
            "devise",
            "precise",
            "concise",
            "raise",
            "noise",
            "premise",
            "compromise",
            "surprise",
            "revise",
            "supervise",
            "televise",
            "franchise",
            "merchandise",
            "disguise",
            "wise",
            "rise",
            "arise",
            "praise",
            "cruise",
            "bruise",
            "vise",
            "poise",
            "chaise",
            "treatise",
            "reprise",
            "comprise",
            "unsupervised",
            "crises",
            "four",
            "hour",
            "our",
            "your",
            "pour",
            "tour",
            "flour",
            "sour",
            "contour",
            "dour",
            "detour",
            "amour",
            "velour",
            "troubadour",
            "compelled",
            "programmed",
        ] {
            assert_eq!(normalize_word(word), word);
        }
        assert_eq!(normalize_word("exercised"), "exercised");
        assert_eq!(normalize_word("surprising"), "surprising");
    }

    #[test]
    fn normalize_word_folds_without_stemming() {
        assert_eq!(normalize_word("Tumourigenicity"), "tumorigenicity");
        assert_eq!(normalize_word("ＣＨＡＲＡＣＴＥＲＩＳＡＴＩＯＮ"), "characterization");
        assert_eq!(stem(&normalize_word("Studies")), terms("Studies")[0]);
    }

    #[test]
    fn stems() {
        assert_eq!(terms("studies study"), ["studi", "studi"]);
        assert_eq!(terms("required requirement requirements"), ["requir", "requir", "requir"]);
        assert_eq!(stem("studies"), "studi");
        assert_eq!(terms("iPS IP ATMPs"), ["ips", "ip", "atmp"]);
        assert_eq!(terms("CD34 covid19 2024 cells"), ["cd34", "covid19", "2024", "cell"]);
    }

    #[test]
    fn folds_width_and_case() {
        assert_eq!(terms("ＡＢＣ１２３"), ["abc123"]);
        assert_eq!(terms("ｶﾀｶﾅ"), terms("カタカナ"));
        assert_eq!(terms("ｶﾞｲﾄﾞ"), ["ガイ", "イド"]);
        assert_eq!(terms("ｶﾞ"), ["ガ"]);
        assert_eq!(terms("Cafe\u{301} CAFÉ"), ["café", "café"]);
    }

    #[test]
    fn cjk_bigrams() {
        assert_eq!(terms("造腫瘍性"), ["造腫", "腫瘍", "瘍性"]);
        assert_eq!(terms("종양원성"), ["종양", "양원", "원성"]);
        assert_eq!(terms("致瘤性"), ["致瘤", "瘤性"]);
        assert_eq!(terms("性"), ["性"]);
        assert_eq!(terms("細胞、性"), ["細胞", "性"]);
        assert_eq!(terms("データー"), ["デー", "ータ", "ター"]);
        assert_eq!(terms("세포 치료제"), ["세포", "치료", "료제"]);
        assert_eq!(terms("\u{1100}\u{1161}\u{11A8}"), ["각"]);
    }

    #[test]
    fn mixed_text_positions_and_offsets() {
        let text = "iPS細胞由来の tumour、ＡＢＣ";
        let tokens = analyze(text);
        let texts: Vec<_> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["ips", "細胞", "胞由", "由来", "来の", "tumor", "abc"]);
        let pieces: Vec<_> = tokens.iter().map(|t| &text[t.offset_from..t.offset_to]).collect();
        assert_eq!(pieces, ["iPS", "細胞", "胞由", "由来", "来の", "tumour", "ＡＢＣ"]);
        assert!(tokens.iter().enumerate().all(|(i, t)| t.position == i));
        assert_eq!(analyze("ｶﾞｲ")[0].offset_to, "ｶﾞｲ".len());
    }

    #[test]
    fn empty_and_separators_only() {
        assert!(analyze("").is_empty());
        assert!(analyze(" \n\t、。・!?—").is_empty());
    }

    #[test]
    fn drops_long_latin_words() {
        let long = "a".repeat(65);
        assert!(terms(&long).is_empty());
        assert_eq!(terms(&format!("{long} cell")), ["cell"]);
        assert_eq!(terms(&"a".repeat(64)), ["a".repeat(64)]);
    }

    #[test]
    fn tantivy_stream_matches_analyze() {
        use tantivy::tokenizer::{TokenStream, Tokenizer};
        let text = "Tumourigenicity of iPS細胞 in 종양원성 studies";
        let mut stream = RegkbTokenizer::default().token_stream(text);
        let mut seen = Vec::new();
        while let Some(t) = stream.next() {
            seen.push(Token {
                text: t.text.clone(),
                position: t.position,
                offset_from: t.offset_from,
                offset_to: t.offset_to,
            });
        }
        assert_eq!(seen, analyze(text));
    }

    #[test]
    fn spelling_rules_export_as_json() {
        let json: serde_json::Value = serde_json::from_str(&spelling_rules_json()).unwrap();
        assert_eq!(json["words"]["programme"], "program");
        assert!(json["contains"].as_array().unwrap().iter().any(|r| r[0] == "tumour" && r[1] == "tumor"));
        assert!(json["keep_endings"].as_array().unwrap().iter().any(|e| e == "cise"));
    }

    #[test]
    fn huge_and_hostile_input_never_panics() {
        for piece in ["a", "漢", "ｶ", "ﾞ", "\u{301}", "😀", "ש", "\u{FDFA}", "𝐀"] {
            let text = piece.repeat(200_000 / piece.len());
            check_invariants(&text);
        }
        let palette: Vec<char> =
            "aZ9 ،ש\u{200F}\u{202E}\u{301}\u{3099}ﾞｶ漢가\u{1100}\u{1161}😀\u{FE0F}ー・ＡＢ①½ß\u{130}ﷺ\u{0}\n"
                .chars()
                .collect();
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2_000 {
            let len = next() % 40;
            let text: String = (0..len)
                .map(|_| {
                    let r = next();
                    if r % 3 == 0 {
                        char::from_u32((r >> 8) as u32 % 0x11_0000).unwrap_or('\u{FFFD}')
                    } else {
                        palette[(r >> 8) as usize % palette.len()]
                    }
                })
                .collect();
            check_invariants(&text);
        }
    }

    fn check_invariants(text: &str) {
        for (i, token) in analyze(text).iter().enumerate() {
            assert_eq!(token.position, i);
            assert!(!token.text.is_empty() && token.text.len() <= MAX_TERM_BYTES, "{token:?}");
            assert!(token.offset_from < token.offset_to && token.offset_to <= text.len());
            assert!(text.is_char_boundary(token.offset_from) && text.is_char_boundary(token.offset_to));
        }
    }
}
