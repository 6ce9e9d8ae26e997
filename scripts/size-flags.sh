# Sourced by scripts/build-release.sh and scripts/check-fresh-cache.sh: the nightly compiler
# options of the size-tuned release build, allowed on the stable toolchain by RUSTC_BOOTSTRAP for
# that one build only (native builds, lints and tests stay on plain stable):
# - -Zbuild-std with std's `optimize_for_size` (smaller sort and formatting code);
# - panic = immediate-abort: a panic traps without formatting a message or unwinding;
# - -Zfmt-debug=none and -Zlocation-detail=none: no `Debug` formatting or source locations in
#   the WebAssembly (nothing shown to users uses them).
# Together 31 KB less WebAssembly with brotli (BENCHMARKS.md, "Shell size cut"). Unstable
# spellings change between compilers (they did in 2025), so they are used only with the rustc
# they were checked with; the build stops on any other.
# The build goes to its own target folder, target/size-tuned: cargo fingerprints
# RUSTC_BOOTSTRAP, and sharing target/ with the stable builds rebuilt the proc-macro crates
# every time the two took turns.

# The rustc these flags were checked with; change it only after a release build and the tests
# pass with the new one.
JARDAM_SIZE_FLAGS_RUSTC="1.95.0"

rustc_version=$(rustc --version | awk '{ print $2 }')
if [ "$rustc_version" != "$JARDAM_SIZE_FLAGS_RUSTC" ]; then
  cat >&2 <<MESSAGE
build: this is rustc $rustc_version; the size-tuned release build's nightly options
(-Zbuild-std=std,panic_abort with optimize_for_size, -Cpanic=immediate-abort, -Zfmt-debug=none,
-Zlocation-detail=none, allowed on stable by RUSTC_BOOTSTRAP=1) were checked with rustc
$JARDAM_SIZE_FLAGS_RUSTC only, and such options change their spelling between compilers. They
save about 31 KB of WebAssembly with brotli. Check that they still build and pass the tests with
rustc $rustc_version, then set JARDAM_SIZE_FLAGS_RUSTC in scripts/size-flags.sh to it.
MESSAGE
  exit 1
fi

export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Replaces .cargo/config.toml's wasm32 rustflags for this build, so it repeats them.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
export CARGO_TARGET_DIR="${JARDAM_SIZE_TARGET_DIR:-$PWD/target/size-tuned}"
