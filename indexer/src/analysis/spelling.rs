//! UK -> US spelling, kept as data so the static export's JavaScript applies the same rules.
//!
//! A false match is harmless as long as it is applied everywhere (index, query, export); what matters is
//! that UK and US forms meet and that no two different words do.

/// Whole words mapped first; a match ends normalisation. For words the other rules would get wrong.
const WORDS: &[(&str, &str)] = &[
    ("programme", "program"),
    ("programmes", "programs"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("practises", "practices"),
    ("practising", "practicing"),
    ("enrol", "enroll"),
    ("enrols", "enrolls"),
    ("fulfil", "fulfill"),
    ("fulfils", "fulfills"),
    ("speciality", "specialty"),
    ("specialities", "specialties"),
    ("orientated", "oriented"),
];

/// Substrings replaced everywhere in the word, in this order.
const CONTAINS: &[(&str, &str)] = &[
    // ae / oe in medical Greek and Latin
    ("haem", "hem"),
    ("anaem", "anem"),
    ("leukaem", "leukem"),
    ("aemi", "emi"),
    ("aetiol", "etiol"),
    ("anaesth", "anesth"),
    ("oedem", "edem"),
    ("oestr", "estr"),
    ("oesophag", "esophag"),
    ("foet", "fet"),
    ("rrhoea", "rrhea"),
    ("coeliac", "celiac"),
    ("faec", "fec"),
    ("paed", "ped"),
    ("gynaec", "gynec"),
    ("palaeo", "paleo"),
    // -our; four, hour, pour, tour, contour ... are not listed, so they stay
    ("tumour", "tumor"),
    ("colour", "color"),
    ("behaviour", "behavior"),
    ("favour", "favor"),
    ("labour", "labor"),
    ("honour", "honor"),
    ("flavour", "flavor"),
    ("neighbour", "neighbor"),
    ("vapour", "vapor"),
    ("humour", "humor"),
    ("rumour", "rumor"),
    ("harbour", "harbor"),
    ("odour", "odor"),
    ("armour", "armor"),
    ("savour", "savor"),
    ("vigour", "vigor"),
    ("rigour", "rigor"),
    ("fervour", "fervor"),
    ("candour", "candor"),
    ("splendour", "splendor"),
    ("endeavour", "endeavor"),
    ("parlour", "parlor"),
    ("valour", "valor"),
    ("clamour", "clamor"),
    // -re
    ("centred", "centered"),
    ("centring", "centering"),
    ("centre", "center"),
    ("fibre", "fiber"),
    ("litre", "liter"),
    ("metre", "meter"),
    ("theatre", "theater"),
    ("calibre", "caliber"),
    ("lustre", "luster"),
    ("sombre", "somber"),
    ("spectre", "specter"),
    ("meagre", "meager"),
    // -ogue
    ("catalogued", "cataloged"),
    ("cataloguing", "cataloging"),
    ("catalogue", "catalog"),
    ("analogue", "analog"),
    ("dialogue", "dialog"),
    // doubled l before a suffix; only these stems, since US doubles it in compelled, swelled ...
    ("labell", "label"),
    ("modell", "model"),
    ("travell", "travel"),
    ("cancell", "cancel"),
    ("signall", "signal"),
    ("fuell", "fuel"),
    ("counsell", "counsel"),
    ("channell", "channel"),
    ("tunnell", "tunnel"),
    ("levell", "level"),
    ("panell", "panel"),
    ("jewell", "jewel"),
    ("quarrell", "quarrel"),
    ("enrolment", "enrollment"),
    ("fulfilment", "fulfillment"),
    ("instalment", "installment"),
    ("skilful", "skillful"),
    // single words
    ("licence", "license"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("ageing", "aging"),
    ("sulph", "sulf"),
    ("grey", "gray"),
    ("manoeuvred", "maneuvered"),
    ("manoeuvring", "maneuvering"),
    ("manoeuvrab", "maneuverab"),
    ("manoeuvre", "maneuver"),
    ("dgement", "dgment"),
    ("aluminium", "aluminum"),
    ("artefact", "artifact"),
    ("sceptic", "skeptic"),
];

/// Endings `(uk, us, base)`: the first one the word ends with is replaced, unless the rest is shorter
/// than [`MIN_STEM`] or the rest plus `base` (the dictionary form) ends with a [`KEEP_ENDINGS`] entry.
const SUFFIXES: &[(&str, &str, &str)] = &[
    ("isations", "izations", "ise"),
    ("isational", "izational", "ise"),
    ("isation", "ization", "ise"),
    ("isable", "izable", "ise"),
    ("ising", "izing", "ise"),
    ("isers", "izers", "ise"),
    ("iser", "izer", "ise"),
    ("ised", "ized", "ise"),
    ("ises", "izes", "ise"),
    ("ise", "ize", "ise"),
    ("ysing", "yzing", "yse"),
    ("ysers", "yzers", "yse"),
    ("yser", "yzer", "yse"),
    ("ysed", "yzed", "yse"),
    ("yses", "yzes", "yse"),
    ("yse", "yze", "yse"),
];

/// Keeps rise, arise, raise, wise, noise, crises ... whole: too short to be an -ise verb.
const MIN_STEM: usize = 3;

/// Dictionary forms ending in one of these are not -ize verbs (exercise, otherwise, enterprise ...).
/// Matched as endings so that unsupervised or overexercise stay too; rise and arise cannot be listed
/// as endings (characterise, polarise), [`MIN_STEM`] keeps them.
const KEEP_ENDINGS: &[&str] = &[
    "cise",    // exercise, precise, concise, excise, incise
    "wise",    // wise, otherwise, likewise, clockwise
    "vise",    // advise, devise, revise, supervise, televise, improvise, vise
    "aise",    // raise, praise, chaise, malaise, liaise
    "oise",    // noise, poise, tortoise, turquoise, porpoise
    "uise",    // cruise, bruise, disguise, guise
    "prise",   // enterprise, surprise, comprise, reprise, apprise
    "chise",   // franchise, enfranchise
    "promise", // promise, compromise
    "premise",
    "demise",
    "surmise",
    "chemise",
    "expertise",
    "treatise",
    "advertise",
    "chastise",
    "merchandise",
    "paradise",
    "sunrise",
    "uprise",
    "despise",
    "mortise",
    "valise",
];

/// Rewrites a lower-cased word from UK to US spelling in place.
pub(super) fn americanize(word: &mut String) {
    if let Some(&(_, us)) = WORDS.iter().find(|(uk, _)| *uk == word.as_str()) {
        word.replace_range(.., us);
        return;
    }
    for &(uk, us) in CONTAINS {
        if word.contains(uk) {
            *word = word.replace(uk, us);
        }
    }
    let Some(&(uk, us, base)) = SUFFIXES.iter().find(|(uk, _, _)| word.ends_with(uk)) else {
        return;
    };
    let rest = &word[..word.len() - uk.len()];
    if rest.chars().count() < MIN_STEM {
        return;
    }
    let dictionary_form = format!("{rest}{base}");
    if KEEP_ENDINGS.iter().any(|keep| dictionary_form.ends_with(keep)) {
        return;
    }
    word.truncate(rest.len());
    word.push_str(us);
}

/// The spelling rules as a JSON document, for the static export's JavaScript port of the analyzer.
/// Its `about` field says how to apply them; the result must equal [`super::normalize_word`] after
/// NFKC and lower-casing.
pub fn spelling_rules_json() -> String {
    let json = serde_json::json!({
        "about": "UK to US spelling of one NFKC-folded, lower-cased word. \
            1. If the word is a key of `words`, return its value. \
            2. For each [uk, us] in `contains`, in order, replace every occurrence of uk with us. \
            3. Take the first [uk, us, base] in `suffixes` that the word ends with (none: done). \
            Let rest be the word without uk. If rest has at least `min_stem` characters and rest + base \
            ends with none of `keep_endings`, the word becomes rest + us.",
        "words": WORDS.iter().map(|&(uk, us)| (uk.to_string(), us.into())).collect::<serde_json::Map<_, _>>(),
        "contains": CONTAINS,
        "suffixes": SUFFIXES,
        "min_stem": MIN_STEM,
        "keep_endings": KEEP_ENDINGS,
    });
    format!("{json:#}")
}
