//! What a page's links, forms and messages carry over HTTP: pagination and facet links keep the
//! page size, a facet value can always be unchecked, and the search and compare pages say what
//! they did with what they were asked.

mod common;

use std::path::Path;

use common::Server;

fn shipped() -> Server {
    Server::start(Path::new("content"), &[])
}

/// What a page shows, without its links to itself in other languages, which repeat the address
/// as it was asked for.
fn shown(server: &Server, path: &str) -> String {
    server.get(path).body.lines().filter(|l| !l.contains("hreflang=")).collect::<Vec<_>>().join("\n")
}

/// An `<a>` of a page: its address (unescaped) and what follows it up to `</a>`.
struct Link {
    href: String,
    tag_and_text: String,
}

fn links(body: &str) -> Vec<Link> {
    body.split("<a ")
        .skip(1)
        .filter_map(|a| {
            let a = &a[..a.find("</a>")?];
            let start = a.find("href=\"")? + 6;
            let href = &a[start..start + a[start..].find('"')?];
            Some(Link { href: href.replace("&#38;", "&").replace("&amp;", "&"), tag_and_text: a.to_owned() })
        })
        .collect()
}

/// The path of the only link with `marker` in its tag or text.
fn link(body: &str, marker: &str) -> String {
    let found: Vec<Link> = links(body).into_iter().filter(|l| l.tag_and_text.contains(marker)).collect();
    assert_eq!(found.len(), 1, "links with {marker:?}: {:?}", found.iter().map(|l| &l.href).collect::<Vec<_>>());
    found[0].href.clone()
}

fn hits(body: &str) -> usize {
    body.matches("<li class=\"hit\">").count()
}

/// The facet links shown checked.
fn checked(body: &str) -> Vec<String> {
    links(body).into_iter().filter(|l| l.tag_and_text.contains("class=\"checked\"")).map(|l| l.href).collect()
}

#[test]
fn pagination_facets_and_form_keep_the_page_size() {
    let server = shipped();
    let first = server.get("/search?q=&limit=5").body;
    assert_eq!(hits(&first), 5);
    assert!(first.contains(r#"<input type="hidden" name="limit" value="5">"#), "the form keeps the limit");
    let next = link(&first, "rel=\"next\"");
    assert!(next.contains("limit=5"), "{next}");
    let second = server.get(&next).body;
    assert_eq!(hits(&second), 5, "page two has five too");
    assert!(second.contains("<ol class=\"hits\" start=\"6\">"));
    assert!(link(&second, "rel=\"prev\"").contains("limit=5"));
    let pmda = link(&first, "PMDA <span class=\"count\">");
    assert!(pmda.contains("limit=5") && pmda.contains("regulator=pmda"), "{pmda}");
    assert_eq!(hits(&server.get(&pmda).body), 5);
}

#[test]
fn a_repeated_facet_value_unchecks_at_once() {
    let server = shipped();
    let page = server.get("/search?q=&regulator=pmda&regulator=pmda").body;
    let on = checked(&page);
    assert_eq!(on.len(), 1, "{on:?}");
    assert!(!on[0].contains("regulator="), "unchecking drops every copy: {}", on[0]);
    assert!(checked(&server.get(&on[0]).body).is_empty());
}

#[test]
fn a_wrong_case_or_unknown_facet_value_shows_and_clears() {
    let server = shipped();
    let upper = shown(&server, "/search?q=&regulator=PMDA");
    assert_eq!(upper, shown(&server, "/search?q=&regulator=pmda"), "ids are lower case, so PMDA is pmda");
    let unknown = server.get("/search?q=cell&regulator=zz").body;
    assert_eq!(hits(&unknown), 0);
    let on = checked(&unknown);
    assert_eq!(on.len(), 1, "the unknown value is shown as a filter: {on:?}");
    assert!(link(&unknown, "zz <span class=\"count\">0</span>") == on[0]);
    let cleared = server.get(&on[0]).body;
    assert!(hits(&cleared) > 0 && checked(&cleared).is_empty());
}

#[test]
fn a_query_with_nothing_to_search_for_says_so() {
    let server = shipped();
    // The line above the hits (the page also carries its scripts' messages, with every wording).
    let summary = |q: &str| {
        let page = server.get(&format!("/search?q={q}")).body;
        let line = page.split(r#"<p class="summary" id="result-count">"#).nth(1).expect("a summary");
        line.split("</p>").next().unwrap().to_owned()
    };
    for q in ["*", "-", "%F0%9F%98%80"] {
        let line = summary(q);
        assert!(line.contains("has no searchable words") && !line.contains("records match"), "{q}: {line}");
    }
    assert!(summary("cell").contains("records match “cell”"));
}

#[test]
fn compare_messages_and_selects_say_what_the_table_shows() {
    let server = shipped();
    for query in ["domain=zzz", "modality=zzz", "domain=CMC", ""] {
        let page = shown(&server, &format!("/compare?{query}"));
        assert_eq!(page, shown(&server, "/compare"), "{query}: an unknown value filters nothing");
    }
    for query in ["domain=zzz", "regulators=pmda&domain=cmc"] {
        let page = server.get(&format!("/compare?{query}")).body;
        assert!(page.contains("<span class=\"no-match-diff\" hidden>"), "{query}: no word of a diff that is off");
        assert!(page.contains("<p class=\"no-match\" hidden>"), "{query}: topics match");
    }
    let diff_on = server.get("/compare?regulators=pmda&diff=only").body;
    assert!(
        diff_on
            .contains("<p class=\"no-match\">No topic matches<span class=\"no-match-diff\">: with “differences only”")
    );
    let baseline = server.get("/compare?regulators=pmda,hsa&baseline=fda").body;
    assert!(!baseline.contains("<option value=\"fda\""), "the baseline offers only regulators compared");
    assert!(!baseline.contains("class=\"differs\""));
}
