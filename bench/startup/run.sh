#!/usr/bin/env bash
# Start-up time and resident memory of each service, as the container image runs them.
#
#   bench/startup/run.sh
#
# For each JDK (17, and 25 when one is found) the jars are extracted as the image extracts them
# (app jar plus lib/), a class-data cache is trained once per service (JDK 17: an AppCDS archive;
# JDK 25: an AOT cache), and then:
#   - each service alone: time from launch to /readyz answering 200 and the CPU time the JVM used
#     by then, with and without the cache, and with the cache on a database an earlier start left
#     (a restart, a new replica), and its resident memory after a short warm-up;
#   - the three started together: time until all are ready, and their resident memory added up.
# Services use their embedded databases in a throwaway folder. The JVM sees a container's memory
# limit through -XX:MaxRAM (MAX_RAM, 512m by default) and gets the image's flags.
#
# Settings: RUNS (3, median reported), MAX_RAM (512m), JAVA17_HOME, JAVA25_HOME, BUILD=1 to rebuild.
# Targets: ready < 4 s on JDK 25 with the cache, < 8 s on JDK 17 alone; platform < 1.2 GiB resident.
set -euo pipefail
cd "$(dirname "$0")/../.."

SERVICES=(content-service assessment-service web-gateway)
declare -A PORTS=([content-service]=18281 [assessment-service]=18282 [web-gateway]=18280)
RUNS="${RUNS:-3}"
MAX_RAM="${MAX_RAM:-512m}"
IMAGE_FLAGS="-XX:MaxRAM=$MAX_RAM -XX:+UseG1GC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dspring.aot.enabled=true"
JAVA17_HOME="${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JAVA25_HOME="${JAVA25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1 || true)}"

for module in "${SERVICES[@]}"; do
	if [ ! -f "$module/target/$module.jar" ] || [ "${BUILD:-0}" = 1 ]; then
		echo "Building the service jars..."
		./mvnw -q -B -DskipTests -pl content-service,assessment-service,web-gateway -am package
		break
	fi
done

work="$(mktemp -d /tmp/bench-startup.XXXXXX)"
PIDS=()
stop_all() {
	if ((${#PIDS[@]})); then
		kill "${PIDS[@]}" 2>/dev/null || true
		wait "${PIDS[@]}" 2>/dev/null || true
	fi
	PIDS=()
}
trap 'stop_all; rm -rf "$work"' EXIT

export CONTENT_SERVICE_URL=http://127.0.0.1:${PORTS[content-service]}
export ASSESSMENT_SERVICE_URL=http://127.0.0.1:${PORTS[assessment-service]}
export GATEWAY_TOKEN_ISSUER=http://127.0.0.1:${PORTS[web-gateway]}
export GATEWAY_JWK_SET_URI=http://127.0.0.1:${PORTS[web-gateway]}/oauth2/jwks
# The keys production configures (without them the gateway and assessment-service make throwaway
# ones at every start, which production never does).
export GATEWAY_TOKEN_PRIVATE_KEY="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null)"
export ASSESSMENT_NOTIFICATIONS_SECRET_KEY="$(openssl rand -base64 32)"

for module in "${SERVICES[@]}"; do
	java -Djarmode=tools -jar "$module/target/$module.jar" extract --destination "$work/$module" >/dev/null
done

now_ms() { date +%s%3N; }

# Launches a service from its extracted jar in a fresh data folder (or in a copy of the database
# another run of it left, when a fourth argument names that folder); prints its pid.
launch() {
	local java_home=$1 module=$2 cache_flags=$3 database=${4:-} data
	data=$(mktemp -d "$work/data.XXXXXX")
	if [ -n "$database" ]; then cp -r "$database"/. "$data"/; fi
	# shellcheck disable=SC2086
	(cd "$data" && exec "$java_home/bin/java" $IMAGE_FLAGS $cache_flags -jar "$work/$module/$module.jar" \
		--server.port="${PORTS[$module]}" --management.server.port=0) >"$data/service.log" 2>&1 &
	echo $!
}

wait_ready() {
	local port=$1 pid=$2
	for _ in $(seq 1 1200); do
		curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && return 0
		kill -0 "$pid" 2>/dev/null || { echo "the service on port $port died" >&2; return 1; }
		sleep 0.05
	done
	echo "the service on port $port was not ready after 60 s" >&2
	return 1
}

rss_mib() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# CPU time (user + system, all threads) the JVM has used so far, in ms: the cost of a start, which
# other work on the machine hardly changes, unlike the time to ready.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# A few requests each service answers in normal use, so the memory figure is not an idle one.
warm_up() {
	local module=$1 port=${PORTS[$1]} path
	case $module in
	content-service) path=/api/articles/co-managed-vs-fully-managed-it ;;
	assessment-service) path=/api/questionnaires/current ;;
	web-gateway) path=/ ;;
	esac
	for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$port$path" || true; done
	sleep 2
}

# Trains the class-data cache of a service as the image does (docker/train-class-cache.sh): a real
# start up to readiness and a few requests, then a graceful stop.
train() {
	local java_home=$1 module=$2 flag=$3 data
	data=$(mktemp -d "$work/data.XXXXXX")
	# shellcheck disable=SC2086
	(cd "$data" && JAVA="$java_home/bin/java" TRAINING_PORT=${PORTS[$module]} \
		"$OLDPWD/docker/train-class-cache.sh" "$module" "$flag" $IMAGE_FLAGS -jar "$work/$module/$module.jar") \
		>"$data/training.log" 2>&1 \
		|| { echo "training $module failed:" >&2; tail -20 "$data/training.log" >&2; exit 1; }
}

# A database as a restarted service or a new replica finds it (migrated, seeded, first admin
# made): one full start of the service, stopped gracefully; prints the folder.
prepare_database() {
	local java_home=$1 module=$2 data pid
	data=$(mktemp -d "$work/database.XXXXXX")
	# shellcheck disable=SC2086
	(cd "$data" && exec "$java_home/bin/java" $IMAGE_FLAGS -jar "$work/$module/$module.jar" \
		--server.port="${PORTS[$module]}" --management.server.port=0) >"$work/prepare-$module.log" 2>&1 &
	pid=$!
	PIDS=("$pid")
	wait_ready "${PORTS[$module]}" "$pid" >&2
	warm_up "$module"
	stop_all
	echo "$data"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure_alone() {
	local java_home=$1 module=$2 cache_flags=$3 database=${4:-} times=() cpus=() pid start rss=0
	for _ in $(seq 1 "$RUNS"); do
		start=$(now_ms)
		pid=$(launch "$java_home" "$module" "$cache_flags" "$database")
		PIDS=("$pid")
		wait_ready "${PORTS[$module]}" "$pid"
		times+=($(($(now_ms) - start)))
		cpus+=("$(cpu_ms "$pid")")
		warm_up "$module"
		rss=$(rss_mib "$pid")
		stop_all
	done
	printf '%s %s %s\n' "$(printf '%s\n' "${times[@]}" | median)" "$rss" "$(printf '%s\n' "${cpus[@]}" | median)"
}

report_jdk() {
	local label=$1 java_home=$2 train_flag=$3 use_flag_of=$4 module cache line
	echo
	echo "$label ($("$java_home/bin/java" -version 2>&1 | head -n 1)), flags: $IMAGE_FLAGS"
	echo "  time from launch to ready (CPU time used by then), median of $RUNS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
	printf '  %-20s %22s %22s %24s %10s\n' service "no cache" "with cache" "cache, existing db" "RSS (MiB)"
	for module in "${SERVICES[@]}"; do
		cache="$work/$module.$label"
		train "$java_home" "$module" "${train_flag}$cache"
		database=$(prepare_database "$java_home" "$module")
		read -r plain _ plain_cpu <<<"$(measure_alone "$java_home" "$module" "")"
		read -r cached rss cached_cpu <<<"$(measure_alone "$java_home" "$module" "${use_flag_of}$cache")"
		read -r restarted _ restarted_cpu <<<"$(measure_alone "$java_home" "$module" "${use_flag_of}$cache" "$database")"
		printf '  %-20s %7d ms (%6d ms) %7d ms (%6d ms) %9d ms (%6d ms) %10d\n' "$module" "$plain" "$plain_cpu" \
			"$cached" "$cached_cpu" "$restarted" "$restarted_cpu" "$rss"
		eval "CACHED_${label//[^A-Za-z0-9]/_}_${module//-/_}=$cached"
	done
	# All three together, with the cache, as a cluster node starting the platform would.
	local start pids=() total=0
	start=$(now_ms)
	for module in "${SERVICES[@]}"; do
		pids+=("$(launch "$java_home" "$module" "${use_flag_of}$work/$module.$label")")
	done
	PIDS=("${pids[@]}")
	for i in "${!SERVICES[@]}"; do wait_ready "${PORTS[${SERVICES[$i]}]}" "${pids[$i]}"; done
	local together=$(($(now_ms) - start))
	for module in "${SERVICES[@]}"; do warm_up "$module"; done
	for pid in "${pids[@]}"; do total=$((total + $(rss_mib "$pid"))); done
	stop_all
	printf '  all three together: ready in %d ms, %d MiB resident (target < 1229 MiB): %s\n' \
		"$together" "$total" "$([ "$total" -lt 1229 ] && echo OK || echo MISSED)"
}

report_jdk jdk17 "$JAVA17_HOME" "-XX:ArchiveClassesAtExit=" "-XX:SharedArchiveFile="
if [ -n "$JAVA25_HOME" ] && [ -x "$JAVA25_HOME/bin/java" ]; then
	report_jdk jdk25 "$JAVA25_HOME" "-XX:AOTCacheOutput=" "-XX:AOTCache="
else
	echo "No JDK 25 found (set JAVA25_HOME): skipped the AOT cache measurement."
fi
