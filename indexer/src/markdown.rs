//! Record bodies: Markdown rendered to sanitised HTML for pages, and to plain text for the index.
//!
//! Bodies come from pull requests, so the HTML is cleaned with ammonia: no script, no event
//! handlers, no `javascript:` URLs, no inline styles.

use pulldown_cmark::{Event, Options, Parser, TagEnd, html};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to HTML that is safe to put in a page, whatever the input.
pub fn to_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    // Raw HTML in a body is dropped rather than escaped: `regkb check` already warns about it.
    let events = Parser::new_ext(markdown, options()).filter(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    html::push_html(&mut raw, events);
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&raw)
        .to_string()
}

/// The words of a Markdown text, without markup, for indexing and snippets.
pub fn to_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => text.push('\n'),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_script_handlers_and_javascript_urls() {
        let html = to_html(
            "Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <a href=\"#\" onclick=\"evil()\">y</a>",
        );
        for bad in ["<script", "onerror", "javascript:", "onclick", "<img"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
    }

    #[test]
    fn keeps_ordinary_markdown() {
        let html = to_html("## Detail\n\nA *b* [c](https://example.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h2>Detail</h2>"));
        assert!(html.contains("<em>b</em>"));
        assert!(html.contains("href=\"https://example.org\""));
        assert!(html.contains("<table>"));
    }

    #[test]
    fn text_has_no_markup() {
        assert_eq!(to_text("## Title\n\nSome *bold* `code`.").trim(), "Title\nSome bold code.");
    }
}
