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
sed -e "s|@PREFIX@|$prefix|g" -e "s|@ROOT@|$root|g" -e "s|@PORT@|$port|g" \
    -e "s|@BROTLI_MODULE@|$brotli_module|" -e "s|@BROTLI@|$brotli|" \
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
