#!/usr/bin/env bash
# Proves that scripts/setup.sh leaves a machine with an empty cargo cache able to build the
# release offline, as Trunk builds it: runs the whole set-up against an emptied CARGO_HOME (the
# tools it installs are found on PATH and kept), then compiles the app for wasm32 with
# `cargo check --offline` and the release build's nightly options (scripts/size-flags.sh), so the
# standard library is compiled from rust-src too. A crate that the set-up did not fetch stops it
# with cargo's "no matching package … found" under --offline. `cargo check` needs the same
# crates as the build and skips code generation and LTO. Its target folder,
# target/fresh-cache-check/target, is kept between runs: cargo still needs every crate in the
# emptied cache to build from it, so the proof holds, and after the first run it takes seconds.
# Usage: scripts/check-fresh-cache.sh   (make test runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
# One place each run, emptied first: cargo keys its build records to where the crates' sources are.
work="$PWD/target/fresh-cache-check"
export CARGO_HOME="$work/cargo-home"
rm -rf "$CARGO_HOME"
mkdir -p "$CARGO_HOME"
trap 'rm -rf "$CARGO_HOME"' EXIT
start=$SECONDS
scripts/setup.sh
JARDAM_SIZE_TARGET_DIR="$work/target" source scripts/size-flags.sh
if ! cargo check --offline --locked --release --target wasm32-unknown-unknown -p jardam-app --quiet; then
  echo "check-fresh-cache: FAILED: the offline release build needs a crate that scripts/setup.sh did not fetch into an empty cargo cache" >&2
  exit 1
fi
echo "check-fresh-cache: the set-up fetched every crate of the offline release build into an empty cargo cache ($((SECONDS - start)) s)"
