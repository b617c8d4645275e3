#!/usr/bin/env bash
# Trains a service's class-data cache with a real start: launches it with the cache-writing flag
# on the embedded database, waits until it is ready, sends it a few requests of normal use, then
# stops it gracefully, at which point the JVM writes the cache. Classes and method profiles of
# everything up to readiness (and of the first requests) land in the cache, not only those of
# the context refresh.
#
#   train-class-cache.sh <service> <cache-writing flag> <java arguments...>
#   e.g. train-class-cache.sh web-gateway -XX:AOTCacheOutput=app.aot -Dspring.aot.enabled=true -jar app.jar
#
# Used by the Dockerfile and by bench/startup/run.sh. JAVA (java) and TRAINING_PORT (18999) may be set.
set -euo pipefail
service=$1 cache_flag=$2
shift 2
port=${TRAINING_PORT:-18999}
case $service in
content-service) path=/api/articles/co-managed-vs-fully-managed-it ;;
assessment-service) path=/api/questionnaires/current ;;
web-gateway) path=/ ;;
*) echo "unknown service: $service" >&2; exit 2 ;;
esac

"${JAVA:-java}" "$cache_flag" "$@" --server.port="$port" --management.server.port=0 &
pid=$!
for _ in $(seq 1 600); do
	curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && break
	kill -0 "$pid" 2>/dev/null || { echo "$service exited while training its class-data cache" >&2; exit 1; }
	sleep 0.2
done
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port$path" || true; done
kill -TERM "$pid"
wait "$pid" || true
