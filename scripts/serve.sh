#!/usr/bin/env bash
# Serves a built Jardam (default: dist/) with Debian's nginx on 127.0.0.1 (default port 8080),
# in the foreground, with the configuration in deploy/nginx.conf.
# Usage: scripts/serve.sh [DIR] [PORT]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "${1:-$here/dist}" && pwd)
port=${2:-8080}
prefix=$(mktemp -d "${TMPDIR:-/tmp}/jardam-nginx.XXXXXX")
mkdir -p "$prefix/tmp"
brotli_module="" brotli=""
if [ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ]; then
  brotli_module="load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;"
  brotli="brotli on; brotli_comp_level 6; brotli_types text/css application/javascript application/json application/wasm application/manifest+json image/svg+xml;"
fi
# The security headers of this build (the policy holds the hash of its inline script).
security=""
if [ ! -f "$root/_headers" ]; then
  echo "serve: WARNING: $root/_headers is missing (a build from before it existed): no security headers" >&2
else security=$(awk '/^[^ ]/ { all = ($1 == "/*") } all && /^  [A-Za-z-]+: / {
  name = $1; sub(/:$/, "", name); value = $0; sub(/^  [A-Za-z-]+: /, "", value)
  printf "add_header %s \"%s\" always; ", name, value }' "$root/_headers")
fi
sed -e "s|@PREFIX@|$prefix|g" -e "s|@ROOT@|$root|g" -e "s|@PORT@|$port|g" \
    -e "s|@BROTLI_MODULE@|$brotli_module|" -e "s|@BROTLI@|$brotli|" \
    -e "s|@SECURITY_HEADERS@|$security|" \
    "$here/deploy/nginx.conf" > "$prefix/nginx.conf"
echo "Jardam: serving $root at http://localhost:$port (Ctrl-C stops)"
nginx -p "$prefix" -c "$prefix/nginx.conf" &
server=$!
stop() { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$prefix"; }
trap 'stop; exit 0' INT TERM
wait "$server"
status=$?
rm -rf "$prefix"
exit $status
