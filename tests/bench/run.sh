#!/usr/bin/env bash
# The whole benchmark, as `make bench` runs it; BENCHMARKS.md explains the figures and the goals.
#   1. release build of regkb and of the synthetic-content generator;
#   2. synthetic trees of 10k and 100k records, each indexed by `regkb index` under /usr/bin/time -v;
#   3. the query benchmark (indexer/benches/search.rs) on the 10k tree;
#   4. wrk against `regkb serve` on the shipped content and on the 10k tree: /api/search vs a static file;
#   5. uncached search: a stream of distinct queries against a static file (tests/bench/distinct.sh),
#      and what a request costs in process (benches/requests.rs), on the shipped content and 10k;
#   6. the static export against mdBook (tests/bench/export.sh).
# Everything it writes goes to target/bench/. Settings: BENCH_SIZES, BENCH_PORT, BENCH_DURATION.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=target/bench
REGKB=target/release/regkb
SIZES=${BENCH_SIZES:-"10000 100000"}
PORT=${BENCH_PORT:-18780}
DURATION=${BENCH_DURATION:-10s}
SUMMARY=$OUT/summary.txt
mkdir -p "$OUT"
: > "$SUMMARY"

# Prints a line and keeps it for the summary at the end.
report() { echo "$*" | tee -a "$SUMMARY"; }
# `verdict VALUE LIMIT`: PASS when VALUE < LIMIT (decimal numbers).
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { print (v < l) ? "PASS" : "MISS" }'; }

# Debian packages the benchmark needs, installed when missing.
need() { # file-or-command package
    command -v "$1" > /dev/null 2>&1 && return
    echo "installing the Debian package $2"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y -q "$2" > /dev/null || { $sudo apt-get update -q > /dev/null && $sudo apt-get install -y -q "$2" > /dev/null; }
}
need /usr/bin/time time
need wrk wrk
need chromium chromium
need chromedriver chromium-driver
need node nodejs

servers=()
stop_servers() { for pid in "${servers[@]}"; do kill "$pid" 2> /dev/null || true; done; }
trap stop_servers EXIT

report "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== build"
cargo build --release --bin regkb
cargo build --release -p indexer --example synthetic

echo "== index build: regkb index (load + check + tantivy index on disk)"
for n in $SIZES; do
    tree=$OUT/content-$n
    rm -rf "$tree" "$OUT/index-$n"
    target/release/examples/synthetic --records "$n" --out "$tree"
    /usr/bin/time -v "$REGKB" index --content "$tree" --out "$OUT/index-$n" > /dev/null 2> "$OUT/time-index-$n.txt"
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:12.34" -> seconds.
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$OUT/time-index-$n.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$OUT/time-index-$n.txt")
    size=$(du -sm "$OUT/index-$n" | cut -f1)
    line="index $n records: wall ${wall} s, peak RSS ${rss} MiB, index ${size} MiB on disk"
    if [ "$n" = 100000 ]; then
        line="$line  [goal < 60 s: $(verdict "$wall" 60); goal < 1024 MiB: $(verdict "$rss" 1024)]"
    fi
    report "$line"
done

echo "== query benchmark (in-RAM index, one thread)"
first=${SIZES%% *}
REGKB_BENCH_CONTENT="$PWD/$OUT/content-$first" cargo bench -p indexer --bench search | tee "$OUT/query-bench.txt"
p99=$(sed -n 's/^BENCH .* p99_ms=\([0-9.]*\).*/\1/p' "$OUT/query-bench.txt")
p50=$(sed -n 's/^BENCH .* p50_ms=\([0-9.]*\).*/\1/p' "$OUT/query-bench.txt")
qps=$(sed -n 's/^BENCH .* qps=\([0-9.]*\).*/\1/p' "$OUT/query-bench.txt")
report "query $first records: p50 ${p50} ms, p99 ${p99} ms, ${qps} queries/s  [goal p99 < 5 ms: $(verdict "$p99" 5)]"

echo "== HTTP: wrk -t2 -c64 -d$DURATION --latency"
urlencode() {
    local LC_ALL=C s=$1 out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
            [a-zA-Z0-9.~_-]) out+=$c ;;
            *) printf -v c '%%%02X' "'$c" && out+=$c ;;
        esac
    done
    printf '%s' "$out"
}
# The search mix: words, phrases, UK spellings, CJK, glossary synonyms, filters, no match.
queries=("tumorigenicity" "tumour" '"master cell bank"' "donor eligibility" "造腫瘍性" "长期随访" "종양원성"
    "LTFU" "CAR-T" "characterisation" "xylophone")
{
    echo "-- Rotates over a fixed mix of /api/search requests; written by tests/bench/run.sh."
    echo "local paths = {"
    for q in "${queries[@]}"; do echo "  \"/api/search?q=$(urlencode "$q")\","; done
    echo '  "/api/search?q=potency&domain=cmc&stance=required",'
    echo '  "/api/search?regulator=pmda",'
    echo "}"
    echo "local n = 0"
    echo "request = function()"
    echo "  n = n + 1"
    echo '  return wrk.format("GET", paths[n % #paths + 1])'
    echo "end"
} > "$OUT/search.lua"

# `latency FILE PERCENT`: wrk's latency at a percentile, in ms.
latency() {
    awk -v p="$2%" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        print (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }' "$1"
}
rps() { awk '/^Requests\/sec/ { print $2 }' "$1"; }

# shellcheck source=tests/bench/serve.sh
source tests/bench/serve.sh
# `start_server`, its pid kept for the exit trap and its "serving" line shown.
serve() { start_server "$@"; servers+=("$SERVER"); grep serving "$3"; }

port=$PORT
for tree in content "$OUT/content-$first"; do
    name=$(basename "$tree")
    serve "$tree" "$port" "$OUT/serve-$name.log"
    wrk -t2 -c64 -d"$DURATION" --latency -s "$OUT/search.lua" "http://127.0.0.1:$port" > "$OUT/wrk-search-$name.txt"
    wrk -t2 -c64 -d"$DURATION" --latency "http://127.0.0.1:$port/static/style.css" > "$OUT/wrk-static-$name.txt"
    kill "${servers[-1]}"
    # Without the result cache: every request searches, as a stream of new queries would.
    port=$((port + 1))
    serve "$tree" "$port" "$OUT/serve-nocache-$name.log" --search-cache 0
    wrk -t2 -c64 -d"$DURATION" --latency -s "$OUT/search.lua" "http://127.0.0.1:$port" > "$OUT/wrk-nocache-$name.txt"
    # One connection: the time a search takes when it does not queue behind 63 others.
    wrk -t1 -c1 -d"$DURATION" --latency -s "$OUT/search.lua" "http://127.0.0.1:$port" > "$OUT/wrk-search1-$name.txt"
    kill "${servers[-1]}"
    for kind in search static nocache search1; do
        f=$OUT/wrk-$kind-$name.txt
        errors=$(awk '/Non-2xx|Socket errors/' "$f" | tr -s ' ' | paste -sd ';' -)
        case $kind in
            search) label="search (result cache on, the default)" ;;
            nocache) label="search, no cache (--search-cache 0)" ;;
            search1) label="search, no cache, 1 connection" ;;
            *) label=$kind ;;
        esac
        report "http $name $label: p50 $(latency "$f" 50) ms, p99 $(latency "$f" 99) ms, $(rps "$f") requests/s${errors:+  ($errors)}"
    done
    t99=$(latency "$OUT/wrk-static-$name.txt" 99)
    for kind in search nocache; do
        s99=$(latency "$OUT/wrk-$kind-$name.txt" 99)
        ratio=$(awk -v a="$s99" -v b="$t99" 'BEGIN { printf "%.2f", a / b }')
        report "http $name $kind: search/static p99 ratio $ratio  [goal search p99 < 10 ms: $(verdict "$s99" 10); goal p99 ratio <= 3: $(verdict "$ratio" 3.000001)]"
    done
    port=$((port + 1))
done

echo "== uncached search: distinct queries against a static file, and in process"
# distinct.sh prints one line per tree and path, ending with the ratio (`… static/search 4.6x`).
while IFS= read -r line; do
    ratio=${line##* }
    case $line in "content "*) limit=3 ;; *) limit=10 ;; esac
    report "$line  [goal <= ${limit}x: $(verdict "${ratio%x}" "$limit.000001")]"
done < <(REGKB=$REGKB BENCH_PORT=$port BENCH_DURATION=$DURATION tests/bench/distinct.sh content "$OUT/content-10000")
for tree in content "$OUT/content-10000"; do
    log=$OUT/requests-$(basename "$tree").txt
    REGKB_BENCH_CONTENT=$tree cargo bench --bench requests | tee "$log"
    report "in process, $(basename "$tree"): $(sed -n 's/^BENCH path=\(.*\) us=\(.*\)/\1 \2 µs/p' "$log" | paste -sd ',' - | sed 's/,/, /g')"
done

echo "== static export (regkb export vs mdBook; first results in Chromium from file://)"
report "$(tests/bench/export.sh content shipped)"
report "$(tests/bench/export.sh "$OUT/content-10000" 10k)"

echo
echo "== summary (also in $SUMMARY)"
cat "$SUMMARY"
