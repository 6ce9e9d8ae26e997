#!/usr/bin/env bash
# The release build a migrant downloads: `trunk build --release` with the standard library
# rebuilt for size. Nightly compiler options, allowed on the stable toolchain by RUSTC_BOOTSTRAP
# for this one build only (native builds and tests stay on plain stable); needs rust-src, which
# scripts/setup.sh adds:
# - -Zbuild-std with std's `optimize_for_size` (smaller sort and formatting code);
# - panic = immediate-abort: a panic traps without formatting a message or unwinding;
# - -Zfmt-debug=none and -Zlocation-detail=none: no `Debug` formatting or source locations in
#   the WebAssembly (nothing shown to users uses them).
# Together 31 KB less WebAssembly with brotli (BENCHMARKS.md, "Shell size cut").
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Replaces .cargo/config.toml's wasm32 rustflags for this build, so it repeats them.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
exec trunk build --release "$@"
