//! "Did you mean" for misspelt ids and values.

/// The known value nearest to `found`, if it is close enough to be a likely typo.
pub fn nearest<'a>(found: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(found, k), k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

/// The message for a value outside a closed list: what was found, what is allowed, and the nearest.
pub fn not_allowed(field: &str, found: &str, allowed: &[&str]) -> String {
    let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
    let mut msg = format!("`{field}` is `{found}`; expected one of {list}");
    if let Some(n) = nearest(found, allowed.iter().copied()) {
        msg.push_str(&format!(" (did you mean `{n}`?)"));
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        assert_eq!(nearest("pdma", ["pmda", "hsa"]), Some("pmda"));
        assert_eq!(nearest("zzzzzz", ["pmda", "hsa"]), None);
    }
}
