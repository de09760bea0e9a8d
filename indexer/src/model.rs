//! The content model: typed mirrors of the files in `content/`, as defined by
//! `docs/content-format.md`. Unknown fields are errors; fields that other files
//! refer to, or that rules inspect, keep their source location (`Spanned`).

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
pub use serde_saphyr::Spanned;

use crate::date::Date;

/// A regulator (agency), from `regulators.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regulator {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub short: String,
    pub name: String,
    pub local_name: Option<String>,
    pub jurisdiction: String,
    #[schemars(with = "String")]
    pub country: Spanned<String>,
    pub parent: Option<String>,
    pub url: Option<String>,
    pub languages: Vec<String>,
    #[serde(default)]
    pub reference: bool,
}

/// A top-level area of the taxonomy, from `domains.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub title: String,
    pub order: i64,
}

/// One comparable requirement, from `topics.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub domain: Spanned<String>,
    pub title: String,
    pub question: String,
    /// What kind of answer the topic takes: a requirement (the default) or a route.
    #[serde(default)]
    pub kind: TopicKind,
    #[schemars(with = "Option<Vec<String>>")]
    pub modalities: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub apacrm: Vec<String>,
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
}

/// A structured value that records of a topic may give.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: AttributeKind,
    #[serde(default)]
    pub values: Vec<String>,
    pub unit: Option<String>,
}

/// A product class, from `modalities.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Modality {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One concept and its terms in four languages, from `glossary.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub ja: Vec<String>,
    #[serde(default)]
    pub zh: Vec<String>,
    #[serde(default)]
    pub ko: Vec<String>,
    pub definition: Option<String>,
}

impl GlossaryEntry {
    /// Every term of the entry, all languages together.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        [&self.en, &self.ja, &self.zh, &self.ko].into_iter().flatten().map(String::as_str)
    }
}

/// A document records cite, from `sources/<regulator>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub regulator: Spanned<String>,
    pub title: String,
    /// The title in the issuer's language and script.
    pub local_title: Option<String>,
    /// The issuer's reference number as written (`薬生機審発0709第2号`, `21 CFR 1271`).
    pub number: Option<String>,
    /// The document's language (BCP 47: `en`, `ja`, `zh-Hant`).
    #[schemars(with = "Option<String>")]
    pub language: Option<Spanned<String>>,
    /// Who issued it, where that is not simply the regulator (a ministry, a legislature).
    pub issuer: Option<String>,
    pub kind: SourceKind,
    #[schemars(with = "Date")]
    pub issued: Spanned<Date>,
    /// Whether it is in force, a draft or withdrawn; a superseded one says `superseded_by` instead.
    pub status: Option<SourceStatus>,
    pub url: Option<String>,
    /// When `url` was last read.
    #[schemars(with = "Option<Date>")]
    pub retrieved: Option<Spanned<Date>>,
    /// Why no address is given; stands in for `url` and silences its warning.
    pub no_url: Option<String>,
    #[schemars(with = "Option<String>")]
    pub superseded_by: Option<Spanned<String>>,
    /// The file it came from, relative to the content root.
    #[serde(skip)]
    pub file: String,
}

/// The YAML front matter of a record.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[schemars(with = "String")]
    pub regulator: Spanned<String>,
    #[schemars(with = "String")]
    pub topic: Spanned<String>,
    #[schemars(with = "Option<Vec<String>>")]
    pub modalities: Option<Vec<Spanned<String>>>,
    #[schemars(with = "Stance")]
    pub stance: Spanned<Stance>,
    pub summary: String,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, AttributeInput>")]
    pub attributes: BTreeMap<String, Spanned<AttributeInput>>,
    #[serde(default)]
    pub sources: Vec<Citation>,
    #[schemars(with = "Status")]
    pub status: Spanned<Status>,
    #[schemars(with = "Option<Date>")]
    pub reviewed: Option<Spanned<Date>>,
    pub reviewed_by: Option<String>,
    #[schemars(with = "Date")]
    pub updated: Spanned<Date>,
}

/// A record's reference to a source.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub section: Option<String>,
    pub quote: Option<String>,
}

/// An attribute as written: a bare value, or a value with its qualifier.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AttributeInput {
    Qualified { value: Scalar, note: Option<String> },
    Bare(Scalar),
}

impl AttributeInput {
    /// The value, whichever way it was written.
    pub fn value(&self) -> &Scalar {
        match self {
            AttributeInput::Qualified { value, .. } | AttributeInput::Bare(value) => value,
        }
    }

    /// The qualifier, if any.
    pub fn note(&self) -> Option<&str> {
        match self {
            AttributeInput::Qualified { note, .. } => note.as_deref(),
            AttributeInput::Bare(_) => None,
        }
    }
}

/// A YAML scalar as an attribute value.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Number(f64),
    Text(String),
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Bool(true) => f.write_str("yes"),
            Scalar::Bool(false) => f.write_str("no"),
            Scalar::Number(n) => write!(f, "{n}"),
            Scalar::Text(s) => f.write_str(s),
        }
    }
}

/// One requirement of one regulator on one topic: `records/<regulator>/<topic>[--<modality>].md`.
#[derive(Debug, Clone)]
pub struct Record {
    /// The path below `records/` without `.md`, e.g. `pmda/nonclinical.tumorigenicity`.
    pub id: String,
    /// The file, relative to the content root.
    pub file: String,
    pub front: FrontMatter,
    /// The Markdown body.
    pub body: String,
    /// The line of the file on which the body starts.
    pub body_line: usize,
}

impl Record {
    /// The record's regulator id.
    pub fn regulator(&self) -> &str {
        &self.front.regulator.value
    }

    /// The record's topic id.
    pub fn topic(&self) -> &str {
        &self.front.topic.value
    }

    /// The record's stance.
    pub fn stance(&self) -> Stance {
        self.front.stance.value
    }

    /// The record's review status.
    pub fn status(&self) -> Status {
        self.front.status.value
    }
}

/// Declares a closed vocabulary: an enum that reads from YAML with an error naming the
/// allowed values and the nearest one, and that prints as its YAML spelling.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $field:literal, { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in content files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| {
                    let allowed: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                    crate::suggest::not_allowed($field, s, &allowed)
                })
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($text),+] })
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary!(
    /// How firmly a regulator asks for something (see the format's stance table).
    Stance, "stance", {
        Required = "required",
        Expected = "expected",
        CaseByCase = "case-by-case",
        NotRequired = "not-required",
        NoGuidance = "no-guidance",
        Available = "available",
        NotAvailable = "not-available",
        Unknown = "unknown",
    }
);

vocabulary!(
    /// What kind of answer a topic takes: how firmly something is asked for, or whether a route exists.
    TopicKind, "kind", {
        Requirement = "requirement",
        Route = "route",
    }
);

// `vocabulary!` derives no `Default`, so the default kind is named here.
#[allow(clippy::derivable_impls)]
impl Default for TopicKind {
    fn default() -> Self {
        TopicKind::Requirement
    }
}

impl TopicKind {
    /// The stances a record of a topic of this kind may take, in the order the format lists them.
    pub fn stances(self) -> &'static [Stance] {
        match self {
            TopicKind::Requirement => &[
                Stance::Required,
                Stance::Expected,
                Stance::CaseByCase,
                Stance::NotRequired,
                Stance::NoGuidance,
                Stance::Unknown,
            ],
            TopicKind::Route => &[Stance::Available, Stance::NotAvailable, Stance::Unknown],
        }
    }
}

vocabulary!(
    /// Whether a source document applies today.
    SourceStatus, "status", {
        InForce = "in-force",
        Draft = "draft",
        Withdrawn = "withdrawn",
    }
);

vocabulary!(
    /// How far a record has been reviewed.
    Status, "status", {
        Draft = "draft",
        Reviewed = "reviewed",
        RegulatorConfirmed = "regulator-confirmed",
    }
);

vocabulary!(
    /// What kind of document a source is.
    SourceKind, "kind", {
        Law = "law",
        Regulation = "regulation",
        Guideline = "guideline",
        Notification = "notification",
        QAndA = "q-and-a",
        Other = "other",
    }
);

vocabulary!(
    /// The type of a topic attribute's values.
    AttributeKind, "type", {
        Enum = "enum",
        Number = "number",
        Boolean = "boolean",
        Text = "text",
    }
);

impl Stance {
    /// A short human label for badges.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Required => "Required",
            Stance::Expected => "Expected",
            Stance::CaseByCase => "Case by case",
            Stance::NotRequired => "Not required",
            Stance::NoGuidance => "No guidance",
            Stance::Available => "Available",
            Stance::NotAvailable => "Not available",
            Stance::Unknown => "Unknown",
        }
    }
}

/// The whole content tree, loaded.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub regulators: Vec<Regulator>,
    pub domains: Vec<Domain>,
    pub topics: Vec<Topic>,
    pub modalities: Vec<Modality>,
    pub glossary: Vec<GlossaryEntry>,
    pub sources: Vec<Source>,
    pub records: Vec<Record>,
    /// Files that could not be read: references into them are not checked, since
    /// reporting every use of an id from a broken file would bury the one real problem.
    pub unreadable: Vec<String>,
}

impl Content {
    /// The domains in display order (by `order`, then as listed).
    pub fn domains_in_order(&self) -> Vec<&Domain> {
        let mut domains: Vec<&Domain> = self.domains.iter().collect();
        domains.sort_by_key(|d| d.order);
        domains
    }

    /// The topics of one domain, as listed.
    pub fn topics_of<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Topic> + 'a {
        self.topics.iter().filter(move |t| t.domain.value == domain)
    }

    /// The regulator with this id.
    pub fn regulator(&self, id: &str) -> Option<&Regulator> {
        self.regulators.iter().find(|r| r.id.value == id)
    }

    /// The domain with this id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id.value == id)
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id.value == id)
    }

    /// The modality with this id.
    pub fn modality(&self, id: &str) -> Option<&Modality> {
        self.modalities.iter().find(|m| m.id.value == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id.value == id)
    }

    /// The record with this id.
    pub fn record(&self, id: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.id == id)
    }

    /// A record's regulator short name and topic title, for titles (their ids if unknown).
    pub fn names<'a>(&'a self, record: &'a Record) -> (&'a str, &'a str) {
        let regulator = self.regulator(record.regulator()).map_or(record.regulator(), |r| r.short.as_str());
        let topic = self.topic(record.topic()).map_or(record.topic(), |t| t.title.as_str());
        (regulator, topic)
    }

    /// The modalities a record covers: its own, else its topic's, else none (all).
    pub fn record_modalities<'a>(&'a self, record: &'a Record) -> Vec<&'a str> {
        let own = record.front.modalities.as_ref();
        let topic = self.topic(record.topic()).and_then(|t| t.modalities.as_ref());
        own.or(topic).map(|ms| ms.iter().map(|m| m.value.as_str()).collect()).unwrap_or_default()
    }
}
