#!/usr/bin/env bash
# Soak: wrk against `regkb serve --watch` for SOAK_SECONDS (default 180) while a record is rewritten
# every second, valid and broken in turn. Passes when there were no 5xx and no connection errors,
# no response came from a broken tree, the rewritten record was never missing, and the server's RSS
# stayed flat after warm-up: the median of the last fifth of the samples within 10 % of the median of
# the first fifth. (Single samples swing with how many sites are alive at that second: each save
# builds a new one while requests still hold the old.) Writes to target/soak/.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=target/soak
SECONDS_TOTAL=${SOAK_SECONDS:-180}
WARMUP=$((SECONDS_TOTAL / 5 > 20 ? SECONDS_TOTAL / 5 : 20))
PORT=${SOAK_PORT:-18790}
RECORD=records/pmda/clinical.first-in-human-dose.md
rm -rf "$OUT" && mkdir -p "$OUT"
cp -r content "$OUT/content"
GOOD=$(cat "$OUT/content/$RECORD")

# REGKB names a built binary to soak; by default the release build, made here.
[ -n "${REGKB:-}" ] || cargo build --release --bin regkb
REGKB=${REGKB:-target/release/regkb}
# shellcheck source=tests/bench/serve.sh
source tests/bench/serve.sh
start_server "$OUT/content" "$PORT" "$OUT/server.log" --watch
server=$SERVER
pids=("$server")
trap 'kill "${pids[@]}" 2> /dev/null || true' EXIT

# The rewriter: generation n is valid (summary "SOAK-GOOD-n") when n is even, and broken when odd
# (a wrong stance, a YAML syntax error, a tab in the indentation, bytes that are not UTF-8, in
# turn), with "SOAK-BROKEN" in it: no response may ever show that.
rewrite() {
    local n=0 path="$OUT/content/$RECORD" next="$OUT/next.md"
    while true; do
        if [ $((n % 2)) = 0 ]; then
            printf '%s\n' "${GOOD/summary: /summary: SOAK-GOOD-$n }" > "$next"
        else
            case $((n / 2 % 4)) in
                0) printf '%s\n' "${GOOD/stance: unknown/stance: unknwon}" ;;
                1) printf '%s\n' "${GOOD/status: draft/status: [draft}" ;;
                2) printf '%s\n' "${GOOD/status: draft/	status: draft}" ;;
                3) printf '%s\n\xff\xfe\n' "$GOOD" ;;
            esac | sed 's/^summary: /summary: SOAK-BROKEN /' > "$next"
        fi
        # Half the writes replace the file whole, half rewrite it in place (as editors do both).
        if [ $((n % 4)) -lt 2 ]; then mv "$next" "$path"; else cat "$next" > "$path"; fi
        n=$((n + 1))
        sleep 1
    done
}
rewrite &
pids+=("$!")

# RSS of the server once a second, in KiB.
(while kill -0 "$server" 2> /dev/null; do
    awk '/VmRSS/ { print $2 }' "/proc/$server/status"
    sleep 1
done > "$OUT/rss.txt") &
pids+=("$!")

cat > "$OUT/soak.lua" <<'EOF'
-- Rotates over pages, the APIs and distinct searches; counts what must not happen.
local paths = {
  "/", "/compare", "/records/pmda/clinical.first-in-human-dose", "/api/records/pmda/clinical.first-in-human-dose",
  "/topics/clinical.first-in-human-dose", "/static/style.css", "/glossary",
}
-- Globals, so that done() can read each thread's counts with thread:get().
n, bad_status, broken, missing, good = 0, 0, 0, 0, 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function request()
  n = n + 1
  if n % 3 == 0 then return wrk.format("GET", "/api/search?q=cell+" .. n) end
  if n % 3 == 1 then return wrk.format("GET", "/search?q=dose+" .. n) end
  return wrk.format("GET", paths[n % #paths + 1])
end
function response(status, headers, body)
  if status >= 500 then bad_status = bad_status + 1 end
  if status == 404 then missing = missing + 1 end
  if body and string.find(body, "SOAK-BROKEN", 1, true) then broken = broken + 1 end
  if body and string.find(body, "SOAK-GOOD", 1, true) then good = good + 1 end
end
function done(summary, latency, requests)
  local s, b, m, g = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("bad_status"); b = b + t:get("broken"); m = m + t:get("missing"); g = g + t:get("good")
  end
  local e = summary.errors
  io.write(string.format("requests %d\n5xx %d\nbroken %d\nmissing %d\ngood %d\nsocket_errors %d\n",
    summary.requests, s, b, m, g, e.connect + e.read + e.write + e.timeout))
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
EOF

wrk -t2 -c32 -d"${SECONDS_TOTAL}s" --timeout 5s --latency -s "$OUT/soak.lua" "http://127.0.0.1:$PORT" | tee "$OUT/wrk.txt"

value() { awk -v k="$1" '$1 == k { print $2 }' "$OUT/wrk.txt"; }
# RSS after warm-up: the medians of its first and last fifths, and its extremes.
tail -n +"$WARMUP" "$OUT/rss.txt" > "$OUT/rss-steady.txt"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
fifth=$(( $(grep -c . "$OUT/rss-steady.txt") / 5 ))
rss_early=$(head -n "$fifth" "$OUT/rss-steady.txt" | median)
rss_late=$(tail -n "$fifth" "$OUT/rss-steady.txt" | median)
rss_min=$(sort -n "$OUT/rss-steady.txt" | head -1)
rss_max=$(sort -n "$OUT/rss-steady.txt" | tail -1)
growth=$(awk -v e="$rss_early" -v l="$rss_late" 'BEGIN { printf "%.1f", (l - e) * 100 / e }')
{
    echo "machine: $(nproc) CPUs, load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "duration ${SECONDS_TOTAL} s, warm-up ${WARMUP} s, $(grep -c . "$OUT/rss.txt") RSS samples"
    echo "requests $(value requests) ($(awk -v r="$(value requests)" -v s="$SECONDS_TOTAL" 'BEGIN { printf "%.0f", r / s }')/s), p50 $(value p50_ms) ms, p99 $(value p99_ms) ms"
    echo "5xx $(value 5xx), socket errors $(value socket_errors), responses from a broken tree $(value broken), record missing $(value missing), responses showing a rewritten good version $(value good)"
    echo "RSS after warm-up: median $((rss_early / 1024)) MiB in its first fifth, $((rss_late / 1024)) MiB in its last (${growth} %); min $((rss_min / 1024)) MiB, max $((rss_max / 1024)) MiB"
} | tee "$OUT/summary.txt"
[ "$(value 5xx)" = 0 ] && [ "$(value socket_errors)" = 0 ] && [ "$(value broken)" = 0 ] && [ "$(value missing)" = 0 ] && [ "$(value good)" -gt 0 ] \
    && awk -v g="$growth" 'BEGIN { exit !(g <= 10) }' && echo "soak: PASS" || { echo "soak: FAIL"; exit 1; }
