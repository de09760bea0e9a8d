//! Which languages a query may be written in, from its script: kana is Japanese, Hangul Korean,
//! and Han alone is narrowed by the characters that Japanese, Simplified or Traditional Chinese
//! write otherwise. Search lifts the records of regulators that work in those languages.

/// Han characters, each with the languages that write it otherwise (so that it rules them out).
pub const SCRIPT_CLUES: [(&str, &[&str]); 5] = [
    // Simplified Chinese only
    (
        "细疗药验临产质剂审规监试检评价认证发应册这说对时义务资设备报统计转让经营许调测编组织术险风长则开门问题书单网络结构实际进过还关类",
        &["ja", "zh-Hant"],
    ),
    // Traditional Chinese only
    ("醫藥驗劑檢發證應價體學國產險營經讓轉對說與關實處將舊屬條變圖會歸濟廣樣據續讀總歲", &["ja", "zh-Hans"]),
    // Japanese only (shinjitai)
    ("薬験剤検発応価証処営経険関実単対説変図転譲帰済広様拠続読総効歳収査売伝", &["zh-Hans", "zh-Hant"]),
    // Japanese and Simplified Chinese, not Traditional
    ("医体学国会区号声数条与内来点当万礼旧属", &["zh-Hant"]),
    // Japanese and Traditional Chinese, not Simplified
    ("療細質臨試審規監認評販後調開間係導遺腫瘍業書長問題準備報計統責務動態", &["zh-Hans"]),
];

const HAN_LANGUAGES: [&str; 3] = ["ja", "zh-Hans", "zh-Hant"];

/// The languages `text` may be written in, as BCP 47 tags (`ja`, `ko`, `zh-Hans`, `zh-Hant`), when
/// its script narrows them. Latin text, and Han that any of the three could write, give none.
pub fn languages_of(text: &str) -> Vec<&'static str> {
    let mut possible = HAN_LANGUAGES.to_vec();
    for c in text.chars() {
        if matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{FF66}'..='\u{FF9D}') {
            return vec!["ja"];
        }
        if matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3131}'..='\u{318E}') {
            return vec!["ko"];
        }
        // Every clue is a Han character: Latin letters cannot narrow anything.
        if c < '\u{2E80}' {
            continue;
        }
        for (clues, excluded) in SCRIPT_CLUES {
            if clues.contains(c) {
                possible.retain(|l| !excluded.contains(l));
            }
        }
    }
    if possible.len() == HAN_LANGUAGES.len() { Vec::new() } else { possible }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_languages_by_script() {
        assert_eq!(languages_of("さきがけ"), ["ja"]);
        assert_eq!(languages_of("iPS細胞の造腫瘍性"), ["ja"]);
        assert_eq!(languages_of("첨단재생바이오법"), ["ko"]);
        assert_eq!(languages_of("附条件批准 细胞治疗"), ["zh-Hans"]);
        assert_eq!(languages_of("再生醫療製劑條例"), ["zh-Hant"]);
        assert_eq!(languages_of("再生医療等製品"), ["ja"]);
        assert_eq!(languages_of("製造販売後調査"), ["ja"]);
        assert_eq!(languages_of("同質性"), ["ja", "zh-Hant"]);
        assert!(languages_of("細胞").len() == 2);
        assert!(languages_of("造血").is_empty());
        assert!(languages_of("tumorigenicity").is_empty());
    }

    #[test]
    fn each_clue_is_listed_once() {
        let all: String = SCRIPT_CLUES.iter().map(|(clues, _)| *clues).collect();
        let mut seen = std::collections::HashSet::new();
        let repeated: String = all.chars().filter(|c| !seen.insert(*c)).collect();
        assert!(repeated.is_empty(), "listed twice: {repeated}");
        // `languages_of` skips characters before the CJK blocks.
        assert!(all.chars().all(|c| c >= '\u{2E80}'));
    }
}
