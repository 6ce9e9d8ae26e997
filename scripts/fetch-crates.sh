#!/usr/bin/env bash
# Downloads into the cargo cache every crate that the offline release build compiles (Trunk
# runs cargo with --offline): the workspace's, locked by Cargo.lock, and the standard library's
# own (dlmalloc, compiler_builtins' dependencies, …), locked by rust-src's library/Cargo.lock,
# which -Zbuild-std compiles. Needs rust-src (scripts/setup.sh adds it first). Quick when all is
# cached: cargo then only reads the lock files.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fetch --locked --quiet
library="$(rustc --print sysroot)/lib/rustlib/src/rust/library"
if [ ! -f "$library/Cargo.lock" ]; then
  echo "fetch-crates: $library/Cargo.lock is missing: add rust-src (rustup component add rust-src)" >&2
  exit 1
fi
# The library's manifest uses unstable cargo features, which RUSTC_BOOTSTRAP lets stable read.
RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --manifest-path "$library/Cargo.toml"
