"""An SMTP sink and a webhook receiver on 127.0.0.1 that record each delivery they get.

    python3 sinks.py SMTP_PORT WEBHOOK_PORT WEBHOOK_SECRET RECORD_FILE

Every mail and every webhook call appends one line to RECORD_FILE:
    <channel> <event id> <signature ok: 1|0|-> <unix time received>
where the event id is the webhook-id header (the event id, as Standard Webhooks sends it). Nothing is deduplicated here: the
counting is done afterwards, so a delivery made twice shows as two lines. Only the standard
library is used (smtpd is gone from Python 3.12), speaking just enough SMTP for one client.
"""

import hashlib
import base64
import hmac
import http.server
import socketserver
import sys
import threading
import time

smtp_port, webhook_port, secret, record_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
lock = threading.Lock()
record = open(record_file, "a", buffering=1)


def note(channel, event_id, signature_ok):
    with lock:
        record.write(f"{channel} {event_id or '-'} {signature_ok} {time.time():.3f}\n")


class Smtp(socketserver.StreamRequestHandler):

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb in ("HELO", "MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                event_id, in_headers = None, True
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    text = data.decode("utf-8", "replace").rstrip("\r\n")
                    if in_headers and text == "":
                        in_headers = False
                    elif in_headers and text.lower().startswith("x-northbeam-event-id:"):
                        event_id = text.split(":", 1)[1].strip()
                note("email", event_id, "-")
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class Webhook(http.server.BaseHTTPRequestHandler):

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        # Standard Webhooks: v1,<base64 HMAC-SHA256 of "id.timestamp.body"> under the whsec_ key.
        message_id = self.headers.get("webhook-id", "")
        signed_content = f"{message_id}.{self.headers.get('webhook-timestamp', '')}.".encode() + body
        key = base64.b64decode(secret.removeprefix("whsec_"))
        expected = "v1," + base64.b64encode(hmac.new(key, signed_content, hashlib.sha256).digest()).decode()
        signed = any(hmac.compare_digest(expected, candidate)
                     for candidate in self.headers.get("webhook-signature", "").split())
        note("webhook", message_id, "1" if signed else "0")
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class HttpServer(http.server.ThreadingHTTPServer):
    daemon_threads = True


smtp = Server(("127.0.0.1", smtp_port), Smtp)
webhook = HttpServer(("127.0.0.1", webhook_port), Webhook)
threading.Thread(target=smtp.serve_forever, daemon=True).start()
webhook.serve_forever()
