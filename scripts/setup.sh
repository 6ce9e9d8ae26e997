#!/usr/bin/env bash
# Installs whatever Jardam's build and tests need and is missing; quick when all is present.
# Debian packages (chromium, chromium-driver, nginx with brotli, brotli, Roboto), the wasm32 target
# and rust-src, trunk 0.21.14, wasm-bindgen-cli at Cargo.lock's wasm-bindgen version, cargo-fuzz,
# the npm packages of tests/ (binaryen's wasm-opt, playwright-core, terser, and qrcode-generator,
# which the app loads on its Share screens), and last the crates of the offline release build,
# the standard library's own among them (scripts/fetch-crates.sh).
# Nothing is downloaded by Trunk itself. scripts/check-fresh-cache.sh (in make test) runs this
# against an empty cargo cache and builds offline, so a missing step fails the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v nginx >/dev/null || apt_missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || apt_missing+=(libnginx-mod-http-brotli-filter)
command -v brotli >/dev/null || apt_missing+=(brotli)
# Roboto, stock Android's system font: the font test checks it has every letter of the five languages.
[ -d /usr/share/fonts/truetype/roboto/unhinted ] || apt_missing+=(fonts-roboto-unhinted)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! rustup component list --installed | grep -qx rust-src; then
  say "adding rust-src (the release build rebuilds the standard library for size)"
  rustup component add rust-src
fi

if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14$'; then
  say "installing trunk 0.21.14 (about 11 minutes on 2 cores)"
  cargo install trunk --version 0.21.14 --locked
fi

bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
pinned=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
if [ "$bindgen" != "$pinned" ]; then
  echo "setup: Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has $bindgen: make them equal" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen\$"; then
  say "installing wasm-bindgen-cli $bindgen"
  cargo install wasm-bindgen-cli --version "$bindgen" --force
fi

if ! cargo fuzz --version 2>/dev/null | grep -q ' 0\.13\.2$'; then
  say "installing cargo-fuzz 0.13.2 (the fuzz targets of fuzz/, run by make fuzz)"
  cargo install cargo-fuzz --version 0.13.2 --locked
fi

if [ ! -x tests/node_modules/.bin/wasm-opt ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  say "installing the npm packages of tests/"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi

scripts/fetch-crates.sh
