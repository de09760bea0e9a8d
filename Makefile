# regkb: the two commands a newcomer needs are `make serve` and `make test`.

CARGO   ?= cargo
CONTENT ?= content
ADDR    ?= 127.0.0.1:8080
REGKB   := target/release/regkb

.PHONY: build release check test fmt lint tests browser-deps bench serve preview export

build:
	$(CARGO) build --workspace

release:
	$(CARGO) build --release --bin regkb

## Check the shipped content against the content format.
check: release
	$(REGKB) check --content $(CONTENT) --deny-warnings

## Everything CI runs: formatting, lints, unit, integration and browser tests.
test: browser-deps fmt lint tests

fmt:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

tests:
	$(CARGO) test --workspace

## Debian's Chromium and ChromeDriver for the browser tests, installed when missing.
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
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
