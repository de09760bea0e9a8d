# regkb's interface in English, the language every other falls back to.
# Keys are grouped by page; `{ $name }` is a variable the page fills in.

language-name = English
language-switcher = Language
suggest-language = This page is also in English.

## Every page
skip-to-content = Skip to content
nav-label = Main
nav-search = Search
nav-compare = Compare
nav-products = Products
nav-approvals = Approvals
nav-glossary = Glossary
nav-definitions = Definitions
nav-changes = Changes
search-records = Search records
search-placeholder = Search: tumorigenicity, 造腫瘍性, LTFU…
search-button = Search
preview-errors = The content has errors; this preview shows the last version that built.
as-of = As of { $date }:
as-of-today = Show today's version
footer-about = regkb compares what Asian regulators require for cell and gene therapies, topic by topic, with the documents each requirement rests on.
footer-draft = Records marked Draft have not been reviewed by a working group. Check the cited documents before relying on a record.
tag-draft = Draft
updated-on = updated { $date }
col-regulator = Regulator
col-stance = Stance
col-topic = Topic
sources-heading = Sources
download-csv = CSV
download-xlsx = Excel workbook (XLSX)

## Page titles
title-home = Asian cell and gene therapy requirements compared
title-search = Search
title-compare = Compare regulators
title-products = Approved products
title-approvals = Approvals and lag
title-glossary = Glossary
title-changes = Changes
title-definitions = Definitions

## Stances and route answers
stance-required = Required
stance-required-definition = A law, regulation or guideline makes it mandatory.
stance-expected = Expected
stance-expected-definition = Published guidance expects it; leaving it out needs a justification.
stance-case-by-case = Case by case
stance-case-by-case-definition = Decided product by product, usually in consultation with the regulator.
stance-not-required = Not required
stance-not-required-definition = Published guidance says it is not needed.
stance-no-guidance = No guidance
stance-no-guidance-definition = The regulator has published nothing on it; the record says where it looked.
stance-available = Available
stance-available-definition = A law, regulation or published guidance provides the route.
stance-not-available = Not available
stance-not-available-definition = The regulator's framework has no such route; the record says where it looked.
stance-unknown = Unknown
stance-unknown-definition = Not yet researched: the record makes no claim.
stance-product = Product
stance-product-definition = An approved cell or gene therapy product.

## Home
home-heading = What Asian regulators require for cell and gene therapies
home-intro = regkb compares the requirements of PMDA/MHLW, HSA, TFDA, NMPA, CDSCO, MFDS, BPOM and NPRA, with FDA and EMA as reference points, for MSC and iPSC-derived cell therapies, CAR-T and AAV gene therapy: non-clinical data, CMC, clinical trials, post-marketing and legal frameworks. Each requirement is a record that cites the documents it rests on. The themes come from the Asia Partnership Conference of Regenerative Medicine (APACRM).
home-search-label = Search in English, 日本語, 中文 or 한국어
home-search-placeholder = e.g. biodistribution AAV, 長期フォローアップ, 致瘤性
home-compare-all = Compare all regulators against PMDA
coverage-heading = Coverage
coverage-table-label = Coverage table, scrollable
coverage-caption = Topics with a researched record (stance other than “unknown”), by regulator and domain
topics-heading = Topics
recent-heading = Recently updated

## Search
search-label = Words or "a phrase", in English, 日本語, 中文 or 한국어
search-filters = Filters
search-result-pages = Result pages
search-previous = Previous
search-next = Next
search-count = { $n } { $n ->
    [one] record
   *[other] records
}
search-unsearchable = “{ $query }” has no searchable words; use words, names or numbers ({ $n } { $n ->
    [one] record
   *[other] records
})
search-matches = { $n } { $n ->
    [one] record matches
   *[other] records match
} “{ $query }”
search-some-words = No record has every word of “{ $query }”; { $n } { $n ->
    [one] record has
   *[other] records have
} some of them
search-dropped = No record has { $words }.
search-suggestion = Did you mean “{ $query }”?
search-too-long = The query is { $n } characters long; the limit is { $limit }.
search-index-missing = The search index is missing from this copy.
facet-regulator = Regulator
facet-domain = Domain
facet-topic = Topic
facet-modality = Modality
facet-stance = Stance

## Compare
compare-regulators = Regulators
compare-domain = Domain
compare-all-domains = All domains
compare-modality = Modality
compare-all-modalities = All modalities
compare-baseline = Baseline
compare-no-baseline = None
compare-differences-only = Differences only
compare-as-of = As of
compare-update = Update
compare-differs-from = Δ differs from { $baseline }
compare-differs = differs from the baseline
compare-status = Showing { $topics } for { $regulators }.
compare-status-topics = { $n } { $n ->
    [one] topic
   *[other] topics
}
compare-status-regulators = { $n } { $n ->
    [one] regulator
   *[other] regulators
}
compare-what-answers-mean = What the answers mean
compare-caption = Stance of each regulator by topic
compare-caption-baseline = , compared with { $baseline }
compare-caption-differ = , topics where regulators differ
compare-printed = printed
compare-no-record = No record
compare-no-match = No topic matches
compare-no-match-diff = { ": with “differences only”, every selected regulator agrees on every topic shown" }
compare-no-match-end = .
download-full-matrix = Download the full matrix
download-this-comparison = Download this comparison
download-topic = Download this topic's answers
download-regulator = Download this regulator's records

## Topic
attribute-yes = yes
attribute-no = no
topic-feed = Atom feed of changes on this topic
topic-discussed-at = Discussed at:
topic-values-label = Values by regulator, scrollable
topic-values-caption = values by regulator
topic-not-given = not given
topic-values-note = — means the record gives no such value: the documents read do not state it, or the record is not yet researched. A value applies to the modalities its record covers, named in the row.
topic-about-values = About values
topic-no-record = No record yet.
topic-read-record = Read the record

## Record
record-draft-banner = Draft — not yet reviewed by a working group.
record-draft-check = Check the cited documents before relying on it.
record-question = Question
record-reviewed = reviewed { $date }
record-reviewed-by = by { $who }
source-kind-law = law
source-kind-regulation = regulation
source-kind-guideline = guideline
source-kind-notification = notification
source-kind-q-and-a = Q&A
source-kind-other = other
citation-issued = issued { $date }
citation-note = Note: { $note }.
standing-superseded = superseded by { $title }
standing-draft = a draft, not adopted
standing-withdrawn = withdrawn
record-products-approved = Products { $regulator } approved
record-products-approved-in = Products { $regulator } approved in these modalities
record-cites-outdated = This record cites a document that no longer applies as published (see below): check whether its claim still holds.
record-section = Section: { $section }.
record-no-address = No address: { $reason }
record-retrieved = Address read { $date }.
record-no-commit = No committed change yet: this version of the record has not been committed.
record-reference-manager = For a reference manager, the record and the documents it cites:
record-file = File:
record-edit = Edit this record
record-report = Report a problem
record-correct = To correct it, change this file by pull request, or report the problem to the working group.
record-summary = Summary
record-modalities = Modalities
record-status = Status
record-updated = Updated
record-detail = Detail
record-no-source = No source is cited: this record makes no claim yet.
record-history = History
record-cite = Cite this record
record-cite-documents = Cite the documents

## Regulator
regulator-local-name = Local name
regulator-jurisdiction = Jurisdiction
regulator-reference = reference regulator
regulator-reports-to = Reports to
regulator-feed = Atom feed of this regulator's records
regulator-website = Website
regulator-key-sources = Key sources

## Glossary
glossary-intro = Search treats every term on a row as the same term: a query for any of them finds records that use any other.
glossary-table-label = Glossary table, scrollable
glossary-caption = Terms in English, Japanese, Chinese and Korean
glossary-definition = Definition

## Product
product-notes = Notes

## Errors
error-home = Go to the home page
error-search = Search the records
error-not-found = Page not found
error-not-found-message = There is no page at this address. Records, topics, regulators and products are addressed by their ids.
error-failed = Something went wrong
error-failed-message = This page could not be shown. Please try again; if it persists, report it.
error-download = This download could not be made.
feed-title-all = regkb: all record and product changes
feed-title-regulator = regkb: { $regulator } records
feed-title-topic = regkb: { $topic }
feed-product = Product: { $name }
feed-product-approved = Approved by { $approvals }.
history-unavailable = History is unavailable: { $reason }.
feed-author = regkb working groups
error-feed = This feed could not be built.
untranslated-marker = Not yet translated: shown in English
translation-draft = This translation has not been reviewed by a working group.
topic-class-filter = Read the values for
topic-class-every = every product class
topic-class-show = Show
topic-column-for = for
topic-values-note-class = The columns for { $modality } are marked ✓; the columns for other product classes are greyed.
download-this-matrix = Download this matrix

## Products and approvals
products-intro = Cell and gene therapy products and which regulators approved them, when and by which route.
products-to-approvals = Compare approval dates and lag
products-count = { $shown } of { $total } products
products-table-label = Products, scrollable
products-caption = Products and their approvals
col-product = Product
col-brands = Brand names
col-modality = Modality
col-sponsor = Sponsor
col-first-approval = First approval
col-approved-by = Approved by
products-none = No product matches these filters.
filter-modality = Modality
filter-regulator = Regulator
filter-route = Route
filter-year = Year
filter-any = Any
filter-sort = Sort
filter-by-name = By name
filter-by-first = By first approval
filter-button = Filter
route-full = Full
route-conditional = Conditional
route-conditional-time-limited = Conditional and time-limited
route-accelerated = Accelerated
route-exceptional-circumstances = Exceptional circumstances
route-other = Other
route-unknown = Not known
approval-status-approved = Approved
approval-status-withdrawn = Withdrawn
approval-status-lapsed = Lapsed
approval-status-refused-confirmation = Refused confirmation
lag-rule = Lag is the number of calendar months from the product's first approval anywhere to this regulator's approval; days are not counted, so a date known only to the month counts the same as any day in it. A date known only to the year could be any month of it: its lag is shown as a range of months (e.g. 17–28) and left out of medians. Withdrawn and lapsed approvals count from the date they were granted.
lag-first = first
lag-months = +{ $months } mo
product-draft-banner = Draft — not yet reviewed by a working group. Check the cited sources before relying on it.
product-other-names = Other names
product-indication = Indication
product-timeline-title = Approvals of { $name } by regulator over time
product-timeline-approved = { $regulator }: approved { $date }.
product-timeline-ended = { $regulator }: approved { $date }; { $status } { $ended }.
product-timeline-caption = Approval dates by regulator; a bar marks a date known only to the year; a line ends where an approval was withdrawn or lapsed. The same figures are in the table below.
product-approvals-label = Approvals, scrollable
product-approvals-caption = Approvals of { $name }
col-brand = Brand
col-date = Date
col-lag = Lag (months)
col-route = Route
col-status = Status
col-number = Number
product-priority = priority
product-source-file = Source file:
product-status = status { $status }
approvals-intro = When each regulator approved each product, and how many months after the product's first approval anywhere.
approvals-all-products = All products
approvals-table-label = Approval matrix, scrollable
approvals-caption = Approval date and lag in months, by product and regulator
approvals-not-approved = not approved
approvals-gaps-heading = Approved by two or more others, not by this regulator
approvals-gaps-none = None.
approvals-gap-count = { $n } regulators
approvals-all = All approvals

## Definitions
definitions-intro = What the answers, statuses and values on regkb's pages mean. Every badge's tooltip gives the same definition.
definitions-glossary = For terms of regulation in four languages, see the
definitions-answers-heading = Stances and route answers
definitions-answers-intro = Each record answers its topic's question. A requirement topic asks how firmly something is asked for; a route topic asks whether a way is open to applicants, who may use it or not, so it is answered “available” or “not available”, never “required”.
definitions-statuses-heading = Review status of a record
definitions-documents-heading = Status of a cited document
definitions-values-heading = Values
definitions-values-intro = Some topics give structured values beside the stance, compared cell by cell. A value may carry a note, the qualifier that published comparison tables print as a footnote. An empty cell in a values table means the record gives no such value: the value is not stated in the documents read, or the record has not been researched.
definitions-attributes-caption = Values each topic declares
col-value = Value
col-type = Type
col-allowed = Allowed values or unit
topic-kind-requirement = Requirement topics
topic-kind-requirement-definition = How firmly a regulator asks for something.
topic-kind-route = Route topics
topic-kind-route-definition = Whether a way (a route) is open to applicants, who may use it or not.
review-status-draft = Draft
review-status-reviewed = Reviewed
review-status-regulator-confirmed = Confirmed by the regulator
document-status-in-force = In force
document-status-draft = Draft for consultation
document-status-withdrawn = Withdrawn
document-status-superseded = Superseded
value-type-enum = One of a list
value-type-number = Number
value-type-boolean = Yes or no
value-type-text = Text
review-status-draft-definition = Written by a contributor, not yet reviewed by a working group: check the cited documents before relying on it.
review-status-reviewed-definition = A working group checked it against the cited documents; the record names the group and the date.
review-status-regulator-confirmed-definition = The regulator confirmed it; the record names who reviewed it and when.
document-status-in-force-definition = The document applies as published.
document-status-draft-definition = Published for consultation and not adopted: it may still change.
document-status-withdrawn-definition = Withdrawn by its issuer: it no longer applies.
document-status-superseded-definition = Replaced by a newer document, which the record page names.
value-type-enum-definition = One of the values the topic lists.
value-type-number-definition = A number, in the unit the topic gives.
value-type-boolean-definition = Yes or no.
value-type-text-definition = Free text, such as the name of the law that sets a route.
definitions-glossary-link = glossary
definitions-glossary-end = .

## Changes
changes-intro = What changed in each record and when, newest first, read from the content's history: the date and message of each change, and what it changed.
changes-follow = Follow the changes in a feed reader:
changes-feed-all = all records
changes-follow-end = , or a regulator's or topic's feed from its page.
changes-unavailable = History is unavailable:
changes-unavailable-still = Each record page still gives the date of its last change of substance.
changes-all-regulators = All regulators
changes-all-topics = All topics
changes-kind = Kind of change
changes-all-kinds = All changes
changes-only-stance = Only stance changes
changes-count = { $shown } of { $total } changes.
changes-none = No change matches these filters.
changes-commit = commit
change-kind-stance = Stance changed
change-kind-attributes = Values changed
change-kind-sources = Sources changed
change-kind-summary = Summary changed
change-kind-modalities = Modalities changed
change-kind-review = Review status changed
change-kind-text = Detail text changed
change-kind-added = Record added
change-kind-removed = Record removed
change-field-stance = Stance
change-none = (none)
change-not-given = (not given)
change-field-body = Detail text changed
change-field-summary = Summary
change-field-modalities = Modalities
change-field-status = Review status
change-field-reviewed = Reviewed on
change-field-reviewed-by = Reviewed by
change-field-citation = Citation
change-sources-added = Sources added
change-sources-removed = Sources removed
as-of-past = records as they were committed by the end of that day; regulators, topics and sources are named as they are today.
as-of-unavailable = history is unavailable ({ $reason }), so this page shows today's content instead.

## Regulator: approvals
regulator-approved = Approved
regulator-approved-count = { $n } products, { $first } of them first anywhere
regulator-median-lag = Median lag
regulator-lag-none = none yet
regulator-lag-months = { $months } months
regulator-lag-behind = { $months } months behind the first approval anywhere
regulator-lag-inexact = ({ $n } with a year-only date left out)
regulator-median-shared = Median lag, products also approved elsewhere
regulator-median-shared-note = (a product approved in one market only has no lag to measure)
regulator-elsewhere-only = Approved elsewhere only
regulator-approvals-label = Approved products, scrollable
regulator-approvals-caption = Products { $regulator } approved, earliest first
