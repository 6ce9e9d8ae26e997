#!/usr/bin/env bash
# The release build a migrant downloads: `trunk build --release` with the standard library
# rebuilt for size (-Zbuild-std, panic = immediate-abort: a panic traps without formatting a
# message, which drops the formatting and unwinding code from the WebAssembly). That needs
# rust-src (scripts/setup.sh adds it) and nightly flags, allowed on the stable toolchain with
# RUSTC_BOOTSTRAP for this one build only; native builds and tests stay on plain stable.
# Saves 22.5 KB of WebAssembly with brotli (BENCHMARKS.md, "Shell size cut").
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Replaces .cargo/config.toml's wasm32 rustflags for this build, so it repeats them.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
exec trunk build --release "$@"
