# regkb 界面（简体中文）。
# Draft: written without review by a working group; see docs/i18n.md.

language-name = 简体中文
language-switcher = 语言
suggest-language = 本页也有简体中文版。

## Every page
skip-to-content = 跳到主要内容
nav-label = 主菜单
nav-search = 搜索
nav-compare = 比较
nav-products = 产品
nav-approvals = 批准
nav-glossary = 术语表
nav-definitions = 定义
nav-changes = 变更
search-records = 搜索记录
search-placeholder = 搜索：致瘤性、tumorigenicity、LTFU…
search-button = 搜索
preview-errors = 内容有错误；此预览显示最后一次成功构建的版本。
as-of = 截至 { $date }：
as-of-today = 显示当前版本
footer-about = regkb 按主题比较亚洲监管机构对细胞和基因治疗的要求，并附上每项要求所依据的文件。
footer-draft = 标为“草稿”的记录尚未经过工作组审核。依赖记录之前，请先查阅所引用的文件。
tag-draft = 草稿
updated-on = 更新于 { $date }
col-regulator = 监管机构
col-stance = 立场
col-topic = 主题
sources-heading = 来源
download-csv = CSV
download-xlsx = Excel 工作簿（XLSX）

## Page titles
title-home = 亚洲细胞和基因治疗监管要求比较
title-search = 搜索
title-compare = 比较监管机构
title-products = 已批准产品
title-approvals = 批准与时间差
title-glossary = 术语表
title-changes = 变更
title-definitions = 定义

## Stances and route answers
stance-required = 必须
stance-required-definition = 法律、法规或指南规定为强制要求。
stance-expected = 预期
stance-expected-definition = 已发布的指南预期提供；省略需要说明理由。
stance-case-by-case = 个案判断
stance-case-by-case-definition = 按产品逐一决定，通常需与监管机构沟通。
stance-not-required = 不要求
stance-not-required-definition = 已发布的指南表示不需要。
stance-no-guidance = 无指南
stance-no-guidance-definition = 监管机构未发布任何相关内容；记录说明了查找过的地方。
stance-available = 可用
stance-available-definition = 法律、法规或已发布的指南提供了该途径。
stance-not-available = 不可用
stance-not-available-definition = 监管机构的制度中没有该途径；记录说明了查找过的地方。
stance-unknown = 未知
stance-unknown-definition = 尚未研究：记录不作任何主张。
stance-product = 产品
stance-product-definition = 已批准的细胞或基因治疗产品。

## Home
home-heading = 亚洲监管机构对细胞和基因治疗的要求
home-intro = regkb 比较 PMDA/MHLW、HSA、TFDA、NMPA、CDSCO、MFDS、BPOM 和 NPRA 的要求，并以 FDA 和 EMA 作为参照，涵盖 MSC 和 iPSC 来源的细胞治疗、CAR-T 以及 AAV 基因治疗：非临床数据、CMC、临床试验、上市后和法律框架。每项要求都是一条引用其依据文件的记录。主题来自亚洲再生医学合作会议（APACRM）。
home-search-label = 用英文、日文、中文或韩文搜索
home-search-placeholder = 例如：生物分布 AAV、长期随访、致瘤性
home-compare-all = 将所有监管机构与 PMDA 比较
coverage-heading = 覆盖范围
coverage-table-label = 覆盖范围表，可滚动
coverage-caption = 各监管机构和领域中已有研究记录（立场不是“未知”）的主题数
topics-heading = 主题
recent-heading = 最近更新

## Search
search-label = 词语或 "短语"，可用英文、日文、中文或韩文
search-filters = 筛选
search-result-pages = 结果页
search-previous = 上一页
search-next = 下一页
search-count = { $n } 条记录
search-unsearchable = “{ $query }”中没有可搜索的词；请使用词语、名称或数字（{ $n } 条记录）
search-matches = { $n } 条记录匹配“{ $query }”
search-some-words = 没有记录包含“{ $query }”的全部词语；{ $n } 条记录包含其中部分词语
search-dropped = 没有记录包含 { $words }。
search-suggestion = 您是不是要找“{ $query }”？
search-too-long = 查询有 { $n } 个字符；上限为 { $limit } 个。
search-index-missing = 此副本缺少搜索索引。
facet-regulator = 监管机构
facet-domain = 领域
facet-topic = 主题
facet-modality = 治疗类型
facet-stance = 立场

## Compare
compare-regulators = 监管机构
compare-domain = 领域
compare-all-domains = 所有领域
compare-modality = 治疗类型
compare-all-modalities = 所有治疗类型
compare-baseline = 基准
compare-no-baseline = 无
compare-differences-only = 仅显示差异
compare-as-of = 截至
compare-update = 更新
compare-differs-from = Δ 与 { $baseline } 不同
compare-differs = 与基准不同
compare-status = 显示 { $regulators } 的 { $topics }。
compare-status-topics = { $n } 个主题
compare-status-regulators = { $n } 个监管机构
compare-what-answers-mean = 各答案的含义
compare-caption = 各监管机构在各主题上的立场
compare-caption-baseline = ，与 { $baseline } 比较
compare-caption-differ = ，监管机构之间存在差异的主题
compare-printed = 打印于
compare-no-record = 无记录
compare-no-match = 没有匹配的主题
compare-no-match-diff = （在“仅显示差异”下，所选监管机构在显示的每个主题上都一致）
compare-no-match-end = 。
download-full-matrix = 下载完整比较表
download-this-comparison = 下载此比较
download-topic = 下载此主题的答案
download-regulator = 下载此监管机构的记录

## Topic
attribute-yes = 是
attribute-no = 否
topic-feed = 此主题变更的 Atom 订阅
topic-discussed-at = 讨论于：
topic-values-label = 各监管机构的数值，可滚动
topic-values-caption = 各监管机构的数值
topic-not-given = 未给出
topic-values-note = — 表示记录未给出该数值：所阅读的文件未载明，或记录尚未研究。数值适用于其记录涵盖的治疗类型（列在该行中）。
topic-about-values = 关于数值
topic-no-record = 尚无记录。
topic-read-record = 阅读记录

## Record
record-draft-banner = 草稿 — 尚未经过工作组审核。
record-draft-check = 依赖之前，请先查阅所引用的文件。
record-question = 问题
record-reviewed = 于 { $date } 审查
record-reviewed-by = 审查者：{ $who }
record-summary = 摘要
record-modalities = 治疗类型
record-status = 状态
record-updated = 更新日期
record-detail = 详细内容
record-no-source = 未引用任何来源：此记录尚未作出任何主张。
record-history = 历史
record-cite = 引用此记录
record-cite-documents = 引用文件

## Regulator
regulator-local-name = 当地名称
regulator-jurisdiction = 管辖地区
regulator-reference = 参照监管机构
regulator-reports-to = 上级机构
regulator-feed = 此监管机构记录的 Atom 订阅
regulator-website = 网站
regulator-key-sources = 主要来源

## Glossary
glossary-intro = 搜索将同一行中的所有术语视为同一术语：用其中任何一个查询，都能找到使用其他术语的记录。
glossary-table-label = 术语表，可滚动
glossary-caption = 英文、日文、中文和韩文术语
glossary-definition = 定义

## Product
product-notes = 备注

## Errors
error-home = 前往首页
error-search = 搜索记录
error-not-found = 找不到页面
error-not-found-message = 此地址没有页面。记录、主题、监管机构和产品均按其 ID 寻址。
error-failed = 出现错误
error-failed-message = 无法显示此页面。请重试；如果问题持续存在，请报告。
error-download = 无法生成此下载文件。
feed-title-all = regkb：所有记录和产品的变更
feed-title-regulator = regkb：{ $regulator } 的记录
feed-title-topic = regkb：{ $topic }
feed-product = 产品：{ $name }
feed-product-approved = 批准：{ $approvals }。
feed-unavailable = 无法读取历史：{ $reason }。
feed-author = regkb 工作组
error-feed = 无法生成此订阅。
untranslated-marker = 尚未翻译：以英文显示
translation-draft = 此翻译尚未经过工作组审核。
topic-class-filter = 显示数值的产品类别
topic-class-every = 所有产品类别
topic-class-show = 显示
topic-column-for = 适用于
topic-values-note-class = { $modality } 的列标有 ✓；其他产品类别的列显示为灰色。
download-this-matrix = 下载此表

## Products and approvals
products-intro = 细胞和基因治疗产品，以及批准它们的监管机构、批准时间和途径。
products-to-approvals = 比较批准日期和时间差
products-count = { $total } 个产品中的 { $shown } 个
products-table-label = 产品（可滚动）
products-caption = 产品及其批准
col-product = 产品
col-brands = 商品名
col-modality = 产品类型
col-sponsor = 申请人
col-first-approval = 首次批准
col-approved-by = 批准机构
products-none = 没有符合这些筛选条件的产品。
filter-modality = 产品类型
filter-regulator = 监管机构
filter-route = 批准途径
filter-year = 年份
filter-any = 全部
filter-sort = 排序
filter-by-name = 按名称
filter-by-first = 按首次批准
filter-button = 筛选
route-full = 完全批准
route-conditional = 附条件批准
route-conditional-time-limited = 附条件和期限批准
route-accelerated = 加速批准
route-exceptional-circumstances = 特殊情况下批准
route-other = 其他
approval-status-approved = 已批准
approval-status-withdrawn = 已撤回
approval-status-lapsed = 已失效
approval-status-refused-confirmation = 未获确认
lag-rule = 时间差是从产品在任何地方首次批准到该监管机构批准之间的日历月数；不计天数，因此只知道月份的日期与该月任何一天计算相同。只知道年份的日期可能是该年任何月份：其时间差以月数范围（例如 17–28）表示，且不计入中位数。已撤回和已失效的批准从批准之日起算。
lag-first = 首次
lag-months = +{ $months } 个月
product-draft-banner = 草稿 — 尚未经工作组审查。依据前请先查阅引用的来源。
product-other-names = 其他名称
product-indication = 适应症
product-timeline-title = { $name } 各监管机构批准的时间轴
product-timeline-approved = { $regulator }：{ $date } 批准。
product-timeline-ended = { $regulator }：{ $date } 批准；{ $ended } { $status }。
product-timeline-caption = 各监管机构的批准日期；条形表示只知道年份的日期；线条结束处表示批准被撤回或失效。下表列出相同数据。
product-approvals-label = 批准（可滚动）
product-approvals-caption = { $name } 的批准
col-brand = 商品名
col-date = 日期
col-lag = 时间差（月）
col-route = 批准途径
col-status = 状态
col-number = 批准文号
product-priority = 优先审评
product-source-file = 源文件：
product-status = 状态 { $status }
approvals-intro = 各监管机构何时批准各产品，以及比该产品首次批准晚了几个月。
approvals-all-products = 所有产品
approvals-table-label = 批准矩阵（可滚动）
approvals-caption = 各产品和监管机构的批准日期与时间差（月）
approvals-not-approved = 未批准
approvals-gaps-heading = 已有两个以上其他机构批准、该机构尚未批准
approvals-gaps-none = 无。
approvals-gap-count = { $n } 个机构
approvals-all = 所有批准

## Definitions
definitions-intro = regkb 页面上的回答、状态和数值的含义。每个标志的提示文字也给出相同的定义。
definitions-glossary = 四种语言的法规术语请见
definitions-glossary-link = 术语表
definitions-glossary-end = 。
definitions-answers-heading = 立场和途径的回答
definitions-answers-intro = 每条记录回答其主题的问题。要求类主题问的是某事项被要求的程度；途径类主题问的是某条途径是否向申请人开放，无论是否使用，因此回答“有”或“无”，而不是“必需”。
definitions-statuses-heading = 记录的审查状态
definitions-documents-heading = 引用文件的状态
definitions-values-heading = 数值
definitions-values-intro = 有些主题除了立场外还给出结构化数值，逐格比较。数值可带注释，即已发布的比较表以脚注列出的限定条件。数值表中的空格表示记录未给出该数值：所读文件未载明，或记录尚未研究。
definitions-attributes-caption = 各主题定义的数值
col-value = 数值
col-type = 类型
col-allowed = 允许的值或单位
topic-kind-requirement = 要求类主题
topic-kind-requirement-definition = 监管机构要求某事项的程度。
topic-kind-route = 途径类主题
topic-kind-route-definition = 某条途径是否向申请人开放，无论是否使用。
review-status-draft = 草稿
review-status-reviewed = 已审查
review-status-regulator-confirmed = 经监管机构确认
document-status-in-force = 现行适用
document-status-draft = 征求意见稿
document-status-withdrawn = 已废止
document-status-superseded = 已被取代
value-type-enum = 枚举值
value-type-number = 数字
value-type-boolean = 是或否
value-type-text = 文本
review-status-draft-definition = 由贡献者撰写，尚未经工作组审查：依据前请先查阅引用的文件。
review-status-reviewed-definition = 工作组已对照引用文件核查；记录载明工作组和日期。
review-status-regulator-confirmed-definition = 监管机构已确认；记录载明审查者和日期。
document-status-in-force-definition = 文件按发布内容适用。
document-status-draft-definition = 为征求意见而发布，尚未采纳：仍可能变更。
document-status-withdrawn-definition = 已由发布者废止：不再适用。
document-status-superseded-definition = 已被较新的文件取代，记录页面载明该文件。
value-type-enum-definition = 主题列出的值之一。
value-type-number-definition = 以主题所给单位表示的数字。
value-type-boolean-definition = 是或否。
value-type-text-definition = 自由文本，例如设立途径的法律名称。

## Changes
changes-intro = 每条记录何时更改了什么，从新到旧，取自内容的历史：每次更改的日期和说明，以及更改的内容。
changes-follow = 用订阅阅读器跟踪更改：
changes-feed-all = 所有记录
changes-follow-end = ，或各监管机构、主题页面上的订阅。
changes-unavailable = 无法读取历史：
changes-unavailable-still = 每条记录的页面仍会显示其最后一次实质更改的日期。
changes-all-regulators = 所有监管机构
changes-all-topics = 所有主题
changes-kind = 更改类型
changes-all-kinds = 所有更改
changes-only-stance = 只看立场更改
changes-count = { $total } 项更改中的 { $shown } 项。
changes-none = 没有符合这些筛选条件的更改。
changes-commit = 提交
change-kind-stance = 立场更改
change-kind-attributes = 数值更改
change-kind-sources = 来源更改
change-kind-summary = 摘要更改
change-kind-modalities = 产品类型更改
change-kind-review = 审查状态更改
change-kind-text = 详细正文更改
change-kind-added = 新增记录
change-kind-removed = 删除记录
change-field-stance = 立场
change-none = （无）
change-not-given = （未提供）
change-field-body = 详细正文已更改
change-field-summary = 摘要
change-field-modalities = 产品类型
change-field-status = 审查状态
change-field-reviewed = 审查日期
change-field-reviewed-by = 审查者
change-field-citation = 引用
change-sources-added = 新增的来源
change-sources-removed = 删除的来源
as-of-past = 记录为当日结束前提交时的版本；监管机构、主题和来源以今天的名称显示。
as-of-unavailable = 无法读取历史（{ $reason }），因此本页显示今天的内容。

## Regulator: approvals
regulator-approved = 已批准
regulator-approved-count = { $n } 个产品，其中 { $first } 个为全球首次批准
regulator-median-lag = 时间差中位数
regulator-lag-none = 尚无
regulator-lag-months = { $months } 个月
regulator-lag-behind = 比首次批准晚 { $months } 个月
regulator-lag-inexact = （不含 { $n } 个只知年份的日期）
regulator-median-shared = 时间差中位数（也在其他地方批准的产品）
regulator-median-shared-note = （只在单一市场批准的产品没有可计算的时间差）
regulator-elsewhere-only = 仅在其他地方批准
regulator-approvals-label = 已批准产品（可滚动）
regulator-approvals-caption = { $regulator } 批准的产品，从早到晚
