"""Load for bench/replicas/run.sh: submissions through the gateway's public JSON API, a signed-in
staff member on the dashboard, and SIGKILL of one assessment-service and one gateway midway.

    python3 load.py SETTINGS_JSON OUT_DIR

SETTINGS_JSON names the public (nginx) and per-gateway ports, the admin's credentials, the
number of submissions, the concurrency, when to kill what (fractions of the submissions answered)
and the process ids to kill. Writes to OUT_DIR:
    accepted.txt   one line per submission the gateway accepted: <id> <status> <attempts>
    refused.txt    one line per submission never accepted: <id> <last status>
    summary.json   counts, kill times and the staff session's observations

Each submission has its own UUID, the API's idempotency key: after a dropped connection or a 5xx
the client sends the same body again, as an embedding site should, until the gateway answers
2xx or the retries run out.
"""

import http.client
import json
import os
import re
import signal
import sys
import threading
import time
import urllib.parse
import uuid

settings = json.load(open(sys.argv[1]))
out = sys.argv[2]
HOST = "127.0.0.1"
public_port = settings["public_port"]
total = settings["submissions"]
deadline = time.monotonic() + settings["max_seconds"]


def call(port, method, path, body=None, headers=None, timeout=15):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def cookies_of(headers):
    jar = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            jar[key.strip()] = val.strip()
    return jar


def cookie_header(jar):
    return "; ".join(f"{k}={v}" for k, v in jar.items() if v)


# --- the staff member signs in on the gateway that will be killed --------------------------------
def sign_in(port):
    status, headers, body = call(port, "GET", "/login")
    jar = cookies_of(headers)
    match = re.search(rb'name="_csrf"\s+value="([^"]+)"', body) or re.search(rb'value="([^"]+)"\s+name="_csrf"', body)
    if status != 200 or not match:
        raise SystemExit(f"The sign-in page did not load (status {status})")
    form = urllib.parse.urlencode({"email": settings["admin_email"], "password": settings["admin_password"],
                                   "_csrf": match.group(1).decode()})
    status, headers, _ = call(port, "POST", "/login", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(jar)})
    jar.update(cookies_of(headers))
    location = dict((k.lower(), v) for k, v in headers).get("location", "")
    if status != 302 or not location.endswith("/dashboard") or "SESSION" not in jar:
        raise SystemExit(f"Sign-in failed: status {status}, location {location!r}")
    return {"SESSION": jar["SESSION"]}


def dashboard(port, session):
    """'ok' (the whole page), 'signed-out' (sent to the sign-in page), or 'error <what>'."""
    try:
        status, headers, body = call(port, "GET", "/dashboard", headers={"Cookie": cookie_header(session)},
                                     timeout=30)
    except (OSError, http.client.HTTPException) as ex:
        return f"error {type(ex).__name__}"
    if status == 200:
        return "ok" if b"</html>" in body else "error incomplete page"
    location = dict((k.lower(), v) for k, v in headers).get("location", "")
    if status in (301, 302, 303) and "/login" in location:
        return "signed-out"
    return f"error {status}"


session = sign_in(settings["gateway_ports"][0])
signed_in_on = settings["gateway_ports"][0]

# --- submissions -------------------------------------------------------------------------------
status, _, body = call(public_port, "GET", "/api/v1/assessment")
if status != 200:
    raise SystemExit(f"GET /api/v1/assessment answered {status}")
consent_version = json.loads(body)["consent"]["version"]

SIZES = ["1-10", "11-50", "51-200", "201-1000", "1000+"]
INTERNAL = ["none", "tech_savvy_staff", "it_person", "it_team", "it_department"]
PREFERENCES = ["keep_control", "balanced", "hand_off"]


def start_token():
    """A JSON API start token, as a partner's form fetches one when a person starts; retried like a submission."""
    for _ in range(settings["attempts"]):
        try:
            status, _, body = call(public_port, "POST", "/api/v1/assessment/starts", b"")
            if status == 200:
                return json.loads(body)["startToken"]
        except (OSError, http.client.HTTPException, ValueError):
            pass
        time.sleep(1)
    return None


def submission(n, submission_id):
    it = INTERNAL[n % len(INTERNAL)]
    answers = {"employees": SIZES[(n // 5) % len(SIZES)], "internal_it": it, "growth": "moderate",
               "skills_gaps": ["cybersecurity", "microsoft_365"], "project_delays": "sometimes",
               "support_wait": "often", "coverage": "extended_hours", "security_complexity": "growing",
               "tech_footprint": ["cloud", "remote_work"], "control_preference": PREFERENCES[n % 3],
               "hiring": "somewhat_hard", "predictability": "high"}
    if it in ("it_person", "it_team", "it_department"):
        answers["workload"] = "stretched"
    return json.dumps({"id": submission_id, "answers": answers, "costs": {"tools_spend": 12000},
                       "contact": {"name": f"Replica Prospect {n}", "email": f"prospect{n}@example.com",
                                   "company": "Replica Ltd"},
                       "consent": {"accepted": True, "textVersion": consent_version},
                       "attribution": {"utm_source": "replicas-bench"}, "startToken": start_token()})


lock = threading.Lock()
next_index = 0
answered = 0
accepted = []   # (id, status, attempts)
refused = []    # (id, last status)
statuses = {}   # every answer seen, retries included
kills = []      # (what, pid, seconds since start, answered so far)
started = time.monotonic()
kill_plan = sorted(({"at": k["at"], "what": k["what"], "pid": k["pid"]} for k in settings["kills"]),
                   key=lambda k: k["at"])


def maybe_kill():
    while kill_plan and answered >= kill_plan[0]["at"] * total:
        kill = kill_plan.pop(0)
        os.kill(kill["pid"], signal.SIGKILL)
        kills.append({"what": kill["what"], "pid": kill["pid"], "second": round(time.monotonic() - started, 1),
                      "at": round(time.time(), 3), "answered": answered})


def submitter():
    global next_index, answered
    connection = None
    while True:
        with lock:
            if next_index >= total or time.monotonic() > deadline:
                break
            n = next_index
            next_index += 1
        submission_id = str(uuid.uuid4())
        body = submission(n, submission_id)
        last = None
        for attempt in range(1, settings["attempts"] + 1):
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(HOST, public_port, timeout=30)
                connection.request("POST", "/api/v1/assessment/submissions", body=body,
                                   headers={"Content-Type": "application/json", "Accept": "application/json"})
                response = connection.getresponse()
                response.read()
                last = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as ex:
                last = type(ex).__name__
                if connection is not None:
                    connection.close()
                connection = None
            with lock:
                statuses[str(last)] = statuses.get(str(last), 0) + 1
            if isinstance(last, int) and 200 <= last < 300:
                break
            if isinstance(last, int) and last < 500 and last != 429:
                break
            time.sleep(min(0.2 * attempt, 2.0))
        with lock:
            answered += 1
            if isinstance(last, int) and 200 <= last < 300:
                accepted.append((submission_id, last, attempt))
            else:
                refused.append((submission_id, last))
            maybe_kill()


# --- the staff member works the dashboard meanwhile --------------------------------------------
staff_results = {"before-kill": {}, "after-kill": {}}
stop_staff = threading.Event()


def staff():
    while not stop_staff.is_set():
        phase = "after-kill" if any(k["what"] == "gateway" for k in kills) else "before-kill"
        result = dashboard(public_port, session)
        bucket = staff_results[phase]
        bucket[result] = bucket.get(result, 0) + 1
        stop_staff.wait(settings["dashboard_every"])


staff_thread = threading.Thread(target=staff, daemon=True)
staff_thread.start()
workers = [threading.Thread(target=submitter) for _ in range(settings["concurrency"])]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
elapsed = time.monotonic() - started
stop_staff.set()
staff_thread.join()

# After the load: the killed gateway is gone, and the same cookie works on the one left.
survivor = settings["gateway_ports"][1]
direct = {"killed gateway": dashboard(signed_in_on, session), "surviving gateway": dashboard(survivor, session),
          "through nginx": dashboard(public_port, session)}

with open(os.path.join(out, "accepted.txt"), "w") as f:
    for submission_id, status, attempts in accepted:
        f.write(f"{submission_id} {status} {attempts}\n")
with open(os.path.join(out, "refused.txt"), "w") as f:
    for submission_id, status in refused:
        f.write(f"{submission_id} {status}\n")
by_status = {}
for _, status, _ in accepted:
    by_status[str(status)] = by_status.get(str(status), 0) + 1
json.dump({"sent": answered, "accepted": len(accepted), "accepted_by_status": by_status, "refused": len(refused),
           "retried": sum(1 for a in accepted if a[2] > 1), "answers_seen": statuses,
           "seconds": round(elapsed, 1), "rate": round(answered / elapsed, 1), "kills": kills,
           "signed_in_on": signed_in_on, "dashboard": staff_results, "after_load": direct},
          open(os.path.join(out, "summary.json"), "w"), indent=1)
