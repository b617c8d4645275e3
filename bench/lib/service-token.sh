# Shared by the benchmarks that start a service without a gateway (bench/assessment, bench/leads,
# bench/scoring, bench/soak): a throwaway signing key, its public JWK set served on loopback, and
# service tokens signed with it by bin/service-token, so a service checks them exactly as in
# production (key set, issuer, audience, expiry). A web-gateway given the same key
# (GATEWAY_TOKEN_PRIVATE_KEY="$(cat "$BENCH_KEY_FILE")") and issuer (BENCH_ISSUER) signs tokens the
# services accept in the same way (bench/leads does). Source it from bash:
#
#   . "$root/bench/lib/service-token.sh"
#   bench_token_setup "$work" "$jwks_port"     # sets BENCH_ISSUER, BENCH_JWK_SET_URI, BENCH_JWKS_PID
#   token="$(bench_token assessment-service bench@example.test leads:read)"
#   ...                                         # in the clean-up: bench_token_stop
#
# Needs openssl and python3. The key lives in the given work directory only for the run.

_bench_token_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# bench_token_setup WORK PORT: generates WORK/key.pem, serves WORK/www/bench/jwks.json on
# 127.0.0.1:PORT and waits until it answers.
bench_token_setup() {
	local work=$1 port=$2
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
	mkdir -p "$work/www/bench"
	openssl pkey -in "$work/key.pem" -pubout | openssl rsa -pubin -noout -text 2>/dev/null | python3 -c '
import base64, hashlib, json, sys
text = sys.stdin.read()
def b64(number):
    return base64.urlsafe_b64encode(number.to_bytes((number.bit_length() + 7) // 8, "big")).rstrip(b"=").decode()
modulus = int("".join(text.split("Modulus:", 1)[1].split("Exponent:", 1)[0].split()).replace(":", ""), 16)
exponent = int(text.split("Exponent:", 1)[1].split()[0])
key = {"e": b64(exponent), "kty": "RSA", "n": b64(modulus)}
# The key id the gateway gives its key (RFC 7638 thumbprint), so tokens the gateway signs with this
# key (they name it in their kid header) find it here as they do in its own /oauth2/jwks.
thumbprint = hashlib.sha256(json.dumps(key, separators=(",", ":"), sort_keys=True).encode()).digest()
key.update({"alg": "RS256", "use": "sig", "kid": base64.urlsafe_b64encode(thumbprint).rstrip(b"=").decode()})
json.dump({"keys": [key]}, sys.stdout)
' >"$work/www/bench/jwks.json"
	(cd "$work/www" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
	BENCH_JWKS_PID=$!
	BENCH_ISSUER="http://127.0.0.1:$port/bench"
	BENCH_JWK_SET_URI="http://127.0.0.1:$port/bench/jwks.json"
	BENCH_KEY_FILE="$work/key.pem"
	local _
	for _ in $(seq 1 50); do
		curl -fsS -o /dev/null "$BENCH_JWK_SET_URI" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "The JWK set server on port $port did not start" >&2
	return 1
}

# bench_token AUDIENCE SUBJECT SCOPE...: a token valid for BENCH_TOKEN_TTL seconds (default 7200).
bench_token() {
	GATEWAY_TOKEN_PRIVATE_KEY="$(cat "$BENCH_KEY_FILE")" GATEWAY_TOKEN_ISSUER="$BENCH_ISSUER" \
		SERVICE_TOKEN_TTL="${BENCH_TOKEN_TTL:-7200}" "$_bench_token_root/bin/service-token" "$@"
}

bench_token_stop() {
	if [ -n "${BENCH_JWKS_PID:-}" ]; then
		kill "$BENCH_JWKS_PID" 2>/dev/null && wait "$BENCH_JWKS_PID" 2>/dev/null || true
		BENCH_JWKS_PID=""
	fi
	return 0
}
