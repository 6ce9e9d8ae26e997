#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ (or those named) for SECONDS each, starting from the
# committed seeds in fuzz/seeds/TARGET and a growing corpus in target/fuzz-corpus/TARGET.
# A crash stops with its input in fuzz/artifacts/TARGET/ (turn it into a regression test).
# Usage: scripts/fuzz.sh SECONDS [TARGET...]
# The stable toolchain runs libFuzzer with AddressSanitizer through RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
export RUSTC_BOOTSTRAP=1
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi
cargo fuzz build -O --target-dir target/fuzz >/dev/null
for target in "${targets[@]}"; do
  corpus=target/fuzz-corpus/$target
  mkdir -p "$corpus"
  printf 'fuzz: %s for %ss\n' "$target" "$seconds"
  log=$(mktemp)
  if ! cargo fuzz run -O --target-dir target/fuzz "$target" "$corpus" "fuzz/seeds/$target" -- \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=1024 >"$log" 2>&1; then
    cat "$log"
    rm -f "$log"
    echo "fuzz: $target FAILED (input saved under fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  grep -E '^Done [0-9]+ runs' "$log" | sed "s/^/fuzz: $target: /"
  rm -f "$log"
done
