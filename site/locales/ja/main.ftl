# regkb の画面表示（日本語）。
# Draft: written without review by a working group; see docs/i18n.md.

language-name = 日本語
language-switcher = 言語
suggest-language = このページは日本語でも読めます。

## Every page
skip-to-content = 本文へスキップ
nav-label = メイン
nav-search = 検索
nav-compare = 比較
nav-products = 製品
nav-approvals = 承認
nav-glossary = 用語集
nav-definitions = 定義
nav-changes = 変更履歴
search-records = 記録を検索
search-placeholder = 検索：造腫瘍性、tumorigenicity、LTFU…
search-button = 検索
preview-errors = コンテンツにエラーがあります。このプレビューは最後に正しくビルドされた版を表示しています。
as-of = { $date } 時点：
as-of-today = 現在の版を表示
footer-about = regkb は、アジアの規制当局が細胞・遺伝子治療に求める要件を、トピックごとに、各要件の根拠となる文書とともに比較します。
footer-draft = 「ドラフト」と表示された記録は、ワーキンググループのレビューを受けていません。記録に頼る前に引用文書を確認してください。
tag-draft = ドラフト
updated-on = { $date } 更新
col-regulator = 規制当局
col-stance = 立場
col-topic = トピック
sources-heading = 出典
download-csv = CSV
download-xlsx = Excel ブック（XLSX）

## Page titles
title-home = アジアの細胞・遺伝子治療の規制要件比較
title-search = 検索
title-compare = 規制当局の比較
title-products = 承認製品
title-approvals = 承認とラグ
title-glossary = 用語集
title-changes = 変更履歴
title-definitions = 定義

## Stances and route answers
stance-required = 必須
stance-required-definition = 法令、規則またはガイドラインにより義務付けられている。
stance-expected = 求められる
stance-expected-definition = 公表されたガイダンスが求めており、省略するには正当な理由が必要。
stance-case-by-case = 個別判断
stance-case-by-case-definition = 製品ごとに、通常は規制当局との相談により判断される。
stance-not-required = 不要
stance-not-required-definition = 公表されたガイダンスが不要としている。
stance-no-guidance = ガイダンスなし
stance-no-guidance-definition = 規制当局は何も公表していない。記録に調査した場所が記されている。
stance-available = 利用可能
stance-available-definition = 法令、規則または公表されたガイダンスがこの経路を定めている。
stance-not-available = 利用不可
stance-not-available-definition = 規制当局の制度にこの経路はない。記録に調査した場所が記されている。
stance-unknown = 未調査
stance-unknown-definition = まだ調査されていない。記録は何も主張していない。
stance-product = 製品
stance-product-definition = 承認された細胞・遺伝子治療製品。

## Home
home-heading = アジアの規制当局が細胞・遺伝子治療に求めること
home-intro = regkb は、PMDA/厚生労働省、HSA、TFDA、NMPA、CDSCO、MFDS、BPOM、NPRA の要件を、FDA と EMA を参照点として、MSC・iPS 細胞由来の細胞治療、CAR-T、AAV 遺伝子治療について比較します。対象は非臨床データ、CMC、臨床試験、市販後、法的枠組みです。各要件は、その根拠となる文書を引用する記録です。テーマはアジア再生医療パートナーシップ会議（APACRM）に由来します。
home-search-label = 英語・日本語・中国語・韓国語で検索
home-search-placeholder = 例：生体内分布 AAV、長期フォローアップ、致瘤性
home-compare-all = すべての規制当局を PMDA と比較
coverage-heading = 網羅状況
coverage-table-label = 網羅状況の表（スクロール可）
coverage-caption = 調査済みの記録（立場が「未調査」以外）があるトピック数（規制当局・領域別）
topics-heading = トピック
recent-heading = 最近の更新

## Search
search-label = 単語または "フレーズ"（英語・日本語・中国語・韓国語）
search-filters = 絞り込み
search-result-pages = 検索結果のページ
search-previous = 前へ
search-next = 次へ
search-count = { $n } 件の記録
search-unsearchable = 「{ $query }」には検索できる語がありません。単語、名称または数字を使ってください（{ $n } 件の記録）
search-matches = 「{ $query }」に一致する記録：{ $n } 件
search-some-words = 「{ $query }」のすべての語を含む記録はありません。一部の語を含む記録：{ $n } 件
search-dropped = { $words } を含む記録はありません。
search-suggestion = もしかして「{ $query }」？
search-too-long = 検索語が { $n } 文字あります。上限は { $limit } 文字です。
search-index-missing = このコピーには検索索引がありません。
facet-regulator = 規制当局
facet-domain = 領域
facet-topic = トピック
facet-modality = モダリティ
facet-stance = 立場

## Compare
compare-regulators = 規制当局
compare-domain = 領域
compare-all-domains = すべての領域
compare-modality = モダリティ
compare-all-modalities = すべてのモダリティ
compare-baseline = 基準
compare-no-baseline = なし
compare-differences-only = 相違のみ
compare-as-of = 時点
compare-update = 更新
compare-differs-from = Δ { $baseline } と異なる
compare-differs = 基準と異なる
compare-status = { $regulators }について{ $topics }を表示しています。
compare-status-topics = { $n } 件のトピック
compare-status-regulators = { $n } 規制当局
compare-what-answers-mean = 回答の意味
compare-caption = トピック別の各規制当局の立場
compare-caption-baseline = （{ $baseline } と比較）
compare-caption-differ = （規制当局間で異なるトピック）
compare-printed = 印刷日
compare-no-record = 記録なし
compare-no-match = 該当するトピックはありません
compare-no-match-diff = （「相違のみ」では、選択したすべての規制当局が表示中のすべてのトピックで一致しています）
compare-no-match-end = 。
download-full-matrix = 比較表全体をダウンロード
download-this-comparison = この比較をダウンロード
download-topic = このトピックの回答をダウンロード
download-regulator = この規制当局の記録をダウンロード

## Topic
attribute-yes = はい
attribute-no = いいえ
topic-feed = このトピックの変更の Atom フィード
topic-discussed-at = 議論された会議：
topic-values-label = 規制当局別の値（スクロール可）
topic-values-caption = 規制当局別の値
topic-not-given = 記載なし
topic-values-note = — は記録にその値がないことを示します。読んだ文書に記載がないか、記録が未調査です。値は、その記録が対象とするモダリティ（行に記載）に適用されます。
topic-about-values = 値について
topic-no-record = まだ記録がありません。
topic-read-record = 記録を読む

## Record
record-draft-banner = ドラフト — ワーキンググループのレビュー前です。
record-draft-check = 利用する前に引用文書を確認してください。
record-question = 質問
record-reviewed = { $date } にレビュー
record-reviewed-by = レビュー者：{ $who }
record-summary = 要約
record-modalities = モダリティ
record-status = ステータス
record-updated = 更新日
record-detail = 詳細
record-no-source = 出典が引用されていません。この記録はまだ何も主張していません。
record-history = 履歴
record-cite = この記録を引用する
record-cite-documents = 文書を引用する

## Regulator
regulator-local-name = 現地名
regulator-jurisdiction = 管轄
regulator-reference = 参照規制当局
regulator-reports-to = 上位機関
regulator-feed = この規制当局の記録の Atom フィード
regulator-website = ウェブサイト
regulator-key-sources = 主な出典

## Glossary
glossary-intro = 検索では、同じ行の用語はすべて同じ用語として扱われます。どれで検索しても、ほかの用語を使う記録も見つかります。
glossary-table-label = 用語集の表（スクロール可）
glossary-caption = 英語・日本語・中国語・韓国語の用語
glossary-definition = 定義

## Product
product-notes = 注記

## Errors
error-home = ホームページへ
error-search = 記録を検索
error-not-found = ページが見つかりません
error-not-found-message = このアドレスにはページがありません。記録、トピック、規制当局、製品は ID で指定します。
error-failed = 問題が発生しました
error-failed-message = このページを表示できませんでした。もう一度お試しください。続く場合は報告してください。
error-download = このダウンロードを作成できませんでした。
feed-title-all = regkb：すべての記録と製品の変更
feed-title-regulator = regkb：{ $regulator } の記録
feed-title-topic = regkb：{ $topic }
feed-product = 製品：{ $name }
feed-product-approved = 承認：{ $approvals }。
feed-unavailable = 履歴を読めません：{ $reason }。
feed-author = regkb 作業部会
error-feed = このフィードを作成できませんでした。
untranslated-marker = 未翻訳：英語で表示しています
translation-draft = この翻訳はワーキンググループのレビューを受けていません。
topic-class-filter = 値を表示する製品クラス
topic-class-every = すべての製品クラス
topic-class-show = 表示
topic-column-for = 対象：
topic-values-note-class = { $modality } の列には ✓ が付き、他の製品クラスの列は灰色で表示されます。
download-this-matrix = この表をダウンロード

## Products and approvals
products-intro = 細胞・遺伝子治療製品と、それを承認した規制当局、承認の時期と経路。
products-to-approvals = 承認日とラグを比較する
products-count = { $total } 製品中 { $shown } 製品
products-table-label = 製品（スクロール可能）
products-caption = 製品とその承認
col-product = 製品
col-brands = 販売名
col-modality = モダリティ
col-sponsor = 申請者
col-first-approval = 最初の承認
col-approved-by = 承認した当局
products-none = この条件に合う製品はありません。
filter-modality = モダリティ
filter-regulator = 規制当局
filter-route = 承認経路
filter-year = 年
filter-any = すべて
filter-sort = 並べ替え
filter-by-name = 名前順
filter-by-first = 最初の承認順
filter-button = 絞り込む
route-full = 通常承認
route-conditional = 条件付き承認
route-conditional-time-limited = 条件及び期限付承認
route-accelerated = 迅速承認
route-exceptional-circumstances = 例外的状況下での承認
route-other = その他
approval-status-approved = 承認
approval-status-withdrawn = 取下げ
approval-status-lapsed = 失効
approval-status-refused-confirmation = 本承認されず
lag-rule = ラグは、製品がいずれかの国・地域で最初に承認された月からこの規制当局が承認した月までの暦月数です。日は数えないため、月までしか分からない日付はその月のどの日とも同じに数えます。年までしか分からない日付はその年のどの月でもありうるため、ラグは月数の範囲（例：17–28）で示し、中央値からは除きます。取下げ・失効した承認は承認された日から数えます。
lag-first = 最初
lag-months = +{ $months } か月
product-draft-banner = ドラフト — 作業部会によるレビューはまだです。頼る前に引用された出典を確認してください。
product-other-names = 別名
product-indication = 効能・効果
product-timeline-title = 規制当局別の { $name } の承認の推移
product-timeline-approved = { $regulator }：{ $date } 承認。
product-timeline-ended = { $regulator }：{ $date } 承認、{ $ended } { $status }。
product-timeline-caption = 規制当局別の承認日。棒は年までしか分からない日付を、線の終わりは承認が取り下げられたか失効した時点を示します。同じ数値を下の表に示します。
product-approvals-label = 承認（スクロール可能）
product-approvals-caption = { $name } の承認
col-brand = 販売名
col-date = 日付
col-lag = ラグ（月）
col-route = 承認経路
col-status = 状態
col-number = 承認番号
product-priority = 優先審査
product-source-file = ソースファイル：
product-status = 状態 { $status }
approvals-intro = 各規制当局が各製品をいつ承認したか、そしてそれが製品の最初の承認から何か月後か。
approvals-all-products = すべての製品
approvals-table-label = 承認の表（スクロール可能）
approvals-caption = 製品・規制当局別の承認日とラグ（月）
approvals-not-approved = 未承認
approvals-gaps-heading = 他の 2 つ以上の当局が承認し、この当局は未承認
approvals-gaps-none = なし。
approvals-gap-count = { $n } 当局
approvals-all = すべての承認

## Definitions
definitions-intro = regkb のページにある回答、状態、値の意味。各バッジのツールチップにも同じ定義が表示されます。
definitions-glossary = 4 言語の規制用語は
definitions-glossary-link = 用語集
definitions-glossary-end = を参照してください。
definitions-answers-heading = 立場と経路の回答
definitions-answers-intro = 各記録はそのトピックの問いに答えます。要件のトピックは、何かがどれほど強く求められるかを問います。経路のトピックは、申請者が使うかどうかにかかわらず、その道が開かれているかを問うため、「必須」ではなく「あり」または「なし」で答えます。
definitions-statuses-heading = 記録のレビュー状態
definitions-documents-heading = 引用文書の状態
definitions-values-heading = 値
definitions-values-intro = 一部のトピックは立場に加えて構造化された値を示し、セルごとに比較します。値には注記が付くことがあり、公表された比較表では脚注として印刷される限定条件です。値の表の空欄は、その記録がその値を示していないことを意味します。読んだ文書に記載がないか、まだ調査されていない記録です。
definitions-attributes-caption = 各トピックが定める値
col-value = 値
col-type = 型
col-allowed = 許容値または単位
topic-kind-requirement = 要件のトピック
topic-kind-requirement-definition = 規制当局が何かをどれほど強く求めるか。
topic-kind-route = 経路のトピック
topic-kind-route-definition = 申請者が使うかどうかにかかわらず、その道（経路）が開かれているか。
review-status-draft = ドラフト
review-status-reviewed = レビュー済み
review-status-regulator-confirmed = 規制当局による確認済み
document-status-in-force = 適用中
document-status-draft = 意見募集中の案
document-status-withdrawn = 廃止
document-status-superseded = 置換済み
value-type-enum = 列挙値
value-type-number = 数値
value-type-boolean = はい／いいえ
value-type-text = テキスト
review-status-draft-definition = 寄稿者が書き、作業部会によるレビューはまだです。頼る前に引用文書を確認してください。
review-status-reviewed-definition = 作業部会が引用文書と照合しました。記録にはその部会と日付が記されています。
review-status-regulator-confirmed-definition = 規制当局が確認しました。記録には誰がいつレビューしたかが記されています。
document-status-in-force-definition = 文書は公表されたとおりに適用されます。
document-status-draft-definition = 意見募集のために公表され、まだ採択されていません。変更される可能性があります。
document-status-withdrawn-definition = 発行者により廃止され、もう適用されません。
document-status-superseded-definition = より新しい文書に置き換えられました。記録のページにその文書の名前があります。
value-type-enum-definition = トピックが列挙する値のいずれか。
value-type-number-definition = トピックが示す単位での数値。
value-type-boolean-definition = はい、またはいいえ。
value-type-text-definition = 自由記述。経路を定める法律の名称など。

## Changes
changes-intro = 各記録で何がいつ変わったか。新しい順に、コンテンツの履歴から読み取った各変更の日付とメッセージ、そして変更内容。
changes-follow = フィードリーダーで変更を追う：
changes-feed-all = すべての記録
changes-follow-end = 、または各規制当局・トピックのページにあるフィード。
changes-unavailable = 履歴を読めません：
changes-unavailable-still = 各記録のページには、内容に関わる最後の変更の日付が引き続き表示されます。
changes-all-regulators = すべての規制当局
changes-all-topics = すべてのトピック
changes-kind = 変更の種類
changes-all-kinds = すべての変更
changes-only-stance = 立場の変更のみ
changes-count = { $total } 件中 { $shown } 件の変更。
changes-none = この条件に合う変更はありません。
changes-commit = コミット
change-kind-stance = 立場の変更
change-kind-attributes = 値の変更
change-kind-sources = 出典の変更
change-kind-summary = 要約の変更
change-kind-modalities = モダリティの変更
change-kind-review = レビュー状態の変更
change-kind-text = 詳細の本文の変更
change-kind-added = 記録の追加
change-kind-removed = 記録の削除
change-field-stance = 立場
change-none = （なし）
change-not-given = （記載なし）
change-field-body = 詳細の本文を変更
change-field-summary = 要約
change-field-modalities = モダリティ
change-field-status = レビュー状態
change-field-reviewed = レビュー日
change-field-reviewed-by = レビュー者
change-field-citation = 引用
change-sources-added = 追加された出典
change-sources-removed = 削除された出典
as-of-past = その日の終わりまでにコミットされた時点の記録です。規制当局、トピック、出典の名前は現在のものです。
as-of-unavailable = 履歴を読めないため（{ $reason }）、このページは現在のコンテンツを表示しています。

## Regulator: approvals
regulator-approved = 承認
regulator-approved-count = { $n } 製品（うち { $first } 製品は世界で最初の承認）
regulator-median-lag = ラグの中央値
regulator-lag-none = まだなし
regulator-lag-months = { $months } か月
regulator-lag-behind = 最初の承認から { $months } か月
regulator-lag-inexact = （年までしか分からない日付の { $n } 件を除く）
regulator-median-shared = ラグの中央値（他でも承認された製品）
regulator-median-shared-note = （一つの市場でのみ承認された製品にはラグがありません）
regulator-elsewhere-only = 他でのみ承認
regulator-approvals-label = 承認された製品（スクロール可能）
regulator-approvals-caption = { $regulator } が承認した製品（古い順）
