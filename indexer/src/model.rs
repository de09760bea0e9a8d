//! The content model: typed mirrors of the files in `content/`, as defined by
//! `docs/content-format.md`. Unknown fields are errors; fields that other files
//! refer to, or that rules inspect, keep their source location (`Spanned`).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Visitor};
pub use serde_saphyr::Spanned;

use crate::date::{Date, FullDate};

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
    /// The title in the site's other languages, by tag (`ja: 非臨床`).
    #[serde(default)]
    pub title_i18n: Translations,
    /// Whether a working group reviewed the translations; absent means draft.
    pub translation_status: Option<Status>,
}

/// Words in the site's other languages, by language tag (one of `TRANSLATION_LANGUAGES`).
/// A language without them shows the English, marked as English.
pub type Translations = std::collections::BTreeMap<String, String>;

/// The languages vocabulary may be translated into, besides English.
pub const TRANSLATION_LANGUAGES: [&str; 4] = ["ja", "zh-Hant", "zh-Hans", "ko"];

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
    /// The title in the site's other languages, by tag.
    #[serde(default)]
    pub title_i18n: Translations,
    /// The question in the site's other languages, by tag.
    #[serde(default)]
    pub question_i18n: Translations,
    /// Whether a working group reviewed the translations; absent means draft.
    pub translation_status: Option<Status>,
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
    /// The label in the site's other languages, by tag.
    #[serde(default)]
    pub label_i18n: Translations,
    #[serde(rename = "type")]
    pub kind: AttributeKind,
    #[serde(default)]
    pub values: Vec<String>,
    /// An `enum`'s values in the site's other languages: per value, its words by tag.
    #[serde(default)]
    pub values_i18n: BTreeMap<String, Translations>,
    pub unit: Option<String>,
    /// The unit in the site's other languages, by tag.
    #[serde(default)]
    pub unit_i18n: Translations,
    /// The product classes (ids from `modalities.yaml`) the value is for, e.g. a follow-up period
    /// for gene therapy products; absent means every class the topic covers.
    #[schemars(with = "Option<Vec<String>>")]
    pub modalities: Option<Vec<Spanned<String>>>,
}

impl AttributeDef {
    /// A value of this attribute as pages show it: with its unit (`15 years`).
    pub fn shown(&self, value: &Scalar) -> String {
        match &self.unit {
            Some(unit) => format!("{value} {unit}"),
            None => value.to_string(),
        }
    }

    /// Whether the value is for product class `modality`.
    pub fn is_for(&self, modality: &str) -> bool {
        self.modalities.as_ref().is_none_or(|ms| ms.iter().any(|m| m.value == modality))
    }
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
    /// The title in the site's other languages, by tag.
    #[serde(default)]
    pub title_i18n: Translations,
    /// Whether a working group reviewed the translations; absent means draft.
    pub translation_status: Option<Status>,
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
    /// Terms in other languages of the regulators (Indonesian, Malay, Thai ...).
    #[serde(default)]
    pub other: Vec<String>,
    /// Longer words that contain a term of this entry but do not mean it: 자가면역 (autoimmune)
    /// holds 자가 (autologous), 同種同効品 (a similar product) holds 同種 (allogeneic).
    #[serde(default)]
    pub not: Vec<String>,
    /// What the term means, and for an official term the law or document that defines it.
    pub definition: Option<String>,
}

impl GlossaryEntry {
    /// Every term of the entry, all languages together.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        [&self.en, &self.ja, &self.zh, &self.ko, &self.other].into_iter().flatten().map(String::as_str)
    }
}

/// A document records cite, from `sources/<regulator>.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The id records cite: lower-case letters, digits and `-`, starting with the regulator's id.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The regulator's id; must be the file's name (`sources/<regulator>.yaml`).
    #[schemars(with = "String")]
    pub regulator: Spanned<String>,
    /// The official English title, or a faithful English rendering.
    #[serde(deserialize_with = "text")]
    pub title: String,
    /// The title in the issuer's language and script.
    #[serde(default, deserialize_with = "optional_text")]
    pub local_title: Option<String>,
    /// The issuer's reference number as written (`薬生機審発0709第2号`, `21 CFR 1271`).
    #[serde(default, deserialize_with = "optional_text")]
    pub number: Option<String>,
    /// The document's language (BCP 47: `en`, `ja`, `zh-Hant`).
    #[schemars(with = "Option<String>")]
    pub language: Option<Spanned<String>>,
    /// Who issued it, where that is not simply the regulator (a ministry, a legislature).
    #[serde(default, deserialize_with = "optional_text")]
    pub issuer: Option<String>,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// When it was issued, as precisely as known: YYYY-MM-DD, YYYY-MM or YYYY.
    #[schemars(with = "Date")]
    pub issued: Spanned<Date>,
    /// Whether it is in force, a draft or withdrawn; a superseded one says `superseded_by` instead.
    pub status: Option<SourceStatus>,
    /// The issuer's own address of the document (never a mirror, news or journal page).
    pub url: Option<String>,
    /// When `url` was last read.
    #[schemars(with = "Option<Date>")]
    pub retrieved: Option<Spanned<Date>>,
    /// Why no address is given; stands in for `url` and silences its warning.
    #[serde(default, deserialize_with = "optional_text")]
    pub no_url: Option<String>,
    /// The id of the source that replaces this one.
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
    /// The regulator's id from `regulators.yaml`; must be the record's folder (`records/<regulator>/`).
    #[schemars(with = "String")]
    pub regulator: Spanned<String>,
    /// The topic's id from `topics.yaml`; must be the file name without `--<modality>` and `.md`.
    #[schemars(with = "String")]
    pub topic: Spanned<String>,
    /// The modalities (ids from `modalities.yaml`) this record covers, e.g. `[car-t, aav]`; absent means all of the topic's.
    #[schemars(with = "Option<Vec<String>>")]
    pub modalities: Option<Vec<Spanned<String>>>,
    /// How firmly the regulator asks for it (requirement topics), or whether the route exists (route topics).
    #[schemars(with = "Stance")]
    pub stance: Spanned<Stance>,
    /// One or two sentences that answer the topic's question and claim no more than the sources say.
    #[serde(deserialize_with = "text")]
    pub summary: String,
    /// Values the topic declares in `topics.yaml`: a bare value, or `{ value: ..., note: "qualifier" }`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, AttributeInput>")]
    pub attributes: BTreeMap<String, Spanned<AttributeInput>>,
    /// The documents the record rests on, by id from `sources/<regulator>.yaml`; required unless `stance: unknown`.
    #[serde(default)]
    pub sources: Vec<Citation>,
    /// `draft` until a working group reviews the record; `reviewed` and `regulator-confirmed` need `reviewed` and `reviewed_by`.
    #[schemars(with = "Status")]
    pub status: Spanned<Status>,
    /// The date of the review, YYYY-MM-DD.
    #[schemars(with = "Option<FullDate>")]
    pub reviewed: Option<Spanned<Date>>,
    /// Who reviewed the record, e.g. `APACRM 2025 WG1`.
    #[serde(default, deserialize_with = "optional_text")]
    pub reviewed_by: Option<String>,
    /// The date of the last change of substance, YYYY-MM-DD.
    #[schemars(with = "FullDate")]
    pub updated: Spanned<Date>,
}

/// A record's reference to a source.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The source's id in `sources/<regulator>.yaml`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Where in the document the point is made: a section, article, page or table (`"4.2"`, `"Art. 30"`).
    #[serde(default, deserialize_with = "optional_text")]
    pub section: Option<String>,
    /// The passage relied on, verbatim, in the document's own language.
    #[serde(default, deserialize_with = "optional_text")]
    pub quote: Option<String>,
}

/// An attribute as written: a bare value, or a value with its qualifier.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
pub enum AttributeInput {
    Qualified {
        /// The value: a number, `true`/`false`, or one of the topic's words.
        value: Scalar,
        /// The qualifier comparison tables print as a footnote ("risk-based", "as needed").
        note: Option<String>,
    },
    Bare(Scalar),
}

impl AttributeInput {
    /// The value, whichever way it was written.
    pub fn value(&self) -> &Scalar {
        match self {
            AttributeInput::Qualified { value, .. } | AttributeInput::Bare(value) => value,
        }
    }

    /// The value, to put another language's words in.
    pub fn value_mut(&mut self) -> &mut Scalar {
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

impl<'de> Deserialize<'de> for AttributeInput {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AttributeVisitor)
    }
}

/// Reads an attribute: a scalar, or a mapping of exactly `value` and an optional `note`.
struct AttributeVisitor;

impl<'de> Visitor<'de> for AttributeVisitor {
    type Value = AttributeInput;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value, or { value: ..., note: \"...\" }")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<AttributeInput, E> {
        ScalarVisitor.visit_bool(b).map(AttributeInput::Bare)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<AttributeInput, E> {
        ScalarVisitor.visit_i64(n).map(AttributeInput::Bare)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<AttributeInput, E> {
        ScalarVisitor.visit_u64(n).map(AttributeInput::Bare)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<AttributeInput, E> {
        ScalarVisitor.visit_f64(n).map(AttributeInput::Bare)
    }

    fn visit_str<E: de::Error>(self, t: &str) -> Result<AttributeInput, E> {
        ScalarVisitor.visit_str(t).map(AttributeInput::Bare)
    }

    fn visit_unit<E: de::Error>(self) -> Result<AttributeInput, E> {
        ScalarVisitor.visit_unit().map(AttributeInput::Bare)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<AttributeInput, A::Error> {
        let (mut value, mut note) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => value = Some(map.next_value::<Scalar>()?),
                "note" => note = Some(map.next_value_seed(TextSeed)?),
                other => return Err(de::Error::unknown_field(other, &["value", "note"])),
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        Ok(AttributeInput::Qualified { value, note })
    }
}

/// A YAML scalar as an attribute value.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Number(f64),
    Text(String),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// Reads a number, `true`/`false` or text; an empty value is an error that says so.
struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, true or false, or text")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number(n as f64))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number(n as f64))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Scalar, E> {
        Ok(Scalar::Number(n))
    }

    fn visit_str<E: de::Error>(self, t: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(t.to_owned()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Err(E::custom("value is empty; write a value, or remove the line"))
    }
}

/// Reads a text field, refusing what YAML read as a number or `true`/`false` (`summary: 2022`),
/// as the JSON Schemas do: such text goes in double quotes.
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    TextSeed.deserialize(d)
}

/// [`text`] for an optional field: an absent field is `None`, an empty one an error.
fn optional_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    TextSeed.deserialize(d).map(Some)
}

/// Reads text only; see [`text`].
struct TextSeed;

impl<'de> de::DeserializeSeed<'de> for TextSeed {
    type Value = String;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
}

impl Visitor<'_> for TextSeed {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text")
    }

    fn visit_str<E: de::Error>(self, t: &str) -> Result<String, E> {
        Ok(t.to_owned())
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<String, E> {
        Err(E::custom(format!("text expected, but YAML reads `{b}` as true/false; put the text in double quotes")))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<String, E> {
        Err(E::custom(format!("text expected, but YAML reads `{n}` as a number; put the text in double quotes")))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<String, E> {
        self.visit_i64(n as i64)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<String, E> {
        Err(E::custom(format!("text expected, but YAML reads `{n}` as a number; put the text in double quotes")))
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Err(E::custom("text expected, but the value is empty; write the text, or remove the line"))
    }
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
    /// The Markdown body, shared by the content's copies in each language.
    pub body: std::sync::Arc<str>,
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
    ($(#[$doc:meta])* $name:ident, $field:literal, { $($(#[$attr:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$attr])* $variant),+ }

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
    #[derive(Default)]
    TopicKind, "kind", {
        #[default]
        Requirement = "requirement",
        Route = "route",
    }
);

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

mod product;
pub use product::{Approval, ApprovalStatus, Product, ProductFront, Route};

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

    /// What the stance means, in a sentence (the content format's table).
    pub fn definition(self) -> &'static str {
        match self {
            Stance::Required => "A law, regulation or guideline makes it mandatory.",
            Stance::Expected => "Published guidance expects it; leaving it out needs a justification.",
            Stance::CaseByCase => "Decided product by product, usually in consultation with the regulator.",
            Stance::NotRequired => "Published guidance says it is not needed.",
            Stance::NoGuidance => "The regulator has published nothing on it; the record says where it looked.",
            Stance::Available => "A law, regulation or published guidance provides the route.",
            Stance::NotAvailable => "The regulator's framework has no such route; the record says where it looked.",
            Stance::Unknown => "Not yet researched: the record makes no claim.",
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
    /// Shared, so that a copy of the content (one for each language of the site) shares them.
    pub records: Vec<Arc<Record>>,
    /// Products and their approvals (format 1.1).
    pub products: Vec<Product>,
    /// Files that could not be read: references into them are not checked, since
    /// reporting every use of an id from a broken file would bury the one real problem.
    pub unreadable: Vec<String>,
    /// Where each id is in the lists looked up by id.
    pub(crate) at: Positions,
}

/// Where each id is in the content's lists, each map made on the first lookup, so that pages,
/// downloads and checks that name thousands of records or sources do not scan a list for each.
#[derive(Debug, Clone, Default)]
pub(crate) struct Positions {
    regulators: Lookup,
    domains: Lookup,
    topics: Lookup,
    modalities: Lookup,
    sources: Lookup,
    records: Lookup,
}

/// One list's ids and their positions (the first, where an id is listed twice).
#[derive(Debug, Clone, Default)]
struct Lookup(OnceLock<FxHashMap<String, usize>>);

impl Lookup {
    /// The item of `items` with id `id`. The lists are public and may change after the map is
    /// made, so a hit is checked and a miss searched for.
    fn find<'a, T>(&self, items: &'a [T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<&'a T> {
        let at = self.0.get_or_init(|| {
            let mut at = FxHashMap::default();
            for (i, item) in items.iter().enumerate() {
                at.entry(id_of(item).to_owned()).or_insert(i);
            }
            at
        });
        let hit = at.get(id).and_then(|&i| items.get(i)).filter(|item| id_of(item) == id);
        hit.or_else(|| items.iter().find(|item| id_of(item) == id))
    }
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
        self.at.regulators.find(&self.regulators, id, |item| &item.id.value)
    }

    /// The domain with this id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.at.domains.find(&self.domains, id, |item| &item.id.value)
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.at.topics.find(&self.topics, id, |item| &item.id.value)
    }

    /// The modality with this id.
    pub fn modality(&self, id: &str) -> Option<&Modality> {
        self.at.modalities.find(&self.modalities, id, |item| &item.id.value)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.at.sources.find(&self.sources, id, |item| &item.id.value)
    }

    /// The record with this id.
    pub fn record(&self, id: &str) -> Option<&Record> {
        self.at.records.find(&self.records, id, |r| &r.id).map(Arc::as_ref)
    }

    /// The product with this id.
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
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
