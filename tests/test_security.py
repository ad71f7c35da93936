"""Security basics of `styrgraf serve`, over real HTTP: no internal detail in any answer
(not even a 500), security headers on every response, CORS for the SPARQL endpoint,
configurable request size limits, and an update token that is never logged."""
from __future__ import annotations

import contextlib
import json
import logging
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from server import served_process

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "api" / "templates"
STATIC = ROOT / "api" / "static"
BASE = "https://w3id.org/styrgraf/"
AMN = BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden"
AMN_PATH = "/id/org/stockholms-stad/arbetsmarknadsnamnden"
TOKEN = "s3cr3t-update-token-9d2f41c7b8"
LEAK_MARKERS = ("/work/", "site-packages", "dist-packages", "Traceback", '.py"', "File \"/", str(ROOT))


# ============================================================== a server whose output we keep
@contextlib.contextmanager
def logged_server(store: Path, *args: str, env: dict | None = None,
                  log: Path | None = None) -> Iterator[tuple[str, subprocess.Popen, Path]]:
    """`styrgraf serve` with its stdout and stderr in a file (tests read it)."""
    log = log or Path(store).parent / f"server-{time.monotonic_ns()}.log"
    with served_process(store, *args, env=env, log=log) as running:
        yield running


@pytest.fixture(scope="module")
def store(corpus_store_copy) -> Path:
    return corpus_store_copy


@pytest.fixture(scope="module")
def served(store):
    with logged_server(store, "--timeout", "5", env={"STYRGRAF_UPDATE_TOKEN": TOKEN}) as running:
        yield running


@pytest.fixture(scope="module")
def client(served):
    with httpx.Client(base_url=served[0], timeout=60) as c:
        yield c


def assert_no_leak(r: httpx.Response, *extra: str) -> None:
    text = r.text
    for marker in (*LEAK_MARKERS, *extra):
        assert marker not in text, (r.request.url, r.status_code, marker, text[:500])


# ============================================================== security headers
PAGES = ["/", "/sok?q=arbetsmarknad", AMN_PATH, "/organ", "/fraga", f"/graf?iri={AMN}", "/ns",
         "/dokument", "/no-such-page"]
OTHERS = ["/health", "/sparql?query=ASK%7B%7D", "/sparql", "/api/v1/bodies?limit=2", AMN_PATH + ".ttl",
          "/.well-known/void", "/dumps/documents/002-40780f4541adeb76.nq", "/static/js/pages.js",
          "/static/css/styrgraf.css", "/openapi.json", "/api/v1/bodies/nobody-at-all",
          "/sparql?query=SELEKT", "/api/v1/bodies?limit=-1"]


def csp_directives(value: str) -> dict[str, list[str]]:
    out = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


@pytest.mark.parametrize("target", PAGES + OTHERS)
def test_security_headers_on_every_response(client, target):
    r = client.get(target, headers={"Accept": "text/html"} if target in PAGES else {})
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] in ("same-origin", "no-referrer", "strict-origin-when-cross-origin")
    csp = csp_directives(r.headers["content-security-policy"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,64}", r.headers["x-request-id"])
    if r.headers.get("content-type", "").startswith("text/html"):
        assert csp["script-src"] == ["'self'"], csp        # no inline script, no eval
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]
    else:
        assert csp["default-src"] == ["'none'"], (target, csp)


def test_the_api_documentation_is_served_from_here_under_the_pages_policy(client):
    """Swagger UI (/docs) is served from here, under the pages' policy: scripts from this origin only.
    There is no /redoc: ReDoc could only come from a CDN."""
    r = client.get("/docs")
    assert r.status_code == 200
    csp = csp_directives(r.headers["content-security-policy"])
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"] and csp["script-src"] == ["'self'"]
    assert r.headers["x-frame-options"] == "DENY"
    assert client.get("/redoc").status_code == 404
    assert "'unsafe-inline'" not in csp_directives(client.get("/").headers["content-security-policy"])["script-src"]


def test_security_headers_on_refusals_and_preflight(client):
    for r in (client.post("/sparql", content=b"x" * (2 << 20), headers={"Content-Type": "application/sparql-query"}),
              client.options("/sparql", headers={"Origin": "https://yasgui.example",
                                                 "Access-Control-Request-Method": "POST"}),
              client.get("/sparql", params={"query": "ASK {} #" + "x" * 40000}),
              client.post("/sparql", content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})):
        assert r.headers["x-content-type-options"] == "nosniff", r.status_code
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY"


def test_a_clients_request_id_is_kept_and_a_bad_one_replaced(client):
    assert client.get("/health", headers={"X-Request-Id": "abc-123.X_y"}).headers["x-request-id"] == "abc-123.X_y"
    rid = client.get("/health", headers={"X-Request-Id": "<script>".encode() + b"\xe5"}).headers["x-request-id"]
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,64}", rid) and "script" not in rid


# ============================================================== pages work under the CSP
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\s(on[a-z]+)\s*=", re.I)


def inline_code(html: str) -> list[str]:
    found = [m.group() for m in INLINE_SCRIPT.finditer(html)]
    found += [m.group(1) for m in EVENT_HANDLER.finditer(html)]
    found += re.findall(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", html, re.I)
    return found


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_have_no_inline_script_or_event_handlers(template):
    assert inline_code((TEMPLATES / template).read_text(encoding="utf-8")) == []


def test_rendered_pages_have_no_inline_script_or_event_handlers(client):
    for target in PAGES + ["/organ/stockholms-stad/arbetsmarknadsnamnden", "/dokument/002-40780f4541adeb76",
                           "/fraga?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%203"]:
        r = client.get(target, headers={"Accept": "text/html"})
        if r.headers["content-type"].startswith("text/html"):
            assert inline_code(r.text) == [], target
        else:
            assert r.status_code == 404, target


def test_scripts_need_no_eval():
    for script in list(STATIC.glob("js/*.js")) + list(STATIC.glob("build/*.js")):
        text = script.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"\beval\(|new Function\(|setTimeout\(\s*[\"']", text), script.name


# ============================================================== CORS still works for /sparql
def test_cors_for_the_sparql_endpoint(client):
    origin = {"Origin": "https://yasgui.example"}
    r = client.get("/sparql", params={"query": "ASK {}"}, headers=origin)
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    assert "x-styrgraf-truncated" in r.headers["access-control-expose-headers"].lower()
    pre = client.options("/sparql", headers={**origin, "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code in (200, 204)
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "POST" in pre.headers["access-control-allow-methods"]
    # a refusal is readable by the browser client too
    for r in (client.post("/sparql", content=b"x" * (2 << 20),
                          headers={**origin, "Content-Type": "application/sparql-query"}),
              client.get("/sparql", params={"query": "SELEKT"}, headers=origin),
              client.get("/sparql?query=ASK%7B%7D%23%FF", headers=origin)):
        assert r.status_code in (400, 413), r.status_code
        assert r.headers["access-control-allow-origin"] == "*"
    # and the pages are not opened to other origins
    assert "access-control-allow-origin" not in client.get("/", headers=origin).headers


# ============================================================== no internal detail, ever
ODD_REQUESTS = [
    ("GET", "/id/a%3Eb"), ("GET", "/id/x%20y"), ("GET", "/id/%22"), ("GET", "/id/a%7Bb%7D"),
    ("GET", "/id/%00"), ("GET", "/id/a%5Cu0022"), ("GET", "/id/x.ttl%3E"), ("GET", "/id/org/%FF"),
    ("GET", "/dumps/documents/..%2F..%2Fetc%2Fpasswd.nq"), ("GET", "/dumps/styrgraf.exe"),
    ("GET", "/static/..%2F..%2Fsecurity.py"), ("GET", "/static/../../pyproject.toml"),
    ("GET", "/graf?iri=%3E"), ("GET", "/graf?iri=javascript:alert(1)"),
    ("GET", "/api/v1/bodies/%3E"), ("GET", "/api/v1/bodies?from=notadate"),
    ("GET", "/api/v1/bodies?limit=99999999999999999999"), ("GET", "/api/v1/queries/changes?since=%3E"),
    ("GET", "/api/v1/queries/no-such-query"), ("GET", "/api/v1/goals?policy=%22%7D"),
    ("GET", "/api/v1/documents?q=%22%7D%20SERVICE"), ("GET", "/sok?q=%22%7D"),
    ("GET", "/graph-store?graph=%3E"), ("GET", "/graph-store?graph=urn:x:none"), ("GET", "/ns/%3E"),
    ("GET", "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%20FILTER(%3Fo%20%3D%20%3Chttp%3A%2F%2Fx%3E%5E%5E%3Cy%3E)%7D"),
    ("GET", "/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri"),
    ("GET", "/sparql?query=SELECT%20(%3Fx%2F0%20AS%20%3Fy)%20WHERE%20%7B%20BIND(1%20AS%20%3Fx)%20%7D"),
    ("GET", "/fraga?query=SELEKT"), ("GET", "/fraga?query=SELECT%20*%20WHERE%20%7B%20SERVICE%20%3Chttp%3A%2F%2Fx%3E%20%7B%7D%20%7D"),
    ("POST", "/sparql"), ("POST", "/api/v1/bodies"), ("DELETE", "/sparql"), ("PUT", "/"),
    ("GET", "/docs"), ("GET", "/redoc"),
]


@pytest.mark.parametrize("method, target", ODD_REQUESTS)
def test_odd_requests_are_answered_without_internal_detail(client, store, method, target):
    r = client.request(method, target, headers={"Accept": "text/html, application/json;q=0.9, */*;q=0.1"})
    assert r.status_code < 500, (target, r.status_code, r.text[:300])
    assert_no_leak(r, str(store))


def test_a_failure_is_a_plain_500_with_a_request_id(corpus_store, tmp_path):
    """When the store breaks under a running server, the 500s say nothing about the machine;
    the traceback and the request id go to the server's log."""
    store = tmp_path / "store"
    shutil.copytree(corpus_store, store)
    with logged_server(store, "--timeout", "5") as (base, _proc, log):
        with httpx.Client(base_url=base, timeout=30) as c:
            assert c.get("/dumps/styrgraf.nq").status_code == 200
            for child in store.iterdir():              # the store is gone from under it
                shutil.rmtree(child) if child.is_dir() else child.unlink()
            (store / "generation").write_text("broken", encoding="ascii")
            answers = []
            for target in ("/dumps/styrgraf.nq", "/dumps/documents/002-40780f4541adeb76.nq",
                           "/sparql?query=ASK%7B%7D", "/api/v1/bodies", AMN_PATH, "/api/v1/queries/counts"):
                try:
                    answers.append(c.get(target))
                except httpx.RemoteProtocolError:
                    # a dump whose 200 had been sent when the store failed can only be cut off
                    assert target.startswith("/dumps/"), target
        time.sleep(0.5)
    errors = [r for r in answers if r.status_code >= 500]
    assert errors, [r.status_code for r in answers]
    for r in answers:
        assert_no_leak(r, str(store), str(tmp_path))
    for r in errors:
        rid = r.headers["x-request-id"]
        if r.status_code == 500 and "request id" in r.text:
            assert rid in r.text
    logged = log.read_text(errors="replace")
    plain = [r for r in errors if "request id" in r.text]
    assert plain, [(r.status_code, r.text) for r in errors]
    for r in plain:
        assert r.headers["x-request-id"] in logged       # the log says what happened to it
    assert "Traceback" in logged


def test_the_error_layer_in_process(tmp_path, caplog):
    """install_security on a bare app: an exception, and an error body that names a file."""
    from fastapi import FastAPI
    from fastapi.responses import PlainTextResponse
    from fastapi.testclient import TestClient

    from styrgraf.api.security import install_security
    from styrgraf.config import Settings

    app = FastAPI()
    install_security(app, Settings(store=tmp_path / "store"))

    @app.get("/boom")
    async def boom():
        raise RuntimeError(f'File "{ROOT}/api/app.py", line 1: the secret is in {tmp_path}')

    @app.get("/api/v1/boom")
    async def api_boom():
        raise KeyError("x")

    @app.get("/chatty")
    async def chatty():
        return PlainTextResponse(f"cannot open store {tmp_path / 'store'}: no such file", status_code=500)

    @app.get("/fine")
    async def fine():
        return PlainTextResponse("not found, and that is all", status_code=404)

    from styrgraf.query_errors import ExecutorBusy, QueryMemoryLimit, QuerySyntaxError, QueryTimeout

    @app.get("/slow")
    async def slow():
        raise QueryTimeout(2)

    @app.get("/big")
    async def big():
        raise QueryMemoryLimit(300 * 2**20)

    @app.get("/busy")
    async def busy():
        raise ExecutorBusy(10, 4)

    @app.get("/id/{path:path}")
    async def bad_iri(path: str):
        raise QuerySyntaxError(f"error at 1:42: expected IRI in {path}")

    with TestClient(app, raise_server_exceptions=False) as c, caplog.at_level(logging.ERROR, "styrgraf.security"):
        r = c.get("/boom", headers={"X-Request-Id": "req-1"})
        assert r.status_code == 500
        assert r.headers["content-type"].startswith("text/plain")
        assert "req-1" in r.text and r.headers["x-request-id"] == "req-1"
        assert_no_leak(r, str(tmp_path))
        assert r.headers["x-content-type-options"] == "nosniff"
        r = c.get("/api/v1/boom")
        assert r.status_code == 500 and r.json()["request_id"] == r.headers["x-request-id"]
        r = c.get("/chatty")
        assert r.status_code == 500 and str(tmp_path) not in r.text and "request id" in r.text
        r = c.get("/fine")
        assert r.status_code == 404 and r.text == "not found, and that is all"
        # query errors a route lets through keep their meaning
        r = c.get("/slow")
        assert r.status_code == 503 and r.headers["x-styrgraf-error"] == "timeout" and "time limit" in r.text
        r = c.get("/big")
        assert r.status_code == 503 and r.headers["x-styrgraf-error"] == "memory"
        assert "memory limit of 300 MiB" in r.text
        r = c.get("/busy")
        assert r.status_code == 503 and r.headers["retry-after"] == "5"
        r = c.get("/id/x")
        assert r.status_code == 400 and "valid query" in r.text
    logged = "\n".join(rec.getMessage() + (rec.exc_text or "") for rec in caplog.records)
    assert "req-1" in logged and "RuntimeError" in logged
    assert any(rec.exc_info for rec in caplog.records)


# ============================================================== request size limits
def test_request_size_limits_are_configurable(store):
    env = {"STYRGRAF_MAX_REQUEST_BYTES": "2000", "STYRGRAF_MAX_URL_BYTES": "1500",
           "STYRGRAF_MAX_HEADER_BYTES": "4000"}
    with logged_server(store, env=env) as (base, _proc, _log):
        with httpx.Client(base_url=base, timeout=30) as c:
            small = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * 1000
            big = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * 3000
            ct = {"Content-Type": "application/sparql-query"}
            assert c.post("/sparql", content=small.encode(), headers=ct).status_code == 200
            r = c.post("/sparql", content=big.encode(), headers=ct)
            assert r.status_code == 413 and "2000 bytes" in r.text
            assert c.get("/sparql", params={"query": small[:900]}).status_code == 200
            r = c.get("/sparql", params={"query": big[:2000]})
            assert r.status_code == 414 and "1500 bytes" in r.text
            r = c.get("/health", headers={"X-Filler": "a" * 5000})
            assert r.status_code == 431


def test_the_token_allows_bigger_bodies(store, tmp_path):
    """Graph Store uploads with the update token may be larger than anonymous requests."""
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    env = {"STYRGRAF_UPDATE_TOKEN": TOKEN, "STYRGRAF_MAX_REQUEST_BYTES": "10000"}
    body = "".join(f'<urn:x:s{i}> <urn:x:p> "{"v" * 40}" .\n' for i in range(2000)).encode()
    assert len(body) > 10000
    with logged_server(copy, env=env) as (base, _proc, _log):
        with httpx.Client(base_url=base, timeout=60) as c:
            ct = {"Content-Type": "application/n-triples"}
            r = c.put("/graph-store", params={"graph": "urn:x:big"}, content=body, headers=ct)
            assert r.status_code == 413
            r = c.put("/graph-store", params={"graph": "urn:x:big"}, content=body,
                      headers={**ct, "Authorization": "Bearer wrong"})
            assert r.status_code == 413
            r = c.put("/graph-store", params={"graph": "urn:x:big"}, content=body,
                      headers={**ct, "Authorization": f"Bearer {TOKEN}"})
            assert r.status_code == 201, r.text
            r = c.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:big> { ?s ?p ?o } }"})
            assert json.loads(r.text)["results"]["bindings"][0]["n"]["value"] == "2000"


def test_settings_read_the_limits_from_the_environment(monkeypatch):
    from styrgraf.config import Settings

    s = Settings.from_env()
    assert s.max_request_bytes == 1024 * 1024 and s.max_update_bytes == 64 * 1024 * 1024
    assert s.max_url_bytes == 32 * 1024 and s.max_header_bytes == 32 * 1024
    monkeypatch.setenv("STYRGRAF_MAX_REQUEST_BYTES", "12345")
    monkeypatch.setenv("STYRGRAF_MAX_URL_BYTES", " 999 ")
    s = Settings.from_env()
    assert s.max_request_bytes == 12345 and s.max_url_bytes == 999
    monkeypatch.setenv("STYRGRAF_MAX_REQUEST_BYTES", "lots")
    with pytest.raises(ValueError, match="STYRGRAF_MAX_REQUEST_BYTES"):
        Settings.from_env()
    monkeypatch.setenv("STYRGRAF_MAX_REQUEST_BYTES", "0")
    with pytest.raises(ValueError, match="positive"):
        Settings.from_env()


def test_settings_never_show_the_token(monkeypatch, tmp_path):
    from styrgraf.config import Settings

    monkeypatch.setenv("STYRGRAF_UPDATE_TOKEN", TOKEN)
    s = Settings.from_env()
    assert s.update_token == TOKEN
    assert TOKEN not in repr(s) and TOKEN not in str(s)
    monkeypatch.delenv("STYRGRAF_UPDATE_TOKEN")
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    monkeypatch.setenv("STYRGRAF_UPDATE_TOKEN_FILE", str(token_file))
    assert Settings.from_env().update_token == TOKEN


# ============================================================== the token is never logged
@pytest.mark.parametrize("source", ["env", "file"])
def test_the_update_token_never_appears_in_the_servers_output(store, tmp_path, source):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    if source == "env":
        env = {"STYRGRAF_UPDATE_TOKEN": TOKEN}
    else:
        token_file = tmp_path / "token"
        token_file.write_text(TOKEN, encoding="utf-8")
        env = {"STYRGRAF_UPDATE_TOKEN_FILE": str(token_file)}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    upd = {"Content-Type": "application/sparql-update"}
    with logged_server(copy, env=env) as (base, proc, log):
        cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes().decode(errors="replace")
        assert TOKEN not in cmdline
        with httpx.Client(base_url=base, timeout=30) as c:
            answers = [
                c.post("/sparql", content=b"INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 1 } }",
                       headers={**upd, **auth}),
                c.post("/sparql", content=b"INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 2 } }", headers=upd),
                c.post("/sparql", content=b"INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 3 } }",
                       headers={**upd, "Authorization": f"Bearer {TOKEN}-wrong"}),
                c.put("/graph-store", params={"graph": "urn:x:h"}, content=b'<urn:x:s> <urn:x:p> "1" .',
                      headers={"Content-Type": "application/n-triples", **auth}),
                c.delete("/graph-store", params={"graph": "urn:x:h"}, headers=auth),
                c.post("/sparql", content=b"LOAD <file:///etc/passwd>", headers={**upd, **auth}),
                c.post("/sparql", content=b"x" * (2 << 20), headers={**upd, "Authorization": "Bearer nope"}),
                c.get("/id/%FF", headers=auth),
                c.get("/sparql", headers={"Accept": "text/turtle", **auth}),      # service description
                c.get("/.well-known/void", headers=auth),
                c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"}, headers=auth),
                # failing writes last (see test_a_failed_update_does_not_break_the_next_one)
                c.put("/graph-store", params={"graph": "urn:x:h"}, content=b"not n-triples",
                      headers={"Content-Type": "application/n-triples", **auth}),
                c.post("/sparql", content=b"INSERT DATA { broken", headers={**upd, **auth}),
            ]
        got = [(r.status_code, r.text[:120]) for r in answers]
        assert [r.status_code for r in answers[:7]] == [200, 401, 403, 201, 204, 400, 413], got
        assert [r.status_code for r in answers[-2:]] == [400, 400], got
        for r in answers:
            assert TOKEN not in r.text
            assert all(TOKEN not in v for v in r.headers.values())
    output = log.read_text(errors="replace")
    assert output.strip(), "the server wrote nothing at all (its banner, at least, is expected)"
    assert TOKEN not in output


def test_a_failed_update_does_not_break_the_next_one(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    with logged_server(copy, env={"STYRGRAF_UPDATE_TOKEN": TOKEN}) as (base, _proc, _log):
        with httpx.Client(base_url=base, timeout=30) as c:
            assert c.post("/sparql", content=b"INSERT DATA { broken", headers=headers).status_code == 400
            statuses = [c.post("/sparql", content=f"INSERT DATA {{ GRAPH <urn:x:g> {{ <urn:x:s> <urn:x:p> {i} }} }}"
                               .encode(), headers=headers).status_code for i in range(3)]
    assert statuses == [200, 200, 200]


@pytest.mark.parametrize("params, expected", [
    ({"modified_since": "yesterday"}, "expected an ISO 8601 date-time such as 2026-01-31T09:00:00Z"),
    ({"from": "last week"}, "expected a date: YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_a_bad_date_is_told_the_format_in_words_not_a_pattern(client, params, expected):
    r = client.get("/api/v1/documents", params=params)
    assert r.status_code == 422
    [error] = r.json()["detail"]
    assert error["msg"].startswith(expected) and error["loc"][-1] in params and "^" not in r.text
