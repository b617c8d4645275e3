#!/usr/bin/env bash
# Guide page through the gateway next to nginx serving the same HTML from a file with a
# precompressed copy (gzip_static on), both with wrk: 64 connections, 30 s, Accept-Encoding: gzip.
#
#   bench/gateway/run.sh            # starts the three services from their jars (embedded database,
#                                   # production JVM defaults), measures, stops them
#   GATEWAY_URL=http://127.0.0.1:8080 bench/gateway/run.sh     # against a platform already running
#
# Settings: DURATION (30s), CONNECTIONS (64), THREADS (2), WARMUP (20s), BENCH_JAVA_OPTS (-Xms256m
# -Xmx512m: the collector the JVM picks for a server, as in the container image, not run.sh's
# quick-start flags), BUILD=1 to rebuild the jars.
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx-light; installed here when missing).
# Loads only 127.0.0.1. Prints requests/s and p99 latency of both, and the gateway/nginx ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."

GUIDE_PATH="${GUIDE_PATH:-/articles/co-managed-vs-fully-managed-it}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-20s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
NGINX_PORT="${NGINX_PORT:-18999}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx512m}"

need() {
	command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get install -y "$2" >/dev/null; }
}
need wrk wrk
[ -x /usr/sbin/nginx ] || need nginx nginx-light
NGINX=/usr/sbin/nginx

work="$(mktemp -d /tmp/bench-gateway.XXXXXX)"
PIDS=()
cleanup() {
	[ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
	if ((${#PIDS[@]})); then
		kill "${PIDS[@]}" 2>/dev/null || true
		wait "${PIDS[@]}" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${GATEWAY_URL:-}" ]; then
	for module in content-service assessment-service web-gateway; do
		if [ ! -f "$module/target/$module.jar" ] || [ "${BUILD:-0}" = 1 ]; then
			echo "Building the service jars..."
			./mvnw -q -B -DskipTests -pl content-service,assessment-service,web-gateway -am package
			break
		fi
	done
	export CONTENT_PORT=18181 ASSESSMENT_PORT=18182 GATEWAY_PORT=18180
	export CONTENT_MANAGEMENT_PORT=0 ASSESSMENT_MANAGEMENT_PORT=0 GATEWAY_MANAGEMENT_PORT=0
	export CONTENT_SERVICE_URL=http://127.0.0.1:$CONTENT_PORT ASSESSMENT_SERVICE_URL=http://127.0.0.1:$ASSESSMENT_PORT
	export GATEWAY_TOKEN_ISSUER=http://127.0.0.1:$GATEWAY_PORT GATEWAY_JWK_SET_URI=http://127.0.0.1:$GATEWAY_PORT/oauth2/jwks
	GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT
	mkdir -p "$work/run"
	for module in content-service assessment-service web-gateway; do
		# Each service keeps its embedded database under its working directory: a throwaway one here.
		# shellcheck disable=SC2086
		(cd "$work/run" && exec java $BENCH_JAVA_OPTS -jar "$OLDPWD/$module/target/$module.jar") \
			>"$work/$module.log" 2>&1 &
		PIDS+=($!)
	done
	for port in $CONTENT_PORT $ASSESSMENT_PORT $GATEWAY_PORT; do
		for _ in $(seq 1 120); do
			curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
			sleep 1
		done
		curl -fs "http://127.0.0.1:$port/readyz" >/dev/null \
			|| { echo "A service on port $port did not start; its log:" >&2; tail -30 "$work"/*.log >&2; exit 1; }
	done
	echo "Started the three services (JVM options: $BENCH_JAVA_OPTS)"
fi

if ! curl -fsS -o "$work/guide.html" "$GATEWAY_URL$GUIDE_PATH"; then
	echo "The gateway does not serve $GATEWAY_URL$GUIDE_PATH; is the platform running?" >&2
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
echo "Load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on this machine skews both)"
# Warm-up, so the JIT has compiled the hot path before measuring.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H 'Accept-Encoding: gzip' "$GATEWAY_URL$GUIDE_PATH" > /dev/null
run gateway "$GATEWAY_URL$GUIDE_PATH"
run nginx "http://127.0.0.1:$NGINX_PORT$GUIDE_PATH"
awk -v g="$gateway_rps" -v n="$nginx_rps" 'BEGIN { printf "ratio    gateway/nginx = %.1f%% (target >= 40%%, gateway p99 < 20 ms)\n", 100 * g / n }'
