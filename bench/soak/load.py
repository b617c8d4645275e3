"""Mixed load for bench/soak/run.sh, through the gateway only, as real visitors and staff use it.

    python3 load.py SETTINGS_JSON OUT_DIR

Kinds of request, each from its own closed-loop clients (one keep-alive connection each):
    article      GET /articles/{slug}, a published article picked at random
    search       GET /search?q=..., a word picked at random
    submission   POST /api/v1/assessment/submissions with a fresh id (the idempotency key)
    lead-list    GET /dashboard/leads, by signed-in staff members, each with their own session
    lead-detail  GET /dashboard/leads/{id}, a lead of the list that member saw last

Every minute it reads each service's live heap (the total of jcmd GC.class_histogram, which counts
the objects left after a full collection), whose trend shows a leak. Writes OUT_DIR/summary.json
and prints the tables.
"""

import http.client
import json
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

settings = json.load(open(sys.argv[1]))
out = sys.argv[2]
HOST = "127.0.0.1"
PORT = settings["gateway_port"]
DURATION = settings["duration_seconds"]
LEAD_LINK = re.compile(rb'href="/dashboard/leads/([0-9a-f-]{36})"')
ARTICLE_LINK = re.compile(rb'href="/articles/([a-z0-9-]+)"')
CSRF = re.compile(rb'name="_csrf"\s+value="([^"]+)"|value="([^"]+)"\s+name="_csrf"')


class Client:
    """One keep-alive connection that reconnects after an error or a 'Connection: close'."""

    def __init__(self):
        self.connection = None
        self.cookies = {}

    def call(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.connection is None:
            self.connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = None
            raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, val = value.split(";", 1)[0].partition("=")
                self.cookies[key.strip()] = val.strip()
        if (response.getheader("Connection") or "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, response, data


def csrf_of(page):
    match = CSRF.search(page)
    if not match:
        raise SystemExit("no _csrf field on the page")
    return (match.group(1) or match.group(2)).decode()


def sign_in(email, password):
    client = Client()
    status, _, page = client.call("GET", "/login")
    form = urllib.parse.urlencode({"email": email, "password": password, "_csrf": csrf_of(page)})
    status, response, _ = client.call("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
    location = response.getheader("Location") or ""
    if status != 302 or not location.endswith("/dashboard") or "SESSION" not in client.cookies:
        raise SystemExit(f"sign-in of {email} failed: {status} {location}")
    return client


# --- preparation: staff accounts, their sessions, the articles and the consent version -----------
admin = sign_in(settings["admin_email"], settings["admin_password"])
staff = []
for n in range(settings["staff"]):
    email, password = f"soak-sales-{n}@soak.test", uuid.uuid4().hex
    _, _, page = admin.call("GET", "/dashboard/admin/staff")
    form = urllib.parse.urlencode({"email": email, "name": f"Soak Sales {n}", "roles": "SALES", "password": password,
                                   "_csrf": csrf_of(page)})
    status, response, _ = admin.call("POST", "/dashboard/admin/staff", form,
                                     {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 302:
        raise SystemExit(f"creating staff account {email} failed: {status}")
    staff.append(sign_in(email, password))

public = Client()
status, _, page = public.call("GET", "/articles")
slugs = sorted(set(m.decode() for m in ARTICLE_LINK.findall(page)))
if status != 200 or not slugs:
    raise SystemExit(f"no published articles listed ({status})")
status, _, body = public.call("GET", "/api/v1/assessment")
consent_version = json.loads(body)["consent"]["version"]
WORDS = ["managed", "security", "cloud", "co-managed", "help desk", "monitoring", "cost", "hiring", "backup",
         "compliance", "productivity", "microsoft 365", "break-fix", "growth", "24/7", "zzz-nothing-matches"]
SIZES = ["1-10", "11-50", "51-200", "201-1000", "1000+"]
INTERNAL = ["none", "tech_savvy_staff", "it_person", "it_team", "it_department"]
PREFERENCES = ["keep_control", "balanced", "hand_off"]


JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


def start_token(client):
    """A JSON API start token, as a partner's form fetches one when a person starts answering."""
    status, _, body = client.call("POST", "/api/v1/assessment/starts", b"", JSON_HEADERS)
    return json.loads(body)["startToken"] if status == 200 else None


def submission_body(n, token):
    it = INTERNAL[n % len(INTERNAL)]
    answers = {"employees": SIZES[(n // 5) % len(SIZES)], "internal_it": it, "growth": "moderate",
               "skills_gaps": ["cybersecurity", "microsoft_365"], "project_delays": "sometimes",
               "support_wait": "often", "coverage": "extended_hours", "security_complexity": "growing",
               "tech_footprint": ["cloud", "remote_work"], "control_preference": PREFERENCES[n % 3],
               "hiring": "somewhat_hard", "predictability": "high"}
    if it in ("it_person", "it_team", "it_department"):
        answers["workload"] = "stretched"
    return json.dumps({"id": str(uuid.uuid4()), "answers": answers, "costs": {"tools_spend": 12000},
                       "contact": {"name": f"Soak Prospect {n}", "email": f"prospect{n}@example.com",
                                   "company": "Soak Ltd"},
                       "consent": {"accepted": True, "textVersion": consent_version},
                       "attribution": {"utm_source": "soak"}, "startToken": token})


for n in range(settings["seed_leads"]):
    status, _, body = public.call("POST", "/api/v1/assessment/submissions", submission_body(n, start_token(public)),
                                  JSON_HEADERS)
    if status not in (201, 202):
        raise SystemExit(f"seeding submission {n} answered {status}: {body[:300]}")
print(f"   seeded {settings['seed_leads']} leads; {len(slugs)} articles; {len(staff)} staff members signed in", flush=True)

# --- the load ------------------------------------------------------------------------------------
lock = threading.Lock()
samples = {}          # kind -> list of latencies (ms) of every answer
statuses = {}         # kind -> {status: count}
first_errors = []     # the first few 5xx or transport errors, for the report
per_minute = []       # requests answered in each minute
stop = threading.Event()
started = time.monotonic()
submitted = [settings["seed_leads"]]


def record(kind, status, millis, detail=b""):
    with lock:
        samples.setdefault(kind, []).append(millis)
        counts = statuses.setdefault(kind, {})
        counts[status] = counts.get(status, 0) + 1
        if (not isinstance(status, int) or status >= 500) and len(first_errors) < 10:
            first_errors.append(f"{kind} {status} at {time.monotonic() - started:.0f} s: {detail[:200]!r}")


def timed(client, kind, method, path, body=None, headers=None):
    start = time.perf_counter()
    try:
        status, _, data = client.call(method, path, body, headers)
    except (OSError, http.client.HTTPException) as ex:
        record(kind, type(ex).__name__, (time.perf_counter() - start) * 1000)
        return None, b""
    record(kind, status, (time.perf_counter() - start) * 1000, data if status >= 500 else b"")
    return status, data


def reader():
    client = Client()
    while not stop.is_set():
        timed(client, "article", "GET", "/articles/" + random.choice(slugs), headers={"Accept-Encoding": "gzip"})


def searcher():
    client = Client()
    while not stop.is_set():
        timed(client, "search", "GET", "/search?" + urllib.parse.urlencode({"q": random.choice(WORDS)}))


def submitter():
    client = Client()
    while not stop.is_set():
        with lock:
            n = submitted[0]
            submitted[0] += 1
        token = start_token(client)
        timed(client, "submission", "POST", "/api/v1/assessment/submissions", submission_body(n, token), JSON_HEADERS)


def staff_member(client):
    leads = []
    while not stop.is_set():
        status, page = timed(client, "lead-list", "GET", "/dashboard/leads")
        if status == 200:
            leads = [m.decode() for m in LEAD_LINK.findall(page)] or leads
        for lead in random.sample(leads, min(3, len(leads))):
            if stop.is_set():
                break
            timed(client, "lead-detail", "GET", "/dashboard/leads/" + lead)


def heap_mb(pid):
    """The live heap in MB: the total of a class histogram of live objects (jcmd GC.class_histogram
    runs a full collection and counts in the same pause, so allocations in between do not count)."""
    text = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True,
                          timeout=120).stdout
    match = re.search(r"^Total\s+\d+\s+(\d+)", text, re.M)
    return round(int(match.group(1)) / 1024 / 1024, 1) if match else None


threads = ([threading.Thread(target=reader) for _ in range(settings["readers"])]
           + [threading.Thread(target=searcher) for _ in range(settings["searchers"])]
           + [threading.Thread(target=submitter) for _ in range(settings["submitters"])]
           + [threading.Thread(target=staff_member, args=(client,)) for client in staff])
for thread in threads:
    thread.start()
heaps = []            # (minute, {service: MB}, load average)
services = settings["pids"]
print(f"   {'minute':>6} {'requests':>9} {'req/s':>7}   " + "".join(f"{name + ' MB':>22}" for name in services)
      + "   load average", flush=True)
minute = 0
answered_before = 0
while time.monotonic() - started < DURATION:
    # On the minute, however long the previous heap readings took.
    stop.wait(max(0, min(60 * (minute + 1), DURATION) - (time.monotonic() - started)))
    minute += 1
    with lock:
        answered = sum(len(v) for v in samples.values())
    heap = {name: heap_mb(pid) for name, pid in services.items()}
    load = open("/proc/loadavg").read().split()[0]
    heaps.append((minute, heap, load))
    per_minute.append(answered - answered_before)
    print(f"   {minute:>6} {answered - answered_before:>9} {(answered - answered_before) / 60:>7.1f}   "
          + "".join(f"{heap[name] if heap[name] is not None else '?':>22}" for name in services) + f"   {load}",
          flush=True)
    answered_before = answered
stop.set()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else 0.0


def slope(points):
    """Least-squares slope of (x, y) points: MB per minute."""
    if len(points) < 2:
        return 0.0
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0


print()
print(f"   {'kind':<12} {'count':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'5xx':>5} {'4xx':>5} "
      f"{'other':>5}  statuses")
report = {"seconds": round(elapsed, 1), "kinds": {}, "heap": heaps, "first_errors": first_errors}
server_errors = 0
for kind in ["article", "search", "submission", "lead-list", "lead-detail"]:
    values, counts = samples.get(kind, []), statuses.get(kind, {})
    five = sum(c for s, c in counts.items() if isinstance(s, int) and s >= 500)
    four = sum(c for s, c in counts.items() if isinstance(s, int) and 400 <= s < 500)
    other = sum(c for s, c in counts.items() if not isinstance(s, int))
    server_errors += five + other
    row = {"count": len(values), "rate": round(len(values) / elapsed, 1), "p50": round(percentile(values, 0.5), 1),
           "p99": round(percentile(values, 0.99), 1), "max": round(max(values, default=0), 1), "5xx": five,
           "4xx": four, "other": other, "statuses": {str(k): v for k, v in sorted(counts.items(), key=str)}}
    report["kinds"][kind] = row
    print(f"   {kind:<12} {row['count']:>8} {row['rate']:>7} {row['p50']:>8} {row['p99']:>8} {row['max']:>8} "
          f"{five:>5} {four:>5} {other:>5}  {row['statuses']}")
print(f"   server errors (5xx and broken connections): {server_errors} (target 0)")
for line in first_errors:
    print(f"     {line}")
print()
print("   live heap (class histogram after a full GC), least-squares slope (skipping minute 1, while caches and the JIT fill):")
for name in services:
    points = [(m, h[name]) for m, h, _ in heaps if h[name] is not None and m > 1]
    values = [y for _, y in points]
    if values:
        print(f"     {name:<20} {slope(points):+6.2f} MB/min   (from {values[0]} to {values[-1]} MB, "
              f"min {min(values)}, max {max(values)})")
report["server_errors"] = server_errors
json.dump(report, open(f"{out}/summary.json", "w"), indent=1)
sys.exit(1 if server_errors else 0)
