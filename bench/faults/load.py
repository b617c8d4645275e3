"""Load for bench/faults/run.sh: a steady flow of submissions through the gateway's public JSON API
until told to stop, with bursts on demand.

    python3 load.py GATEWAY_PORT CONCURRENCY OUT_DIR

Each of CONCURRENCY clients sends a submission with its own UUID (the API's idempotency key), then
waits PAUSE seconds (0.5) unless OUT_DIR/burst exists, in which case it sends the next at once.
After a dropped connection, a timeout or a 5xx the client sends the same body again a second later,
as an embedding site should, for up to RETRY_SECONDS (120). The load stops when OUT_DIR/stop exists.
Writes to OUT_DIR:
    accepted.txt   one line per submission the gateway accepted: <id> <status> <attempts>
    refused.txt    one line per submission never accepted: <id> <last status>
    answers.txt    one line per attempt: <seconds since start> <status or error name>
    summary.json   counts
"""

import http.client
import json
import os
import sys
import threading
import time
import uuid

HOST = "127.0.0.1"
port = int(sys.argv[1])
concurrency = int(sys.argv[2])
out = sys.argv[3]
PAUSE = float(os.environ.get("PAUSE", "0.5"))
RETRY_SECONDS = float(os.environ.get("RETRY_SECONDS", "120"))
started = time.monotonic()


def call(method, path, body=None, timeout=20):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"} if body else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


status, body = call("GET", "/api/v1/assessment")
if status != 200:
    raise SystemExit(f"GET /api/v1/assessment answered {status}")
consent_version = json.loads(body)["consent"]["version"]

INTERNAL = ["none", "tech_savvy_staff", "it_person", "it_team", "it_department"]


def start_token():
    """A JSON API start token, as a partner's form fetches one when a person starts; retried like a submission."""
    while not stopping():
        try:
            status, body = call("POST", "/api/v1/assessment/starts", b"")
            if status == 200:
                return json.loads(body)["startToken"]
        except (OSError, http.client.HTTPException, ValueError):
            pass
        time.sleep(1)
    return None


def submission(n, submission_id):
    it = INTERNAL[n % len(INTERNAL)]
    answers = {"employees": "11-50", "internal_it": it, "growth": "moderate", "skills_gaps": ["cybersecurity"],
               "project_delays": "sometimes", "support_wait": "often", "coverage": "extended_hours",
               "security_complexity": "growing", "tech_footprint": ["cloud"], "control_preference": "balanced",
               "hiring": "somewhat_hard", "predictability": "high"}
    if it in ("it_person", "it_team", "it_department"):
        answers["workload"] = "stretched"
    return json.dumps({"id": submission_id, "answers": answers,
                       "contact": {"name": f"Fault Prospect {n}", "email": f"fault{n}@example.com",
                                   "company": "Faults Ltd"},
                       "consent": {"accepted": True, "textVersion": consent_version},
                       "attribution": {"utm_source": "faults-bench"}, "startToken": start_token()})


lock = threading.Lock()
counter = 0
accepted, refused, answers = [], [], []


def stopping():
    return os.path.exists(os.path.join(out, "stop"))


def worker():
    global counter
    while not stopping():
        with lock:
            counter += 1
            n = counter
        submission_id = str(uuid.uuid4())
        body = submission(n, submission_id)
        first = time.monotonic()
        attempts, last = 0, None
        while True:
            attempts += 1
            try:
                last, _ = call("POST", "/api/v1/assessment/submissions", body)
            except (OSError, http.client.HTTPException) as ex:
                last = type(ex).__name__
            with lock:
                answers.append((round(time.monotonic() - started, 2), last))
            if last in (200, 201, 202):
                with lock:
                    accepted.append((submission_id, last, attempts))
                break
            if (isinstance(last, int) and last < 500) or time.monotonic() - first > RETRY_SECONDS:
                with lock:
                    refused.append((submission_id, last))
                break
            time.sleep(1)
        if not os.path.exists(os.path.join(out, "burst")):
            time.sleep(PAUSE)


threads = [threading.Thread(target=worker) for _ in range(concurrency)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

with open(os.path.join(out, "accepted.txt"), "w") as f:
    f.writelines(f"{i} {s} {a}\n" for i, s, a in accepted)
with open(os.path.join(out, "refused.txt"), "w") as f:
    f.writelines(f"{i} {s}\n" for i, s in refused)
with open(os.path.join(out, "answers.txt"), "w") as f:
    f.writelines(f"{t} {s}\n" for t, s in answers)
statuses = {}
for _, s in answers:
    statuses[str(s)] = statuses.get(str(s), 0) + 1
by_status = {}
for _, s, _ in accepted:
    by_status[str(s)] = by_status.get(str(s), 0) + 1
json.dump({"sent": counter, "accepted": len(accepted), "accepted_by_status": by_status, "refused": len(refused),
           "retried": sum(1 for a in accepted if a[2] > 1), "answers_seen": statuses,
           "seconds": round(time.monotonic() - started, 1)}, open(os.path.join(out, "summary.json"), "w"))
