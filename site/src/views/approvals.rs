//! The approvals matrix: products × regulators, each cell the approval date and the lag
//! behind the product's first approval anywhere; and, per regulator, the products two or
//! more others have approved and it has not. A regulator's own lag summary is here too.

use indexer::lag::{self, Summary};
use indexer::model::{Content, Regulator};
use serde::Serialize;

use super::product::{Ended, FilterChoices, ProductFilter};
use super::regulators_in_order;

/// The lag rule in English (see `indexer::lag`), for the API and downloads; pages state it in
/// their own language through the same message.
pub fn lag_rule() -> String {
    crate::i18n::t(crate::i18n::Lang::En, "lag-rule")
}

/// A cell of the matrix: one regulator's approval of one product, if any.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixCell {
    pub regulator: String,
    pub date: Option<String>,
    pub lag: Option<String>,
    /// This was the first approval anywhere (lag 0).
    pub first: bool,
    /// The approval was withdrawn, lapsed or refused confirmation.
    pub ended: Option<Ended>,
}

/// A row of the matrix: one product.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixRow {
    pub id: String,
    pub name: String,
    pub modality_id: String,
    pub modality: String,
    pub approvals_key: String,
    pub cells: Vec<MatrixCell>,
}

/// The products a regulator has not approved that two or more others have.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Gap {
    pub regulator_id: String,
    pub regulator: String,
    /// Id, name, and how many regulators approved it.
    pub products: Vec<(String, String, usize)>,
}

/// The approvals page.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ApprovalsView {
    pub filter: ProductFilter,
    /// The URL query of this filter, for links to the same matrix in other formats.
    pub query: String,
    pub choices: FilterChoices,
    pub regulators: Vec<(String, String)>,
    pub rows: Vec<MatrixRow>,
    pub gaps: Vec<Gap>,
    pub rule: String,
}

impl ApprovalsView {
    /// The matrix of the products that pass `filter`, and every regulator's gaps.
    pub fn of(content: &Content, filter: &ProductFilter) -> ApprovalsView {
        let regs = regulators_in_order(content);
        let rows = filter
            .apply(content)
            .into_iter()
            .map(|p| {
                let first = lag::first_approval(p).map(|a| a.regulator());
                let cells = regs
                    .iter()
                    .map(|g| {
                        let id = g.id.value.as_str();
                        let a = p.approval(id);
                        MatrixCell {
                            regulator: id.to_owned(),
                            date: a.map(|a| a.date().to_string()),
                            lag: lag::behind_first(p, id).map(|l| l.to_string()),
                            first: first == Some(id),
                            ended: a.and_then(Ended::of),
                        }
                    })
                    .collect();
                let line = super::product::ProductLine::of(content, p);
                MatrixRow {
                    id: line.id,
                    name: line.name,
                    modality_id: line.modality_id,
                    modality: line.modality,
                    approvals_key: line.approvals_key,
                    cells,
                }
            })
            .collect();
        ApprovalsView {
            filter: filter.clone(),
            query: filter.query(),
            choices: FilterChoices::of(content, filter),
            regulators: regs.iter().map(|g| (g.id.value.clone(), g.short.clone())).collect(),
            rows,
            gaps: regs.iter().map(|g| gap(content, g)).filter(|g| !g.products.is_empty()).collect(),
            rule: lag_rule(),
        }
    }
}

fn gap(content: &Content, g: &Regulator) -> Gap {
    Gap {
        regulator_id: g.id.value.clone(),
        regulator: g.short.clone(),
        products: lag::missing(content, &g.id.value, 2)
            .into_iter()
            .map(|p| (p.id.clone(), p.name().to_owned(), p.front.approvals.len()))
            .collect(),
    }
}

/// One product a regulator approved, on its page.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RegulatorApproval {
    pub id: String,
    pub name: String,
    pub brand: Option<String>,
    pub date: String,
    pub route: String,
    /// The route as the content names it, for pages to put in their language.
    #[serde(skip)]
    #[schemars(skip)]
    pub route_id: &'static str,
    pub status: String,
    /// The status as the content names it, for pages to put in their language.
    #[serde(skip)]
    #[schemars(skip)]
    pub status_id: &'static str,
    pub lag: String,
}

/// A regulator's approved products and where it stands against the first approvals anywhere.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RegulatorProducts {
    pub approvals: Vec<RegulatorApproval>,
    pub summary: Summary,
    /// The median as shown: "19", "15.5", or empty.
    pub median: String,
    /// The median over products another regulator approved too, as shown.
    pub median_shared: String,
    /// Products approved elsewhere only: id and name.
    pub elsewhere_only: Vec<(String, String)>,
    pub rule: String,
}

impl RegulatorProducts {
    /// The products regulator `g` approved, earliest first.
    pub fn of(content: &Content, g: &Regulator) -> RegulatorProducts {
        let id = g.id.value.as_str();
        let mut approved: Vec<_> = content.products.iter().filter_map(|p| p.approval(id).map(|a| (p, a))).collect();
        approved.sort_by_key(|(p, a)| (a.date(), p.id.clone()));
        let summary = lag::summary(content, id);
        RegulatorProducts {
            approvals: approved
                .into_iter()
                .map(|(p, a)| RegulatorApproval {
                    id: p.id.clone(),
                    name: p.name().to_owned(),
                    brand: p.brands().find(|(r, _)| *r == id).map(|(_, n)| n.to_owned()),
                    date: a.date().to_string(),
                    route: a.route.value.label().to_owned(),
                    route_id: a.route.value.as_str(),
                    status: a.status.value.label().to_owned(),
                    status_id: a.status.value.as_str(),
                    lag: lag::behind_first(p, id).map(|l| l.to_string()).unwrap_or_default(),
                })
                .collect(),
            median: summary.median.map(|m| format!("{m}")).unwrap_or_default(),
            median_shared: summary.median_shared.map(|m| format!("{m}")).unwrap_or_default(),
            elsewhere_only: summary
                .elsewhere_only
                .iter()
                .filter_map(|pid| content.product(pid).map(|p| (p.id.clone(), p.name().to_owned())))
                .collect(),
            summary,
            rule: lag_rule(),
        }
    }
}
