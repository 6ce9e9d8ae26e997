#!/usr/bin/env bash
# Serves a built Jardam (default: dist/) with Debian's nginx on 127.0.0.1 (default port 8080),
# in the foreground, with the configuration in deploy/nginx.conf.
# nginx's workers run as the user who started it, so any folder that user can read is served,
# a private one (mode 700, as mktemp -d makes and as /root is) too.
# Usage: scripts/serve.sh [DIR] [PORT]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "${1:-$here/dist}" && pwd)
port=${2:-8080}
if ! command -v nginx >/dev/null; then
  echo "serve: nginx is not installed; scripts/setup.sh installs it (Debian's nginx)" >&2
  exit 1
fi
if [ ! -r "$root/index.html" ]; then
  echo "serve: $(id -un) cannot read $root/index.html: build first (make build) or give a folder with a build in it" >&2
  exit 1
fi
# Started as root, nginx would hand the work to "nobody", who may not enter the folder; the
# directive means nothing (and nginx warns) when it is not started as root.
user=""
[ "$(id -u)" -eq 0 ] && user="user $(id -un) $(id -gn);"
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
sed -e "s|@USER@|$user|" -e "s|@PREFIX@|$prefix|g" -e "s|@ROOT@|$root|g" -e "s|@PORT@|$port|g" \
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
