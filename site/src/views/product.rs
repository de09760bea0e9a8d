//! What the product pages show: the list with its filters, one product with its approvals
//! and timeline. Lags come from `indexer::lag`, as everywhere.

use indexer::lag;
use indexer::model::{Approval, Content, Product, Status};
use serde::Serialize;

use super::{Citation, regulators_in_order};
use crate::i18n::{self, Lang};

/// The filters of the products list and the approvals matrix, all in the URL.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct ProductFilter {
    pub modality: String,
    pub regulator: String,
    pub route: String,
    pub year: String,
    /// `name` (default) or `first`: by first approval anywhere.
    pub sort: String,
}

impl ProductFilter {
    /// Whether `p` passes: its modality, and one approval that meets the regulator, route
    /// and year filters together. `offline.js` applies the same rule to `data-approvals`.
    pub fn matches(&self, p: &Product) -> bool {
        let is = |want: &str, have: &str| want.is_empty() || want == have;
        is(&self.modality, p.modality())
            && p.front.approvals.iter().any(|a| {
                is(&self.regulator, a.regulator())
                    && is(&self.route, a.route.value.as_str())
                    && is(&self.year, &a.date().year.to_string())
            })
    }

    /// The filter as a URL query (empty for the default), as `product_filter` reads it: what
    /// the page's download links carry.
    pub fn query(&self) -> String {
        let mut pairs = form_urlencoded::Serializer::new(String::new());
        for (key, value) in self.fields().into_iter().filter(|(_, v)| !v.is_empty()) {
            pairs.append_pair(key, value);
        }
        pairs.finish()
    }

    /// The filter in words, for a download's "About" sheet. The sort orders rows but filters
    /// nothing, so it is not named.
    pub fn in_words(&self, content: &Content) -> Vec<(&'static str, String)> {
        let all = |v: &str, named: Option<String>| match named {
            _ if v.is_empty() => "all".to_owned(),
            Some(name) => name,
            None => v.to_owned(),
        };
        vec![
            ("Modality", all(&self.modality, content.modality(&self.modality).map(|m| m.title.clone()))),
            ("Regulator", all(&self.regulator, content.regulator(&self.regulator).map(|g| g.short.clone()))),
            ("Route", all(&self.route, None)),
            ("Year", all(&self.year, None)),
        ]
    }

    fn fields(&self) -> [(&'static str, &str); 5] {
        [
            ("modality", &self.modality),
            ("regulator", &self.regulator),
            ("route", &self.route),
            ("year", &self.year),
            ("sort", &self.sort),
        ]
    }

    /// The products that pass, sorted as asked.
    pub fn apply<'a>(&self, content: &'a Content) -> Vec<&'a Product> {
        let mut products: Vec<&Product> = content.products.iter().filter(|p| self.matches(p)).collect();
        products.sort_by_key(|p| p.name().to_lowercase());
        if self.sort == "first" {
            products.sort_by_key(|p| lag::first_approval(p).map(|a| a.date()));
        }
        products
    }
}

/// A product in a list.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProductLine {
    pub id: String,
    pub name: String,
    pub other_names: Vec<String>,
    /// Brand names with the short name of the regulator they are marketed under.
    pub brands: Vec<(String, String)>,
    pub sponsor: String,
    pub modality_id: String,
    pub modality: String,
    pub indication: String,
    /// The first approval anywhere: date and regulator short name.
    pub first_date: String,
    pub first_regulator: String,
    /// The regulators that approved it, by short name, in display order.
    pub approved_by: Vec<String>,
    /// `regulator:route:year` per approval, for the export's filters.
    pub approvals_key: String,
    pub draft: bool,
}

impl ProductLine {
    /// The line of product `p`.
    pub fn of(content: &Content, p: &Product) -> ProductLine {
        let short = |id: &str| content.regulator(id).map_or(id.to_owned(), |g| g.short.clone());
        let first = lag::first_approval(p);
        ProductLine {
            id: p.id.clone(),
            name: p.name().to_owned(),
            other_names: p.front.other_names.clone(),
            brands: p.brands().map(|(g, n)| (short(g), n.to_owned())).collect(),
            sponsor: p.front.sponsor.clone(),
            modality_id: p.modality().to_owned(),
            modality: content.modality(p.modality()).map_or(p.modality().to_owned(), |m| m.title.clone()),
            indication: p.front.indication.clone(),
            first_date: first.map(|a| a.date().to_string()).unwrap_or_default(),
            first_regulator: first.map(|a| short(a.regulator())).unwrap_or_default(),
            approved_by: regulators_in_order(content)
                .into_iter()
                .filter(|g| p.approval(&g.id.value).is_some())
                .map(|g| g.short.clone())
                .collect(),
            approvals_key: p
                .front
                .approvals
                .iter()
                .map(|a| format!("{}:{}:{}", a.regulator(), a.route.value, a.date().year))
                .collect::<Vec<_>>()
                .join(" "),
            draft: p.front.status.value == Status::Draft,
        }
    }
}

/// A choice in a filter: value, label, and whether it is selected.
pub type Choice = (String, String, bool);

fn choices(values: impl IntoIterator<Item = (String, String)>, selected: &str) -> Vec<Choice> {
    values.into_iter().map(|(v, l)| (v.clone(), l, v == selected)).collect()
}

/// The filter form's choices, from what the content holds.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FilterChoices {
    pub modalities: Vec<Choice>,
    pub regulators: Vec<Choice>,
    pub routes: Vec<Choice>,
    pub years: Vec<Choice>,
    pub sort_first: bool,
}

impl FilterChoices {
    /// The choices for `filter` over `content`.
    pub fn of(content: &Content, filter: &ProductFilter) -> FilterChoices {
        let mut years: Vec<i16> =
            content.products.iter().flat_map(|p| p.front.approvals.iter().map(|a| a.date().year)).collect();
        years.sort_unstable();
        years.dedup();
        FilterChoices {
            modalities: choices(
                content.modalities.iter().map(|m| (m.id.value.clone(), m.title.clone())),
                &filter.modality,
            ),
            regulators: choices(
                regulators_in_order(content).into_iter().map(|g| (g.id.value.clone(), g.short.clone())),
                &filter.regulator,
            ),
            routes: choices(
                indexer::model::Route::ALL.iter().map(|r| (r.as_str().to_owned(), r.label().to_owned())),
                &filter.route,
            ),
            years: choices(years.into_iter().rev().map(|y| (y.to_string(), y.to_string())), &filter.year),
            sort_first: filter.sort == "first",
        }
    }
}

/// The products page: the filter and the products that pass it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProductsView {
    pub filter: ProductFilter,
    pub choices: FilterChoices,
    /// How many products there are in all.
    pub total: usize,
    pub products: Vec<ProductLine>,
}

impl ProductsView {
    /// The page for `filter`.
    pub fn of(content: &Content, filter: &ProductFilter) -> ProductsView {
        ProductsView {
            filter: filter.clone(),
            choices: FilterChoices::of(content, filter),
            total: content.products.len(),
            products: filter.apply(content).into_iter().map(|p| ProductLine::of(content, p)).collect(),
        }
    }
}

/// One approval as a product page shows it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ApprovalRow {
    pub regulator_id: String,
    pub regulator: String,
    pub brand: Option<String>,
    pub date: String,
    pub route: String,
    /// The route as the content names it, for pages to put in their language.
    #[serde(skip)]
    #[schemars(skip)]
    pub route_id: &'static str,
    pub priority: bool,
    pub indication: Option<String>,
    pub number: Option<String>,
    pub status: String,
    /// The status as the content names it, for pages to put in their language.
    #[serde(skip)]
    #[schemars(skip)]
    pub status_id: &'static str,
    pub status_date: Option<String>,
    /// Months behind the first approval anywhere ("19", or "17–28" with a year-only date).
    pub lag: String,
    pub citations: Vec<Citation>,
}

impl ApprovalRow {
    fn of(content: &Content, p: &Product, a: &Approval) -> ApprovalRow {
        let g = content.regulator(a.regulator());
        ApprovalRow {
            regulator_id: a.regulator().to_owned(),
            regulator: g.map_or(a.regulator().to_owned(), |g| g.short.clone()),
            brand: p.brands().find(|(r, _)| *r == a.regulator()).map(|(_, n)| n.to_owned()),
            date: a.date().to_string(),
            route: a.route.value.label().to_owned(),
            route_id: a.route.value.as_str(),
            priority: a.priority,
            indication: a.indication.clone(),
            number: a.number.clone(),
            status: a.status.value.label().to_owned(),
            status_id: a.status.value.as_str(),
            status_date: a.status_date.as_ref().map(|d| d.value.to_string()),
            lag: lag::behind_first(p, a.regulator()).map(|l| l.to_string()).unwrap_or_default(),
            citations: a
                .sources
                .iter()
                .filter_map(|c| Some(Citation::of(content, content.source(&c.id.value)?, Some(c))))
                .collect(),
        }
    }
}

/// The timeline chart's geometry, in SVG user units: one row per approval.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Timeline {
    pub width: u32,
    pub height: u32,
    /// The chart read out in English, for the API; pages read it out in their language.
    pub description: String,
    /// Year ticks: x and the year.
    pub ticks: Vec<(u32, i16)>,
    pub rows: Vec<TimelineRow>,
}

/// How an approval ended: its status (`withdrawn`, `lapsed`, `refused-confirmation`) and when.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Ended {
    pub status: String,
    pub date: String,
}

impl Ended {
    /// The end of approval `a`, if it has ended.
    pub fn of(a: &Approval) -> Option<Ended> {
        let date = a.status_date.as_ref()?;
        Some(Ended { status: a.status.value.to_string(), date: date.value.to_string() })
    }
}

/// One approval on the timeline: a mark at its date, and a bar to where its status changed.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TimelineRow {
    pub y: u32,
    pub label: String,
    pub x: u32,
    /// A year-only date spans its year: the mark is a bar from `x` to `x_end`.
    pub span_end: Option<u32>,
    /// Where a withdrawal or lapse ended the approval.
    pub ended_at: Option<u32>,
    pub date: String,
    /// Months behind the first approval anywhere: `0` for the first.
    pub lag: String,
    pub ended: Option<Ended>,
}

const LEFT: u32 = 90;
const YEAR_WIDTH: u32 = 60;
const ROW: u32 = 28;
const LABEL_WIDTH: u32 = 170;

/// Where a fractional year falls on the axis that starts at `from`.
fn x_of(from: i16, year: f64) -> u32 {
    (f64::from(LEFT) + (year - f64::from(from)) * f64::from(YEAR_WIDTH)).round() as u32
}

/// A date as a fractional year: its month's middle, or its year's start and end.
fn years_of(d: &indexer::date::Date) -> (f64, f64) {
    let y = f64::from(d.year);
    match d.month {
        Some(m) => {
            let mid = y + (f64::from(m) - 0.5) / 12.0;
            (mid, mid)
        }
        None => (y, y + 1.0),
    }
}

impl Timeline {
    /// The timeline of some approvals, earliest first, with their rows in the approvals table.
    fn of(rows: &[ApprovalRow], approvals: &[&Approval]) -> Timeline {
        let dates =
            approvals.iter().flat_map(|a| std::iter::once(a.date()).chain(a.status_date.as_ref().map(|d| d.value)));
        let from = dates.clone().map(|d| d.year).min().unwrap_or(2000);
        let to = dates.map(|d| d.year).max().unwrap_or(from) + 1;
        let ticks = (from..=to).map(|y| (x_of(from, f64::from(y)), y)).collect();
        let rows: Vec<TimelineRow> = approvals
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let row = rows.iter().find(|r| r.regulator_id == a.regulator());
                let (start, end) = years_of(&a.date());
                TimelineRow {
                    y: 36 + ROW * i as u32,
                    label: row.map_or(a.regulator().to_owned(), |r| r.regulator.clone()),
                    x: x_of(from, start),
                    span_end: (end > start).then(|| x_of(from, end)),
                    ended_at: a.status_date.as_ref().map(|d| x_of(from, years_of(&d.value).0)),
                    date: a.date().to_string(),
                    lag: row.map(|r| r.lag.clone()).unwrap_or_default(),
                    ended: Ended::of(a),
                }
            })
            .collect();
        Timeline {
            // Room right of the last year for the last date's label.
            width: x_of(from, f64::from(to)) + LABEL_WIDTH,
            height: 36 + ROW * rows.len() as u32,
            ticks,
            description: String::new(),
            rows,
        }
        .described_in_english()
    }

    /// The chart read out in `lang`: one sentence per approval, with how it ended.
    pub fn described(&self, lang: Lang) -> String {
        let sentence = |r: &TimelineRow| {
            let mut args = vec![("regulator", r.label.as_str().into()), ("date", r.date.as_str().into())];
            let Some(e) = &r.ended else { return i18n::t_args(lang, "product-timeline-approved", &args) };
            args.push(("status", i18n::t(lang, &format!("approval-status-{}", e.status)).into()));
            args.push(("ended", e.date.as_str().into()));
            i18n::t_args(lang, "product-timeline-ended", &args)
        };
        self.rows.iter().map(sentence).collect::<Vec<_>>().join(" ")
    }

    /// This timeline with its English description, which the API gives.
    fn described_in_english(mut self) -> Timeline {
        self.description = self.described(Lang::En);
        self
    }
}

/// A product page.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProductView {
    pub line: ProductLine,
    pub approvals: Vec<ApprovalRow>,
    pub timeline: Timeline,
    pub status: String,
    pub updated: String,
    pub file: String,
}

impl ProductView {
    /// The page of product `p`, approvals earliest first.
    pub fn of(content: &Content, p: &Product) -> ProductView {
        let mut sorted: Vec<&Approval> = p.front.approvals.iter().collect();
        sorted.sort_by_key(|a| a.date());
        let approvals: Vec<ApprovalRow> = sorted.iter().map(|a| ApprovalRow::of(content, p, a)).collect();
        ProductView {
            line: ProductLine::of(content, p),
            timeline: Timeline::of(&approvals, &sorted),
            approvals,
            status: p.front.status.value.to_string(),
            updated: p.front.updated.value.to_string(),
            file: format!("content/{}", p.file),
        }
    }
}

/// The products `regulator` approved, by id and name: of the given modalities, or all when
/// none is given. A record page lists them as precedents.
pub fn approved_by(content: &Content, regulator: &str, modalities: &[&str]) -> Vec<(String, String)> {
    let mut products: Vec<&Product> = content
        .products
        .iter()
        .filter(|p| p.approval(regulator).is_some() && (modalities.is_empty() || modalities.contains(&p.modality())))
        .collect();
    products.sort_by_key(|p| p.name().to_lowercase());
    products.into_iter().map(|p| (p.id.clone(), p.name().to_owned())).collect()
}
