//! Products and their approvals: `products/<id>.md`, the second kind of content
//! (format 1.1). Front matter names the product and lists one approval per regulator;
//! the Markdown body holds notes.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Citation, Spanned, Status};
use crate::date::Date;

/// The YAML front matter of a product file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductFront {
    /// The INN, or the code name when there is no INN.
    pub name: String,
    /// Codes and former names.
    #[serde(default)]
    pub other_names: Vec<String>,
    /// The brand name per regulator id, in the local script as marketed.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub brands: Option<Spanned<BTreeMap<String, String>>>,
    pub sponsor: String,
    #[schemars(with = "String")]
    pub modality: Spanned<String>,
    pub indication: String,
    /// One entry per regulator that approved the product.
    pub approvals: Vec<Approval>,
    #[schemars(with = "Status")]
    pub status: Spanned<Status>,
    #[schemars(with = "Option<Date>")]
    pub reviewed: Option<Spanned<Date>>,
    pub reviewed_by: Option<String>,
    #[schemars(with = "Date")]
    pub updated: Spanned<Date>,
}

/// One regulator's approval of a product.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    #[schemars(with = "String")]
    pub regulator: Spanned<String>,
    /// As precisely as known: a day, a month or a year.
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    #[schemars(with = "Route")]
    pub route: Spanned<Route>,
    /// A priority review, breakthrough, RMAT or SAKIGAKE designation applied.
    #[serde(default)]
    pub priority: bool,
    /// The approved indication, when narrower than the product's.
    pub indication: Option<String>,
    /// The approval or licence number, as written.
    pub number: Option<String>,
    #[schemars(with = "ApprovalStatus")]
    pub status: Spanned<ApprovalStatus>,
    /// When the status took effect; required unless the status is `approved`.
    #[schemars(with = "Option<Date>")]
    pub status_date: Option<Spanned<Date>>,
    #[serde(default)]
    pub sources: Vec<Citation>,
}

impl Approval {
    /// The approving regulator's id.
    pub fn regulator(&self) -> &str {
        &self.regulator.value
    }

    /// The approval date.
    pub fn date(&self) -> Date {
        self.date.value
    }
}

/// A product: `products/<id>.md`.
#[derive(Debug, Clone)]
pub struct Product {
    /// The file stem, e.g. `tisagenlecleucel`.
    pub id: String,
    /// The file, relative to the content root.
    pub file: String,
    pub front: ProductFront,
    /// The Markdown body, shared by the content's copies in each language.
    pub body: std::sync::Arc<str>,
    /// The line of the file on which the body starts.
    pub body_line: usize,
}

impl Product {
    /// The product's name (INN or code).
    pub fn name(&self) -> &str {
        &self.front.name
    }

    /// The product's modality id.
    pub fn modality(&self) -> &str {
        &self.front.modality.value
    }

    /// The approval by this regulator, if any.
    pub fn approval(&self, regulator: &str) -> Option<&Approval> {
        self.front.approvals.iter().find(|a| a.regulator() == regulator)
    }

    /// The brand names by regulator id.
    pub fn brands(&self) -> impl Iterator<Item = (&str, &str)> {
        self.front.brands.iter().flat_map(|b| b.value.iter()).map(|(g, n)| (g.as_str(), n.as_str()))
    }

    /// Every name the product goes by: its name, other names and brands.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        let f = &self.front;
        std::iter::once(f.name.as_str())
            .chain(f.other_names.iter().map(String::as_str))
            .chain(self.brands().map(|(_, n)| n))
    }
}

vocabulary!(
    /// The route by which a regulator approved a product.
    Route, "route", {
        Full = "full",
        Conditional = "conditional",
        ConditionalTimeLimited = "conditional-time-limited",
        Accelerated = "accelerated",
        ExceptionalCircumstances = "exceptional-circumstances",
        Other = "other",
        Unknown = "unknown",
    }
);

vocabulary!(
    /// Where an approval stands now.
    ApprovalStatus, "status", {
        Approved = "approved",
        Withdrawn = "withdrawn",
        Lapsed = "lapsed",
        RefusedConfirmation = "refused-confirmation",
    }
);

impl Route {
    /// The route in words, for pages.
    pub fn label(self) -> &'static str {
        match self {
            Route::Full => "Full",
            Route::Conditional => "Conditional",
            Route::ConditionalTimeLimited => "Conditional and time-limited",
            Route::Accelerated => "Accelerated",
            Route::ExceptionalCircumstances => "Exceptional circumstances",
            Route::Other => "Other",
            Route::Unknown => "Not known",
        }
    }
}

impl ApprovalStatus {
    /// The status in words, for pages.
    pub fn label(self) -> &'static str {
        match self {
            ApprovalStatus::Approved => "Approved",
            ApprovalStatus::Withdrawn => "Withdrawn",
            ApprovalStatus::Lapsed => "Lapsed",
            ApprovalStatus::RefusedConfirmation => "Refused confirmation",
        }
    }
}
