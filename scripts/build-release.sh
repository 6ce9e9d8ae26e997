#!/usr/bin/env bash
# The release build a migrant downloads: `trunk build --release` with the standard library
# rebuilt for size by the nightly options of scripts/size-flags.sh (rust-src and the standard
# library's crates come from scripts/setup.sh). Trunk runs cargo offline and postbuild.mjs; the
# feed tool that postbuild runs is built without these options (see scripts/postbuild/feed.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/size-flags.sh
exec trunk build --release "$@"
