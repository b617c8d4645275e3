#!/usr/bin/env bash
# Guide page through the gateway next to nginx serving the same HTML from a file with a
# precompressed copy (gzip_static on), both with wrk: 64 connections, 30 s, Accept-Encoding: gzip.
#
#   bench/gateway/run.sh                      # against a running platform on 127.0.0.1:8080 (./run.sh)
#   GATEWAY_URL=http://127.0.0.1:18080 DURATION=30s CONNECTIONS=64 bench/gateway/run.sh
#
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx-light; installed here when missing).
# Loads only 127.0.0.1. Prints requests/s and p99 latency of both, and the gateway/nginx ratio.
set -euo pipefail

GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:8080}"
GUIDE_PATH="${GUIDE_PATH:-/articles/co-managed-vs-fully-managed-it}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
NGINX_PORT="${NGINX_PORT:-18999}"

need() {
	command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get install -y "$2" >/dev/null; }
}
need wrk wrk
[ -x /usr/sbin/nginx ] || need nginx nginx-light
NGINX=/usr/sbin/nginx

work="$(mktemp -d /tmp/bench-gateway.XXXXXX)"
cleanup() {
	[ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

if ! curl -fsS -o "$work/guide.html" "$GATEWAY_URL$GUIDE_PATH"; then
	echo "The gateway does not serve $GATEWAY_URL$GUIDE_PATH; start the platform first (./run.sh)." >&2
	exit 1
fi
mkdir -p "$work/site/articles"
cp "$work/guide.html" "$work/site/articles/$(basename "$GUIDE_PATH")"
gzip -9 -k "$work/site/articles/$(basename "$GUIDE_PATH")"
chmod -R a+rX "$work"
bytes=$(wc -c < "$work/guide.html")
gz_bytes=$(wc -c < "$work/site/articles/$(basename "$GUIDE_PATH").gz")

cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/site;
    gzip_static on;
    location / { try_files \$uri =404; }
  }
}
CONF
"$NGINX" -c "$work/nginx.conf" -p "$work"
sleep 0.5
curl -fsS -H 'Accept-Encoding: gzip' -o /dev/null "http://127.0.0.1:$NGINX_PORT$GUIDE_PATH"

run() { # name url
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$2" > "$work/$1.txt"
	rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/$1.txt")
	p99=$(awk '$1 == "99%" {print $2}' "$work/$1.txt")
	errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/$1.txt" | tr '\n' ' ')
	printf '%-8s %10s req/s   p99 %8s   %s\n' "$1" "$rps" "$p99" "$errors"
	eval "${1}_rps=$rps"
}

echo "Guide page: $bytes bytes, $gz_bytes gzipped; wrk -t$THREADS -c$CONNECTIONS -d$DURATION, Accept-Encoding: gzip"
# A short warm-up so the JIT and the content cache are hot before measuring.
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "$GATEWAY_URL$GUIDE_PATH" > /dev/null
run gateway "$GATEWAY_URL$GUIDE_PATH"
run nginx "http://127.0.0.1:$NGINX_PORT$GUIDE_PATH"
awk -v g="$gateway_rps" -v n="$nginx_rps" 'BEGIN { printf "ratio    gateway/nginx = %.1f%% (target >= 40%%, gateway p99 < 20 ms)\n", 100 * g / n }'
