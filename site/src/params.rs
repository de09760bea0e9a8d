//! Page state from URL queries. Facets repeat (`regulator=pmda&regulator=hsa`), which serde's
//! URL decoding does not read into lists, so the pairs are read here.

use indexer::SearchRequest;
use indexer::date::Date;
use indexer::index::Facet;

use crate::changelog::ChangesParams;
use crate::views::CompareParams;
use crate::views::product::ProductFilter;

fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()))
}

/// A search request from `q`, the facet keys, `limit` and `offset`; unknown keys are ignored.
pub fn search_request(query: &str) -> SearchRequest {
    let mut request = SearchRequest::default();
    for (key, value) in pairs(query) {
        let value = value.trim().to_owned();
        if let Some(f) = Facet::ALL.into_iter().find(|f| f.name() == key) {
            // Ids are lower case, so `PMDA` means `pmda`; a value given twice is one filter, and
            // an empty one (an unset select) filters nothing.
            let value = value.to_ascii_lowercase();
            let values = request.filter_mut(f);
            if !value.is_empty() && !values.contains(&value) {
                values.push(value);
            }
            continue;
        }
        match key.as_str() {
            "q" => request.query = value,
            "limit" => request.limit = value.parse().ok(),
            "offset" => request.offset = value.parse().unwrap_or(0),
            _ => {}
        }
    }
    request
}

/// A request as one string, equal for requests with equal answers: the cache's key. The analyzer
/// lower-cases every word, so the query's case does not count (ASCII only, which cannot change how
/// the query splits into words); nor do the order of facet values, nor a default `limit`.
pub fn canonical(request: &SearchRequest) -> String {
    let mut key = SearchRequest {
        query: request.query.to_ascii_lowercase(),
        limit: Some(request.page_size()),
        ..request.clone()
    };
    for f in Facet::ALL {
        key.filter_mut(f).sort();
    }
    crate::pages::query_string(&key)
}

/// The `as_of` date of a page that can show the content as it was then; `None` when absent or
/// not a date.
pub fn as_of(query: &str) -> Option<Date> {
    pairs(query).find(|(k, _)| k == "as_of").and_then(|(_, v)| v.trim().parse().ok())
}

/// The `modality` a topic page is read for; empty when absent.
pub fn modality(query: &str) -> String {
    pairs(query).find(|(k, _)| k == "modality").map(|(_, v)| v.trim().to_owned()).unwrap_or_default()
}

/// The query without its `as_of`: the address of today's version of the page.
pub fn without_as_of(query: &str) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.extend_pairs(pairs(query).filter(|(k, _)| k != "as_of"));
    out.finish()
}

/// Change-log filters: `regulator`, `topic` and `kind`, each one value (an empty one filters nothing).
pub fn changes_params(query: &str) -> ChangesParams {
    let mut params = ChangesParams::default();
    for (key, value) in pairs(query) {
        match key.as_str() {
            "regulator" => params.regulator = value,
            "topic" => params.topic = value,
            "kind" => params.kind = value,
            _ => {}
        }
    }
    params
}

/// Compare-page state; regulators come as `regulators=a,b` or as repeated `regulator=a`.
pub fn compare_params(query: &str) -> CompareParams {
    let mut params = CompareParams::default();
    let mut regulators: Vec<String> = Vec::new();
    for (key, value) in pairs(query) {
        match key.as_str() {
            "regulators" | "regulator" => {
                regulators.extend(value.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()))
            }
            "domain" => params.domain = value,
            "modality" => params.modality = value,
            "baseline" => params.baseline = value,
            "diff" => params.diff = value,
            "as_of" if value.parse::<Date>().is_ok() => params.as_of = value,
            _ => {}
        }
    }
    params.regulators = regulators.join(",");
    params
}

/// The products and approvals filter: `modality`, `regulator`, `route`, `year`, `sort`.
pub fn product_filter(query: &str) -> ProductFilter {
    let mut filter = ProductFilter::default();
    for (key, value) in pairs(query) {
        let value = value.trim().to_owned();
        match key.as_str() {
            "modality" => filter.modality = value,
            "regulator" => filter.regulator = value,
            "route" => filter.route = value,
            "year" => filter.year = value,
            "sort" => filter.sort = value,
            _ => {}
        }
    }
    filter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_repeated_facets_and_lists() {
        let r = search_request("q=%E9%80%A0+x&regulator=pmda&regulator=hsa&offset=20&offset=zz");
        assert_eq!(r.query, "造 x");
        assert_eq!(r.regulator, ["pmda", "hsa"]);
        assert_eq!(r.offset, 0);
        let r = search_request("regulator=PMDA&regulator=pmda&regulator=&stance=Required");
        assert_eq!((r.regulator, r.stance), (vec!["pmda".to_owned()], vec!["required".to_owned()]));
        let c = compare_params("regulators=pmda,hsa&regulator=tfda&diff=only");
        assert_eq!(c.regulators, "pmda,hsa,tfda");
        assert_eq!(c.diff, "only");
        assert_eq!(as_of("regulator=pmda&as_of=2025-09-01").map(|d| d.to_string()), Some("2025-09-01".into()));
        assert_eq!(as_of("as_of=soon"), None);
        assert_eq!(without_as_of("regulator=pmda&as_of=2025-09-01&diff=only"), "regulator=pmda&diff=only");
    }
}

#[test]
fn requests_with_equal_answers_share_a_key() {
    let key = canonical(&search_request("q=cell+therapy&regulator=pmda&regulator=hsa"));
    for same in [
        "q=CELL+Therapy&regulator=hsa&regulator=pmda",
        "q=cEll+tHERAPY&regulator=PMDA&regulator=hsa&limit=20",
        "regulator=hsa&q=Cell+therapy&regulator=pmda&regulator=pmda",
    ] {
        assert_eq!(canonical(&search_request(same)), key, "{same}");
    }
    for other in ["q=cell+therapy&regulator=pmda", "q=cell+therapy&regulator=pmda&regulator=hsa&limit=5"] {
        assert_ne!(canonical(&search_request(other)), key, "{other}");
    }
    assert_eq!(canonical(&search_request("q=x&limit=500")), canonical(&search_request("q=x&limit=100")));
}
