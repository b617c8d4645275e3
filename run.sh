#!/usr/bin/env bash
# Builds what is stale and runs the whole platform locally on the embedded default database.
# Logs go to logs/, data to data/ (both git-ignored). Ctrl-C stops every service.
set -euo pipefail
cd "$(dirname "$0")"

SERVICES=(content-service assessment-service web-gateway)
declare -A PORTS=([content-service]=${CONTENT_PORT:-8081} [assessment-service]=${ASSESSMENT_PORT:-8082} [web-gateway]=${GATEWAY_PORT:-8080})
STARTUP_TIMEOUT_SECONDS=${STARTUP_TIMEOUT_SECONDS:-120}
# spring.aot.enabled: the bean definitions the build computed ahead of time (a faster start).
JAVA_OPTS=${JAVA_OPTS:--Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true}

command -v java >/dev/null || { echo "Java 17 or newer is needed: install a JDK and try again." >&2; exit 1; }

jar_of() { echo "$1/target/$1.jar"; }

stale_modules() {
  for module in "${SERVICES[@]}"; do
    local jar; jar=$(jar_of "$module")
    if [[ ! -f $jar ]] || [[ -n $(find "$module/src/main" "$module/pom.xml" pom.xml -newer "$jar" -print -quit) ]]; then
      echo "$module"
    fi
  done
}

stale=$(stale_modules | paste -sd, -)
if [[ -n $stale ]]; then
  echo "Building $stale (tests skipped; ./mvnw verify runs them)..."
  # clean: resources deleted from src (an old migration, say) must not linger in target/
  ./mvnw -q -B -DskipTests -pl "$stale" -am clean package
fi

mkdir -p logs data

# The first admin: from PLATFORM_ADMIN_EMAIL/PASSWORD, or made up here. The gateway creates it only
# while there is no admin, so the generated password is printed only when it was really used.
admin_email=${PLATFORM_ADMIN_EMAIL:-admin@northbeam.local}
admin_password=${PLATFORM_ADMIN_PASSWORD:-}
if [[ -z $admin_password ]]; then
  admin_password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
  generated_password=1
fi

# The key that encrypts webhook secrets at rest: from ASSESSMENT_NOTIFICATIONS_SECRET_KEY, or made up
# once and kept in data/ next to the database it belongs to, so saved secrets survive a restart.
if [[ -z ${ASSESSMENT_NOTIFICATIONS_SECRET_KEY:-} ]]; then
  key_file=data/assessment-notifications-secret.key
  if [[ ! -s $key_file ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$key_file")
  fi
  ASSESSMENT_NOTIFICATIONS_SECRET_KEY=$(<"$key_file")
fi
export ASSESSMENT_NOTIFICATIONS_SECRET_KEY

# The key that signs the links to finish an assessment later (and the JSON API's start tokens): from GATEWAY_ASSESSMENT_RESUME_KEY, or
# made up once and kept in data/, so links already emailed keep working after a restart.
if [[ -z ${GATEWAY_ASSESSMENT_RESUME_KEY:-} ]]; then
  key_file=data/gateway-resume-link.key
  if [[ ! -s $key_file ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$key_file")
  fi
  GATEWAY_ASSESSMENT_RESUME_KEY=$(<"$key_file")
fi
export GATEWAY_ASSESSMENT_RESUME_KEY

PIDS=()
stop_all() {
  trap - INT TERM EXIT
  if ((${#PIDS[@]})); then
    echo
    echo "Stopping..."
    kill -TERM "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
  fi
  echo "Stopped."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

for module in "${SERVICES[@]}"; do
  port=${PORTS[$module]}
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port (for $module) is already in use: stop whatever listens there and try again." >&2
    exit 1
  fi
  if [[ $module == web-gateway ]]; then
    # shellcheck disable=SC2086
    PLATFORM_ADMIN_EMAIL=$admin_email PLATFORM_ADMIN_PASSWORD=$admin_password \
      java $JAVA_OPTS -jar "$(jar_of "$module")" --server.port="$port" >"logs/$module.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$(jar_of "$module")" --server.port="$port" >"logs/$module.log" 2>&1 &
  fi
  PIDS+=($!)
done

# Plain bash instead of curl, so a machine with only a JDK can run this.
is_ready() {
  local port=$1 status
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /readyz HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  read -r -t 5 _ status _ <&3 || status=""
  exec 3<&- 3>&-
  [[ $status == 200 ]]
}

wait_healthy() {
  local module=$1 port=$2 deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
  until is_ready "$port" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      echo "$module did not become healthy within ${STARTUP_TIMEOUT_SECONDS}s; see logs/$module.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "  $module is up on port $port"
}

echo "Starting (logs in logs/)..."
for module in "${SERVICES[@]}"; do
  wait_healthy "$module" "${PORTS[$module]}"
done

gateway="http://localhost:${PORTS[web-gateway]}"
echo
echo "The platform is running."
echo "  Site:       $gateway/"
echo "  Dashboard:  $gateway/dashboard"
if grep -q "Created the first admin account" logs/web-gateway.log; then
  echo "  Sign in as: $admin_email"
  if [[ -n ${generated_password:-} ]]; then
    echo "  Password:   $admin_password   (generated now and shown only this once)"
  fi
else
  echo "  Sign in with your staff account (the first admin was created on an earlier run)."
fi
echo "Press Ctrl-C to stop."

# A service that stops is reported; the others keep running, as they would in production.
while ((${#PIDS[@]})); do
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      echo "${SERVICES[$i]} stopped; see logs/${SERVICES[$i]}.log. The others keep running." >&2
      unset 'PIDS[i]'
    fi
  done
  sleep 1
done
echo "Every service has stopped." >&2
exit 1
