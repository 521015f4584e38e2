#!/usr/bin/env python3
"""examples/curl's fetch_model against a live HTTP server on 127.0.0.1.

The server (Python's http.server, on a free port, in a thread of this
process) plays LLM Stats: it serves the spec's docs samples by model id and
the service's error bodies, and a few answers real servers and proxies give
that the docs do not show. Each case runs fetch_model (under valgrind with
--valgrind) and checks its exit status, standard output and standard error
exactly; the server's log checks what the client sent. The server is stopped
before the last case, which checks a refused connection.

usage: fetch_test.py FETCH_MODEL SAMPLES_DIR [--valgrind VALGRIND]
"""
import http.server
import json
import os
import subprocess
import sys
import threading

TOKEN = "test-key-123"
PREFIX = "/v1/models/"


def load_samples(samples):
    """The 200 bodies by model id, and the 401 and 404 error bodies."""
    models = {}
    for name in sorted(os.listdir(samples)):
        if name.startswith("get_model.200."):
            with open(os.path.join(samples, name), "rb") as f:
                body = f.read()
            models[json.loads(body)["id"]] = body
    with open(os.path.join(samples, "get_model.401.rw.json"), "rb") as f:
        e401 = f.read()
    with open(os.path.join(samples, "get_model.404.rw.json"), "rb") as f:
        e404 = f.read()
    # A 200 whose context_window drifted from the spec's integer to a string.
    drifted = json.loads(models["claude-3-5-sonnet-20241022"])
    drifted["context_window"] = "200k"
    return models, e401, e404, json.dumps(drifted).encode()


def make_handler(models, e401, e404, drifted, log):
    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self, status, body, ctype="application/json"):
            self.send_response(status)
            if body:
                self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            log.append((self.path, self.headers.get("Authorization"), self.headers.get("Accept")))
            model = self.path[len(PREFIX):] if self.path.startswith(PREFIX) else None
            if self.headers.get("Authorization") != "Bearer " + TOKEN:
                self.answer(401, e401)
            elif model == "proxy-says-no":  # a gateway refusing without a body
                self.answer(401, b"")
            elif model == "overloaded":  # a status the spec does not declare
                self.answer(503, b"Service Unavailable\n", "text/plain")
            elif model == "drifted":
                self.answer(200, drifted)
            elif model in models:
                self.answer(200, models[model])
            else:
                self.answer(404, e404)

        def log_message(self, *args):
            pass

    return Handler


KEY_REFUSED = "fetch_model: LLMSTATS_API_KEY must be set, without control characters\n"
NOT_FOUND = "fetch_model: HTTP 404: model_not_found: No model with id 'gpt-4.5-turbo'.\n"

# name, arguments, environment changes, exit status, stdout, stderr
CASES = [
    ("200", ["claude-3-5-sonnet-20241022"], {}, 0,
     "Claude 3.5 Sonnet (Oct 2024) by Anthropic\ncontext window: 200000 tokens\n"
     "best in coding: 93.7\nbest in reasoning: 78\n", ""),
    ("200, optional field absent", ["command-r-08-2024"], {}, 0,
     "Command R (08-2024) by Cohere\ncontext window: unknown\nbest in general: 67.6\n", ""),
    ("404 error body", ["gpt-4.5-turbo"], {}, 1, "", NOT_FOUND),
    ("401 error body (wrong key)", ["grok-2"], {"LLMSTATS_API_KEY": "wrong"}, 1, "",
     "fetch_model: HTTP 401: invalid_api_key: The API key provided is invalid or "
     "has been revoked.\n"),
    ("401 without a body", ["proxy-says-no"], {}, 1, "",
     "fetch_model: HTTP 401 with an empty body\n"),
    ("undeclared status", ["overloaded"], {}, 1, "",
     "fetch_model: unexpected HTTP status 503 for get_model (declared: 200, 401, 404, 422)\n"),
    ("200 that breaks the spec", ["drifted"], {}, 1, "",
     "fetch_model: HTTP 200: $.context_window: expected integer, got string \"200k\"\n"),
    # The server checks the raw path it got: see main().
    ("id percent-encoded", ["a b/c?d#e%"], {}, 1, "", NOT_FOUND),
    # Refused before any request is sent: see main().
    ("key with a CR LF refused", ["grok-2"], {"LLMSTATS_API_KEY": TOKEN + "\r\nX-Evil: 1"},
     2, "", KEY_REFUSED),
    ("no key", ["grok-2"], {"LLMSTATS_API_KEY": None}, 2, "", KEY_REFUSED),
]


def check(run, name, args, env, code, out, err):
    """Run one case; print ok or what differs. True when it passed."""
    got = run(args, env)
    if (got.returncode, got.stdout, got.stderr) == (code, out, err):
        print(f"ok   {name}")
        return True
    print(f"FAIL {name}: fetch_model {' '.join(args)}")
    print(f"  expected exit {code}, stdout {out!r}, stderr {err!r}")
    print(f"  got      exit {got.returncode}, stdout {got.stdout!r}, stderr {got.stderr!r}")
    return False


def check_log(log):
    """What the client sent: the key and Accept on every request, the odd id
    percent-encoded, and nothing for the refused keys (the last two cases)."""
    ok = True
    sent = [(a, h) for (_, a, h) in log if a != "Bearer wrong"]
    if any(s != ("Bearer " + TOKEN, "application/json") for s in sent):
        print(f"FAIL the client's Authorization and Accept headers: {log}")
        ok = False
    if log[-1][0] != PREFIX + "a%20b%2Fc%3Fd%23e%25":
        print(f"FAIL the server got {log[-1][0]!r}, not the id percent-encoded")
        ok = False
    if len(log) != len(CASES) - 2:
        print(f"FAIL {len(log)} requests for {len(CASES) - 2} cases that send one")
        ok = False
    return ok


def main():
    fetch, samples = sys.argv[1], sys.argv[2]
    prefix = []
    if len(sys.argv) == 5 and sys.argv[3] == "--valgrind":
        prefix = [sys.argv[4], "-q", "--error-exitcode=99", "--leak-check=full",
                  "--errors-for-leak-kinds=definite,indirect,possible",
                  "--show-leak-kinds=definite,indirect,possible"]
    log = []
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), make_handler(*load_samples(samples), log))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def run(args, env):
        full = {"PATH": os.environ.get("PATH", ""), "LLMSTATS_BASE_URL": base,
                "LLMSTATS_API_KEY": TOKEN, **env}
        return subprocess.run(prefix + [fetch] + args, capture_output=True, text=True,
                              env={k: v for k, v in full.items() if v is not None}, timeout=300)

    try:
        results = [check(run, *c) for c in CASES]
        results.append(check_log(log))
    finally:
        server.shutdown()
        server.server_close()
    results.append(check(run, "server gone", ["grok-2"], {}, 2, "",
                         f"fetch_model: GET {base}/v1/models/grok-2: Couldn't connect to server\n"))
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
