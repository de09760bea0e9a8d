//! Writes a synthetic content tree for benchmarks, valid for `regkb check`: the shipped taxonomy
//! and sources, plus N generated records spread over regulators × topics × modalities.
//!
//! ```text
//! cargo run --release -p indexer --example synthetic -- --records N --out DIR [--seed S] [--from CONTENT]
//! ```
//!
//! The format allows one record per regulator × topic × modality, so when the shipped regulators run
//! out of cells, synthetic ones (`reg-0001`, … with `sources/reg-0001.yaml`) are added. Bodies mix
//! English prose in UK and US spellings with Japanese, Chinese and Korean passages built from the
//! glossary. The same seed gives the same tree (only `updated` follows today's date).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use indexer::model::{Content, Topic, TopicKind};

/// The taxonomy files copied as they are (regulators.yaml gets the synthetic regulators appended).
const TAXONOMY: [&str; 5] = ["regulators.yaml", "domains.yaml", "topics.yaml", "modalities.yaml", "glossary.yaml"];

/// Stances with their weights out of 100: mostly positions, some gaps.
const STANCES: [(&str, u64, &str); 6] = [
    ("required", 25, "requires"),
    ("expected", 25, "expects"),
    ("case-by-case", 20, "decides case by case on"),
    ("not-required", 10, "does not require dedicated work on"),
    ("no-guidance", 10, "has published no guidance on"),
    ("unknown", 10, "has not yet been researched for its position on"),
];

/// Route topics take route answers, with their weights and how a summary says them.
const ROUTE_STANCES: [(&str, u64, &str); 3] = [
    ("available", 60, "offers a route for"),
    ("not-available", 25, "offers no route for"),
    ("unknown", 15, "has not yet been researched for its route for"),
];

/// UK and US spellings; a record uses one or the other, as real records do.
const SPELLINGS: [(&str, &str, &str); 12] = [
    ("tumour", "tumour", "tumor"),
    ("characterisation", "characterisation", "characterization"),
    ("haematopoietic", "haematopoietic", "hematopoietic"),
    ("authorisation", "authorisation", "authorization"),
    ("programme", "programme", "program"),
    ("licence", "licence", "license"),
    ("foetal", "foetal", "fetal"),
    ("behaviour", "behaviour", "behavior"),
    ("analyse", "analyse", "analyze"),
    ("organisation", "organisation", "organization"),
    ("randomised", "randomised", "randomized"),
    ("centre", "centre", "center"),
];

/// Everyday English sentences of a record; `{…}` names a slot filled per record (see [`Writer::fill`]).
/// A `{term}` is a random glossary concept, so that a given concept appears in about one record in
/// ten, as in the shipped content, rather than in all of them.
const NEUTRAL: [&str; 24] = [
    "The applicant should describe {term} in the dossier and explain how the data support the proposed use.",
    "{reg} reviews each application on its merits and may ask for further information during the review.",
    "The requirements apply to products intended for clinical use and to those supplied under special access.",
    "Where the guidance is silent, the applicant is advised to seek scientific advice before starting the studies.",
    "The submission should state which parts of the package were generated in-house and which were outsourced.",
    "A justification is expected whenever a study recommended by the guidance is omitted or replaced.",
    "The review takes into account {term} and the experience gained with similar products.",
    "Questions raised during the review are answered in writing, usually within ninety days.",
    "The applicant may refer to published data on {term} where its relevance to the product is shown.",
    "Requirements are applied in proportion to the risk of the product and the stage of development.",
    "Changes made after approval are notified to {reg} or submitted for prior approval, depending on their impact.",
    "The working group found no published position of {reg} on {term} beyond the general requirements.",
    "Decisions are recorded in the review report, which is published after approval in most cases.",
    "The guidance refers to international standards and says they are applied with local adaptations.",
    "Data on {term} from earlier development stages can be reused if the manufacturing process has not changed.",
    "The documents do not distinguish between products made in the country and imported products.",
    "The applicant should keep the study reports available for inspection for the life of the product.",
    "Meetings with {reg} are held before the first submission and before each major change of plan.",
    "Where {term} is concerned, the expectations are set out in a separate notice rather than in the guideline.",
    "The working group reads the documents as setting a minimum; reviewers may ask for more.",
    "An English translation of the documents exists, but only the original text is legally binding.",
    "The timelines given in the guidance are targets; the actual review time depends on the quality of the file.",
    "Reviewers compare the proposed approach with {term} as described in comparable guidance elsewhere.",
    "The record will be updated when {reg} publishes the revised guidance announced for next year.",
];

/// Sentences with fixed technical content and UK/US spellings; a paragraph takes at most one.
const SPECIFIC: [&str; 20] = [
    "The guidance issued by {reg} sets out what a developer of {modality} products should submit on {topic}.",
    "Where {term} is relevant, the applicant is expected to justify the design of each study and to discuss {term2} in the dossier.",
    "The risk of {tumour} growth from residual cells is assessed case by case, taking into account the {characterisation} of the final product.",
    "Data on {term} may come from the literature, from {term2} or from dedicated studies in immunodeficient animals.",
    "{reg} accepts foreign clinical data when ethnic factors are unlikely to change the safety profile, and may ask for a bridging study otherwise.",
    "Consultation meetings before submission are offered and are recommended when the development {programme} departs from the guidance.",
    "The {authorisation} holder must keep records that ensure traceability from donor to recipient for at least thirty years.",
    "A manufacturing {licence} is needed for each site, which is inspected against good manufacturing practice before approval.",
    "For {haematopoietic} stem cell products the same principles apply, with adjustments for the starting material.",
    "Studies should {analyse} the {behaviour} of the cells after administration, including their persistence and biodistribution.",
    "The guidance does not prescribe a minimum duration; {weeks} weeks is cited as typical for slowly proliferating products.",
    "The working group notes that this position was discussed at the APACRM and may change as experience with {modality} grows.",
    "Products made with {foetal} bovine serum need evidence that the serum came from low-risk regions and was tested for adventitious agents.",
    "Applicants should describe the {organisation} responsible for {term} and how deviations are reported to {reg}.",
    "{randomised} controlled trials are not always feasible, so single-arm studies with long-term follow-up are accepted in rare diseases.",
    "Each clinical {centre} must be qualified, and its ethics committee reviews the protocol and the informed consent form.",
    "The question this record answers is: {question}",
    "Post-marketing surveillance and a risk management plan are expected for products approved under a conditional route.",
    "Release specifications should cover identity, potency, sterility, endotoxin and mycoplasma, with {term} added where the product calls for it.",
    "The record relies on the documents listed below; section {section} carries the passage the working group relied on.",
];

/// Open questions a working group leaves in a record.
const QUESTIONS: [&str; 4] = [
    "Whether {reg} will finalise its draft on {topic}, and when.",
    "Whether {term} data from other jurisdictions are accepted without a bridging study.",
    "How {reg} treats {modality} products made outside a licensed {centre}.",
    "Which study designs {reg} accepts for {term}; the guidance gives no examples.",
];

/// Passages in Japanese, Chinese and Korean, with a slot for a glossary term of that language.
const JAPANESE: [&str; 4] = [
    "{reg}は、{term}について申請者が十分な評価を行うことを求めている。",
    "本製品の{term}に関するデータは、既存の知見と試験の結果に基づいて評価される。",
    "評価にあたっては、{term}との関係を説明する必要がある。",
    "承認申請前の相談において、{term}の計画について助言を受けることができる。",
];
const CHINESE: [&str; 4] = [
    "{reg}要求申请人对{term}进行充分评估，并在申报资料中说明理由。",
    "产品的{term}数据应基于已有的知识和研究结果。",
    "對於{term}，主管機關採取個案審查的方式，並要求提供科學依據。",
    "相关要求应根据产品的风险和{term}确定。",
];
const KOREAN: [&str; 4] = [
    "{reg}은(는) {term}에 대하여 신청자가 충분한 평가를 수행할 것을 요구한다.",
    "제품의 {term} 자료는 기존 지식과 시험 결과에 근거하여 평가된다.",
    "평가에서는 {term}와(과)의 관계를 설명해야 한다.",
    "허가 신청 전 상담을 통해 {term} 계획에 대한 조언을 받을 수 있다.",
];

/// Countries and languages for synthetic regulators (country codes must be ISO-shaped).
const PLACES: [(&str, &str, &str); 6] = [
    ("JP", "[ja, en]", "ja"),
    ("KR", "[ko, en]", "ko"),
    ("CN", "[zh-Hans, en]", "zh"),
    ("TW", "[zh-Hant, en]", "zh"),
    ("SG", "[en]", "en"),
    ("TH", "[th, en]", "en"),
];

#[allow(dead_code)] // the benchmark includes this file for `generate` and never calls `main`
fn main() {
    let mut records = None;
    let mut out = None;
    let mut seed = 1;
    let mut from = default_from();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| usage(&format!("`{flag}` needs a value")));
        match flag.as_str() {
            "--records" => records = Some(value.parse().unwrap_or_else(|_| usage("--records takes a number"))),
            "--out" => out = Some(PathBuf::from(value)),
            "--seed" => seed = value.parse().unwrap_or_else(|_| usage("--seed takes a number")),
            "--from" => from = PathBuf::from(value),
            _ => usage(&format!("unknown argument `{flag}`")),
        }
    }
    let (Some(records), Some(out)) = (records, out) else { usage("--records and --out are required") };
    match generate(&from, &out, records, seed) {
        Ok(regulators) => println!("wrote {records} records of {regulators} regulators to {}", out.display()),
        Err(e) => {
            eprintln!("synthetic: {e}");
            std::process::exit(1);
        }
    }
}

fn usage(problem: &str) -> ! {
    eprintln!("synthetic: {problem}\nusage: synthetic --records N --out DIR [--seed S] [--from CONTENT]");
    std::process::exit(2)
}

/// The shipped content tree, whose taxonomy and sources the synthetic tree reuses.
pub fn default_from() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// Writes `records` records into `out` (which must be empty or absent), reusing the taxonomy and
/// sources of `from`. Returns the number of regulators the records are spread over.
pub fn generate(from: &Path, out: &Path, records: usize, seed: u64) -> io::Result<usize> {
    if out.read_dir().is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(io::Error::other(format!("{} is not empty", out.display())));
    }
    let (content, problems) = indexer::load::load(from);
    if let Some(p) = problems.iter().find(|d| d.severity == indexer::Severity::Error) {
        return Err(io::Error::other(format!("{} does not load: {p}", from.display())));
    }
    fs::create_dir_all(out.join("sources"))?;
    for file in TAXONOMY {
        fs::copy(from.join(file), out.join(file))?;
    }
    for entry in fs::read_dir(from.join("sources"))? {
        let entry = entry?;
        fs::copy(entry.path(), out.join("sources").join(entry.file_name()))?;
    }

    // Cells (topic, modality) in rounds: each topic's first modality, then each one's second …,
    // so that even a small tree has a record for every topic.
    let all: Vec<&str> = content.modalities.iter().map(|m| m.id.value.as_str()).collect();
    let mut cells: Vec<(&Topic, &str)> = Vec::new();
    for round in 0..all.len() {
        for t in &content.topics {
            if let Some(&m) = modalities_of(t, &all).get(round) {
                cells.push((t, m));
            }
        }
    }
    let shipped = content.regulators.len();
    let total = shipped.max(records.div_ceil(cells.len()));
    let synthetic: Vec<String> = (1..=total - shipped).map(|n| format!("reg-{n:04}")).collect();
    let regulators: Vec<&str> =
        content.regulators.iter().map(|r| r.id.value.as_str()).chain(synthetic.iter().map(String::as_str)).collect();
    let mut writer = Writer::new(&content, seed);
    writer.add_regulators(out, &synthetic)?;

    // Record i takes cell c = i mod C and regulator (i div C + c) mod R: every cell is used before
    // any twice, regulators fill evenly, and since i div C < R no regulator gets a cell twice.
    for i in 0..records {
        let (topic, modality) = cells[i % cells.len()];
        let regulator = regulators[(i / cells.len() + i % cells.len()) % total];
        let dir = out.join("records").join(regulator);
        fs::create_dir_all(&dir)?;
        let text = writer.record(regulator, topic, modality);
        fs::write(dir.join(format!("{}--{modality}.md", topic.id.value)), text)?;
    }
    Ok(total)
}

/// The modalities a topic applies to: its own list, else all of them.
fn modalities_of<'c>(t: &'c Topic, all: &[&'c str]) -> Vec<&'c str> {
    t.modalities.as_ref().map_or_else(|| all.to_vec(), |ms| ms.iter().map(|m| m.value.as_str()).collect())
}

/// xorshift64*: small, fast and deterministic; statistical quality hardly matters here.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Generates regulators and records from the loaded taxonomy.
struct Writer<'c> {
    content: &'c Content,
    rng: Rng,
    today: jiff::civil::Date,
    /// Glossary entries by language (en, ja, zh, ko): each entry's spellings in that language.
    terms: [Vec<&'c [String]>; 4],
    /// Source ids by regulator, for the shipped regulators.
    own_sources: std::collections::HashMap<&'c str, Vec<&'c str>>,
}

impl<'c> Writer<'c> {
    fn new(content: &'c Content, seed: u64) -> Writer<'c> {
        let g = &content.glossary;
        let entries = |f: fn(&'c indexer::model::GlossaryEntry) -> &'c Vec<String>| {
            g.iter().map(f).filter(|t| !t.is_empty()).map(Vec::as_slice).collect::<Vec<_>>()
        };
        let mut own_sources: std::collections::HashMap<&str, Vec<&str>> = Default::default();
        for s in &content.sources {
            own_sources.entry(s.regulator.value.as_str()).or_default().push(&s.id.value);
        }
        Writer {
            content,
            rng: Rng::new(seed),
            today: jiff::Zoned::now().date(),
            terms: [entries(|e| &e.en), entries(|e| &e.ja), entries(|e| &e.zh), entries(|e| &e.ko)],
            own_sources,
        }
    }

    /// Appends the synthetic regulators to regulators.yaml and writes one sources file each,
    /// with one source per domain.
    fn add_regulators(&mut self, out: &Path, ids: &[String]) -> io::Result<()> {
        let mut yaml = fs::read_to_string(out.join("regulators.yaml"))?;
        yaml.push_str("\n# Synthetic regulators for benchmarks.\n");
        for (n, id) in ids.iter().enumerate() {
            let (country, languages, language) = PLACES[n % PLACES.len()];
            let short = id.to_uppercase();
            yaml.push_str(&format!(
                "\n- id: {id}\n  short: {short}\n  name: Synthetic Medicines Authority {short}\n  jurisdiction: Synthetica {n}\n  country: {country}\n  url: https://example.org/{id}/\n  languages: {languages}\n"
            ));
            if let Some(local) = match language {
                "ja" => Some("医薬品審査機構"),
                "zh" => Some("药品监督管理局"),
                "ko" => Some("의약품안전처"),
                _ => None,
            } {
                yaml.push_str(&format!("  local_name: {local} {short}\n"));
            }
            // Titles without glossary terms: every record cites one, and they are indexed with it.
            let mut sources = String::new();
            for d in &self.content.domains {
                let year = 2010 + self.rng.below(15);
                let month = 1 + self.rng.below(12);
                sources.push_str(&format!(
                    "- id: {id}-{domain}\n  regulator: {id}\n  title: \"{title} requirements for new biological products ({short}, {year})\"\n  kind: guideline\n  issued: {year}-{month:02}\n  url: https://example.org/{id}/{domain}\n\n",
                    domain = d.id.value,
                    title = d.title,
                ));
            }
            fs::write(out.join("sources").join(format!("{id}.yaml")), sources)?;
        }
        fs::write(out.join("regulators.yaml"), yaml)
    }

    /// One record file: front matter, then a body of about 300–500 words.
    fn record(&mut self, regulator: &str, topic: &Topic, modality: &str) -> String {
        let content = self.content;
        let short = content.regulator(regulator).map_or_else(|| regulator.to_uppercase(), |r| r.short.clone());
        let modality_title = content.modality(modality).map_or(modality, |m| m.title.as_str());
        let (stance, phrase) = self.stance(topic.kind);
        let (own, other) = self.citations(regulator, &topic.domain.value);
        let updated = self.today.checked_sub(jiff::Span::new().days(self.rng.below(365) as i64)).unwrap_or(self.today);
        let uk = self.rng.below(2) == 0;
        let domain_title = content.domain(&topic.domain.value).map_or("General", |d| d.title.as_str());
        let slots = Slots { reg: &short, topic, modality: modality_title, uk };

        let mut text = format!(
            "---\nregulator: {regulator}\ntopic: {}\nmodalities: [{modality}]\nstance: {stance}\nsummary: {}\nsources:\n  - id: {own}\n    section: \"{}.{}\"\n",
            topic.id.value,
            quote(&format!("{short} {phrase} {} for {modality_title}.", topic.title.to_lowercase())),
            1 + self.rng.below(9),
            1 + self.rng.below(9),
        );
        if let Some(other) = other {
            text.push_str(&format!("  - id: {other}\n"));
        }
        text.push_str(&format!("status: draft\nupdated: {updated}\n---\n\n## What is required\n\n"));
        // Four paragraphs of 4–6 everyday sentences, none repeated (a shuffle of the templates),
        // a third of them with one sentence of fixed technical content.
        let mut order: Vec<usize> = (0..NEUTRAL.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, self.rng.below(i + 1));
        }
        let mut next = order.into_iter();
        for _ in 0..4 {
            let mut paragraph: Vec<String> =
                next.by_ref().take(4 + self.rng.below(3)).map(|i| self.fill(NEUTRAL[i], &slots, 0)).collect();
            if self.rng.below(3) == 0 {
                let at = self.rng.below(paragraph.len());
                paragraph.insert(at, self.sentence(&SPECIFIC, &slots, 0));
            }
            text.push_str(&paragraph.join(" "));
            text.push_str("\n\n");
        }
        // One passage in the regulator's language when it has one, else in a random one.
        let language = match content.regulator(regulator).and_then(|r| r.languages.first()).map(String::as_str) {
            Some("ja") => 1,
            Some(l) if l.starts_with("zh") => 2,
            Some("ko") => 3,
            _ => 1 + self.rng.below(3),
        };
        let (heading, sentences) =
            [("原文の要点", &JAPANESE), ("原文要点", &CHINESE), ("원문 요지", &KOREAN)][language - 1];
        text.push_str(&format!("## {heading}\n\n"));
        let passage: Vec<String> =
            (0..2 + self.rng.below(3)).map(|_| self.sentence(sentences, &slots, language)).collect();
        text.push_str(&passage.concat());
        text.push_str("\n\n## Documents\n\n");
        for id in std::iter::once(own.as_str()).chain(other) {
            let title = content.source(id).map_or_else(
                || format!("{} requirements for new biological products ({short})", domain_title),
                |s| s.title.clone(),
            );
            text.push_str(&format!("- {title} (`{id}`).\n"));
        }
        text.push_str("\n## Open questions\n\n");
        text.push_str(&format!("- {}\n", self.sentence(&QUESTIONS, &slots, 0)));
        text
    }

    /// A stance fit for the topic's kind and how a summary says it, by the weights of
    /// [`STANCES`] or [`ROUTE_STANCES`].
    fn stance(&mut self, kind: TopicKind) -> (&'static str, &'static str) {
        let choices: &[(&'static str, u64, &'static str)] = match kind {
            TopicKind::Requirement => &STANCES,
            TopicKind::Route => &ROUTE_STANCES,
        };
        let mut roll = self.rng.below(100) as u64;
        for &(stance, weight, phrase) in choices {
            if roll < weight {
                return (stance, phrase);
            }
            roll -= weight;
        }
        (choices[0].0, choices[0].2)
    }

    /// The record's own source (its regulator's, of the topic's domain for synthetic ones) and,
    /// usually, a second source of the same regulator: a record cites its own regulator's documents.
    fn citations(&mut self, regulator: &str, domain: &str) -> (String, Option<&'c str>) {
        let Some(ids) = self.own_sources.get(regulator) else { return (format!("{regulator}-{domain}"), None) };
        let (own, other) = (self.rng.pick(ids), self.rng.pick(ids));
        (own.to_string(), (self.rng.below(4) != 0 && other != own).then_some(other))
    }

    /// A random sentence of `from`, filled.
    fn sentence(&mut self, from: &[&str], s: &Slots, language: usize) -> String {
        let sentence = self.rng.pick(from);
        self.fill(sentence, s, language)
    }

    /// Fills a sentence's `{…}` slots; `{term}` takes a glossary term of `language` (0 en, 1 ja,
    /// 2 zh, 3 ko).
    fn fill(&mut self, sentence: &str, s: &Slots, language: usize) -> String {
        let mut out = String::with_capacity(sentence.len() + 40);
        let mut rest = sentence;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let end = start + rest[start..].find('}').expect("slots are closed");
            let name = &rest[start + 1..end];
            match name {
                "reg" => out.push_str(s.reg),
                "topic" => out.push_str(&s.topic.title.to_lowercase()),
                "question" => out.push_str(&s.topic.question),
                "modality" => out.push_str(s.modality),
                "term" | "term2" => {
                    // A concept first, then one of its spellings: concepts with many spellings are not favoured.
                    let spellings = self.rng.pick(&self.terms[language]);
                    out.push_str(&spellings[self.rng.below(spellings.len())]);
                }
                "weeks" => out.push_str(&(4 + self.rng.below(49)).to_string()),
                "section" => out.push_str(&format!("{}.{}", 1 + self.rng.below(9), 1 + self.rng.below(9))),
                _ => {
                    let (_, uk, us) = SPELLINGS.iter().find(|(k, _, _)| *k == name).expect("a known slot");
                    let word = if s.uk { uk } else { us };
                    // A slot at the start of a sentence is capitalised.
                    if out.is_empty() {
                        out.push_str(&word[..1].to_uppercase());
                        out.push_str(&word[1..]);
                    } else {
                        out.push_str(word);
                    }
                }
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// What a record's sentences talk about.
struct Slots<'a> {
    reg: &'a str,
    topic: &'a Topic,
    modality: &'a str,
    uk: bool,
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quote(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}
