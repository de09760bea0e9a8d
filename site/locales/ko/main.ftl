# regkb 인터페이스(한국어).
# Draft: written without review by a working group; see docs/i18n.md.

language-name = 한국어
language-switcher = 언어
suggest-language = 이 페이지는 한국어로도 볼 수 있습니다.

## Every page
skip-to-content = 본문으로 건너뛰기
nav-label = 주 메뉴
nav-search = 검색
nav-compare = 비교
nav-products = 제품
nav-approvals = 허가
nav-glossary = 용어집
nav-definitions = 정의
nav-changes = 변경 내역
search-records = 기록 검색
search-placeholder = 검색: 종양원성, tumorigenicity, LTFU…
search-button = 검색
preview-errors = 콘텐츠에 오류가 있습니다. 이 미리보기는 마지막으로 빌드에 성공한 버전을 보여 줍니다.
as-of = { $date } 기준:
as-of-today = 현재 버전 보기
footer-about = regkb는 아시아 규제기관이 세포·유전자치료에 요구하는 사항을 주제별로, 각 요구사항의 근거 문서와 함께 비교합니다.
footer-draft = ‘초안’으로 표시된 기록은 워킹그룹의 검토를 거치지 않았습니다. 기록을 활용하기 전에 인용 문서를 확인하십시오.
tag-draft = 초안
updated-on = { $date } 업데이트
col-regulator = 규제기관
col-stance = 입장
col-topic = 주제
sources-heading = 출처
download-csv = CSV
download-xlsx = Excel 통합 문서(XLSX)

## Page titles
title-home = 아시아 세포·유전자치료 규제 요건 비교
title-search = 검색
title-compare = 규제기관 비교
title-products = 허가 제품
title-approvals = 허가와 지연 기간
title-glossary = 용어집
title-changes = 변경 내역
title-definitions = 정의

## Stances and route answers
stance-required = 필수
stance-required-definition = 법률, 규정 또는 가이드라인에 의해 의무화되어 있다.
stance-expected = 요구됨
stance-expected-definition = 공표된 가이던스가 요구하며, 생략하려면 타당한 근거가 필요하다.
stance-case-by-case = 사례별 판단
stance-case-by-case-definition = 제품별로, 대개 규제기관과의 상담을 통해 결정된다.
stance-not-required = 불필요
stance-not-required-definition = 공표된 가이던스가 필요하지 않다고 한다.
stance-no-guidance = 가이던스 없음
stance-no-guidance-definition = 규제기관이 공표한 내용이 없다. 기록에 조사한 곳이 적혀 있다.
stance-available = 이용 가능
stance-available-definition = 법률, 규정 또는 공표된 가이던스가 이 경로를 규정한다.
stance-not-available = 이용 불가
stance-not-available-definition = 규제기관의 제도에 이 경로가 없다. 기록에 조사한 곳이 적혀 있다.
stance-unknown = 미조사
stance-unknown-definition = 아직 조사되지 않았다. 기록은 아무것도 주장하지 않는다.
stance-product = 제품
stance-product-definition = 허가된 세포·유전자치료 제품.

## Home
home-heading = 아시아 규제기관이 세포·유전자치료에 요구하는 것
home-intro = regkb는 PMDA/MHLW, HSA, TFDA, NMPA, CDSCO, MFDS, BPOM, NPRA의 요구사항을 FDA와 EMA를 참고 기준으로 삼아, MSC 및 iPSC 유래 세포치료, CAR-T, AAV 유전자치료에 대해 비교합니다. 대상은 비임상 자료, CMC, 임상시험, 시판 후, 법적 체계입니다. 각 요구사항은 근거 문서를 인용하는 하나의 기록입니다. 주제는 아시아 재생의료 파트너십 회의(APACRM)에서 왔습니다.
home-search-label = 영어, 일본어, 중국어 또는 한국어로 검색
home-search-placeholder = 예: 생체분포 AAV, 장기추적조사, 致瘤性
home-compare-all = 모든 규제기관을 PMDA와 비교
coverage-heading = 조사 범위
coverage-table-label = 조사 범위 표, 스크롤 가능
coverage-caption = 규제기관·영역별로 조사된 기록(입장이 ‘미조사’가 아닌 기록)이 있는 주제 수
topics-heading = 주제
recent-heading = 최근 업데이트

## Search
search-label = 단어 또는 "구문"(영어, 일본어, 중국어, 한국어)
search-filters = 필터
search-result-pages = 결과 페이지
search-previous = 이전
search-next = 다음
search-count = 기록 { $n }건
search-unsearchable = “{ $query }”에는 검색할 수 있는 단어가 없습니다. 단어, 이름 또는 숫자를 사용하십시오(기록 { $n }건)
search-matches = “{ $query }”와 일치하는 기록 { $n }건
search-some-words = “{ $query }”의 모든 단어를 포함하는 기록은 없습니다. 일부 단어를 포함하는 기록 { $n }건
search-dropped = { $words }을(를) 포함하는 기록은 없습니다.
search-suggestion = “{ $query }”을(를) 찾으셨습니까?
search-too-long = 검색어가 { $n }자입니다. 한도는 { $limit }자입니다.
search-index-missing = 이 사본에는 검색 색인이 없습니다.
facet-regulator = 규제기관
facet-domain = 영역
facet-topic = 주제
facet-modality = 모달리티
facet-stance = 입장

## Compare
compare-regulators = 규제기관
compare-domain = 영역
compare-all-domains = 모든 영역
compare-modality = 모달리티
compare-all-modalities = 모든 모달리티
compare-baseline = 기준
compare-no-baseline = 없음
compare-differences-only = 차이만 보기
compare-as-of = 기준일
compare-update = 업데이트
compare-differs-from = Δ { $baseline }와 다름
compare-differs = 기준과 다름
compare-status = 규제기관 { $regulators }의 { $topics }을(를) 표시합니다.
compare-status-topics = 주제 { $n }개
compare-status-regulators = { $n }곳
compare-what-answers-mean = 답의 의미
compare-caption = 주제별 각 규제기관의 입장
compare-caption-baseline = , { $baseline }와 비교
compare-caption-differ = , 규제기관 간에 차이가 있는 주제
compare-printed = 인쇄일
compare-no-record = 기록 없음
compare-no-match = 일치하는 주제가 없습니다
compare-no-match-diff = (‘차이만 보기’에서는 선택한 모든 규제기관이 표시된 모든 주제에서 일치합니다)
compare-no-match-end = .
download-full-matrix = 전체 비교표 다운로드
download-this-comparison = 이 비교 다운로드
download-topic = 이 주제의 답 다운로드
download-regulator = 이 규제기관의 기록 다운로드

## Topic
attribute-yes = 예
attribute-no = 아니요
topic-feed = 이 주제의 변경 사항 Atom 피드
topic-discussed-at = 논의된 회의:
topic-values-label = 규제기관별 값, 스크롤 가능
topic-values-caption = 규제기관별 값
topic-not-given = 제시되지 않음
topic-values-note = —는 기록에 해당 값이 없음을 뜻합니다. 읽은 문서에 명시되지 않았거나 기록이 아직 조사되지 않았습니다. 값은 그 기록이 다루는 모달리티(행에 표시)에 적용됩니다.
topic-about-values = 값에 대하여
topic-no-record = 아직 기록이 없습니다.
topic-read-record = 기록 읽기

## Record
record-draft-banner = 초안 — 아직 워킹그룹의 검토를 거치지 않았습니다.
record-draft-check = 활용하기 전에 인용 문서를 확인하십시오.
record-question = 질문
record-reviewed = { $date } 검토
record-reviewed-by = 검토자: { $who }
record-summary = 요약
record-modalities = 모달리티
record-status = 상태
record-updated = 업데이트
record-detail = 상세
record-no-source = 인용된 출처가 없습니다. 이 기록은 아직 아무것도 주장하지 않습니다.
record-history = 이력
record-cite = 이 기록 인용하기
record-cite-documents = 문서 인용하기

## Regulator
regulator-local-name = 현지 명칭
regulator-jurisdiction = 관할
regulator-reference = 참고 규제기관
regulator-reports-to = 상위 기관
regulator-feed = 이 규제기관 기록의 Atom 피드
regulator-website = 웹사이트
regulator-key-sources = 주요 출처

## Glossary
glossary-intro = 검색은 한 행의 모든 용어를 같은 용어로 취급합니다. 어느 용어로 검색해도 다른 용어를 쓰는 기록을 찾습니다.
glossary-table-label = 용어집 표, 스크롤 가능
glossary-caption = 영어, 일본어, 중국어, 한국어 용어
glossary-definition = 정의

## Product
product-notes = 참고 사항

## Errors
error-home = 홈페이지로 이동
error-search = 기록 검색
error-not-found = 페이지를 찾을 수 없습니다
error-not-found-message = 이 주소에는 페이지가 없습니다. 기록, 주제, 규제기관, 제품은 ID로 찾습니다.
error-failed = 문제가 발생했습니다
error-failed-message = 이 페이지를 표시할 수 없습니다. 다시 시도해 주십시오. 계속되면 신고해 주십시오.
error-download = 이 다운로드를 만들 수 없습니다.
feed-title-all = regkb: 모든 기록과 제품의 변경
feed-title-regulator = regkb: { $regulator } 기록
feed-title-topic = regkb: { $topic }
feed-product = 제품: { $name }
feed-product-approved = 허가: { $approvals }.
feed-unavailable = 이력을 읽을 수 없습니다: { $reason }.
feed-author = regkb 작업반
error-feed = 이 피드를 만들 수 없습니다.
untranslated-marker = 아직 번역되지 않음: 영어로 표시
translation-draft = 이 번역은 워킹그룹의 검토를 거치지 않았습니다.
topic-class-filter = 값을 볼 제품 분류
topic-class-every = 모든 제품 분류
topic-class-show = 보기
topic-column-for = 적용 대상:
topic-values-note-class = { $modality }의 열에는 ✓ 표시가 있고, 다른 제품 분류의 열은 회색으로 표시됩니다.
download-this-matrix = 이 표 다운로드

## Products and approvals
products-intro = 세포·유전자치료제와 이를 허가한 규제기관, 허가 시기와 경로.
products-to-approvals = 허가일과 지연 기간 비교
products-count = 제품 { $total }개 중 { $shown }개
products-table-label = 제품 (스크롤 가능)
products-caption = 제품과 그 허가
col-product = 제품
col-brands = 제품명
col-modality = 치료제 유형
col-sponsor = 신청자
col-first-approval = 최초 허가
col-approved-by = 허가한 기관
products-none = 이 조건에 맞는 제품이 없습니다.
filter-modality = 치료제 유형
filter-regulator = 규제기관
filter-route = 허가 경로
filter-year = 연도
filter-any = 전체
filter-sort = 정렬
filter-by-name = 이름순
filter-by-first = 최초 허가순
filter-button = 필터
route-full = 정식 허가
route-conditional = 조건부 허가
route-conditional-time-limited = 조건 및 기한부 허가
route-accelerated = 신속 허가
route-exceptional-circumstances = 예외적 상황에서의 허가
route-other = 기타
approval-status-approved = 허가
approval-status-withdrawn = 취하
approval-status-lapsed = 효력 상실
approval-status-refused-confirmation = 확인 거부
lag-rule = 지연 기간은 제품이 어디에서든 처음 허가된 때부터 이 규제기관이 허가한 때까지의 역월 수입니다. 일은 세지 않으므로 월까지만 알려진 날짜는 그 달의 어느 날과도 같게 셉니다. 연도까지만 알려진 날짜는 그 해의 어느 달일 수도 있으므로 지연 기간을 개월 범위(예: 17–28)로 표시하고 중앙값에서 제외합니다. 취하되거나 효력을 잃은 허가는 허가된 날부터 셉니다.
lag-first = 최초
lag-months = +{ $months }개월
product-draft-banner = 초안 — 아직 작업반의 검토를 받지 않았습니다. 의존하기 전에 인용된 출처를 확인하십시오.
product-other-names = 다른 이름
product-indication = 적응증
product-timeline-title = 규제기관별 { $name } 허가 추이
product-timeline-approved = { $regulator }: { $date } 허가.
product-timeline-ended = { $regulator }: { $date } 허가, { $ended } { $status }.
product-timeline-caption = 규제기관별 허가일. 막대는 연도까지만 알려진 날짜를, 선의 끝은 허가가 취하되거나 효력을 잃은 때를 나타냅니다. 같은 수치가 아래 표에 있습니다.
product-approvals-label = 허가 (스크롤 가능)
product-approvals-caption = { $name }의 허가
col-brand = 제품명
col-date = 날짜
col-lag = 지연 (개월)
col-route = 허가 경로
col-status = 상태
col-number = 허가 번호
product-priority = 우선 심사
product-source-file = 소스 파일:
product-status = 상태 { $status }
approvals-intro = 각 규제기관이 각 제품을 언제 허가했는지, 그리고 그것이 제품의 최초 허가보다 몇 개월 뒤인지.
approvals-all-products = 모든 제품
approvals-table-label = 허가 표 (스크롤 가능)
approvals-caption = 제품·규제기관별 허가일과 지연 기간(개월)
approvals-not-approved = 미허가
approvals-gaps-heading = 다른 두 곳 이상이 허가했으나 이 기관은 허가하지 않은 제품
approvals-gaps-none = 없음.
approvals-gap-count = 기관 { $n }곳
approvals-all = 모든 허가

## Definitions
definitions-intro = regkb 페이지의 답변, 상태, 값이 무엇을 뜻하는지. 각 배지의 툴팁도 같은 정의를 보여 줍니다.
definitions-glossary = 4개 언어의 규제 용어는
definitions-glossary-link = 용어집
definitions-glossary-end = 을 참조하십시오.
definitions-answers-heading = 입장과 경로 답변
definitions-answers-intro = 각 기록은 그 주제의 질문에 답합니다. 요건 주제는 무언가를 얼마나 강하게 요구하는지를 묻고, 경로 주제는 신청자가 이용하든 않든 그 길이 열려 있는지를 묻기 때문에 “필수”가 아니라 “있음” 또는 “없음”으로 답합니다.
definitions-statuses-heading = 기록의 검토 상태
definitions-documents-heading = 인용 문서의 상태
definitions-values-heading = 값
definitions-values-intro = 일부 주제는 입장 외에 구조화된 값을 제시하며 칸별로 비교합니다. 값에는 주석이 붙을 수 있으며, 이는 공개된 비교표가 각주로 싣는 단서입니다. 값 표의 빈칸은 기록이 그 값을 제시하지 않는다는 뜻입니다. 읽은 문서에 명시되어 있지 않거나 아직 조사되지 않은 기록입니다.
definitions-attributes-caption = 각 주제가 정하는 값
col-value = 값
col-type = 유형
col-allowed = 허용 값 또는 단위
topic-kind-requirement = 요건 주제
topic-kind-requirement-definition = 규제기관이 무언가를 얼마나 강하게 요구하는지.
topic-kind-route = 경로 주제
topic-kind-route-definition = 신청자가 이용하든 않든 그 길(경로)이 열려 있는지.
review-status-draft = 초안
review-status-reviewed = 검토 완료
review-status-regulator-confirmed = 규제기관 확인
document-status-in-force = 시행 중
document-status-draft = 의견 수렴용 초안
document-status-withdrawn = 폐지
document-status-superseded = 대체됨
value-type-enum = 목록 값
value-type-number = 숫자
value-type-boolean = 예 또는 아니요
value-type-text = 텍스트
review-status-draft-definition = 기여자가 작성했으며 아직 작업반의 검토를 받지 않았습니다. 의존하기 전에 인용 문서를 확인하십시오.
review-status-reviewed-definition = 작업반이 인용 문서와 대조해 확인했습니다. 기록에 작업반과 날짜가 적혀 있습니다.
review-status-regulator-confirmed-definition = 규제기관이 확인했습니다. 기록에 누가 언제 검토했는지 적혀 있습니다.
document-status-in-force-definition = 문서가 공표된 대로 적용됩니다.
document-status-draft-definition = 의견 수렴을 위해 공개되었고 아직 채택되지 않았습니다. 바뀔 수 있습니다.
document-status-withdrawn-definition = 발행자가 폐지했으며 더 이상 적용되지 않습니다.
document-status-superseded-definition = 더 새로운 문서로 대체되었으며, 기록 페이지에 그 문서가 나옵니다.
value-type-enum-definition = 주제가 나열하는 값 중 하나.
value-type-number-definition = 주제가 정한 단위의 숫자.
value-type-boolean-definition = 예 또는 아니요.
value-type-text-definition = 경로를 정하는 법률의 이름과 같은 자유 텍스트.

## Changes
changes-intro = 각 기록에서 무엇이 언제 바뀌었는지, 최신순으로, 콘텐츠의 이력에서 읽은 각 변경의 날짜와 메시지, 그리고 변경 내용.
changes-follow = 피드 리더로 변경 사항 구독:
changes-feed-all = 모든 기록
changes-follow-end = , 또는 각 규제기관·주제 페이지의 피드.
changes-unavailable = 이력을 읽을 수 없습니다:
changes-unavailable-still = 각 기록 페이지에는 마지막 실질적 변경 날짜가 계속 표시됩니다.
changes-all-regulators = 모든 규제기관
changes-all-topics = 모든 주제
changes-kind = 변경 종류
changes-all-kinds = 모든 변경
changes-only-stance = 입장 변경만
changes-count = 변경 { $total }건 중 { $shown }건.
changes-none = 이 조건에 맞는 변경이 없습니다.
changes-commit = 커밋
change-kind-stance = 입장 변경
change-kind-attributes = 값 변경
change-kind-sources = 출처 변경
change-kind-summary = 요약 변경
change-kind-modalities = 치료제 유형 변경
change-kind-review = 검토 상태 변경
change-kind-text = 상세 본문 변경
change-kind-added = 기록 추가
change-kind-removed = 기록 삭제
change-field-stance = 입장
change-none = (없음)
change-not-given = (제시되지 않음)
change-field-body = 상세 본문 변경됨
change-field-summary = 요약
change-field-modalities = 치료제 유형
change-field-status = 검토 상태
change-field-reviewed = 검토일
change-field-reviewed-by = 검토자
change-field-citation = 인용
change-sources-added = 추가된 출처
change-sources-removed = 삭제된 출처
as-of-past = 그날 끝까지 커밋된 상태의 기록입니다. 규제기관, 주제, 출처의 이름은 현재의 것입니다.
as-of-unavailable = 이력을 읽을 수 없어({ $reason }) 이 페이지는 현재 콘텐츠를 보여 줍니다.

## Regulator: approvals
regulator-approved = 허가
regulator-approved-count = 제품 { $n }개, 그중 { $first }개는 세계 최초 허가
regulator-median-lag = 지연 기간 중앙값
regulator-lag-none = 아직 없음
regulator-lag-months = { $months }개월
regulator-lag-behind = 최초 허가보다 { $months }개월 늦음
regulator-lag-inexact = (연도까지만 알려진 날짜 { $n }건 제외)
regulator-median-shared = 지연 기간 중앙값 (다른 곳에서도 허가된 제품)
regulator-median-shared-note = (한 시장에서만 허가된 제품은 측정할 지연 기간이 없음)
regulator-elsewhere-only = 다른 곳에서만 허가
regulator-approvals-label = 허가된 제품 (스크롤 가능)
regulator-approvals-caption = { $regulator }이(가) 허가한 제품, 오래된 순
