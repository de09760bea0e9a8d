#!/usr/bin/env bash
# Export benchmark: `regkb export` time, client index size, time to first results in Chromium
# (from file://), and mdBook building the same text as a book, side by side.
# Usage: tests/bench/export.sh CONTENT_DIR LABEL   (run from the repository root; `make bench` calls it)
# Settings: REGKB (the binary, default target/release/regkb), EXPORT_QUERY (default tumorigenicity),
# EXPORT_RUNS (exports timed, default 3), EXPORT_MDBOOK=0 to leave mdBook out (its 10k book takes minutes),
# EXPORT_NEXT (the query then asked on the open page, default biodistribution), EXPORT_PORT (the server
# timed beside the export, default 18850).
set -euo pipefail
content=$1
label=$2
work=target/bench/export-$label
REGKB=${REGKB:-target/release/regkb}
mkdir -p "$work"
# shellcheck source=tests/bench/serve.sh
source tests/bench/serve.sh

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1; awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN {print b - a}'; }
calc() { awk "BEGIN {printf \"%.1f\", $1}"; }

records=$(find "$content/records" -name '*.md' | wc -l)
export_s=$(for _ in $(seq "${EXPORT_RUNS:-3}"); do seconds "$REGKB" export --content "$content" --out "$work/site"; done | median)
raw=$(cat "$work"/site/static/search-*.js | wc -c)
gz=$(cat "$work"/site/static/search-*.js | gzip -9 | wc -c)
# The export's files are written back to disk before the browser is timed, not while.
sync

# Time to first results: offline.js stamps #results with performance.now() once results are shown,
# with the index files read by then, whose sizes add up to what the query read, and (asked with
# `timing` in the URL) with when each step ended, which is printed for each run and kept, so that
# the page's own time (until `loaded`, before the query starts) can be told apart.
query=${EXPORT_QUERY:-tumorigenicity}
: > "$work/phases.txt"
stamps=$(for _ in 1 2 3 4 5; do
  profile=$(mktemp -d)
  chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --no-first-run --user-data-dir="$profile" --virtual-time-budget=10000 \
    --dump-dom "file://$PWD/$work/site/search.html?q=$query&timing" 2>/dev/null >"$work/dom.html"
  grep -o 'data-phases="[^"]*"' "$work/dom.html" | tr -d '"' | sed "s/^data-phases=/$label: /" | tee -a "$work/phases.txt" >&2 || true
  grep -o 'data-ready-ms="[0-9]*"\( data-ready-files="[^"]*"\)\?' "$work/dom.html" | tr -d '"' | sed 's/data-ready-ms=//; s/ data-ready-files=/ /'
  rm -rf "$profile"
done)
ready_ms=$(echo "$stamps" | cut -d' ' -f1 | median)
page_ms=$(grep -o 'loaded=[0-9]*' "$work/phases.txt" | cut -d= -f2 | median)
# An export that loads its whole index with the page names no files: it read all of them.
read_files=$(echo "$stamps" | head -1 | cut -s -d' ' -f2-)
[ -n "$read_files" ] || read_files=$(cd "$work/site/static" && echo search-*.js)
read_kib=$( (cd "$work/site/static" && cat $read_files) | wc -c | awk '{printf "%d", $1 / 1024}')
# The same in a browser that is already open (a new Chromium for each run above also times its own
# start, which varies by ±100 ms on these machines), beside the server's results page for the same
# query from the same content (no result cache), in the same browser.
port=${EXPORT_PORT:-18850}
start_server "$content" "$port" "$work/serve.log" --search-cache 0
next=${EXPORT_NEXT:-biodistribution}
read -r warm_ms warm_query_ms next_ms server_ms < <(node tests/bench/first-results.cjs "$work/site" "$query" "$next" 11 "http://127.0.0.1:$port")
kill "$SERVER"
wait "$SERVER" 2>/dev/null || true

mdbook_s=0 mb_raw=0 mb_gz=0
if [ "${EXPORT_MDBOOK:-1}" != 0 ]; then
  # mdBook: the same records, one chapter each (title, summary, body), built as a book.
  mdbook=target/bench/bin/bin/mdbook
  [ -x "$mdbook" ] || cargo install --quiet --locked mdbook --root target/bench/bin >/dev/null
  book=$work/book
  rm -rf "$book" && mkdir -p "$book/src"
  printf '[book]\ntitle = "regkb"\n' > "$book/book.toml"
  echo "# Summary" > "$book/src/SUMMARY.md"
  find "$content/records" -name '*.md' | sort | while read -r f; do
    name=$(echo "${f#"$content"/records/}" | tr '/' '_')
    awk 'BEGIN {fm=0} /^---$/ {fm++; next} fm==1 && /^summary:/ {sub(/^summary: */, ""); print "# " substr(FILENAME, 1) "\n\n" $0 "\n"; next} fm>=2 {print}' "$f" > "$book/src/$name"
    echo "- [${name%.md}]($name)" >> "$book/src/SUMMARY.md"
  done
  # mdBook writes every chapter into every page's sidebar, so large books take minutes: time them once.
  runs=3
  [ "$records" -gt 1000 ] && runs=1
  mdbook_s=$(for _ in $(seq $runs); do seconds "$mdbook" build "$book"; done | median)
  mb_index=$(find "$book/book" -name 'searchindex*.js' | head -1)   # mdBook 0.5 adds a content hash
  mb_raw=$(wc -c < "$mb_index")
  mb_gz=$(gzip -9 < "$mb_index" | wc -c)

fi
per_k() { calc "$1 * 1000 / $records / 1024"; }
printf '%s (%d records): export %.2f s (mdBook %.2f s, ratio %.1fx); client index %d KiB raw, %d KiB gzip (%s / %s KiB per 1,000 records); mdBook searchindex.js %d KiB raw, %d KiB gzip; first results in Chromium from file:// %s ms (median of 5; the page itself, before the query, %s ms), in an open Chromium %s ms (%s ms after the page loaded; the server results page %s ms; "%s" then asked on the page %s ms; medians of 11), %s KiB of index read before them for "%s"\n' \
  "$label" "$records" "$export_s" "$mdbook_s" "$(calc "$mdbook_s / $export_s")" $((raw / 1024)) $((gz / 1024)) \
  "$(per_k "$raw")" "$(per_k "$gz")" $((mb_raw / 1024)) $((mb_gz / 1024)) "$ready_ms" "$page_ms" "$warm_ms" "$warm_query_ms" "$server_ms" "$next" "$next_ms" "$read_kib" "$query"
