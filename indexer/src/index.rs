//! The tantivy index of records and products: one document per record, then one per product
//! (see `product`), its text fields analysed by the one regkb analyzer. Facet values (regulator, domain, topic, modalities, stance, status)
//! live in a column table beside it, indexed by the document's `ord`, so that filters and
//! facet counts over a whole result set are a pass over plain arrays.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use tantivy::schema::{FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, IndexWriter, TantivyDocument, doc};

/// Why an index could not be built or opened.
pub use tantivy::TantivyError as IndexError;

use crate::analysis::{RegkbTokenizer, TOKENIZER_NAME, terms};
use crate::model::{Content, Record};
use crate::snippets::Paragraphs;
use crate::unit_matches::UnitMatches;
use crate::{markdown, synonyms::Synonyms};

mod product;
pub(crate) use product::product_context;
pub use product::{product_summary, product_title};

/// The heap tantivy's writer may use while building: enough for few, large segments, and
/// small enough to keep 100,000 records well under 1 GiB.
const WRITER_HEAP_BYTES: usize = 96_000_000;

/// The most documents one thread writes: about 5 s here. Beyond them every core writes (at
/// 100,000 records one thread took 25 s, every core 14 s).
const ONE_WRITER_DOCS: usize = 20_000;

/// How many matches of query units a search index keeps, 8 bytes each: at most 32 MB, the
/// lists of a few hundred common words at 10,000 records.
const KEPT_MATCHES: usize = 4_000_000;

/// The writer of `content`'s index. Each writer thread makes its own segment, and a search sets
/// up its scorers once per segment (with two, 7 % of a search request's work on the shipped
/// content): one thread, so one segment, while that takes a few seconds.
fn writer(index: &Index, content: &Content) -> tantivy::Result<IndexWriter> {
    if content.records.len() + content.products.len() <= ONE_WRITER_DOCS {
        index.writer_with_num_threads(1, WRITER_HEAP_BYTES)
    } else {
        index.writer(WRITER_HEAP_BYTES)
    }
}

/// The analysed text fields of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub ord: Field,
    pub id: Field,
    pub title: Field,
    pub summary: Field,
    pub body: Field,
    pub context: Field,
    pub scope: Field,
}

impl Fields {
    /// Fields searched by a query, with their boosts ([`BOOSTS`]).
    pub fn weighted(&self) -> [(Field, f32); 5] {
        let fields = [self.title, self.summary, self.context, self.body, self.scope];
        std::array::from_fn(|f| (fields[f], BOOSTS[f]))
    }
}

/// The boosts of the searched fields, in `Fields::weighted` order: titles and summaries over
/// bodies, and least the modalities a record applies to without naming them.
pub(crate) const BOOSTS: [f32; 5] = [3.0, 2.0, 1.2, 1.0, SCOPE_BOOST];

/// The weight of a modality a record applies to without naming it: a comparability record for
/// every modality is found by "CAR-T comparability", below one about CAR-T.
pub const SCOPE_BOOST: f32 = 0.4;

/// Changes whenever the analyzer or the documents change, so that an index written by another
/// version is refused rather than misread.
const INDEX_FORMAT: &str = "regkb-index-2";

/// What results can be filtered and counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Regulator,
    Domain,
    Topic,
    Modality,
    Stance,
}

impl Facet {
    /// Every facet, in display order.
    pub const ALL: [Facet; 5] = [Facet::Regulator, Facet::Domain, Facet::Topic, Facet::Modality, Facet::Stance];

    /// The facet's name in URLs and JSON.
    pub fn name(self) -> &'static str {
        ["regulator", "domain", "topic", "modality", "stance"][self as usize]
    }
}

/// Facet values as small numbers, so that filters and counts over a whole result set are
/// passes over arrays: for each facet, its distinct values, and for each record its value ids.
#[derive(Debug, Default)]
pub struct FacetTable {
    /// Shared with the counts of every search's results.
    names: [Vec<Arc<str>>; 5],
    values: Vec<[Vec<u32>; 5]>,
}

impl FacetTable {
    pub(crate) fn new(content: &Content) -> FacetTable {
        let mut table = FacetTable::default();
        let all_modalities: Vec<&str> = content.modalities.iter().map(|m| m.id.value.as_str()).collect();
        for record in &content.records {
            let domain = content.topic(record.topic()).map_or("", |t| t.domain.value.as_str());
            // A record for all modalities counts under every one.
            let mut modalities = content.record_modalities(record);
            if modalities.is_empty() {
                modalities = all_modalities.clone();
            }
            let per_facet: [Vec<&str>; 5] = [
                vec![record.regulator()],
                vec![domain],
                vec![record.topic()],
                modalities,
                vec![record.stance().as_str()],
            ];
            table.push(per_facet);
        }
        content.products.iter().for_each(|p| table.push(product::product_facets(p)));
        table
    }

    /// Adds the next document's facet values.
    fn push(&mut self, per_facet: [Vec<&str>; 5]) {
        let ids = std::array::from_fn(|f| per_facet[f].iter().map(|v| self.id(Facet::ALL[f], v)).collect());
        self.values.push(ids);
    }

    fn id(&mut self, f: Facet, value: &str) -> u32 {
        let names = &mut self.names[f as usize];
        let at = names.iter().position(|n| &**n == value).unwrap_or_else(|| {
            names.push(value.into());
            names.len() - 1
        });
        at as u32
    }

    /// The ids of the named values of facet `f`; names no record has are dropped.
    pub fn ids(&self, f: Facet, names: &[String]) -> Vec<u32> {
        let known = &self.names[f as usize];
        names.iter().filter_map(|n| known.iter().position(|v| **v == **n)).map(|i| i as u32).collect()
    }

    /// Record `ord`'s value ids for facet `f`.
    pub fn values(&self, ord: usize, f: Facet) -> &[u32] {
        &self.values[ord][f as usize]
    }

    /// The name of value `id` of facet `f`.
    pub fn name(&self, f: Facet, id: u32) -> &str {
        &self.names[f as usize][id as usize]
    }

    /// The name of value `id` of facet `f`, shared.
    pub fn shared_name(&self, f: Facet, id: u32) -> Arc<str> {
        self.names[f as usize][id as usize].clone()
    }

    /// How many distinct values facet `f` has.
    pub fn count(&self, f: Facet) -> usize {
        self.names[f as usize].len()
    }

    /// Record `ord`'s values of facet `f`, by name.
    pub fn names_of(&self, ord: usize, f: Facet) -> Vec<String> {
        self.values(ord, f).iter().map(|&id| self.name(f, id).to_owned()).collect()
    }

    /// Record `ord`'s one value of a single-valued facet.
    pub fn name_of(&self, ord: usize, f: Facet) -> String {
        self.names_of(ord, f).pop().unwrap_or_default()
    }
}

/// A searchable index of one content tree.
pub struct SearchIndex {
    pub(crate) content: Arc<Content>,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) facets: FacetTable,
    pub(crate) synonyms: Arc<Synonyms>,
    /// Each record's and product's body as plain text, for snippets.
    pub(crate) texts: PlainTexts,
    /// Each text's paragraphs and their terms, kept once a search has shown the text.
    pub(crate) paragraphs: Box<[Paragraphs]>,
    /// Known terms, lower-cased and as written, for "did you mean".
    pub(crate) vocabulary: Vec<(String, String)>,
    /// Each record's and product's hit but for what depends on the query.
    pub(crate) cards: Vec<crate::search::Hit>,
    /// Each query unit's matches, kept for the next query with it.
    pub(crate) unit_matches: UnitMatches,
}

/// Each record's and product's body as plain text (records first, as in the index), made from its
/// Markdown the first time a search shows it, so that memory holds only the texts shown.
pub(crate) struct PlainTexts {
    content: Arc<Content>,
    texts: Box<[OnceLock<Box<str>>]>,
}

impl PlainTexts {
    pub(crate) fn new(content: Arc<Content>) -> PlainTexts {
        let texts = (0..content.records.len() + content.products.len()).map(|_| OnceLock::new()).collect();
        PlainTexts { content, texts }
    }

    /// How many texts there are.
    pub(crate) fn len(&self) -> usize {
        self.texts.len()
    }

    /// Text `ord`, without keeping it: for reading every text once, as the export does.
    pub(crate) fn once(&self, ord: usize) -> Cow<'_, str> {
        match self.texts[ord].get() {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(markdown::to_text(self.body(ord))),
        }
    }

    fn body(&self, ord: usize) -> &str {
        match self.content.records.get(ord) {
            Some(record) => &record.body,
            None => &self.content.products[ord - self.content.records.len()].body,
        }
    }
}

impl std::ops::Index<usize> for PlainTexts {
    type Output = str;

    fn index(&self, ord: usize) -> &str {
        self.texts[ord].get_or_init(|| markdown::to_text(self.body(ord)).into_boxed_str())
    }
}

/// The terms a query may be corrected to: glossary terms, modality names, topic titles,
/// regulator names.
fn vocabulary(content: &Content) -> Vec<(String, String)> {
    let glossary = content.glossary.iter().flat_map(|g| g.terms());
    let modalities = content
        .modalities
        .iter()
        .flat_map(|m| [m.title.as_str()].into_iter().chain(m.aliases.iter().map(String::as_str)));
    let topics = content.topics.iter().map(|t| t.title.as_str());
    let regulators = content.regulators.iter().flat_map(|r| [r.short.as_str(), r.name.as_str()]);
    let mut all: Vec<(String, String)> =
        glossary.chain(modalities).chain(topics).chain(regulators).map(|t| (t.to_lowercase(), t.to_owned())).collect();
    all.sort();
    all.dedup_by(|a, b| a.0 == b.0);
    all
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Concept terms as they are, one per value: no word of a modality's name is found there.
    let concept_terms = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer("raw").set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        ord: builder.add_u64_field("ord", FAST),
        id: builder.add_text_field("id", STRING | STORED),
        title: builder.add_text_field("title", text.clone()),
        summary: builder.add_text_field("summary", text.clone()),
        body: builder.add_text_field("body", text.clone()),
        context: builder.add_text_field("context", text),
        scope: builder.add_text_field("scope", concept_terms),
    };
    (builder.build(), fields)
}

impl SearchIndex {
    /// Builds the index of `content` in RAM, ready to search.
    pub fn build(content: Arc<Content>) -> tantivy::Result<SearchIndex> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        let synonyms = Self::fill(&content, &index, &fields)?;
        Self::assemble(content, index, fields, synonyms)
    }

    /// Writes the index of `content` into `dir` (which must be empty), for `open` to serve.
    /// It keeps nothing for searching, so that large trees index in little memory.
    pub fn write(content: &Content, dir: &Path) -> tantivy::Result<()> {
        let (schema, fields) = schema();
        let index = Index::create_in_dir(dir, schema)?;
        Self::fill(content, &index, &fields).map(drop)
    }

    /// Adds every record to `index`, returning the concepts its analyzer marks. The commit
    /// carries the fingerprint of what was indexed, for `open` to compare.
    fn fill(content: &Content, index: &Index, fields: &Fields) -> tantivy::Result<Arc<Synonyms>> {
        let synonyms = Arc::new(Synonyms::new(content));
        index.tokenizers().register(TOKENIZER_NAME, RegkbTokenizer::with_concepts(synonyms.clone()));
        let mut writer = writer(index, content)?;
        let mut fingerprint = Fingerprint::new(content);
        for (ord, record) in content.records.iter().enumerate() {
            let texts = Texts::of(content, &synonyms, record);
            fingerprint.add(&texts);
            writer.add_document(texts.document(record, ord as u64, fields))?;
        }
        product::add_products(content, &mut writer, fields)?;
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&fingerprint.finish());
        commit.commit()?;
        Ok(synonyms)
    }

    /// Opens an index that `write` wrote to `dir` for this same `content`: one built from other
    /// records, glossary or modalities, or by another version, is refused.
    pub fn open(content: Arc<Content>, dir: &Path) -> tantivy::Result<SearchIndex> {
        let index = Index::open_in_dir(dir)?;
        let synonyms = Arc::new(Synonyms::new(&content));
        index.tokenizers().register(TOKENIZER_NAME, RegkbTokenizer::with_concepts(synonyms.clone()));
        let (_, fields) = schema();
        let mut fingerprint = Fingerprint::new(&content);
        content.records.iter().for_each(|r| fingerprint.add(&Texts::of(&content, &synonyms, r)));
        if index.load_metas()?.payload.as_deref() != Some(fingerprint.finish().as_str()) {
            let message = format!(
                "the index in {} was built from other content, glossary or regkb version; rebuild it with `regkb index`",
                dir.display(),
            );
            return Err(tantivy::TantivyError::InvalidArgument(message));
        }
        Self::assemble(content, index, fields, synonyms)
    }

    fn assemble(
        content: Arc<Content>,
        index: Index,
        fields: Fields,
        synonyms: Arc<Synonyms>,
    ) -> tantivy::Result<SearchIndex> {
        let reader = index.reader()?;
        let facets = FacetTable::new(&content);
        let texts = PlainTexts::new(content.clone());
        let paragraphs = (0..texts.len()).map(|_| Paragraphs::new()).collect();
        let vocabulary = vocabulary(&content);
        let unit_matches = UnitMatches::new(KEPT_MATCHES);
        let mut index = SearchIndex {
            content,
            reader,
            fields,
            facets,
            synonyms,
            texts,
            paragraphs,
            vocabulary,
            cards: Vec::new(),
            unit_matches,
        };
        index.cards = (0..index.texts.len()).map(|ord| index.card(ord).with_card_json()).collect();
        Ok(index)
    }

    /// The content this index was built from.
    pub fn content(&self) -> &Arc<Content> {
        &self.content
    }
}

/// A record's display title: regulator and topic, and its modalities when it names them.
pub fn record_title(content: &Content, record: &Record) -> String {
    let (regulator, topic) = content.names(record);
    let own: Vec<&str> = record
        .front
        .modalities
        .iter()
        .flatten()
        .map(|m| content.modality(&m.value).map_or(m.value.as_str(), |m| m.title.as_str()))
        .collect();
    if own.is_empty() {
        format!("{regulator} — {topic}")
    } else {
        format!("{regulator} — {topic} ({})", own.join(", "))
    }
}

/// The words a record is found by besides its own: topic, regulator names, modalities, sources.
pub(crate) fn context_text(content: &Content, record: &Record) -> String {
    let mut parts: BTreeSet<&str> = BTreeSet::new();
    if let Some(t) = content.topic(record.topic()) {
        parts.extend([t.title.as_str(), t.question.as_str()]);
    }
    if let Some(r) = content.regulator(record.regulator()) {
        parts.extend([r.short.as_str(), r.name.as_str(), r.jurisdiction.as_str()]);
        parts.extend(r.local_name.as_deref());
        parts.extend(r.parent.as_deref());
    }
    for m in content.record_modalities(record).into_iter().filter_map(|m| content.modality(m)) {
        parts.insert(&m.title);
        parts.extend(m.aliases.iter().map(String::as_str));
    }
    for s in record.front.sources.iter().filter_map(|c| content.source(&c.id.value)) {
        parts.insert(&s.title);
        parts.extend(s.local_title.as_deref());
        parts.extend(s.number.as_deref());
    }
    parts.into_iter().collect::<Vec<_>>().join("\n")
}

/// The texts of one record's document.
struct Texts {
    title: String,
    summary: String,
    body: String,
    context: String,
    scope: Vec<String>,
}

impl Texts {
    fn of(content: &Content, synonyms: &Synonyms, record: &Record) -> Texts {
        Texts {
            title: record_title(content, record),
            summary: record.front.summary.clone(),
            body: markdown::to_text(&record.body),
            context: context_text(content, record),
            scope: scope_terms(content, synonyms, record),
        }
    }

    fn document(self, record: &Record, ord: u64, f: &Fields) -> TantivyDocument {
        let mut document = doc!(
            f.ord => ord,
            f.id => record.id.clone(),
            f.title => self.title,
            f.summary => self.summary,
            f.body => self.body,
            f.context => self.context,
        );
        self.scope.into_iter().for_each(|term| document.add_text(f.scope, term));
        document
    }
}

/// The concept terms of the modalities a record applies to without naming any: every modality's.
pub(crate) fn scope_terms(content: &Content, synonyms: &Synonyms, record: &Record) -> Vec<String> {
    if !content.record_modalities(record).is_empty() {
        return Vec::new();
    }
    let concepts = content.modalities.iter().filter_map(|m| synonyms.concept(&terms(&m.title)));
    concepts.map(Synonyms::term).collect()
}

/// A hash (FNV-1a, 64 bits) of everything an index is built from: the format, the glossary, the
/// modalities, each product's texts and each record's texts.
struct Fingerprint(u64);

impl Fingerprint {
    fn new(content: &Content) -> Fingerprint {
        let mut f = Fingerprint(0xcbf2_9ce4_8422_2325);
        f.write(INDEX_FORMAT);
        for entry in &content.glossary {
            entry.terms().chain(["\u{1}"]).chain(entry.not.iter().map(String::as_str)).for_each(|t| f.write(t));
        }
        for m in &content.modalities {
            [m.id.value.as_str(), &m.title]
                .into_iter()
                .chain(m.aliases.iter().map(String::as_str))
                .for_each(|t| f.write(t));
        }
        for p in &content.products {
            let texts = [
                product_title(p),
                product_summary(content, p),
                markdown::to_text(&p.body),
                product_context(content, p),
            ];
            texts.iter().for_each(|t| f.write(t));
        }
        f
    }

    fn add(&mut self, texts: &Texts) {
        for t in [&texts.title, &texts.summary, &texts.body, &texts.context].into_iter().chain(&texts.scope) {
            self.write(t);
        }
    }

    /// Hashes `text` and a separator, so that ("ab", "c") and ("a", "bc") differ.
    fn write(&mut self, text: &str) {
        for b in text.bytes().chain([0xff]) {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> String {
        format!("{INDEX_FORMAT} {:016x}", self.0)
    }
}
