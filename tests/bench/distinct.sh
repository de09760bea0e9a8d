#!/usr/bin/env bash
# Uncached search against a static file from the same server: wrk -t2 -c64 against `regkb serve
# --search-cache 0` with a stream of distinct queries (two or three words from a list of 48, in
# every order), on /api/search and on /search, then on /static/style.css. Prints requests/s, the
# static/search ratio and the server's CPU time per request for each tree.
# Usage: tests/bench/distinct.sh [TREE...] (default: content).
# Settings: BENCH_DURATION (default 10s), BENCH_PORT (default 18800), SERVE_ARGS (extra serve flags).
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=target/bench
DURATION=${BENCH_DURATION:-10s}
PORT=${BENCH_PORT:-18800}
REGKB=${REGKB:-target/release/regkb}
mkdir -p "$OUT"
# shellcheck source=tests/bench/serve.sh
source tests/bench/serve.sh
[ $# -gt 0 ] || set -- content

cat > "$OUT/distinct.lua" <<'EOF'
-- A stream of distinct searches: pairs and triples of words, different in each thread.
local words = {
  "tumorigenicity", "cell", "gene", "vector", "potency", "CAR-T", "iPS", "shedding", "donor", "bank",
  "follow-up", "clinical", "nonclinical", "comparability", "stability", "sterility", "mycoplasma",
  "endotoxin", "identity", "purity", "release", "specification", "AAV", "lentiviral", "autologous",
  "allogeneic", "biodistribution", "toxicity", "dose", "GMP", "validation", "viral", "safety",
  "造腫瘍性", "遺伝子", "细胞", "종양원성", "장기", "LTFU", "MSC", "T-cell", "characterisation",
  "tumour", "haematopoietic", "replication", "integration", "germline", "environment",
}
local path = wrk.path
local n, id = 0, 0
local counter = 0
function setup(thread) counter = counter + 1; thread:set("id", counter) end
function request()
  n = n + 1
  local a = n % #words + 1
  local b = (math.floor(n / #words) + id * 7) % #words + 1
  local c = math.floor(n / (#words * #words)) % #words + 1
  local q = words[a] .. "+" .. words[b]
  if n % 3 == 0 then q = q .. "+" .. words[c] end
  return wrk.format("GET", path .. "?q=" .. q)
end
EOF

rps() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
# The server's CPU time (user + system, all threads) in clock ticks, read around each run: CPU per
# request is steadier than throughput on a shared machine, where wrk and neighbours take turns.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu_us() { awk -v t="$(cat "$1.ticks")" -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.1f", t * 1e6 / hz / $1 }' "$1"; }
latency() {
    awk -v p="$2%" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        printf "%.2f", (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : v }' "$1"
}

for tree in "$@"; do
    name=$(basename "$tree")
    log="$OUT/distinct-serve-$name.log"
    # shellcheck disable=SC2086
    start_server "$tree" "$PORT" "$log" --search-cache 0 ${SERVE_ARGS:-}
    server=$SERVER
    for what in static api search; do
        case $what in
            static) url=/static/style.css script=() ;;
            api) url=/api/search script=(-s "$OUT/distinct.lua") ;;
            search) url=/search script=(-s "$OUT/distinct.lua") ;;
        esac
        before=$(ticks "$server")
        wrk -t2 -c64 -d"$DURATION" --latency "${script[@]}" "http://127.0.0.1:$PORT$url" > "$OUT/distinct-$what-$name.txt"
        echo $(($(ticks "$server") - before)) > "$OUT/distinct-$what-$name.txt.ticks"
    done
    kill "$server"
    wait "$server" 2> /dev/null || true
    static="$OUT/distinct-static-$name.txt"
    s=$(rps "$static") s_cpu=$(cpu_us "$static")
    for what in api search; do
        f="$OUT/distinct-$what-$name.txt"
        r=$(rps "$f") cpu=$(cpu_us "$f")
        echo "$name $what: $r req/s (p50 $(latency "$f" 50) ms, p99 $(latency "$f" 99) ms); static $s req/s (p99 $(latency "$static" 99) ms); static/search $(awk -v s="$s" -v r="$r" 'BEGIN { printf "%.1f", s / r }')x; server CPU per request $cpu µs, static $s_cpu µs ($(awk -v a="$cpu" -v b="$s_cpu" 'BEGIN { printf "%.1f", a / b }')x)"
    done
    PORT=$((PORT + 1))
done
