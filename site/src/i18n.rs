//! The interface's languages and its one message lookup. Each language's messages are a Fluent
//! file, `site/locales/<tag>/main.ftl`, compiled into the binary and parsed once; a message a
//! language lacks falls back to English. Templates ask through `Frame::t` and never branch on
//! the language.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use indexer::model::{AttributeDef, AttributeKind, Content, Scalar, Translations};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use rustc_hash::FxHashMap;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Ja,
    ZhHant,
    ZhHans,
    Ko,
}

impl Lang {
    /// Every language, English (the fallback, served at the root) first.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Ja, Lang::ZhHant, Lang::ZhHans, Lang::Ko];

    /// The BCP 47 tag, for `lang` and `hreflang`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
            Lang::Ko => "ko",
        }
    }

    /// The folder the language's pages live under, with its slash: `""` for English, `ja/` ….
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Ja => "ja/",
            Lang::ZhHant => "zh-Hant/",
            Lang::ZhHans => "zh-Hans/",
            Lang::Ko => "ko/",
        }
    }

    /// The language whose folder or tag is `prefix` (`ja`, `zh-Hant`; `en` is English).
    pub fn from_prefix(prefix: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(prefix))
    }

    /// The language's name in itself, for the language switcher.
    pub fn name(self) -> String {
        t(self, "language-name")
    }

    fn messages(self) -> &'static str {
        match self {
            Lang::En => include_str!("../locales/en/main.ftl"),
            Lang::Ja => include_str!("../locales/ja/main.ftl"),
            Lang::ZhHant => include_str!("../locales/zh-Hant/main.ftl"),
            Lang::ZhHans => include_str!("../locales/zh-Hans/main.ftl"),
            Lang::Ko => include_str!("../locales/ko/main.ftl"),
        }
    }

    /// The supported language a reader's `Accept-Language` header prefers most, if any.
    pub fn preferred(accept_language: &str) -> Option<Lang> {
        let mut ranked: Vec<(f32, Lang)> = accept_language
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let range = parts.next()?.trim();
                let q = parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1.0), |q| q.parse().ok())?;
                Some((q, Lang::matching(range)?))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().filter(|(q, _)| *q > 0.0).map(|&(_, lang)| lang)
    }

    /// The language a range of `Accept-Language` names: `zh-TW` and `zh-HK` read Traditional,
    /// other Chinese Simplified.
    fn matching(range: &str) -> Option<Lang> {
        let range = range.to_ascii_lowercase();
        let mut subtags = range.split(['-', '_']);
        match subtags.next()? {
            "en" => Some(Lang::En),
            "ja" => Some(Lang::Ja),
            "ko" => Some(Lang::Ko),
            "zh" => {
                let rest: Vec<&str> = subtags.collect();
                let traditional = rest.iter().any(|s| matches!(*s, "hant" | "tw" | "hk" | "mo"));
                Some(if traditional { Lang::ZhHant } else { Lang::ZhHans })
            }
            _ => None,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(tag: &str) -> Result<Lang, String> {
        Lang::from_prefix(tag).ok_or_else(|| {
            let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
            format!("`{tag}` is not a language of the site; use one of {}", tags.join(", "))
        })
    }
}

/// The content with its vocabulary (domain, topic and modality titles, topic questions, attribute
/// labels, units and enumerated values, yes and no) in one language, and the English words it
/// shows where that language has none, which pages mark.
pub struct Vocabulary {
    pub lang: Lang,
    pub content: Arc<Content>,
    pub untranslated: BTreeSet<String>,
}

impl Vocabulary {
    /// `content`'s vocabulary in `lang`; English shares `content` as it is.
    pub fn of(content: &Arc<Content>, lang: Lang) -> Vocabulary {
        let mut words = Vocabulary { lang, content: content.clone(), untranslated: BTreeSet::new() };
        if lang == Lang::En {
            return words;
        }
        let mut local = Content::clone(content);
        for d in &mut local.domains {
            words.translate(lang, &mut d.title, &d.title_i18n);
        }
        for m in &mut local.modalities {
            words.translate(lang, &mut m.title, &m.title_i18n);
        }
        for t in &mut local.topics {
            words.translate(lang, &mut t.title, &t.title_i18n);
            words.translate(lang, &mut t.question, &t.question_i18n);
            for a in &mut t.attributes {
                words.translate(lang, &mut a.label, &a.label_i18n);
                if let Some(unit) = &mut a.unit {
                    words.translate(lang, unit, &a.unit_i18n);
                }
            }
        }
        for r in &mut local.records {
            let Some(topic) = content.topic(r.topic()) else { continue };
            // Records are shared with the content; only those with attributes get a copy.
            if !topic.attributes.iter().any(|def| r.front.attributes.contains_key(&def.id.value)) {
                continue;
            }
            let r = Arc::make_mut(r);
            for def in &topic.attributes {
                if let Some(input) = r.front.attributes.get_mut(&def.id.value) {
                    words.translate_value(lang, def, input.value.value_mut());
                }
            }
        }
        words.content = Arc::new(local);
        words
    }

    /// Puts `lang`'s word for `text` in its place, or notes that `text` stays English.
    fn translate(&mut self, lang: Lang, text: &mut String, words: &Translations) {
        match words.get(lang.tag()) {
            Some(word) => *text = word.clone(),
            None => {
                self.untranslated.insert(text.clone());
            }
        }
    }

    /// A record's value of attribute `def` in `lang`: an enumerated value in the topic's words for
    /// it, yes and no in the interface's.
    fn translate_value(&mut self, lang: Lang, def: &AttributeDef, value: &mut Scalar) {
        match value {
            Scalar::Bool(yes) => *value = Scalar::Text(t(lang, if *yes { "attribute-yes" } else { "attribute-no" })),
            Scalar::Text(word) if def.kind == AttributeKind::Enum => {
                let words = def.values_i18n.get(word.as_str()).cloned().unwrap_or_default();
                self.translate(lang, word, &words);
            }
            _ => {}
        }
        // A number shown with a unit the language lacks reads as English.
        if def.unit.is_some() && !def.unit_i18n.contains_key(lang.tag()) {
            self.untranslated.insert(def.shown(value));
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

/// Each language's bundle, in `Lang::ALL`'s order, parsed on first use.
fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.into_iter().map(bundle).collect())
}

fn bundle(lang: Lang) -> Bundle {
    let resource = FluentResource::try_new(lang.messages().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("locales/{}/main.ftl does not parse: {errors:?}", lang.tag()));
    let mut bundle = Bundle::new_concurrent(vec![lang.tag().parse().expect("a BCP 47 tag")]);
    // Pages are HTML with their own `lang`; Unicode isolation marks would only show as noise.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("a message is defined once");
    bundle
}

/// The message `key` in `lang`, or in English when `lang` lacks it, or the key itself when no
/// language has it (a test keeps that from shipping).
pub fn t(lang: Lang, key: &str) -> String {
    formatted(lang).get(key).cloned().unwrap_or_else(|| key.to_owned())
}

/// Each language's messages formatted without variables, in `Lang::ALL`'s order: what `t` gives,
/// made once rather than for each of the few dozen a page shows.
fn formatted(lang: Lang) -> &'static FxHashMap<String, String> {
    static FORMATTED: OnceLock<Vec<FxHashMap<String, String>>> = OnceLock::new();
    let all = FORMATTED.get_or_init(|| {
        let english = message_keys(Lang::En);
        Lang::ALL
            .into_iter()
            .map(|l| {
                let keys = message_keys(l).into_iter().chain(english.iter().cloned());
                keys.map(|key| {
                    let text = format(l, &key, None);
                    (key, text)
                })
                .collect()
            })
            .collect()
    });
    &all[lang as usize]
}

/// The keys of the messages in `lang`'s file.
fn message_keys(lang: Lang) -> Vec<String> {
    let resource = FluentResource::try_new(lang.messages().to_owned()).unwrap_or_else(|(resource, _)| resource);
    let messages = resource.entries().filter_map(|entry| match entry {
        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
        _ => None,
    });
    messages.collect()
}

/// The message `key` in `lang` with its variables `args` filled in.
pub fn t_args(lang: Lang, key: &str, args: &[(&str, FluentValue)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    format(lang, key, Some(&fluent))
}

fn format(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let all = bundles();
    [lang, Lang::En]
        .into_iter()
        .find_map(|l| {
            let bundle = &all[l as usize];
            let pattern = bundle.get_message(key)?.value()?;
            let mut errors = Vec::new();
            Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
        })
        .unwrap_or_else(|| key.to_owned())
}

/// The messages the pages' scripts write (`static/app.js`, `static/offline.js`), with the
/// count each one's plural depends on, if any, and its other variables.
const SCRIPT_MESSAGES: &[(&str, Option<&str>, &[&str])] = &[
    ("search-count", Some("n"), &[]),
    ("search-unsearchable", Some("n"), &["query"]),
    ("search-matches", Some("n"), &["query"]),
    ("search-some-words", Some("n"), &["query"]),
    ("search-dropped", None, &["words"]),
    ("search-too-long", Some("n"), &["limit"]),
    ("search-index-missing", None, &[]),
    ("search-result-pages", None, &[]),
    ("search-previous", None, &[]),
    ("search-next", None, &[]),
    ("facet-regulator", None, &[]),
    ("facet-domain", None, &[]),
    ("facet-topic", None, &[]),
    ("facet-modality", None, &[]),
    ("facet-stance", None, &[]),
    ("tag-draft", None, &[]),
    ("stance-product", None, &[]),
    ("compare-differs", None, &[]),
    ("compare-status", None, &["topics", "regulators"]),
    ("compare-status-topics", Some("n"), &[]),
    ("compare-status-regulators", Some("n"), &[]),
    ("products-count", Some("shown"), &["total"]),
    ("changes-count", Some("shown"), &["total"]),
];

/// The messages scripts write, in `lang`, as JSON for the page's `regkb-messages` block: per
/// message, its text for each plural category of `lang` (`"one": "{n} record"`), with `{name}`
/// where the script puts a value, and `"count"`, the variable whose number picks the category.
/// Scripts pick the category with `Intl.PluralRules`, as Fluent would.
pub fn script_messages(lang: Lang) -> &'static str {
    static JSON: OnceLock<Vec<String>> = OnceLock::new();
    &JSON.get_or_init(|| Lang::ALL.into_iter().map(script_messages_in).collect())[lang as usize]
}

fn script_messages_in(lang: Lang) -> String {
    // Plural rules are by language; the rules know `zh`, not `zh-Hant`.
    let mut locale = bundles()[lang as usize].locales[0].clone();
    locale.script = None;
    let rules = PluralRules::create(locale, PluralRuleType::CARDINAL).expect("plural rules for every language");
    let mut all = serde_json::Map::new();
    for &(key, count, names) in SCRIPT_MESSAGES {
        let mut variants = serde_json::Map::new();
        let placeholders = || names.iter().map(|n| (*n, FluentValue::from(format!("{{{n}}}")))).collect::<Vec<_>>();
        match count {
            None => {
                variants.insert("other".into(), t_args(lang, key, &placeholders()).into());
            }
            Some(count) => {
                variants.insert("count".into(), count.into());
                for (category, text) in plural_variants(lang, &rules, key, count, &placeholders()) {
                    variants.insert(category.into(), text.into());
                }
            }
        }
        all.insert(key.to_owned(), variants.into());
    }
    // Inside a <script> element, "</" must not appear.
    serde_json::Value::Object(all).to_string().replace('<', "\\u003c")
}

/// Message `key` in `lang` once per plural category, each formatted with a number of that
/// category for `count`, which is then replaced by `{count}`.
fn plural_variants(
    lang: Lang,
    rules: &PluralRules,
    key: &str,
    count: &str,
    others: &[(&str, FluentValue)],
) -> Vec<(&'static str, String)> {
    let mut variants: Vec<(&'static str, String)> = Vec::new();
    for n in 0..1000u32 {
        let category = plural_name(rules.select(n).expect("an integer has a plural category"));
        if variants.iter().any(|(c, _)| *c == category) {
            continue;
        }
        let mut args = others.to_vec();
        args.push((count, n.into()));
        let text = t_args(lang, key, &args);
        // A number that appears elsewhere in the text could not be told from the count.
        if text.matches(&n.to_string()).count() == 1 {
            variants.push((category, text.replace(&n.to_string(), &format!("{{{count}}}"))));
        }
    }
    variants
}

fn plural_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// The messages a language's file defines: lines `key = …` at the start of a line.
    fn keys(lang: Lang) -> BTreeSet<&'static str> {
        lang.messages()
            .lines()
            .filter_map(|line| Some(line.split_once(" =")?.0).filter(|k| k.starts_with(char::is_alphabetic)))
            .collect()
    }

    /// The text of every template and every source file but this one's messages.
    fn code() -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut text = String::new();
        for dir in ["templates", "src", "src/views", "src/formats"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.is_file() {
                    text.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        text
    }

    #[test]
    fn every_language_has_every_message_and_every_message_is_used() {
        let english = keys(Lang::En);
        for lang in Lang::ALL {
            let theirs = keys(lang);
            let missing: Vec<_> = english.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(missing.is_empty(), "locales/{}/main.ftl lacks {missing:?}", lang.tag());
            assert!(extra.is_empty(), "locales/{}/main.ftl has keys English lacks: {extra:?}", lang.tag());
        }
        let code = code();
        let unused: Vec<_> = english.iter().filter(|k| !asked_for(&code, k)).collect();
        assert!(unused.is_empty(), "messages no template or code asks for: {unused:?}");
    }

    /// Whether `code` names `key`, whole (`"nav-search"`) or as a prefix it completes at run
    /// time (`"stance-{}"`, `"facet-{}"`).
    fn asked_for(code: &str, key: &str) -> bool {
        code.contains(&format!("\"{key}\""))
            || key.match_indices('-').any(|(i, _)| code.contains(&format!("\"{}{{", &key[..=i])))
    }

    #[test]
    fn every_message_asked_for_exists() {
        let english = keys(Lang::En);
        let code = code();
        let asked: BTreeSet<&str> = code
            .split(".t(\"")
            .skip(1)
            .chain(code.split(".t1(\"").skip(1))
            .chain(code.split(".t2(\"").skip(1))
            .filter_map(|rest| rest.split('"').next())
            .collect();
        let unknown: Vec<_> = asked.iter().filter(|k| !english.contains(*k)).collect();
        assert!(unknown.is_empty(), "templates ask for messages English lacks: {unknown:?}");
    }

    #[test]
    fn lookup_falls_back_to_english_and_fills_arguments() {
        assert_eq!(t(Lang::Ja, "language-name"), "日本語");
        assert_eq!(t(Lang::En, "no-such-message"), "no-such-message");
        let n = t_args(Lang::En, "search-count", &[("n", 2.into())]);
        assert_eq!(n, "2 records");
    }

    #[test]
    fn scripts_get_each_plural_with_its_values_left_to_fill() {
        let english: serde_json::Value = serde_json::from_str(script_messages(Lang::En)).unwrap();
        assert_eq!(english["search-count"]["one"], "{n} record");
        assert_eq!(english["search-count"]["other"], "{n} records");
        assert_eq!(english["search-count"]["count"], "n");
        assert_eq!(english["products-count"]["other"], "{shown} of {total} products");
        let japanese: serde_json::Value = serde_json::from_str(script_messages(Lang::Ja)).unwrap();
        assert_eq!(japanese["search-count"].as_object().unwrap().len(), 2, "Japanese has one plural form");
        assert_eq!(japanese["search-matches"]["other"], "「{query}」に一致する記録：{n} 件");
        for lang in Lang::ALL {
            let all: serde_json::Value = serde_json::from_str(script_messages(lang)).unwrap();
            for &(key, count, names) in SCRIPT_MESSAGES {
                let variants = all[key].as_object().unwrap();
                assert!(variants.contains_key("other"), "{key} in {}", lang.tag());
                for (category, text) in variants.iter().filter(|(c, _)| *c != "count") {
                    for name in count.iter().chain(names) {
                        assert!(text.as_str().unwrap().contains(&format!("{{{name}}}")), "{key}/{category}: {text}");
                    }
                }
            }
        }
    }

    #[test]
    fn accept_language_suggests_the_best_supported_language() {
        assert_eq!(Lang::preferred("ja-JP,ja;q=0.9,en;q=0.8"), Some(Lang::Ja));
        assert_eq!(Lang::preferred("fr, zh-TW;q=0.7, en;q=0.5"), Some(Lang::ZhHant));
        assert_eq!(Lang::preferred("zh-CN"), Some(Lang::ZhHans));
        assert_eq!(Lang::preferred("en-GB;q=0.5, ko;q=0.9"), Some(Lang::Ko));
        assert_eq!(Lang::preferred("fr, de"), None);
        assert_eq!(Lang::from_prefix("zh-hant"), Some(Lang::ZhHant));
    }
}
