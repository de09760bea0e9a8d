//! Front-end files, compiled into the binary so that one file serves and exports the site.

/// The stylesheet.
pub const STYLE: &str = include_str!("../static/style.css");
/// Progressive enhancement for server pages, and client-side search and compare in the export.
pub const APP: &str = include_str!("../static/app.js");
/// Search, facets and compare for the static export, from the client index.
pub const OFFLINE: &str = include_str!("../static/offline.js");

/// An asset's text and media type, by file name.
pub fn get(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "style.css" => Some((STYLE, "text/css; charset=utf-8")),
        "app.js" => Some((APP, "text/javascript; charset=utf-8")),
        "offline.js" => Some((OFFLINE, "text/javascript; charset=utf-8")),
        _ => None,
    }
}
