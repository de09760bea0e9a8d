//! Approval lag: how many months after a product's first approval anywhere a regulator
//! approved it. Every page, file and API takes its lag figures from here.
//!
//! The rule, as the pages state it:
//! - A lag counts calendar months: (year₂ − year₁) × 12 + (month₂ − month₁). Days are not
//!   used, so a date known to the month counts the same as any day in that month
//!   (2017-08-30 → 2019-03-26 is 19 months; 2017-08 → 2019-03 is 19 months too).
//! - A date known only to the year may be any month of it, so a lag involving one is an
//!   interval (2017-08 → 2019 is 17–28 months), never a single figure; medians leave it out.
//! - The first approval anywhere is the one that can have been earliest (the earliest month
//!   its date can mean); its own lag is 0. Withdrawn and lapsed approvals still count: the
//!   product was approved on that date.

use std::fmt;

use serde::Serialize;

use crate::date::Date;
use crate::model::{Approval, Content, Product};

/// A lag in months: exact when `low == high`, else the interval a year-only date allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Lag {
    pub low: u32,
    pub high: u32,
}

impl Lag {
    /// The lag as one figure, when the dates are precise enough to give one.
    pub fn exact(&self) -> Option<u32> {
        (self.low == self.high).then_some(self.low)
    }
}

impl fmt::Display for Lag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.exact() {
            Some(n) => write!(f, "{n}"),
            None => write!(f, "{}–{}", self.low, self.high),
        }
    }
}

/// The first and last month a date can mean, counted from year 0.
fn month_span(d: &Date) -> (i32, i32) {
    let base = i32::from(d.year) * 12;
    match d.month {
        Some(m) => (base + i32::from(m) - 1, base + i32::from(m) - 1),
        None => (base, base + 11),
    }
}

/// The lag from the first approval's date to a later one's.
pub fn between(first: &Date, later: &Date) -> Lag {
    let (f_low, f_high) = month_span(first);
    let (l_low, l_high) = month_span(later);
    let clamp = |n: i32| u32::try_from(n.max(0)).unwrap_or(0);
    Lag { low: clamp(l_low - f_high), high: clamp(l_high - f_low) }
}

/// The product's first approval anywhere: the one whose date can have been earliest
/// (ties go to the more precise date, then to the order listed).
pub fn first_approval(product: &Product) -> Option<&Approval> {
    product.front.approvals.iter().min_by_key(|a| {
        let (low, high) = month_span(&a.date());
        (low, high)
    })
}

/// How far behind the product's first approval anywhere this regulator approved it;
/// `None` when the regulator has not approved it.
pub fn behind_first(product: &Product, regulator: &str) -> Option<Lag> {
    let approval = product.approval(regulator)?;
    let first = first_approval(product)?;
    if std::ptr::eq(first, approval) {
        return Some(Lag { low: 0, high: 0 });
    }
    Some(between(&first.date(), &approval.date()))
}

/// The median of some lags in months; `None` for none.
pub fn median(months: &[u32]) -> Option<f64> {
    let mut sorted = months.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some((f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0),
    }
}

/// One regulator's approvals against the first approval anywhere.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// Products this regulator approved.
    pub approved: usize,
    /// Of those, products it approved first (or first together with others, to the month).
    pub first: usize,
    /// The median lag over the approvals whose lag is exact, in months.
    pub median: Option<f64>,
    /// The same over products that another regulator approved too: a product approved in
    /// one market only always has lag 0, which says nothing about lag.
    pub median_shared: Option<f64>,
    /// How many lags the median leaves out, being intervals.
    pub inexact: usize,
    /// Products approved by other regulators but not by this one, by id.
    pub elsewhere_only: Vec<String>,
}

/// The lag summary of one regulator over every product.
pub fn summary(content: &Content, regulator: &str) -> Summary {
    let lags: Vec<(Lag, bool)> = content
        .products
        .iter()
        .filter_map(|p| behind_first(p, regulator).map(|l| (l, p.front.approvals.len() > 1)))
        .collect();
    let exact: Vec<u32> = lags.iter().filter_map(|(l, _)| l.exact()).collect();
    let shared: Vec<u32> = lags.iter().filter(|(_, shared)| *shared).filter_map(|(l, _)| l.exact()).collect();
    Summary {
        approved: lags.len(),
        first: exact.iter().filter(|&&n| n == 0).count(),
        median: median(&exact),
        median_shared: median(&shared),
        inexact: lags.len() - exact.len(),
        elsewhere_only: missing(content, regulator, 1).into_iter().map(|p| p.id.clone()).collect(),
    }
}

/// Products this regulator has not approved that at least `others` other regulators have.
pub fn missing<'a>(content: &'a Content, regulator: &str, others: usize) -> Vec<&'a Product> {
    content.products.iter().filter(|p| p.approval(regulator).is_none() && p.front.approvals.len() >= others).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn exact(n: u32) -> Lag {
        Lag { low: n, high: n }
    }

    #[test]
    fn full_dates_count_calendar_months() {
        // Kymriah: FDA 2017-08-30, PMDA 2019-03-26.
        assert_eq!(between(&d("2017-08-30"), &d("2019-03-26")), exact(19));
        // Days never count: the last day of a month to the first of the next is a month.
        assert_eq!(between(&d("2017-08-31"), &d("2017-09-01")), exact(1));
        assert_eq!(between(&d("2017-08-01"), &d("2017-08-31")), exact(0));
    }

    #[test]
    fn a_month_counts_as_any_day_of_it() {
        assert_eq!(between(&d("2017-08"), &d("2019-03")), exact(19));
        assert_eq!(between(&d("2017-08"), &d("2019-03-26")), exact(19));
        assert_eq!(between(&d("2018-12"), &d("2019-01")), exact(1));
    }

    #[test]
    fn a_year_only_date_gives_an_interval() {
        assert_eq!(between(&d("2017-08-30"), &d("2019")), Lag { low: 17, high: 28 });
        assert_eq!(between(&d("2016"), &d("2018-06")), Lag { low: 18, high: 29 });
        assert_eq!(between(&d("2017"), &d("2017-03")), Lag { low: 0, high: 2 });
        assert_eq!(between(&d("2017-08"), &d("2019")).to_string(), "17–28");
        assert_eq!(between(&d("2017-08"), &d("2019")).exact(), None);
        assert_eq!(exact(19).to_string(), "19");
    }

    const PRODUCT: &str = "---
name: examplocel
sponsor: Example
modality: car-t
indication: Example
approvals:
  - { regulator: pmda, date: 2019-03-26, route: conditional-time-limited, status: approved }
  - { regulator: fda, date: 2017-08-30, route: full, status: approved }
  - { regulator: ema, date: 2018-08, route: full, status: withdrawn, status_date: 2024 }
  - { regulator: nmpa, date: 2021, route: full, status: approved }
status: draft
updated: 2026-11-29
---
";

    #[test]
    fn lags_behind_the_first_approval_anywhere() {
        let p = crate::load::parse_product("products/examplocel.md", PRODUCT).unwrap();
        assert_eq!(first_approval(&p).unwrap().regulator(), "fda");
        assert_eq!(behind_first(&p, "fda"), Some(exact(0)));
        assert_eq!(behind_first(&p, "ema"), Some(exact(12)));
        assert_eq!(behind_first(&p, "pmda"), Some(exact(19)));
        assert_eq!(behind_first(&p, "nmpa"), Some(Lag { low: 41, high: 52 }));
        assert_eq!(behind_first(&p, "mfds"), None);
        let content = Content { products: vec![p], ..Content::default() };
        let pmda = summary(&content, "pmda");
        assert_eq!((pmda.approved, pmda.first, pmda.median, pmda.inexact), (1, 0, Some(19.0), 0));
        let nmpa = summary(&content, "nmpa");
        assert_eq!((nmpa.median, nmpa.inexact), (None, 1));
        assert_eq!(summary(&content, "mfds").elsewhere_only, ["examplocel"]);
        assert_eq!(missing(&content, "mfds", 2).len(), 1);
    }

    #[test]
    fn the_shared_median_leaves_out_products_approved_once() {
        let solo =
            PRODUCT.lines().filter(|l| !l.contains("regulator:") || l.contains("pmda")).collect::<Vec<_>>().join("\n");
        let products = vec![
            crate::load::parse_product("products/examplocel.md", PRODUCT).unwrap(),
            crate::load::parse_product("products/solo.md", &solo).unwrap(),
        ];
        let pmda = summary(&Content { products, ..Content::default() }, "pmda");
        // Solo is PMDA's alone (lag 0): it counts in the median, not in the shared one.
        assert_eq!((pmda.approved, pmda.first, pmda.median, pmda.median_shared), (2, 1, Some(9.5), Some(19.0)));
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7]), Some(7.0));
        assert_eq!(median(&[30, 0, 19]), Some(19.0));
        assert_eq!(median(&[0, 19, 30, 12]), Some(15.5));
    }
}
