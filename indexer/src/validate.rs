//! The rules of the content format that need more than one field or file to check:
//! ids, references, paths, dates, attributes, citations and reviews. Products' rules
//! are in `product`.

mod product;

use std::collections::{BTreeMap, HashMap, HashSet};

use pulldown_cmark::{Event, Parser};
use rayon::prelude::*;

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::load::FRONT_MATTER_OFFSET;
use crate::model::{
    AttributeDef, AttributeKind, Content, Record, Scalar, Source, Spanned, Stance, Status, TRANSLATION_LANGUAGES,
    Topic, Translations,
};
use crate::suggest::nearest;

/// Records older than this many years get a `stale-record` warning.
pub const STALE_AFTER_YEARS: i32 = 2;

/// Checks a loaded tree against every cross-field rule, as of `today`.
pub fn validate(content: &Content, today: Date) -> Vec<Diagnostic> {
    let mut v = Validator { content, today, out: Vec::new() };
    v.regulators();
    v.domains_and_modalities();
    v.topics();
    v.glossary();
    v.sources();
    v.duplicate_sources();
    // Each record's rules read only the shared content: records are checked in parallel and
    // their diagnostics kept in record order.
    let records: Vec<Vec<Diagnostic>> = content
        .records
        .par_iter()
        .map(|record| {
            let mut one = Validator { content, today, out: Vec::new() };
            one.record(record);
            one.out
        })
        .collect();
    v.out.extend(records.into_iter().flatten());
    for product in &content.products {
        v.product(product);
    }
    v.modality_claims();
    v.topics_without_records();
    v.out
}

struct Validator<'a> {
    content: &'a Content,
    today: Date,
    out: Vec<Diagnostic>,
}

/// Where a spanned value is, shifted down by `offset` lines.
fn at<T>(s: &Spanned<T>, offset: u64) -> (u64, u64) {
    (s.referenced.line() + offset, s.referenced.column())
}

/// Whether `url` is a web address a page may link to: http or https, nothing that runs.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A BCP 47 tag in the shape content uses: a 2–3 letter language, then subtags of 2–8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl<'a> Validator<'a> {
    fn error(&mut self, file: &str, at: (u64, u64), code: &'static str, message: String) {
        self.out.push(Diagnostic::error(file, at, code, message));
    }

    fn warning(&mut self, file: &str, at: (u64, u64), code: &'static str, message: String) {
        self.out.push(Diagnostic::warning(file, at, code, message));
    }

    /// Checks the shape of each id and that none repeats within `file`'s kind.
    fn ids<'i>(
        &mut self,
        file: &str,
        kind: &str,
        ids: impl IntoIterator<Item = (&'i Spanned<String>, &'i str)>,
        shape_ok: fn(&str) -> bool,
        shape: &str,
    ) {
        let mut seen: HashMap<&str, (&str, u64)> = HashMap::new();
        for (id, entry_file) in ids {
            let file = if entry_file.is_empty() { file } else { entry_file };
            if !shape_ok(&id.value) {
                self.error(
                    file,
                    at(id, 0),
                    "invalid-id",
                    format!("{kind} id `{}` breaks the id rules; expected {shape}", id.value),
                );
            }
            if let Some((first_file, first_line)) = seen.insert(&id.value, (file, id.referenced.line())) {
                let first = if first_file == file {
                    format!("line {first_line}")
                } else {
                    format!("{first_file} line {first_line}")
                };
                self.error(
                    file,
                    at(id, 0),
                    "duplicate-id",
                    format!("{kind} id `{}` is used twice; first on {first}", id.value),
                );
                seen.insert(&id.value, (first_file, first_line));
            }
        }
    }

    /// Reports `found` as unknown unless `known` contains it, suggesting the nearest id.
    fn reference<'k>(
        &mut self,
        file: &str,
        place: (u64, u64),
        field: &str,
        found: &str,
        kind: &str,
        known: impl Iterator<Item = &'k str> + Clone,
    ) -> bool {
        if known.clone().any(|k| k == found) {
            return true;
        }
        if self
            .content
            .unreadable
            .iter()
            .any(|f| f == kind_file(kind) || (kind == "source" && f.starts_with("sources/")))
        {
            return false;
        }
        let mut message = format!("`{field}` is `{found}`, but no {kind} has that id");
        match nearest(found, known) {
            Some(n) => message.push_str(&format!(" (did you mean `{n}`?)")),
            None => message.push_str(&format!("; expected an id from {}", kind_file(kind))),
        }
        let code = match kind {
            "regulator" => "unknown-regulator",
            "domain" => "unknown-domain",
            "topic" => "unknown-topic",
            "modality" => "unknown-modality",
            _ => "unknown-source",
        };
        self.error(file, place, code, message);
        false
    }

    fn regulator_ids(&self) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
        self.content.regulators.iter().map(|r| r.id.value.as_str())
    }

    fn modality_ids(&self) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
        self.content.modalities.iter().map(|m| m.id.value.as_str())
    }

    fn regulators(&mut self) {
        let regs = &self.content.regulators;
        self.ids(
            "regulators.yaml",
            "regulator",
            regs.iter().map(|r| (&r.id, "")),
            is_slug,
            "lower-case letters, digits and `-`",
        );
        for r in regs {
            self.web_address("regulators.yaml", &r.id, r.url.as_deref());
            let c = &r.country.value;
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                self.error(
                    "regulators.yaml",
                    at(&r.country, 0),
                    "invalid-country",
                    format!("`country` is `{c}`; expected an ISO 3166-1 alpha-2 code such as `JP` (or `EU`)"),
                );
            }
        }
    }

    fn domains_and_modalities(&mut self) {
        let slug = "lower-case letters, digits and `-`";
        self.ids("domains.yaml", "domain", self.content.domains.iter().map(|d| (&d.id, "")), is_slug, slug);
        self.ids("modalities.yaml", "modality", self.content.modalities.iter().map(|m| (&m.id, "")), is_slug, slug);
        for d in &self.content.domains {
            self.translations("domains.yaml", &d.id, &[&d.title_i18n]);
        }
        for m in &self.content.modalities {
            self.translations("modalities.yaml", &m.id, &[&m.title_i18n]);
        }
        for t in &self.content.topics {
            self.translations("topics.yaml", &t.id, &[&t.title_i18n, &t.question_i18n]);
        }
    }

    /// Translations of the entry `id` are in the site's languages, and not empty.
    fn translations(&mut self, file: &str, id: &Spanned<String>, fields: &[&Translations]) {
        for (tag, text) in fields.iter().flat_map(|f| f.iter()) {
            if !TRANSLATION_LANGUAGES.contains(&tag.as_str()) {
                let message = format!(
                    "`{}` has a translation into `{tag}`, which the site does not show; use one of {}",
                    id.value,
                    TRANSLATION_LANGUAGES.join(", ")
                );
                self.error(file, at(id, 0), "invalid-language", message);
            } else if text.trim().is_empty() {
                let message =
                    format!("`{}` has an empty `{tag}` translation; leave it out to show the English", id.value);
                self.error(file, at(id, 0), "empty-field", message);
            }
        }
    }

    /// An attribute's label, unit and values in other languages: as other translations, and only
    /// of values the attribute has.
    fn attribute_translations(&mut self, file: &str, a: &AttributeDef) {
        let fields = [&a.label_i18n, &a.unit_i18n].into_iter().chain(a.values_i18n.values());
        self.translations(file, &a.id, &fields.collect::<Vec<_>>());
        for value in a.values_i18n.keys().filter(|v| !a.values.contains(v)) {
            let message = format!(
                "attribute `{}` translates `{value}`, which is not among its `values` ({}); correct the value",
                a.id.value,
                a.values.join(", ")
            );
            self.error(file, at(&a.id, 0), "invalid-attribute", message);
        }
    }

    fn topics(&mut self) {
        let file = "topics.yaml";
        let topic_shape = |id: &str| id.split_once('.').is_some_and(|(d, s)| is_slug(d) && is_slug(s));
        self.ids(
            file,
            "topic",
            self.content.topics.iter().map(|t| (&t.id, "")),
            topic_shape,
            "`<domain>.<slug>`, e.g. `nonclinical.tumorigenicity`",
        );
        let domains: Vec<&str> = self.content.domains.iter().map(|d| d.id.value.as_str()).collect();
        for t in &self.content.topics {
            let domain = &t.domain.value;
            if self.reference(file, at(&t.domain, 0), "domain", domain, "domain", domains.iter().copied())
                && t.id.value.split_once('.').is_some_and(|(d, _)| d != domain)
            {
                self.error(
                    file,
                    at(&t.id, 0),
                    "invalid-id",
                    format!("topic id `{}` must start with its domain: expected `{domain}.…`", t.id.value),
                );
            }
            let attribute_modalities = t.attributes.iter().flat_map(|a| a.modalities.iter().flatten());
            for m in t.modalities.iter().flatten().chain(attribute_modalities) {
                self.reference(file, at(m, 0), "modalities", &m.value, "modality", self.modality_ids());
            }
            self.ids(
                file,
                "attribute",
                t.attributes.iter().map(|a| (&a.id, "")),
                |id| {
                    !id.is_empty()
                        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
                },
                "lower-case letters, digits, `_` and `-`",
            );
            for a in &t.attributes {
                self.attribute_translations(file, a);
                if (a.kind == AttributeKind::Enum) == a.values.is_empty() {
                    let message = if a.values.is_empty() {
                        format!(
                            "attribute `{}` has `type: enum` but no `values`; expected the list of allowed values",
                            a.id.value
                        )
                    } else {
                        format!(
                            "attribute `{}` has `values` but `type: {}`; expected `type: enum`, or no `values`",
                            a.id.value, a.kind
                        )
                    };
                    self.error(file, at(&a.id, 0), "invalid-attribute", message);
                }
            }
        }
    }

    fn glossary(&mut self) {
        let entries = &self.content.glossary;
        self.ids(
            "glossary.yaml",
            "glossary",
            entries.iter().map(|g| (&g.id, "")),
            is_slug,
            "lower-case letters, digits and `-`",
        );
        for g in entries {
            if g.terms().next().is_none() {
                self.error(
                    "glossary.yaml",
                    at(&g.id, 0),
                    "missing-field",
                    format!(
                        "glossary entry `{}` has no terms; expected at least one of `en`, `ja`, `zh`, `ko`",
                        g.id.value
                    ),
                );
            }
        }
    }

    fn sources(&mut self) {
        let sources = &self.content.sources;
        self.ids(
            "",
            "source",
            sources.iter().map(|s| (&s.id, s.file.as_str())),
            is_slug,
            "lower-case letters, digits and `-`",
        );
        let ids: Vec<&str> = sources.iter().map(|s| s.id.value.as_str()).collect();
        for s in sources {
            let file = s.file.as_str();
            let expected = file.strip_prefix("sources/").and_then(|f| f.strip_suffix(".yaml")).unwrap_or_default();
            if self.reference(
                file,
                at(&s.regulator, 0),
                "regulator",
                &s.regulator.value,
                "regulator",
                self.regulator_ids(),
            ) && s.regulator.value != expected
            {
                self.error(
                    file,
                    at(&s.regulator, 0),
                    "path-mismatch",
                    format!(
                        "`regulator` is `{}` but the entry is in `{file}`; move the entry to `sources/{}.yaml`, or correct `regulator` to `{expected}`",
                        s.regulator.value, s.regulator.value
                    ),
                );
            }
            self.not_future(file, &s.issued, 0, "issued");
            if let Some(next) = &s.superseded_by {
                self.reference(file, at(next, 0), "superseded_by", &next.value, "source", ids.iter().copied());
            }
            if let Some(retrieved) = &s.retrieved {
                self.not_future(file, retrieved, 0, "retrieved");
            }
            self.source_language(s);
            self.web_address(file, &s.id, s.url.as_deref());
            if s.url.is_none() && s.no_url.is_none() {
                self.warning(
                    file,
                    at(&s.id, 0),
                    "source-without-url",
                    format!(
                        "source `{}` has no `url`; give the official address, or say why there is none in `no_url`",
                        s.id.value
                    ),
                );
            }
        }
    }

    /// A document entered twice under two ids splits its citations; warn at the later entry.
    fn duplicate_sources(&mut self) {
        let sources = &self.content.sources;
        for (i, s) in sources.iter().enumerate() {
            let Some((first, why)) = sources[..i].iter().find_map(|e| same_document(e, s).map(|why| (e, why))) else {
                continue;
            };
            let message = format!(
                "source `{}` has {why} as `{}` ({} line {}); if it is the same document, cite `{}` and remove this entry",
                s.id.value,
                first.id.value,
                first.file,
                first.id.referenced.line(),
                first.id.value
            );
            self.warning(&s.file, at(&s.id, 0), "duplicate-source", message);
        }
    }

    /// A language is a BCP 47 tag, and a document not in English carries its title as its issuer wrote it.
    fn source_language(&mut self, s: &Source) {
        let file = s.file.as_str();
        let Some(language) = &s.language else { return };
        if !is_language_tag(&language.value) {
            let message = format!(
                "`language` of `{}` is `{}`; expected a BCP 47 language tag such as `ja`, `ko`, `zh-Hant` or `en`",
                s.id.value, language.value
            );
            self.error(file, at(language, 0), "invalid-language", message);
        } else if !language.value.eq_ignore_ascii_case("en")
            && !language.value.starts_with("en-")
            && s.local_title.is_none()
        {
            let message = format!(
                "source `{}` is in `{}` but has no `local_title`; add the title as the issuer wrote it, in its own script",
                s.id.value, language.value
            );
            self.warning(file, at(language, 0), "missing-local-title", message);
        }
    }

    /// An address must be a web address: anything else (`javascript:`, `data:`) could run in a reader's browser.
    fn web_address(&mut self, file: &str, owner: &Spanned<String>, url: Option<&str>) {
        if let Some(url) = url.filter(|u| !is_web_address(u)) {
            let message =
                format!("`url` of `{}` is `{url}`; expected an address starting with https:// or http://", owner.value);
            self.error(file, at(owner, 0), "invalid-url", message);
        }
    }

    /// A date must not be in the future. "Today" is the checking day in UTC plus one day, the
    /// date already reached somewhere on Earth: a contributor in Seoul writes their own date.
    fn not_future(&mut self, file: &str, date: &Spanned<Date>, offset: u64, field: &str) {
        let latest = self.today.next_day();
        if date.value > latest {
            self.error(
                file,
                at(date, offset),
                "future-date",
                format!("`{field}` is {}, which is in the future; expected a date on or before {latest}", date.value),
            );
        }
    }

    /// A record's `updated` and `reviewed` name the day.
    fn full_date(&mut self, file: &str, date: &Spanned<Date>, field: &str) {
        if !date.value.is_full() {
            let message =
                format!("`{field}` is {}; a record's `{field}` is a full date: write it as YYYY-MM-DD", date.value);
            self.error(file, at(date, FRONT_MATTER_OFFSET), "invalid-date", message);
        }
    }

    fn record(&mut self, r: &'a Record) {
        let f = &r.front;
        let file = r.file.as_str();
        let o = FRONT_MATTER_OFFSET;
        let regulator_known =
            self.reference(file, at(&f.regulator, o), "regulator", r.regulator(), "regulator", self.regulator_ids());
        let topic_ids = self.content.topics.iter().map(|t| t.id.value.as_str());
        let topic = self
            .reference(file, at(&f.topic, o), "topic", r.topic(), "topic", topic_ids)
            .then(|| self.content.topic(r.topic()))
            .flatten();
        if regulator_known && topic.is_some() {
            self.record_path(r);
        }
        for m in f.modalities.iter().flatten() {
            if self.reference(file, at(m, o), "modalities", &m.value, "modality", self.modality_ids())
                && let Some(topic) = topic
            {
                self.topic_covers(file, m, topic);
            }
        }
        if let Some(topic) = topic {
            self.record_attributes(r, topic);
            self.stance_fits(r, topic);
        }
        self.citations(r);
        self.placeholders_and_empty_text(r);
        if f.sources.is_empty() && r.stance() != Stance::Unknown {
            self.error(
                file,
                at(&f.stance, o),
                "missing-sources",
                format!(
                    "`stance` is `{}` but `sources` is empty; cite at least one source, or use `stance: unknown`",
                    r.stance()
                ),
            );
        }
        if r.status() != Status::Draft && (f.reviewed.is_none() || f.reviewed_by.is_none()) {
            self.error(
                file,
                at(&f.status, o),
                "missing-review",
                format!(
                    "`status` is `{}`, which needs `reviewed` (a date) and `reviewed_by` (who reviewed it)",
                    r.status()
                ),
            );
        }
        self.not_future(file, &f.updated, o, "updated");
        self.full_date(file, &f.updated, "updated");
        if let Some(reviewed) = &f.reviewed {
            self.not_future(file, reviewed, o, "reviewed");
            self.full_date(file, reviewed, "reviewed");
        }
        if f.updated.value.years_until(&self.today) >= STALE_AFTER_YEARS {
            self.warning(file, at(&f.updated, o), "stale-record", format!("`updated` is {}, {STALE_AFTER_YEARS} or more years ago; check the record is still right and update the date", f.updated.value));
        }
        self.raw_html(file, &r.body, r.body_line);
    }

    /// A record's modality must be one its topic covers (a topic without `modalities` covers all).
    fn topic_covers(&mut self, file: &str, m: &Spanned<String>, topic: &Topic) {
        let Some(covered) = &topic.modalities else { return };
        if covered.iter().any(|c| c.value == m.value) {
            return;
        }
        let names: Vec<&str> = covered.iter().map(|c| c.value.as_str()).collect();
        let message = format!(
            "`modalities` has `{}`, but topic `{}` covers only {}; remove it, or ask the editors to add it to the topic in topics.yaml",
            m.value,
            topic.id.value,
            names.join(", ")
        );
        self.error(file, at(m, FRONT_MATTER_OFFSET), "modality-not-covered", message);
    }

    /// Each citation names a source of the record's own regulator, and none repeats.
    fn citations(&mut self, r: &Record) {
        let file = r.file.as_str();
        let o = FRONT_MATTER_OFFSET;
        let source_ids = self.content.sources.iter().map(|s| s.id.value.as_str());
        let mut cited: HashSet<(&str, Option<&str>)> = HashSet::new();
        for c in &r.front.sources {
            if is_placeholder(&c.id.value) {
                let message = format!(
                    "`id` is `{}`, the template's placeholder; write the id of a source in sources/{}.yaml",
                    c.id.value,
                    r.regulator()
                );
                self.error(file, at(&c.id, o), "placeholder", message);
                continue;
            }
            if !self.reference(file, at(&c.id, o), "sources", &c.id.value, "source", source_ids.clone()) {
                continue;
            }
            if let Some(source) = self.content.source(&c.id.value)
                && source.regulator.value != r.regulator()
            {
                let message = format!(
                    "source `{}` is {}'s (in {}), but this record is {}'s; a record cites its own regulator's documents: add the document to sources/{}.yaml under its own id",
                    c.id.value,
                    source.regulator.value,
                    source.file,
                    r.regulator(),
                    r.regulator()
                );
                self.error(file, at(&c.id, o), "foreign-source", message);
            }
            if !cited.insert((c.id.value.as_str(), c.section.as_deref())) {
                let message = format!("source `{}` is cited twice with the same section; remove one", c.id.value);
                self.warning(file, at(&c.id, o), "duplicate-citation", message);
            }
        }
    }

    /// Text left as the template wrote it, or left empty, says nothing; only `stance: unknown`
    /// may keep the template's "Not yet researched." summary.
    fn placeholders_and_empty_text(&mut self, r: &Record) {
        let f = &r.front;
        let (file, place) = (r.file.as_str(), at(&f.stance, FRONT_MATTER_OFFSET));
        if f.summary.trim().is_empty() {
            self.error(file, place, "empty-field", "`summary` is empty; write one or two sentences".into());
        } else if f.summary.trim() == TEMPLATE_SUMMARY && r.stance() != Stance::Unknown {
            let message = format!(
                "`summary` is still the template's \"{TEMPLATE_SUMMARY}\" but `stance` is `{}`; write what the sources say, or keep `stance: unknown`",
                r.stance()
            );
            self.error(file, place, "placeholder", message);
        }
        if f.reviewed_by.as_deref().is_some_and(|b| b.trim().is_empty()) {
            let message = "`reviewed_by` is empty; name who reviewed the record, or remove the line".into();
            self.error(file, at(&f.status, FRONT_MATTER_OFFSET), "empty-field", message);
        }
        for c in &f.sources {
            for (field, text) in [("section", &c.section), ("quote", &c.quote)] {
                let Some(text) = text else { continue };
                let place = at(&c.id, FRONT_MATTER_OFFSET);
                if text.trim().is_empty() {
                    let message = format!("`{field}` of `{}` is empty; fill it in, or remove the line", c.id.value);
                    self.error(file, place, "empty-field", message);
                } else if is_placeholder(text) {
                    let message = format!(
                        "`{field}` of `{}` is `{text}`, the template's placeholder; give the real {field}, or remove the line",
                        c.id.value
                    );
                    self.error(file, place, "placeholder", message);
                }
            }
        }
    }

    /// A route topic is answered with whether the route exists, a requirement topic with how firmly it is asked for.
    fn stance_fits(&mut self, r: &Record, topic: &Topic) {
        let allowed = topic.kind.stances();
        if allowed.contains(&r.stance()) {
            return;
        }
        let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
        let message = format!(
            "`stance` is `{}`, but topic `{}` is a {}; expected one of {}",
            r.stance(),
            topic.id.value,
            topic.kind,
            names.join(", ")
        );
        self.error(&r.file, at(&r.front.stance, FRONT_MATTER_OFFSET), "stance-kind", message);
    }

    /// Each attribute must be declared by the record's topic, with a value of its type.
    fn record_attributes(&mut self, r: &Record, topic: &Topic) {
        let file = r.file.as_str();
        for (key, input) in &r.front.attributes {
            if let Some(def) = topic.attributes.iter().find(|a| a.id.value == *key) {
                self.attribute(file, def, input);
                continue;
            }
            let declared = topic.attributes.iter().map(|a| a.id.value.as_str());
            let mut message = format!("attribute `{key}` is not declared by topic `{}`", topic.id.value);
            match (nearest(key, declared.clone()), declared.clone().next()) {
                (Some(n), _) => message.push_str(&format!(" (did you mean `{n}`?)")),
                (None, Some(_)) => message.push_str(&format!(
                    "; expected one of {}",
                    declared.map(|d| format!("`{d}`")).collect::<Vec<_>>().join(", ")
                )),
                (None, None) => message.push_str("; that topic declares no attributes"),
            }
            self.error(file, at(input, FRONT_MATTER_OFFSET), "unknown-attribute", message);
        }
    }

    /// The folder must be the regulator; the file stem the topic, plus `--<modality>` naming one of its modalities.
    fn record_path(&mut self, r: &Record) {
        let f = &r.front;
        let file = r.file.as_str();
        let o = FRONT_MATTER_OFFSET;
        let (folder, stem) = r.id.split_once('/').unwrap_or(("", &r.id));
        let name = r.file.rsplit('/').next().unwrap_or_default();
        if folder != r.regulator() {
            let fix = if self.content.regulator(folder).is_some() {
                format!(
                    "move the file to `records/{}/{name}`, or, if the record is {folder}'s, correct `regulator` to `{folder}`",
                    r.regulator()
                )
            } else {
                format!("`{folder}` is not a regulator's id; move the file to `records/{}/{name}`", r.regulator())
            };
            self.error(
                file,
                at(&f.regulator, o),
                "path-mismatch",
                format!("`regulator` is `{}` but the record is in `records/{folder}/`; {fix}", r.regulator()),
            );
        }
        let (topic, suffix) = match stem.split_once("--") {
            Some((t, m)) => (t, Some(m)),
            None => (stem, None),
        };
        if topic != r.topic() {
            let modality = topic
                .strip_prefix(r.topic())
                .and_then(|rest| rest.strip_prefix('-'))
                .filter(|m| self.content.modality(m).is_some());
            let fix = match (modality, suffix) {
                (Some(m), None) => {
                    format!("rename the file to `{}--{m}.md` (two hyphens before the modality)", r.topic())
                }
                (_, Some(m)) => format!("rename the file to `{}--{m}.md`, or correct `topic`", r.topic()),
                (_, None) => format!(
                    "rename the file to `{}.md` (or `{}--<modality>.md`), or correct `topic`",
                    r.topic(),
                    r.topic()
                ),
            };
            self.error(
                file,
                at(&f.topic, o),
                "path-mismatch",
                format!("`topic` is `{}` but the file is named `{name}`; {fix}", r.topic()),
            );
        }
        if let Some(m) = suffix {
            let own: Vec<&str> = f.modalities.iter().flatten().map(|s| s.value.as_str()).collect();
            if !own.contains(&m) {
                let fix = match (self.content.modality(m), nearest(m, self.modality_ids())) {
                    (Some(_), _) => format!("add `{m}` to `modalities`, or rename the file"),
                    (None, Some(n)) => format!("`{m}` is not a modality id (did you mean `--{n}`?); rename the file"),
                    (None, None) => format!(
                        "`{m}` is not a modality id; rename the file to `{}--<modality>.md` with an id from modalities.yaml",
                        r.topic()
                    ),
                };
                self.error(
                    file,
                    at(&f.topic, o),
                    "path-mismatch",
                    format!("the file name ends in `--{m}` but `modalities` is [{}]; {fix}", own.join(", ")),
                );
            }
        }
    }

    fn attribute(&mut self, file: &str, def: &AttributeDef, input: &Spanned<crate::model::AttributeInput>) {
        let value = input.value.value();
        let ok = match (def.kind, value) {
            (AttributeKind::Enum, Scalar::Text(t)) => {
                if !def.values.contains(t) {
                    let allowed: Vec<&str> = def.values.iter().map(String::as_str).collect();
                    let message = crate::suggest::not_allowed(&def.id.value, t, &allowed);
                    self.error(file, at(input, FRONT_MATTER_OFFSET), "attribute-value", message);
                }
                true
            }
            // YAML reads `yes` and `16` as true and a number; an enum whose values spell them accepts them.
            (AttributeKind::Enum, other) => def.values.iter().any(|v| spells(v, other)),
            (AttributeKind::Number, Scalar::Number(_))
            | (AttributeKind::Boolean, Scalar::Bool(_))
            | (AttributeKind::Text, Scalar::Text(_)) => true,
            _ => false,
        };
        if !ok {
            let expected = match def.kind {
                AttributeKind::Enum => "one of the topic's `values`",
                AttributeKind::Number => "a number",
                AttributeKind::Boolean => "`true` or `false`",
                AttributeKind::Text => "text",
            };
            self.error(
                file,
                at(input, FRONT_MATTER_OFFSET),
                "attribute-type",
                format!("attribute `{}` is `{value}`; expected {expected}", def.id.value),
            );
        }
    }

    /// Two records of one regulator and topic must not claim one modality; a record
    /// without modalities (and a topic without them) claims every modality.
    fn modality_claims(&mut self) {
        let mut groups: BTreeMap<(&str, &str), Vec<&Record>> = BTreeMap::new();
        for r in &self.content.records {
            groups.entry((r.regulator(), r.topic())).or_default().push(r);
        }
        for records in groups.values().filter(|g| g.len() > 1) {
            for (i, later) in records.iter().enumerate() {
                let claims = self.content.record_modalities(later);
                for earlier in &records[..i] {
                    let before = self.content.record_modalities(earlier);
                    let shared: Vec<&str> = if claims.is_empty() || before.is_empty() {
                        vec!["(all modalities)"]
                    } else {
                        claims.iter().copied().filter(|m| before.contains(m)).collect()
                    };
                    if let Some(m) = shared.first() {
                        let message = format!(
                            "this record and `{}` both cover {} for {} × {}; give each record its own `modalities`",
                            earlier.file,
                            m,
                            later.regulator(),
                            later.topic()
                        );
                        self.error(
                            &later.file,
                            at(&later.front.topic, FRONT_MATTER_OFFSET),
                            "duplicate-modality",
                            message,
                        );
                    }
                }
            }
        }
    }

    fn topics_without_records(&mut self) {
        // With a record unreadable, "no record" may be false.
        if self.content.unreadable.iter().any(|f| f.starts_with("records/")) {
            return;
        }
        let used: HashSet<&str> = self.content.records.iter().map(|r| r.topic()).collect();
        for t in &self.content.topics {
            if !used.contains(t.id.value.as_str()) {
                self.warning(
                    "topics.yaml",
                    at(&t.id, 0),
                    "topic-without-records",
                    format!("topic `{}` has no record yet", t.id.value),
                );
            }
        }
    }

    /// Warns of raw HTML in a Markdown body that starts on line `body_line` of `file`.
    fn raw_html(&mut self, file: &str, body: &str, body_line: usize) {
        let first = Parser::new(body).into_offset_iter().find_map(|(event, range)| match event {
            Event::Html(_) | Event::InlineHtml(_) => Some(range.start),
            _ => None,
        });
        if let Some(offset) = first {
            let (line, column) = crate::load::position(&body[..offset]);
            let line = line - 1 + body_line as u64;
            self.warning(
                file,
                (line, column),
                "raw-html",
                "the body contains raw HTML, which the site removes; use Markdown instead".into(),
            );
        }
    }
}

/// The summary `regkb new` writes, which only `stance: unknown` may keep.
pub const TEMPLATE_SUMMARY: &str = "Not yet researched.";

/// Whether text is a template's placeholder: `...` alone, or a word like `<regulator>-...`
/// (a quote may well contain `...` where it leaves words out).
fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    let word = !t.contains(char::is_whitespace);
    t.chars().all(|c| c == '.' || c == '…') || (word && (t.ends_with("...") || t.ends_with('…') || t.contains('<')))
}

/// What makes two sources of one regulator look like one document entered twice: the same
/// issue date, and the same title or original title, or a nearly identical title with the same
/// address or number. (An address or number alone is not enough: a notice may issue several
/// guidelines, and a listing page may host several rules; a title alone is not either: a law
/// keeps its title through its amendments.)
fn same_document(a: &Source, b: &Source) -> Option<&'static str> {
    if a.regulator.value != b.regulator.value || a.issued.value != b.issued.value {
        return None;
    }
    let norm = |t: &str| {
        t.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
    };
    let (ta, tb) = (norm(&a.title), norm(&b.title));
    if ta == tb {
        return Some("the same title and date");
    }
    if a.local_title.is_some() && a.local_title == b.local_title {
        return Some("the same original-language title and date");
    }
    let similar = strsim::normalized_levenshtein(&ta, &tb) >= DUPLICATE_TITLE_SIMILARITY;
    let same = (a.url.is_some() && a.url == b.url) || (a.number.is_some() && a.number == b.number);
    (similar && same).then_some("a nearly identical title and the same date and address or number")
}

/// How alike (0 to 1, normalised edit distance) two titles must be to suggest one document.
const DUPLICATE_TITLE_SIMILARITY: f64 = 0.9;

/// Whether enum value `word` is how YAML's non-text reading `value` was written
/// (`yes` read as true, `16` as a number).
fn spells(word: &str, value: &Scalar) -> bool {
    match value {
        Scalar::Bool(b) => {
            let spellings: &[&str] = if *b { &["yes", "true", "on", "y"] } else { &["no", "false", "off", "n"] };
            spellings.contains(&word.to_ascii_lowercase().as_str())
        }
        Scalar::Number(n) => word.parse::<f64>().is_ok_and(|w| w == *n),
        Scalar::Text(t) => t == word,
    }
}

fn kind_file(kind: &str) -> &'static str {
    match kind {
        "regulator" => "regulators.yaml",
        "domain" => "domains.yaml",
        "topic" => "topics.yaml",
        "modality" => "modalities.yaml",
        _ => "sources/<regulator>.yaml",
    }
}
