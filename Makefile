# Jardam: `make serve` builds and serves the app; `make test` runs every test.
# Both first install whatever is missing (scripts/setup.sh), so they work on a fresh machine.
SHELL := /bin/bash
export PATH := $(CURDIR)/tests/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
PORT ?= 8080

.PHONY: setup build serve test lint test-fresh-cache test-scripts test-wasm test-e2e fuzz fuzz-long bench screenshots

setup:
	@scripts/setup.sh

## Release build into dist/ (WASM, JS, CSS, icons, the signed feed and the service worker).
build: setup
	scripts/build-release.sh

## Build, then serve dist/ with its bundled feed at http://localhost:$(PORT).
serve: build
	scripts/serve.sh dist $(PORT)

## Every test: lints, the set-up against an empty cargo cache, the build scripts', native (cargo),
## a short fuzzing run, WASM in Chromium (wasm-bindgen-test), then end-to-end in Chromium against
## the release build.
test: build lint
	$(MAKE) --no-print-directory test-fresh-cache
	$(MAKE) --no-print-directory test-scripts
	cargo test --workspace --exclude jardam-app
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory test-e2e

## The set-up fetches every crate of the offline release build into an empty cargo cache.
test-fresh-cache:
	scripts/check-fresh-cache.sh

## The build scripts' own tests (Node's test runner, no build needed): the post-build step's
## rewrite of the JS glue on the fixture in tests/fixtures/glue/.
test-scripts:
	node --test tests/scripts/

## The app's browser-side tests (IndexedDB store, article renderer) in headless Chromium via chromedriver.
test-wasm:
	cd app && CHROMEDRIVER=/usr/bin/chromedriver \
	  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --tests

## Every cargo-fuzz target of fuzz/ for FUZZ_SECONDS each (libFuzzer + AddressSanitizer).
FUZZ_SECONDS ?= 5
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

## The longer run done by hand: five minutes per target.
fuzz-long:
	scripts/fuzz.sh 300

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude jardam-app --all-targets -- -D warnings
	cargo clippy -p jardam-app --target wasm32-unknown-unknown -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc -p jardam-core --no-deps --quiet

## A test that hangs fails after 5 minutes instead of stopping the suite.
test-e2e:
	node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/

## Shell size and other measurements, written to BENCHMARKS.md.
bench: build
	node scripts/bench.mjs
	node scripts/bench-sync.mjs
	node scripts/bench-perf.mjs
	node scripts/bench-pages.mjs

## A screenshot of every screen in every language at 360 px, in tests/output/screenshots/.
screenshots: build
	node scripts/screenshots.mjs
