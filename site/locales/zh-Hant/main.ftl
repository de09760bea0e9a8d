# regkb 介面（繁體中文）。
# Draft: written without review by a working group; see docs/i18n.md.

language-name = 繁體中文
language-switcher = 語言
suggest-language = 本頁也有繁體中文版。

## Every page
skip-to-content = 跳至主要內容
nav-label = 主選單
nav-search = 搜尋
nav-compare = 比較
nav-products = 產品
nav-approvals = 核准
nav-glossary = 詞彙表
nav-definitions = 定義
nav-changes = 變更
search-records = 搜尋紀錄
search-placeholder = 搜尋：致瘤性、tumorigenicity、LTFU…
search-button = 搜尋
preview-errors = 內容有錯誤；此預覽顯示最後一次成功建置的版本。
as-of = 截至 { $date }：
as-of-today = 顯示目前版本
footer-about = regkb 逐一主題比較亞洲主管機關對細胞與基因治療的要求，並附上每項要求所依據的文件。
footer-draft = 標示為「草稿」的紀錄尚未經工作小組審查。依賴紀錄前，請先查閱所引用的文件。
tag-draft = 草稿
updated-on = 更新於 { $date }
col-regulator = 主管機關
col-stance = 立場
col-topic = 主題
sources-heading = 來源
download-csv = CSV
download-xlsx = Excel 活頁簿（XLSX）

## Page titles
title-home = 亞洲細胞與基因治療法規要求比較
title-search = 搜尋
title-compare = 比較主管機關
title-products = 已核准產品
title-approvals = 核准與時間差
title-glossary = 詞彙表
title-changes = 變更
title-definitions = 定義

## Stances and route answers
stance-required = 必要
stance-required-definition = 法律、法規或指引明定為強制。
stance-expected = 預期
stance-expected-definition = 已公布的指引預期提供；省略須說明理由。
stance-case-by-case = 個案判斷
stance-case-by-case-definition = 依產品個別決定，通常與主管機關諮詢。
stance-not-required = 不需要
stance-not-required-definition = 已公布的指引表示不需要。
stance-no-guidance = 無指引
stance-no-guidance-definition = 主管機關未公布任何相關內容；紀錄說明查找過的地方。
stance-available = 可用
stance-available-definition = 法律、法規或已公布的指引提供此途徑。
stance-not-available = 不可用
stance-not-available-definition = 主管機關的制度沒有此途徑；紀錄說明查找過的地方。
stance-unknown = 未知
stance-unknown-definition = 尚未研究：紀錄不作任何主張。
stance-product = 產品
stance-product-definition = 已核准的細胞或基因治療產品。

## Home
home-heading = 亞洲主管機關對細胞與基因治療的要求
home-intro = regkb 比較 PMDA/MHLW、HSA、TFDA、NMPA、CDSCO、MFDS、BPOM 與 NPRA 的要求，並以 FDA 與 EMA 作為參考，涵蓋 MSC 與 iPSC 衍生細胞治療、CAR-T 及 AAV 基因治療：非臨床資料、CMC、臨床試驗、上市後及法律架構。每項要求都是一筆引用其依據文件的紀錄。主題來自亞洲再生醫療夥伴會議（APACRM）。
home-search-label = 以英文、日文、中文或韓文搜尋
home-search-placeholder = 例如：生物分布 AAV、長期追蹤、致瘤性
home-compare-all = 將所有主管機關與 PMDA 比較
coverage-heading = 涵蓋範圍
coverage-table-label = 涵蓋範圍表格，可捲動
coverage-caption = 各主管機關與領域中，已有研究紀錄（立場不是「未知」）的主題數
topics-heading = 主題
recent-heading = 最近更新

## Search
search-label = 字詞或 "片語"，可用英文、日文、中文或韓文
search-filters = 篩選
search-result-pages = 結果頁
search-previous = 上一頁
search-next = 下一頁
search-count = { $n } 筆紀錄
search-unsearchable = 「{ $query }」沒有可搜尋的字詞；請使用字詞、名稱或數字（{ $n } 筆紀錄）
search-matches = { $n } 筆紀錄符合「{ $query }」
search-some-words = 沒有紀錄包含「{ $query }」的所有字詞；{ $n } 筆紀錄包含其中部分字詞
search-dropped = 沒有紀錄包含 { $words }。
search-suggestion = 您是不是要找「{ $query }」？
search-too-long = 查詢有 { $n } 個字元；上限為 { $limit } 個。
search-index-missing = 此副本缺少搜尋索引。
facet-regulator = 主管機關
facet-domain = 領域
facet-topic = 主題
facet-modality = 治療類型
facet-stance = 立場

## Compare
compare-regulators = 主管機關
compare-domain = 領域
compare-all-domains = 所有領域
compare-modality = 治療類型
compare-all-modalities = 所有治療類型
compare-baseline = 基準
compare-no-baseline = 無
compare-differences-only = 只顯示差異
compare-as-of = 截至
compare-update = 更新
compare-differs-from = Δ 與 { $baseline } 不同
compare-differs = 與基準不同
compare-status = 顯示 { $regulators } 的 { $topics }。
compare-status-topics = { $n } 個主題
compare-status-regulators = { $n } 個主管機關
compare-what-answers-mean = 各答案的含義
compare-caption = 各主管機關在各主題上的立場
compare-caption-baseline = ，與 { $baseline } 比較
compare-caption-differ = ，主管機關之間有差異的主題
compare-printed = 列印於
compare-no-record = 無紀錄
compare-no-match = 沒有符合的主題
compare-no-match-diff = （在「只顯示差異」下，所選主管機關在顯示的每個主題上都一致）
compare-no-match-end = 。
download-full-matrix = 下載完整比較表
download-this-comparison = 下載此比較
download-topic = 下載此主題的答案
download-regulator = 下載此主管機關的紀錄

## Topic
attribute-yes = 是
attribute-no = 否
topic-feed = 此主題變更的 Atom 訂閱
topic-discussed-at = 討論於：
topic-values-label = 各主管機關的數值，可捲動
topic-values-caption = 各主管機關的數值
topic-not-given = 未提供
topic-values-note = — 表示紀錄未提供此數值：所閱讀的文件未載明，或紀錄尚未研究。數值適用於其紀錄涵蓋的治療類型（列於該列）。
topic-about-values = 關於數值
topic-no-record = 尚無紀錄。
topic-read-record = 閱讀紀錄

## Record
record-draft-banner = 草稿 — 尚未經工作小組審查。
record-draft-check = 依賴之前，請先查閱所引用的文件。
record-question = 問題
record-reviewed = 於 { $date } 審查
record-reviewed-by = 審查者：{ $who }
record-summary = 摘要
record-modalities = 治療類型
record-status = 狀態
record-updated = 更新日期
record-detail = 詳細內容
record-no-source = 未引用任何來源：此紀錄尚未作出任何主張。
record-history = 歷史
record-cite = 引用此紀錄
record-cite-documents = 引用文件

## Regulator
regulator-local-name = 當地名稱
regulator-jurisdiction = 管轄地區
regulator-reference = 參考主管機關
regulator-reports-to = 上級機關
regulator-feed = 此主管機關紀錄的 Atom 訂閱
regulator-website = 網站
regulator-key-sources = 主要來源

## Glossary
glossary-intro = 搜尋會將同一列的所有詞彙視為同一詞彙：以其中任何一個查詢，都能找到使用其他詞彙的紀錄。
glossary-table-label = 詞彙表，可捲動
glossary-caption = 英文、日文、中文與韓文詞彙
glossary-definition = 定義

## Product
product-notes = 附註

## Errors
error-home = 前往首頁
error-search = 搜尋紀錄
error-not-found = 找不到頁面
error-not-found-message = 此網址沒有頁面。紀錄、主題、主管機關與產品均以其 ID 定址。
error-failed = 發生錯誤
error-failed-message = 無法顯示此頁面。請再試一次；若問題持續，請回報。
error-download = 無法產生此下載檔案。
feed-title-all = regkb：所有紀錄與產品的變更
feed-title-regulator = regkb：{ $regulator } 的紀錄
feed-title-topic = regkb：{ $topic }
feed-product = 產品：{ $name }
feed-product-approved = 核准：{ $approvals }。
feed-unavailable = 無法讀取歷史：{ $reason }。
feed-author = regkb 工作小組
error-feed = 無法產生此訂閱。
untranslated-marker = 尚未翻譯：以英文顯示
translation-draft = 此翻譯尚未經工作小組審查。
topic-class-filter = 顯示數值的產品類別
topic-class-every = 所有產品類別
topic-class-show = 顯示
topic-column-for = 適用於
topic-values-note-class = { $modality } 的欄位標示 ✓；其他產品類別的欄位以灰色顯示。
download-this-matrix = 下載此表

## Products and approvals
products-intro = 細胞與基因治療產品，以及核准它們的監管機關、核准時間與途徑。
products-to-approvals = 比較核准日期與時間差
products-count = { $total } 項產品中的 { $shown } 項
products-table-label = 產品（可捲動）
products-caption = 產品及其核准
col-product = 產品
col-brands = 商品名
col-modality = 產品類型
col-sponsor = 申請者
col-first-approval = 首次核准
col-approved-by = 核准機關
products-none = 沒有符合這些篩選條件的產品。
filter-modality = 產品類型
filter-regulator = 監管機關
filter-route = 核准途徑
filter-year = 年份
filter-any = 全部
filter-sort = 排序
filter-by-name = 依名稱
filter-by-first = 依首次核准
filter-button = 篩選
route-full = 完整核准
route-conditional = 附條件核准
route-conditional-time-limited = 附條件及期限核准
route-accelerated = 加速核准
route-exceptional-circumstances = 特殊情況下核准
route-other = 其他
approval-status-approved = 已核准
approval-status-withdrawn = 已撤回
approval-status-lapsed = 已失效
approval-status-refused-confirmation = 未獲確認
lag-rule = 時間差是從產品在任何地方首次核准到此監管機關核准之間的日曆月數；不計日數，因此只知道月份的日期與該月任何一天計算相同。只知道年份的日期可能是該年任何月份：其時間差以月數範圍（例如 17–28）表示，且不計入中位數。已撤回和已失效的核准從核准之日起算。
lag-first = 首次
lag-months = +{ $months } 個月
product-draft-banner = 草稿 — 尚未經工作小組審查。依據前請先查閱引用的來源。
product-other-names = 其他名稱
product-indication = 適應症
product-timeline-title = { $name } 各監管機關核准的時間軸
product-timeline-approved = { $regulator }：{ $date } 核准。
product-timeline-ended = { $regulator }：{ $date } 核准；{ $ended } { $status }。
product-timeline-caption = 各監管機關的核准日期；長條表示只知道年份的日期；線條結束處表示核准被撤回或失效。下表列出相同資料。
product-approvals-label = 核准（可捲動）
product-approvals-caption = { $name } 的核准
col-brand = 商品名
col-date = 日期
col-lag = 時間差（月）
col-route = 核准途徑
col-status = 狀態
col-number = 許可證字號
product-priority = 優先審查
product-source-file = 來源檔案：
product-status = 狀態 { $status }
approvals-intro = 各監管機關何時核准各產品，以及比該產品首次核准晚了幾個月。
approvals-all-products = 所有產品
approvals-table-label = 核准矩陣（可捲動）
approvals-caption = 各產品與監管機關的核准日期與時間差（月）
approvals-not-approved = 未核准
approvals-gaps-heading = 已有兩個以上其他機關核准、此機關尚未核准
approvals-gaps-none = 無。
approvals-gap-count = { $n } 個機關
approvals-all = 所有核准

## Definitions
definitions-intro = regkb 頁面上的回答、狀態與數值的意義。每個標章的提示文字也提供相同的定義。
definitions-glossary = 四種語言的法規術語請見
definitions-glossary-link = 術語表
definitions-glossary-end = 。
definitions-answers-heading = 立場與途徑的回答
definitions-answers-intro = 每筆紀錄回答其主題的問題。要求類主題問的是某事項被要求的程度；途徑類主題問的是某條途徑是否向申請者開放，不論是否使用，因此回答「有」或「無」，而不是「必要」。
definitions-statuses-heading = 紀錄的審查狀態
definitions-documents-heading = 引用文件的狀態
definitions-values-heading = 數值
definitions-values-intro = 有些主題除了立場外還提供結構化數值，逐格比較。數值可附註記，即已發布的比較表以註腳列出的限定條件。數值表中的空格表示紀錄未提供該數值：所讀文件未載明，或紀錄尚未研究。
definitions-attributes-caption = 各主題定義的數值
col-value = 數值
col-type = 類型
col-allowed = 允許的值或單位
topic-kind-requirement = 要求類主題
topic-kind-requirement-definition = 監管機關要求某事項的程度。
topic-kind-route = 途徑類主題
topic-kind-route-definition = 某條途徑是否向申請者開放，不論是否使用。
review-status-draft = 草稿
review-status-reviewed = 已審查
review-status-regulator-confirmed = 經監管機關確認
document-status-in-force = 現行適用
document-status-draft = 徵求意見草案
document-status-withdrawn = 已廢止
document-status-superseded = 已被取代
value-type-enum = 列舉值
value-type-number = 數字
value-type-boolean = 是或否
value-type-text = 文字
review-status-draft-definition = 由貢獻者撰寫，尚未經工作小組審查：依據前請先查閱引用的文件。
review-status-reviewed-definition = 工作小組已對照引用文件查核；紀錄載明小組與日期。
review-status-regulator-confirmed-definition = 監管機關已確認；紀錄載明審查者與日期。
document-status-in-force-definition = 文件依發布內容適用。
document-status-draft-definition = 為徵求意見而發布，尚未採行：仍可能變更。
document-status-withdrawn-definition = 已由發布者廢止：不再適用。
document-status-superseded-definition = 已被較新的文件取代，紀錄頁面載明該文件。
value-type-enum-definition = 主題列出的值之一。
value-type-number-definition = 以主題所給單位表示的數字。
value-type-boolean-definition = 是或否。
value-type-text-definition = 自由文字，例如設立途徑的法律名稱。

## Changes
changes-intro = 每筆紀錄何時變更了什麼，由新到舊，取自內容的歷史：每次變更的日期與說明，以及變更的內容。
changes-follow = 以訂閱閱讀器追蹤變更：
changes-feed-all = 所有紀錄
changes-follow-end = ，或各監管機關、主題頁面上的訂閱。
changes-unavailable = 無法讀取歷史：
changes-unavailable-still = 每筆紀錄的頁面仍會顯示其最後一次實質變更的日期。
changes-all-regulators = 所有監管機關
changes-all-topics = 所有主題
changes-kind = 變更類型
changes-all-kinds = 所有變更
changes-only-stance = 只看立場變更
changes-count = { $total } 項變更中的 { $shown } 項。
changes-none = 沒有符合這些篩選條件的變更。
changes-commit = 提交
change-kind-stance = 立場變更
change-kind-attributes = 數值變更
change-kind-sources = 來源變更
change-kind-summary = 摘要變更
change-kind-modalities = 產品類型變更
change-kind-review = 審查狀態變更
change-kind-text = 詳細內文變更
change-kind-added = 新增紀錄
change-kind-removed = 移除紀錄
change-field-stance = 立場
change-none = （無）
change-not-given = （未提供）
change-field-body = 詳細內文已變更
change-field-summary = 摘要
change-field-modalities = 產品類型
change-field-status = 審查狀態
change-field-reviewed = 審查日期
change-field-reviewed-by = 審查者
change-field-citation = 引用
change-sources-added = 新增的來源
change-sources-removed = 移除的來源
as-of-past = 紀錄為當日結束前提交時的版本；監管機關、主題與來源以今日的名稱顯示。
as-of-unavailable = 無法讀取歷史（{ $reason }），因此本頁顯示今日的內容。

## Regulator: approvals
regulator-approved = 已核准
regulator-approved-count = { $n } 項產品，其中 { $first } 項為全球首次核准
regulator-median-lag = 時間差中位數
regulator-lag-none = 尚無
regulator-lag-months = { $months } 個月
regulator-lag-behind = 比首次核准晚 { $months } 個月
regulator-lag-inexact = （不含 { $n } 項只知年份的日期）
regulator-median-shared = 時間差中位數（亦在他處核准的產品）
regulator-median-shared-note = （只在單一市場核准的產品沒有可計算的時間差）
regulator-elsewhere-only = 僅在他處核准
regulator-approvals-label = 已核准產品（可捲動）
regulator-approvals-caption = { $regulator } 核准的產品，由早到晚
