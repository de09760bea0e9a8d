# regkb: the two commands a newcomer needs are `make serve` and `make test`.

CARGO   ?= cargo
CONTENT ?= content
ADDR    ?= 127.0.0.1:8080
REGKB   := target/release/regkb

.PHONY: build release check test fmt lint unit browser-deps bench serve preview

build:
	$(CARGO) build --workspace

release:
	$(CARGO) build --release --bin regkb

## Check the shipped content against the content format.
check: release
	$(REGKB) check --content $(CONTENT) --deny-warnings

## Everything CI runs: formatting, lints, unit, integration and browser tests.
test: fmt lint unit

fmt:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

unit:
	$(CARGO) test --workspace

## Build and serve the shipped content at http://$(ADDR)/
serve: release
	$(REGKB) serve --content $(CONTENT) --addr $(ADDR)

## Serve with live reload while editing content.
preview: release
	$(REGKB) serve --content $(CONTENT) --addr $(ADDR) --watch
