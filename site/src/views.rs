//! What each page shows, computed from the content model. Templates only lay these out.
//! Products and the approvals matrix have their own modules.

pub mod approvals;
pub mod product;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use indexer::index::record_title;
use indexer::model::{
    AttributeDef, Citation as CitedAs, Content, Record, Regulator, Source, SourceStatus, Stance, Status, Topic,
    TopicKind,
};
use rustc_hash::FxHashMap;
use schemars::JsonSchema;

use crate::formats::citation;
use crate::i18n::{self, Lang};
use crate::references::Reference;
use serde::Serialize;

/// Regulators in display order: the Asian ones as listed, then the reference ones.
pub fn regulators_in_order(content: &Content) -> Vec<&Regulator> {
    let mut regs: Vec<&Regulator> = content.regulators.iter().collect();
    regs.sort_by_key(|r| r.reference);
    regs
}

/// Topics in display order: by domain order, then as listed.
pub fn topics_in_order(content: &Content) -> Vec<&Topic> {
    content.domains_in_order().into_iter().flat_map(|d| content.topics_of(&d.id.value)).collect()
}

/// Records by regulator and topic, in content order: grouped in one pass, since a page asks for
/// hundreds of pairs and a large tree holds tens of thousands of records.
struct Cells<'a>(HashMap<&'a str, HashMap<&'a str, Vec<&'a Record>>>);

impl<'a> Cells<'a> {
    /// The records of `content` for which `keep` holds.
    fn of(content: &'a Content, keep: impl Fn(&Record) -> bool) -> Cells<'a> {
        let mut cells: HashMap<_, HashMap<_, Vec<_>>> = HashMap::new();
        for r in content.records.iter().map(Arc::as_ref).filter(|r| keep(r)) {
            cells.entry(r.regulator()).or_default().entry(r.topic()).or_default().push(r);
        }
        Cells(cells)
    }

    /// The records of one regulator on one topic.
    fn of_pair(&self, regulator: &str, topic: &str) -> &[&'a Record] {
        self.0.get(regulator).and_then(|topics| topics.get(topic)).map_or(&[], Vec::as_slice)
    }
}

/// An address safe to link to; `regkb check` refuses others, and pages never show them.
fn web_address(url: Option<&str>) -> Option<String> {
    url.filter(|u| indexer::validate::is_web_address(u)).map(str::to_owned)
}

/// A stance as a badge: its CSS class, icon and words (never colour alone).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Badge {
    /// The stance it shows.
    #[serde(skip)]
    pub stance: Stance,
    pub class: &'static str,
    pub icon: &'static str,
    pub label: &'static str,
    /// What the stance means, shown as the badge's tooltip.
    pub definition: &'static str,
}

impl Badge {
    /// The badge of a stance.
    pub fn of(stance: Stance) -> Badge {
        let (icon, class) = match stance {
            Stance::Required => ("●", "required"),
            Stance::Expected => ("◐", "expected"),
            Stance::CaseByCase => ("◇", "case-by-case"),
            Stance::NotRequired => ("○", "not-required"),
            Stance::NoGuidance => ("–", "no-guidance"),
            Stance::Available => ("✓", "available"),
            Stance::NotAvailable => ("✕", "not-available"),
            Stance::Unknown => ("?", "unknown"),
        };
        Badge { stance, class, icon, label: stance.label(), definition: stance.definition() }
    }

    /// The anchor of the stance's definition on the definitions page.
    pub fn anchor(&self) -> String {
        format!("stance-{}", self.class)
    }

    /// The badges a legend shows for topics of one kind.
    pub fn legend(kind: TopicKind) -> Vec<Badge> {
        kind.stances().iter().map(|&s| Badge::of(s)).collect()
    }

    /// The badge of a product in search results, which has no stance.
    pub fn product() -> Badge {
        // Products take no stance; `stance` only colours table cells, and a product is never in one.
        Badge {
            stance: Stance::Unknown,
            class: "product",
            icon: "◆",
            label: "Product",
            definition: "An approved cell or gene therapy product.",
        }
    }

    /// The badge as HTML in `lang`, made once for each language and badge: a page of results or
    /// a comparison shows hundreds. A badge of another class is made each time.
    pub fn html(&self, lang: Lang) -> Cow<'static, str> {
        static ALL: OnceLock<FxHashMap<(Lang, &'static str), String>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            let badges = || Stance::ALL.iter().map(|&s| Badge::of(s)).chain([Badge::product()]);
            Lang::ALL.into_iter().flat_map(|l| badges().map(move |b| ((l, b.class), b.render(l)))).collect()
        });
        all.get(&(lang, self.class)).map_or_else(|| Cow::Owned(self.render(lang)), |html| Cow::Borrowed(html.as_str()))
    }

    /// The badge as HTML in `lang`; every part is a fixed string or a message from the
    /// interface's own files, so it needs no escaping.
    fn render(&self, lang: Lang) -> String {
        let label = i18n::t(lang, &format!("stance-{}", self.class));
        let definition = i18n::t(lang, &format!("stance-{}-definition", self.class));
        format!(
            r#"<span class="badge stance-{}" title="{definition}"><span aria-hidden="true">{}</span> {label}</span>"#,
            self.class, self.icon
        )
    }
}

/// A record in a list: enough to show a line and link to it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RecordLine {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub badge: Badge,
    pub draft: bool,
    pub updated: String,
}

impl RecordLine {
    /// The line for record `r`.
    pub fn of(content: &Content, r: &Record) -> RecordLine {
        RecordLine {
            id: r.id.clone(),
            title: record_title(content, r),
            summary: r.front.summary.clone(),
            badge: Badge::of(r.stance()),
            draft: r.status() == Status::Draft,
            updated: r.front.updated.value.to_string(),
        }
    }
}

/// An attribute value as shown: "16 weeks", with its qualifier as a footnote.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AttributeValue {
    pub id: String,
    pub label: String,
    pub value: String,
    pub note: Option<String>,
}

fn attribute_values(content: &Content, r: &Record) -> Vec<AttributeValue> {
    let Some(topic) = content.topic(r.topic()) else { return Vec::new() };
    topic
        .attributes
        .iter()
        .filter_map(|def| {
            let input = &r.front.attributes.get(&def.id.value)?.value;
            Some(AttributeValue {
                id: def.id.value.clone(),
                label: def.label.clone(),
                value: def.shown(input.value()),
                note: input.note().map(str::to_owned),
            })
        })
        .collect()
}

/// A cited source as shown under a record.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Citation {
    /// The source's id in the content.
    pub id: String,
    pub title: String,
    pub local_title: Option<String>,
    /// The issuer's reference number, as written.
    pub number: Option<String>,
    /// BCP 47 tag of the document's language, for `lang` on its title and quote.
    pub language: Option<String>,
    /// Set when the document no longer applies as published: withdrawn, a draft, or superseded;
    /// in English, as the API gives it.
    pub standing: Option<String>,
    /// The same, for pages to say in their language.
    #[serde(skip)]
    #[schemars(skip)]
    pub standing_of: Option<Standing>,
    pub retrieved: Option<String>,
    pub issuer: String,
    pub kind: String,
    pub issued: String,
    pub url: Option<String>,
    pub no_url: Option<String>,
    pub section: Option<String>,
    pub quote: Option<String>,
    /// The line to cite the document by.
    pub cite: String,
}

impl Citation {
    /// A source as shown, with the section and quote a record cites it for.
    fn of(content: &Content, s: &Source, cited: Option<&CitedAs>) -> Citation {
        let issuer = s.issuer.clone().or_else(|| content.regulator(&s.regulator.value).map(|r| r.short.clone()));
        Citation {
            id: s.id.value.clone(),
            title: s.title.clone(),
            local_title: s.local_title.clone(),
            number: s.number.clone(),
            language: s.language.as_ref().map(|l| l.value.clone()),
            standing: standing(content, s),
            standing_of: Standing::of(content, s),
            retrieved: s.retrieved.as_ref().map(|d| d.value.to_string()),
            issuer: issuer.unwrap_or_default(),
            kind: s.kind.to_string(),
            issued: s.issued.value.to_string(),
            url: web_address(s.url.as_deref()),
            no_url: s.no_url.clone(),
            section: cited.and_then(|c| c.section.clone()),
            quote: cited.and_then(|c| c.quote.clone()),
            cite: citation::line(&Reference::of_source(content, s)),
        }
    }
}

/// How a document stands if it no longer applies as published, in English; `None` for one in
/// force or not stated.
pub fn standing(content: &Content, s: &Source) -> Option<String> {
    Standing::of(content, s).map(|st| st.text(Lang::En))
}

/// How a document stands when it no longer applies as published.
#[derive(Debug, Clone)]
pub struct Standing {
    /// `superseded`, `draft` or `withdrawn`.
    pub status: &'static str,
    /// The title of the document that replaced it.
    pub by: String,
}

impl Standing {
    /// The standing of source `s`; `None` for one in force or not stated.
    pub fn of(content: &Content, s: &Source) -> Option<Standing> {
        if let Some(next) = &s.superseded_by {
            let by = content.source(&next.value).map_or(next.value.as_str(), |n| n.title.as_str());
            return Some(Standing { status: "superseded", by: by.to_owned() });
        }
        let status = match s.status? {
            SourceStatus::InForce => return None,
            SourceStatus::Draft => "draft",
            SourceStatus::Withdrawn => "withdrawn",
        };
        Some(Standing { status, by: String::new() })
    }

    /// The standing in words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        i18n::t_args(lang, &format!("standing-{}", self.status), &[("title", self.by.as_str().into())])
    }
}

fn citations(content: &Content, r: &Record) -> Vec<Citation> {
    r.front.sources.iter().filter_map(|c| Some(Citation::of(content, content.source(&c.id.value)?, Some(c)))).collect()
}

/// Every document the citations `cited` name, each once, in the order first cited.
pub fn documents_cited<'a>(content: &Content, cited: impl IntoIterator<Item = &'a CitedAs>) -> Vec<Citation> {
    let mut seen = rustc_hash::FxHashSet::default();
    cited
        .into_iter()
        .filter(|c| seen.insert(c.id.value.as_str()))
        .filter_map(|c| Some(Citation::of(content, content.source(&c.id.value)?, None)))
        .collect()
}

/// What every page and download says of records marked draft.
pub const DRAFT_WARNING: &str = "Records marked Draft have not been reviewed by a working group. \
    Check the cited documents before relying on a record.";

/// A record page.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RecordView {
    pub line: RecordLine,
    pub regulator_id: String,
    pub regulator: String,
    pub topic_id: String,
    pub topic: String,
    pub question: String,
    pub domain: String,
    pub modalities: Vec<String>,
    pub status: String,
    pub reviewed: Option<String>,
    pub reviewed_by: Option<String>,
    pub attributes: Vec<AttributeValue>,
    pub citations: Vec<Citation>,
    /// Some cited document is withdrawn, a draft or superseded.
    pub cites_outdated: bool,
    pub file: String,
    pub cite: String,
    /// Products the regulator approved in the record's modalities (all, when it names none).
    pub products: Vec<(String, String)>,
}

impl RecordView {
    /// The record's value of attribute `id`, if it gives one.
    pub fn attribute(&self, id: &str) -> Option<&AttributeValue> {
        self.attributes.iter().find(|a| a.id == id)
    }

    /// The page of record `r`.
    pub fn of(content: &Content, r: &Record) -> RecordView {
        let line = RecordLine::of(content, r);
        let citations = citations(content, r);
        let topic = content.topic(r.topic());
        let regulator = content.regulator(r.regulator()).map_or(r.regulator().to_owned(), |g| g.name.clone());
        let modalities = content
            .record_modalities(r)
            .into_iter()
            .map(|m| content.modality(m).map_or(m.to_owned(), |m| m.title.clone()))
            .collect();
        let cite = citation::line(&Reference::of_record(content, r, None));
        RecordView {
            regulator_id: r.regulator().to_owned(),
            regulator,
            topic_id: r.topic().to_owned(),
            topic: topic.map_or(r.topic().to_owned(), |t| t.title.clone()),
            question: topic.map(|t| t.question.clone()).unwrap_or_default(),
            domain: topic.and_then(|t| content.domain(&t.domain.value)).map(|d| d.title.clone()).unwrap_or_default(),
            modalities,
            status: r.status().to_string(),
            reviewed: r.front.reviewed.as_ref().map(|d| d.value.to_string()),
            reviewed_by: r.front.reviewed_by.clone(),
            attributes: attribute_values(content, r),
            cites_outdated: citations.iter().any(|c| c.standing.is_some()),
            citations,
            file: format!("content/{}", r.file),
            cite,
            products: product::approved_by(content, r.regulator(), &content.record_modalities(r)),
            line,
        }
    }
}

/// One regulator's answer on a topic page.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TopicAnswer {
    pub regulator_id: String,
    pub regulator: String,
    pub reference: bool,
    /// The regulator's records on the topic; empty when none is written yet.
    pub records: Vec<RecordView>,
}

/// A topic page: the question, and every regulator's answer.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TopicView {
    pub id: String,
    pub title: String,
    pub question: String,
    pub domain: String,
    pub apacrm: Vec<String>,
    /// The topic's attributes as table columns.
    pub attribute_columns: Vec<AttributeColumn>,
    /// The product class the page is for (its title), or empty for every class.
    pub modality: String,
    /// The product classes a values table can be read for: id, title, chosen.
    pub modalities: Vec<(String, String, bool)>,
    pub answers: Vec<TopicAnswer>,
}

/// The classes a topic's values differ by, when some value is for only some: id, title, chosen.
fn topic_modalities(content: &Content, topic: &Topic, chosen: &str) -> Vec<(String, String, bool)> {
    if topic.attributes.iter().all(|a| a.modalities.is_none()) {
        return Vec::new();
    }
    let covered = |id: &str| topic.modalities.as_ref().is_none_or(|ms| ms.iter().any(|m| m.value == id));
    let classes = content.modalities.iter().filter(|m| covered(&m.id.value));
    classes.map(|m| (m.id.value.clone(), m.title.clone(), m.id.value == chosen)).collect()
}

/// A column of a topic's values table.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AttributeColumn {
    pub id: String,
    pub label: String,
    pub unit: Option<String>,
    /// The product classes the value is for, by title; empty means every class.
    pub for_modalities: Vec<String>,
    /// For a page read for one product class: `for` when the column is that class's, `other`
    /// when it is another's; empty otherwise.
    pub mark: &'static str,
}

impl AttributeColumn {
    fn of(content: &Content, def: &AttributeDef, modality: &str) -> AttributeColumn {
        let for_modalities = def
            .modalities
            .iter()
            .flatten()
            .filter_map(|m| content.modality(&m.value))
            .map(|m| m.title.clone())
            .collect();
        let mark = match (modality, &def.modalities) {
            ("", _) | (_, None) => "",
            _ if def.is_for(modality) => "for",
            _ => "other",
        };
        AttributeColumn {
            id: def.id.value.clone(),
            label: def.label.clone(),
            unit: def.unit.clone(),
            for_modalities,
            mark,
        }
    }

    /// The label, with its unit: a table's column heading.
    pub fn heading(&self) -> String {
        match &self.unit {
            Some(u) => format!("{} ({u})", self.label),
            None => self.label.clone(),
        }
    }
}

impl TopicView {
    /// The page of `topic`, with every regulator's answer; read for product class `modality`
    /// (an id, or empty for every class), its values table marks the columns of that class.
    pub fn of(content: &Content, topic: &Topic, modality: &str) -> TopicView {
        // An unknown class reads the page for every class, as the compare page ignores it.
        let chosen = content.modality(modality);
        let modality = chosen.map_or("", |m| m.id.value.as_str());
        let cells = Cells::of(content, |r| r.topic() == topic.id.value);
        let answers = regulators_in_order(content)
            .into_iter()
            .map(|g| TopicAnswer {
                regulator_id: g.id.value.clone(),
                regulator: g.short.clone(),
                reference: g.reference,
                records: cells
                    .of_pair(&g.id.value, &topic.id.value)
                    .iter()
                    .map(|r| RecordView::of(content, r))
                    .collect(),
            })
            .collect();
        TopicView {
            id: topic.id.value.clone(),
            title: topic.title.clone(),
            question: topic.question.clone(),
            domain: content.domain(&topic.domain.value).map(|d| d.title.clone()).unwrap_or_default(),
            apacrm: topic.apacrm.clone(),
            attribute_columns: topic.attributes.iter().map(|a| AttributeColumn::of(content, a, modality)).collect(),
            modality: chosen.map(|m| m.title.clone()).unwrap_or_default(),
            modalities: topic_modalities(content, topic, modality),
            answers,
        }
    }
}

/// A record in a compare cell, with what the export's script needs to redo the comparison.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CellRecord {
    pub line: RecordLine,
    /// Stance and attribute values.
    pub signature: String,
    /// The modalities it covers, space-separated; empty for all.
    pub modalities: String,
    /// Its attribute values, which a comparison also weighs.
    pub attributes: Vec<AttributeValue>,
}

/// A cell of the compare matrix.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Cell {
    pub regulator: String,
    /// The cell's records; none means nothing is written yet.
    pub records: Vec<CellRecord>,
    /// Stances and attribute values, for comparing cells.
    pub signature: String,
    /// Set when a baseline is chosen and this cell differs from it.
    pub differs: bool,
}

/// A row of the compare matrix: one topic across the regulators.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Row {
    pub topic_id: String,
    pub topic: String,
    pub cells: Vec<Cell>,
    /// Every selected regulator has the same stance and attributes.
    pub agrees: bool,
}

/// Rows of one domain.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RowGroup {
    pub domain_id: String,
    pub domain: String,
    pub rows: Vec<Row>,
}

/// The state of a compare page, all of it in the URL.
#[derive(Debug, Clone, Default)]
pub struct CompareParams {
    /// Comma-separated regulator ids; empty means all.
    pub regulators: String,
    pub domain: String,
    pub modality: String,
    pub baseline: String,
    pub diff: String,
    /// The date whose content the page shows (`YYYY-MM-DD`); empty for today's.
    pub as_of: String,
}

impl CompareParams {
    /// The URL query that gives this state (empty for the default), as `compare_params` reads it.
    pub fn query(&self) -> String {
        let mut pairs = form_urlencoded::Serializer::new(String::new());
        let fields = [
            ("regulators", &self.regulators),
            ("domain", &self.domain),
            ("modality", &self.modality),
            ("baseline", &self.baseline),
            ("diff", &self.diff),
            ("as_of", &self.as_of),
        ];
        for (key, value) in fields.into_iter().filter(|(_, v)| !v.is_empty()) {
            pairs.append_pair(key, value);
        }
        pairs.finish()
    }
}

/// The compare matrix.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CompareView {
    pub regulators: Vec<(String, String)>,
    pub all_regulators: Vec<(String, String, bool)>,
    pub domains: Vec<(String, String)>,
    pub modalities: Vec<(String, String)>,
    pub domain: String,
    pub modality: String,
    pub baseline: String,
    pub diff_only: bool,
    /// The date whose content the matrix shows; empty for today's.
    pub as_of: String,
    pub groups: Vec<RowGroup>,
    /// The answers a cell may show, by kind of topic: requirement stances, then route answers.
    pub legend: Vec<(&'static str, Vec<Badge>)>,
    /// The filters in effect, in words: what a printout or a download was made with.
    pub filters: Vec<(&'static str, String)>,
    /// The URL query of this state, for links to the same matrix in other formats.
    pub query: String,
}

impl CompareView {
    /// The matrix for the state in `params`.
    pub fn of(content: &Content, params: &CompareParams) -> CompareView {
        let wanted: Vec<&str> = params.regulators.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let regs: Vec<&Regulator> = regulators_in_order(content)
            .into_iter()
            .filter(|g| wanted.is_empty() || wanted.contains(&g.id.value.as_str()))
            .collect();
        let baseline =
            regs.iter().find(|g| g.id.value == params.baseline).map(|g| g.id.value.clone()).unwrap_or_default();
        let diff_only = params.diff == "only";
        // An unknown domain or modality filters nothing, as the selects (which cannot show it) say.
        let domain = content.domain(&params.domain).map(|d| d.id.value.clone()).unwrap_or_default();
        let modality = content.modality(&params.modality).map(|m| m.id.value.clone()).unwrap_or_default();
        let filters = compare_filters(content, params, &regs, &baseline, diff_only);
        // The state as the page shows it: what an unknown value would have asked for is not in it.
        let effective = CompareParams {
            regulators: if wanted.is_empty() {
                String::new()
            } else {
                regs.iter().map(|g| g.id.value.as_str()).collect::<Vec<_>>().join(",")
            },
            domain: domain.clone(),
            modality: modality.clone(),
            baseline: baseline.clone(),
            diff: if diff_only { "only".to_owned() } else { String::new() },
            as_of: params.as_of.clone(),
        };
        let mut groups: Vec<RowGroup> = Vec::new();
        let cells = Cells::of(content, |_| true);
        for topic in topics_in_order(content) {
            if !domain.is_empty() && topic.domain.value != domain {
                continue;
            }
            let row = compare_row(content, &cells, topic, &regs, &baseline, &modality);
            if diff_only && row.agrees {
                continue;
            }
            let domain_id = topic.domain.value.clone();
            match groups.last_mut() {
                Some(g) if g.domain_id == domain_id => g.rows.push(row),
                _ => {
                    let domain = content.domain(&domain_id).map_or(domain_id.clone(), |d| d.title.clone());
                    groups.push(RowGroup { domain_id, domain, rows: vec![row] });
                }
            }
        }
        CompareView {
            regulators: regs.iter().map(|g| (g.id.value.clone(), g.short.clone())).collect(),
            all_regulators: regulators_in_order(content)
                .into_iter()
                .map(|g| (g.id.value.clone(), g.short.clone(), regs.iter().any(|s| s.id.value == g.id.value)))
                .collect(),
            domains: content.domains.iter().map(|d| (d.id.value.clone(), d.title.clone())).collect(),
            modalities: content.modalities.iter().map(|m| (m.id.value.clone(), m.title.clone())).collect(),
            domain,
            modality,
            baseline,
            diff_only,
            as_of: params.as_of.clone(),
            groups,
            legend: vec![
                ("Requirements", Badge::legend(TopicKind::Requirement)),
                ("Routes", Badge::legend(TopicKind::Route)),
            ],
            filters,
            query: effective.query(),
        }
    }
}

/// The state of a comparison in words: regulators, domain, modality, baseline, differences.
fn compare_filters(
    content: &Content,
    params: &CompareParams,
    regs: &[&Regulator],
    baseline: &str,
    diff_only: bool,
) -> Vec<(&'static str, String)> {
    let all = |what: &str, chosen: Option<String>| chosen.unwrap_or_else(|| format!("all {what}"));
    let shorts: Vec<&str> = regs.iter().map(|g| g.short.as_str()).collect();
    let domain = content.domain(&params.domain).map(|d| d.title.clone());
    let modality = content.modality(&params.modality).map(|m| m.title.clone());
    let baseline = content.regulator(baseline).map(|g| g.short.clone());
    vec![
        ("Regulators", shorts.join(", ")),
        ("Domain", all("domains", domain)),
        ("Modality", all("modalities", modality)),
        ("Baseline", baseline.unwrap_or_else(|| "none".to_owned())),
        ("Topics", if diff_only { "only where regulators differ" } else { "all" }.to_owned()),
    ]
}

fn compare_row(
    content: &Content,
    by_pair: &Cells,
    topic: &Topic,
    regs: &[&Regulator],
    baseline: &str,
    modality: &str,
) -> Row {
    let mut cells: Vec<Cell> = regs
        .iter()
        .map(|g| {
            let records: Vec<&Record> = by_pair
                .of_pair(&g.id.value, &topic.id.value)
                .iter()
                .copied()
                .filter(|r| {
                    let ms = content.record_modalities(r);
                    modality.is_empty() || ms.is_empty() || ms.contains(&modality)
                })
                .collect();
            let records: Vec<CellRecord> = records
                .iter()
                .map(|r| CellRecord {
                    line: RecordLine::of(content, r),
                    signature: record_signature(content, r),
                    modalities: content.record_modalities(r).join(" "),
                    attributes: attribute_values(content, r),
                })
                .collect();
            Cell { regulator: g.id.value.clone(), signature: cell_signature(&records), records, differs: false }
        })
        .collect();
    let base = cells.iter().find(|c| c.regulator == baseline).map(|c| c.signature.clone());
    if let Some(base) = base {
        cells.iter_mut().for_each(|c| c.differs = c.signature != base);
    }
    let agrees = cells.windows(2).all(|w| w[0].signature == w[1].signature);
    Row { topic_id: topic.id.value.clone(), topic: topic.title.clone(), cells, agrees }
}

/// What a record contributes to a comparison: its stance and attribute values.
fn record_signature(content: &Content, r: &Record) -> String {
    let attrs: Vec<String> =
        attribute_values(content, r).into_iter().map(|a| format!("{}={}", a.label, a.value)).collect();
    format!("{}[{}]", r.stance(), attrs.join(";"))
}

/// What two cells must share to agree; `offline.js` computes the same from the records' signatures.
fn cell_signature(records: &[CellRecord]) -> String {
    let mut parts: Vec<&str> = records.iter().map(|r| r.signature.as_str()).collect();
    parts.sort();
    if parts.is_empty() { "none".into() } else { parts.join("|") }
}

/// The home page's coverage map: per regulator and domain, topics with a researched record.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Coverage {
    pub domains: Vec<(String, String, usize)>,
    pub rows: Vec<CoverageRow>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CoverageRow {
    pub regulator_id: String,
    pub regulator: String,
    /// Per domain: researched topics, and a 0–4 shade level.
    pub cells: Vec<(usize, usize)>,
}

impl Coverage {
    /// The coverage map of `content`.
    pub fn of(content: &Content) -> Coverage {
        let figures = indexer::stats::coverage(content);
        let domains: Vec<(String, String, usize)> = content
            .domains_in_order()
            .into_iter()
            .map(|d| {
                let n = figures.iter().find(|c| c.domain == d.id.value).map_or(0, |c| c.topics);
                (d.id.value.clone(), d.title.clone(), n)
            })
            .collect();
        let rows = regulators_in_order(content)
            .into_iter()
            .map(|g| {
                let cells = figures
                    .iter()
                    .filter(|c| c.regulator == g.id.value)
                    .map(|c| (c.researched, if c.topics == 0 { 0 } else { (c.researched * 4).div_ceil(c.topics) }))
                    .collect();
                CoverageRow { regulator_id: g.id.value.clone(), regulator: g.short.clone(), cells }
            })
            .collect();
        Coverage { domains, rows }
    }
}

/// A topic in a list: id, title and question.
pub type TopicLink = (String, String, String);

/// Topics grouped by domain title, for the home page and navigation.
pub fn topics_by_domain(content: &Content) -> Vec<(String, Vec<TopicLink>)> {
    content
        .domains_in_order()
        .into_iter()
        .map(|d| {
            let topics = content
                .topics_of(&d.id.value)
                .map(|t| (t.id.value.clone(), t.title.clone(), t.question.clone()))
                .collect();
            (d.title.clone(), topics)
        })
        .collect()
}

/// Records sorted newest first by `updated`, then by id.
pub fn newest_first<'a>(records: impl Iterator<Item = &'a Record>) -> Vec<&'a Record> {
    let mut records: Vec<&Record> = records.collect();
    records.sort_by(|a, b| b.front.updated.value.cmp(&a.front.updated.value).then(a.id.cmp(&b.id)));
    records
}

/// The most recently updated records, newest first.
pub fn recent(content: &Content, n: usize) -> Vec<RecordLine> {
    newest_first(content.records.iter().map(Arc::as_ref))
        .into_iter()
        .take(n)
        .map(|r| RecordLine::of(content, r))
        .collect()
}

/// A regulator page: the agency, its sources, its records by domain.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RegulatorView {
    pub id: String,
    pub short: String,
    pub name: String,
    pub local_name: Option<String>,
    pub jurisdiction: String,
    pub parent: Option<String>,
    pub url: Option<String>,
    pub reference: bool,
    pub sources: Vec<Citation>,
    pub domains: Vec<(String, Vec<RecordLine>)>,
    /// The products it approved and its lag summary.
    pub products: approvals::RegulatorProducts,
}

impl RegulatorView {
    /// The page of regulator `g`.
    pub fn of(content: &Content, g: &Regulator) -> RegulatorView {
        let sources = content
            .sources
            .iter()
            .filter(|s| s.regulator.value == g.id.value)
            .map(|s| Citation::of(content, s, None))
            .collect();
        let cells = Cells::of(content, |r| r.regulator() == g.id.value);
        let domains = content
            .domains_in_order()
            .into_iter()
            .map(|d| {
                let records = content.topics_of(&d.id.value).flat_map(|t| cells.of_pair(&g.id.value, &t.id.value));
                (d.title.clone(), records.map(|r| RecordLine::of(content, r)).collect::<Vec<_>>())
            })
            .filter(|(_, lines)| !lines.is_empty())
            .collect();
        RegulatorView {
            id: g.id.value.clone(),
            short: g.short.clone(),
            name: g.name.clone(),
            local_name: g.local_name.clone(),
            jurisdiction: g.jurisdiction.clone(),
            parent: g.parent.clone(),
            url: web_address(g.url.as_deref()),
            reference: g.reference,
            sources,
            domains,
            products: approvals::RegulatorProducts::of(content, g),
        }
    }
}
