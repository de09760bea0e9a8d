//! Record bodies: Markdown rendered to sanitised HTML for pages, and to plain text for the index.
//!
//! Bodies come from pull requests, so the HTML is cleaned with ammonia: no script, no event
//! handlers, no `javascript:` URLs, no inline styles.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to HTML that is safe to put in a page, whatever the input.
pub fn to_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    // Raw HTML in a body is dropped rather than escaped: `regkb check` already warns about it.
    let mut footnotes = Footnotes::default();
    let events = Parser::new_ext(markdown, options())
        .filter(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .map(|e| footnotes.linked(e));
    html::push_html(&mut raw, events);
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_tag_attributes("div", ["id"])
        .clean(&raw)
        .to_string()
}

/// Footnotes as links that survive sanitising: numbered in order of appearance, each definition a
/// `div` with the id `fn-<n>` (the only ids a body has) and each reference a link to it.
#[derive(Default)]
struct Footnotes(HashMap<String, usize>);

impl Footnotes {
    fn number(&mut self, label: &str) -> usize {
        let next = self.0.len() + 1;
        *self.0.entry(label.to_owned()).or_insert(next)
    }

    fn linked<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        let html = match event {
            Event::FootnoteReference(label) => {
                let n = self.number(&label);
                format!(r##"<sup class="footnote-reference"><a href="#fn-{n}">{n}</a></sup>"##)
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = self.number(&label);
                format!(
                    r#"<div class="footnote-definition" id="fn-{n}"><sup class="footnote-definition-label">{n}</sup>"#
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => "</div>\n".to_owned(),
            other => return other,
        };
        Event::Html(CowStr::from(html))
    }
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
    fn footnote_links_lead_to_their_notes() {
        let html = to_html("Text[^b] and more[^a], again[^b].\n\n[^a]: First note.\n\n[^b]: <b>Second</b> note.\n");
        assert_eq!(html.matches(r##"<a href="#fn-1""##).count(), 2, "{html}");
        assert_eq!(html.matches(r##"<a href="#fn-2""##).count(), 1, "{html}");
        assert!(html.contains(r#"<div id="fn-2"><sup>2</sup>"#) && html.contains("First note."), "{html}");
        assert!(html.contains(r#"<div id="fn-1"><sup>1</sup>"#) && !html.contains("<b>"), "{html}");
    }

    #[test]
    fn text_has_no_markup() {
        assert_eq!(to_text("## Title\n\nSome *bold* `code`.").trim(), "Title\nSome bold code.");
    }
}
