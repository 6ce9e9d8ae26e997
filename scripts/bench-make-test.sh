#!/usr/bin/env bash
# Times `make test` with everything installed and nothing changed, for git revisions side by
# side: each revision is cloned into its own folder, warmed by one make test, then the revisions
# take turns ROUNDS times. Prints, a run a line, the seconds, the exit code and how many crates
# cargo compiled (on an unchanged tree, every one is a needless rebuild). The logs stay in the
# scratch folder it names. Results are recorded by hand in BENCHMARKS.md ("make test with
# everything installed"); each run takes minutes.
# Usage: scripts/bench-make-test.sh ROUNDS REV...   e.g. scripts/bench-make-test.sh 2 e0edcc9 HEAD
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:?usage: scripts/bench-make-test.sh ROUNDS REV...}
shift
[ $# -gt 0 ] || { echo "bench-make-test: name at least one revision" >&2; exit 2; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jardam-bench-make-test.XXXXXX")
chmod 755 "$scratch" # revisions before the nginx fix served only folders "nobody" can enter
echo "bench-make-test: clones and logs in $scratch"
for rev in "$@"; do
  git clone -q "$here" "$scratch/$rev"
  git -C "$scratch/$rev" checkout -q "$(git -C "$here" rev-parse "$rev")"
done
run() { # REV NAME
  local log="$scratch/$2.log" start=$SECONDS rc=0
  (cd "$scratch/$1" && make test) >"$log" 2>&1 || rc=$?
  printf '%s\t%s\t%d s\trc %d\t%d crates compiled\n' "$1" "$2" $((SECONDS - start)) "$rc" "$(grep -c '^ *Compiling ' "$log" || true)"
}
for rev in "$@"; do run "$rev" "$rev-warm-up"; done
for round in $(seq 1 "$rounds"); do
  for rev in "$@"; do run "$rev" "$rev-$round"; done
done
