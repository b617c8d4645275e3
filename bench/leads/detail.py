"""The lead detail page as staff see it, for bench/leads/run.sh.

  detail.py submit SERVICE_PORT TOKEN CONSENT_VERSION COUNT > submission-ids
      posts COUNT submissions with varied answers and contact details to assessment-service's API,
      as the gateway does when a prospect finishes the assessment, and prints their ids
  detail.py measure GATEWAY_PORT GATEWAY_PID SERVICE_PORT SERVICE_PID TOKEN ADMIN_EMAIL ADMIN_PASSWORD SAMPLES
          LEAD_ID...
      signs in to web-gateway as the admin, creates a sales account through the staff admin form,
      signs in as that salesperson and times GET /dashboard/leads/{id} over one keep-alive
      connection, cycling through the given leads; then the same page seen by the admin and the
      service's lead read on its own, for information; each case after BENCH_DETAIL_WARMUP (300)
      untimed requests, with the CPU time the gateway (or the service) spent per timed request
"""
import gzip
import http.client
import json
import os
import random
import re
import secrets
import sys
import time
import urllib.parse
import uuid

# A long-running gateway has compiled its hot paths; a freshly started one interprets them for the
# first few hundred requests (30 warm-up requests gave three to four times the p95 of 300).
WARM_UP = int(os.environ.get("BENCH_DETAIL_WARMUP", "300"))
TARGET_MS = 150
# A page without these is not the page measured: the call-prep brief and the responsibility matrix.
MARKERS = (b'id="call-prep"', b'id="responsibility-matrix"')


def submit(port, token, consent, count):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    for n in range(count):
        pick = random.Random(n).choice
        internal_it = pick(["none", "tech_savvy_staff", "it_person", "it_team", "it_department"])
        answers = {
            "employees": pick(["1-10", "11-50", "51-200", "201-1000", "1000+"]),
            "internal_it": internal_it,
            "growth": pick(["flat", "moderate", "fast"]),
            "skills_gaps": pick([["cybersecurity", "microsoft_365"], ["cloud_migration"], ["compliance", "cybersecurity"],
                                 ["infrastructure_modernization", "cloud_migration", "microsoft_365"], ["none"]]),
            "project_delays": pick(["rarely", "sometimes", "often"]),
            "support_wait": pick(["rarely", "sometimes", "often"]),
            "coverage": pick(["business_hours", "extended_hours", "24x7"]),
            "security_complexity": pick(["basic", "growing", "complex"]),
            "tech_footprint": pick([["cloud", "remote_work"], ["security_controls"], ["none"],
                                    ["cloud", "collaboration_platforms", "security_controls"]]),
            "control_preference": pick(["keep_control", "balanced", "hand_off"]),
            "hiring": pick(["easy", "somewhat_hard", "very_hard"]),
            "predictability": pick(["low", "medium", "high"]),
        }
        if internal_it in ("it_person", "it_team", "it_department"):
            answers["workload"] = pick(["manageable", "stretched", "overloaded"])
        body = {
            "id": str(uuid.uuid4()),
            "answers": answers,
            "costs": {"internal_it_staff": pick([0, 1, 2.5, 6]), "average_loaded_salary": pick([65000, 90000]),
                      "tools_spend": pick([4000, 12000, 30000])},
            "contact": {"name": f"Prospect {n}", "email": f"buyer{n}@bench-company{n}.example",
                        "company": f"Bench Company {n}", "phone": f"+1 555 01{n % 100:02d}",
                        "role": pick(["Operations director", "Office manager", "IT manager"])},
            "consent": {"accepted": True, "textVersion": consent},
            "attribution": {"utm_source": pick(["newsletter", "google", "linkedin"])},
        }
        conn.request("POST", "/api/submissions", body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        text = response.read()
        if response.status != 201:
            raise SystemExit(f"submission {n}: {response.status} {text[:500]}")
        print(body["id"])


class Browser:
    """One keep-alive connection with its own cookies, asking for gzip as browsers do."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {"Accept": "text/html", "Accept-Encoding": "gzip"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        raw = response.read()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            if "max-age=0" in cookie.lower():
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = rest.split(";", 1)[0]
        return response, raw

    @staticmethod
    def text(response, raw):
        return gzip.decompress(raw) if response.getheader("Content-Encoding") == "gzip" else raw

    def page(self, path):
        response, raw = self.request("GET", path)
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {response.getheader('Location') or ''}")
        return self.text(response, raw).decode()

    def post(self, path, form, page_with_form):
        match = re.search(r'<input[^>]*name="_csrf"[^>]*value="([^"]+)"', page_with_form)
        if not match:
            raise SystemExit(f"no CSRF token in the form before POST {path}")
        response, _ = self.request("POST", path, {**form, "_csrf": match.group(1)})
        return response.status, response.getheader("Location") or ""

    def sign_in(self, email, password):
        status, location = self.post("/login", {"email": email, "password": password}, self.page("/login"))
        if status != 302 or "error" in location or not location.endswith("/dashboard"):
            raise SystemExit(f"signing in as {email}: {status} to {location!r}")


def cpu_ms(pid):
    """CPU time (user + system) the process has used so far, from /proc; None where there is none."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError, TypeError):
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def timed(fetch, ids, samples, pid=None):
    """p95 and median in ms of SAMPLES requests after the warm-up, and the CPU ms per timed request
    of the process PID (None where /proc does not tell)."""
    for n in range(WARM_UP):
        fetch(ids[n % len(ids)])
    times = []
    cpu_before = cpu_ms(pid)
    for n in range(samples):
        times.append(fetch(ids[n % len(ids)]))
    cpu_after = cpu_ms(pid)
    times.sort()
    cpu = (cpu_after - cpu_before) / samples if cpu_before is not None and cpu_after is not None else None
    return times[int(len(times) * 0.95) - 1], times[len(times) // 2], cpu


def cpu_text(cpu, who):
    return f"   {who} CPU {cpu:5.1f} ms/request" if cpu is not None else ""


def detail_page(browser):
    # A fresh connection: the server closes one left idle while another case ran.
    browser.conn.close()

    def fetch(lead):
        path = f"/dashboard/leads/{lead}"
        start = time.perf_counter()
        response, raw = browser.request("GET", path)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {response.getheader('Location') or ''}")
        html = browser.text(response, raw)
        for marker in MARKERS:
            if marker not in html:
                raise SystemExit(f"GET {path}: the page has no {marker.decode()}")
        return elapsed
    return fetch


def measure(gateway_port, gateway_pid, service_port, service_pid, token, admin_email, admin_password, samples, ids):
    admin = Browser(gateway_port)
    admin.sign_in(admin_email, admin_password)
    sales_email, sales_password = "bench-sales@northbeam.test", secrets.token_urlsafe(18)
    status, location = admin.post("/dashboard/admin/staff", {"email": sales_email, "name": "Bench Salesperson",
                                                              "roles": "SALES", "password": sales_password},
                                  admin.page("/dashboard/admin/staff"))
    if status != 302 or not location.endswith("/dashboard/admin/staff"):
        raise SystemExit(f"creating the sales account: {status} to {location!r}")
    sales = Browser(gateway_port)
    sales.sign_in(sales_email, sales_password)

    sample = sales.page(f"/dashboard/leads/{ids[0]}").encode()
    print(f"one lead's page: {len(sample)} bytes of HTML; call-prep brief and responsibility matrix in it: "
          f"{'yes' if all(marker in sample for marker in MARKERS) else 'NO'}")
    p95, median, cpu = timed(detail_page(sales), ids, samples, gateway_pid)
    print(f"{'lead detail page with its brief, as a salesperson':50s} p95 {p95:6.1f} ms (median {median:5.1f})   "
          f"target < {TARGET_MS} ms: {'OK' if p95 < TARGET_MS else 'MISSED'}{cpu_text(cpu, 'gateway')}")

    p95, median, cpu = timed(detail_page(admin), ids, samples, gateway_pid)
    print(f"{'the same page as an admin (+ scoring history)':50s} p95 {p95:6.1f} ms (median {median:5.1f})   "
          f"(extra, not a target){cpu_text(cpu, 'gateway')}")

    service = http.client.HTTPConnection("127.0.0.1", service_port, timeout=60)

    def lead_read(lead):
        start = time.perf_counter()
        service.request("GET", f"/api/leads/{lead}", headers={"Authorization": "Bearer " + token})
        response = service.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200 or b'"callPrep"' not in body:
            raise SystemExit(f"GET /api/leads/{lead}: {response.status} {body[:300]}")
        return elapsed
    p95, median, cpu = timed(lead_read, ids, samples, service_pid)
    print(f"{'its lead read, GET /api/leads/{id} alone':50s} p95 {p95:6.1f} ms (median {median:5.1f})   "
          f"(extra: the service's part){cpu_text(cpu, 'service')}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "submit":
        submit(int(args[0]), args[1], args[2], int(args[3]))
    elif command == "measure":
        measure(int(args[0]), args[1], int(args[2]), args[3], args[4], args[5], args[6], int(args[7]), args[8:])
    else:
        raise SystemExit(__doc__)
