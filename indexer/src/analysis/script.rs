//! Which language a query is written in, from its script: kana is Japanese, Hangul Korean, and
//! Han alone is told apart by the characters only one of Japanese, Simplified and Traditional
//! Chinese uses. Search lifts the records of regulators that work in that language.

/// Han characters of Simplified Chinese that Japanese and Traditional Chinese write otherwise.
const HANS_ONLY: &str = "细疗药验临产质剂审规监试检评价认证发应册这说对时义务资设备报统计转让经营许调测编组织术险风长则开门问题书单网络结构实际进过还关类";
/// Han characters of Traditional Chinese that Japanese and Simplified Chinese write otherwise.
const HANT_ONLY: &str = "醫藥驗劑檢發證應價體學國產險營經讓轉對說與關實處將舊屬條變圖會歸濟廣樣據續讀總效歲收";
/// Han characters of Japanese (shinjitai) that both Chinese scripts write otherwise.
const JA_ONLY: &str = "薬験剤検発応価証処営経険関実単対説変図転譲帰済広様拠続読総効歳収";

/// The characters each script's clues are judged by, for the static export to apply alike.
pub const SCRIPT_CLUES: [(&str, &str); 3] = [("zh-Hans", HANS_ONLY), ("zh-Hant", HANT_ONLY), ("ja", JA_ONLY)];

/// The language `text` is written in, as a BCP 47 tag, when its script tells: `ja`, `ko`,
/// `zh-Hans` or `zh-Hant`. Latin text, and Han that could be any of the three, tell nothing.
pub fn language_of(text: &str) -> Option<&'static str> {
    let mut counts = [0usize; 3];
    for c in text.chars() {
        if matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{FF66}'..='\u{FF9D}') {
            return Some("ja");
        }
        if matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3131}'..='\u{318E}') {
            return Some("ko");
        }
        for (count, (_, clues)) in counts.iter_mut().zip(SCRIPT_CLUES) {
            *count += usize::from(clues.contains(c));
        }
    }
    let best = *counts.iter().max()?;
    let winners: Vec<usize> = (0..3).filter(|&i| counts[i] == best).collect();
    match winners.as_slice() {
        [i] if best > 0 => Some(SCRIPT_CLUES[*i].0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_languages_by_script() {
        assert_eq!(language_of("さきがけ"), Some("ja"));
        assert_eq!(language_of("iPS細胞の造腫瘍性"), Some("ja"));
        assert_eq!(language_of("첨단재생바이오법"), Some("ko"));
        assert_eq!(language_of("附条件批准 细胞治疗"), Some("zh-Hans"));
        assert_eq!(language_of("再生醫療製劑條例"), Some("zh-Hant"));
        assert_eq!(language_of("再生医療等製品 薬機法"), Some("ja"));
        assert_eq!(language_of("細胞"), None);
        assert_eq!(language_of("tumorigenicity"), None);
    }

    #[test]
    fn clue_sets_do_not_overlap() {
        for (a, clues) in SCRIPT_CLUES {
            for (b, others) in SCRIPT_CLUES.iter().filter(|(b, _)| *b != a) {
                let shared: String = clues.chars().filter(|c| others.contains(*c)).collect();
                assert!(shared.is_empty(), "{a} and {b} share {shared}");
            }
        }
    }
}
