"""No dead ends, whatever address styrgraf is served on.

`styrgraf serve` runs over the bundled corpus on a free port (tests/server.py), while the
instance IRIs stay under https://w3id.org/styrgraf/. A crawler starts at `/` and follows
every link of every page it reaches (anchors, stylesheets, scripts, forms, the URLs the page
scripts fetch, `Link` headers, redirects): none may answer 4xx/5xx, point at another port or a
local address other than the one serving, or name an anchor its page does not have. Then what a
client meets beyond the links: the dataset description's endpoint and dumps, named-graph IRIs,
the pages of resources without a page of their own, the 404 page, the way back from /ns.
"""
from __future__ import annotations

import collections
import html
import ipaddress
import re
import time
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
import pyoxigraph as ox
import pytest

from server import running_server

BASE = "https://w3id.org/styrgraf/"       # the namespace of the IRIs, not the address
SG = "https://w3id.org/styrgraf/ns#"
VOID = "http://rdfs.org/ns/void#"
MAX_PAGES = 5000                      # the corpus gives about 1,300 pages (Swedish and English), 3,800 URLs
MAX_SECONDS = 400

pytestmark = pytest.mark.slow


class Links(HTMLParser):
    """Every URL a page refers to, with the element and attribute it is in, and its ids."""

    ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"),
             ("form", "action"), ("blockquote", "cite"), ("q", "cite")}
    DATA_ATTRS = ("data-graph-json", "data-endpoint", "data-openapi")     # what the page scripts fetch

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if v is None:
                continue
            if (tag, k) in self.ATTRS or k in self.DATA_ATTRS:
                self.urls.append((f"{tag}[{k}]", v))
            elif k == "id":
                self.ids.add(v)


def link_header_urls(value: str) -> list[str]:
    return re.findall(r"<([^>]*)>", value or "")


def is_local_host(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


class Crawl:
    """Breadth-first over one origin. Pages (HTML) are parsed and followed `depth` links deep;
    every other URL is only fetched. Cookies are dropped after every answer, so the language a
    page was asked in (?lang=en) does not stick to the next one."""

    def __init__(self, origin: str, client: httpx.Client):
        self.origin = urlsplit(origin).netloc
        self.client = client
        self.problems: list[str] = []
        self.ids: dict[str, set[str] | None] = {}      # page URL -> its ids (None: not HTML)
        self.pages = 0

    def get(self, url: str) -> httpx.Response:
        self.client.cookies.clear()
        return self.client.get(url, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
                               follow_redirects=True)

    def run(self, starts: list[str], depth: int = 10 ** 6) -> None:
        seen = set(starts)
        queue = collections.deque((u, "(start)", 0) for u in starts)
        fragments: list[tuple[str, str, str]] = []
        deadline = time.monotonic() + MAX_SECONDS
        while queue:
            assert self.pages < MAX_PAGES and time.monotonic() < deadline, \
                f"the crawl did not end: {self.pages} pages, {len(queue)} URLs waiting (a link that grows?)"
            url, source, level = queue.popleft()
            r = self.get(url)
            for hop in [*r.history, r]:
                if urlsplit(str(hop.url)).netloc != self.origin:
                    self.problems.append(f"{url} (from {source}) redirects off the origin, to {hop.url}")
            if r.status_code >= 400:
                self.problems.append(f"{r.status_code} {url} (linked from {source})")
                continue
            html = r.headers.get("content-type", "").startswith("text/html")
            parsed = Links(r.text) if html else None
            self.ids[url] = parsed.ids if parsed else None
            if level >= depth:
                continue
            refs = [("Link header", u) for u in link_header_urls(r.headers.get("link"))]
            if parsed:
                self.pages += 1
                refs += parsed.urls
            for where, ref in refs:
                target = urljoin(str(r.url), ref.strip())
                parts = urlsplit(target)
                if parts.scheme not in ("http", "https"):
                    continue                      # mailto:, and the anchors of this very page below
                if parts.netloc != self.origin:
                    # the ontology's documentation cites the vocabularies it builds on; nothing else
                    # leaves the site, and nothing at all points at a local address but this one
                    if is_local_host(parts.hostname) or urlsplit(url).path != "/ns":
                        self.problems.append(f"{url}: {where} leads off the origin: {target}")
                    continue
                page, fragment = urldefrag(target)
                if fragment:
                    fragments.append((page, fragment, url))
                if page not in seen:
                    seen.add(page)
                    queue.append((page, url, level + 1))
        for page, fragment, source in fragments:
            ids = self.ids.get(page)
            if ids is not None and fragment not in ids:
                self.problems.append(f"{source} links #{fragment} of {page}, which has no such anchor")


@pytest.fixture(scope="module")
def served(corpus_store):
    with running_server(corpus_store) as url:
        assert urlsplit(url).port != urlsplit(BASE).port       # the IRIs name a port that does not answer
        yield url


@pytest.fixture(scope="module")
def client():
    with httpx.Client(timeout=60) as c:
        yield c


def sparql(client: httpx.Client, served: str, query: str) -> list[dict[str, str]]:
    r = client.get(served + "sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text[:300]
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def test_every_link_of_every_page_reachable_from_the_start_works(served, client):
    crawl = Crawl(served, client)
    crawl.run([served])
    assert not crawl.problems, "\n".join(crawl.problems[:40])
    assert crawl.pages > 500                           # the crawl reached the whole site
    visited = {urlsplit(u).path.split("/")[1] for u in crawl.ids}
    assert {"organ", "styrdokument", "dokument", "sammantraden", "id", "graf", "docs", "ns", "static",
            "dumps", "api"} <= visited, visited


def test_the_dataset_description_advertises_where_it_is_served(served, client):
    r = client.get(served + ".well-known/void", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    values = collections.defaultdict(list)
    for t in triples:
        values[t.predicate.value].append(t.object.value)
    [endpoint] = values[VOID + "sparqlEndpoint"]
    assert endpoint == served + "sparql"
    answer = client.get(endpoint, params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?d a <{SG}Document> }}"},
                        headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200 and int(answer.json()["results"]["bindings"][0]["n"]["value"]) == 5
    assert len(values[VOID + "dataDump"]) == 4
    for dump in values[VOID + "dataDump"]:
        assert dump.startswith(served)
        with client.stream("GET", dump) as d:
            assert d.status_code == 200, dump
    assert values[VOID + "uriSpace"] == [BASE + "id/"]        # the identifiers stay what they are
    for t in triples:                 # what it serves is named on this server; of the IRIs only the vocabulary
        for term in (t.subject, t.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(BASE):
                assert term.value.startswith((BASE + "ns", BASE + "kind")), t
    sd = client.get(served + "sparql", headers={"Accept": "text/turtle"})
    assert f"<{served}sparql>" in sd.text                     # the service description: sd:endpoint


def test_link_headers_lead_to_the_server_that_answered(served, client):
    for path in ("id/org/stockholms-stad/arbetsmarknadsnamnden", "id/person/fredrik-lindstal",
                 "graph/002-40780f4541adeb76"):
        r = client.get(served + path, headers={"Accept": "text/turtle"})
        assert r.status_code == 200, path
        urls = link_header_urls(r.headers["link"])
        assert len(urls) >= 4
        for url in urls:
            assert url.startswith(served + path + "."), url
            alt = client.get(url)
            assert alt.status_code == 200 and alt.content, url


def test_pages_show_the_identifier_and_link_locally(served, client):
    r = client.get(served + "organ/stockholms-stad/arbetsmarknadsnamnden")
    iri = BASE + "id/org/stockholms-stad/arbetsmarknadsnamnden"
    assert f'<a href="/id/org/stockholms-stad/arbetsmarknadsnamnden">{iri}</a>' in r.text     # the IRI: line
    assert 'href="https://w3id.org/styrgraf' not in r.text and "w3id.org" not in r.headers.get("link", "")


def test_named_graph_iris_dereference(served, client):
    graph = "graph/000-c3f731b4bab44c47"
    page = client.get(served + graph, headers={"Accept": "text/html"}, follow_redirects=True)
    assert page.history and page.history[0].status_code == 303
    assert str(page.url) == served + "dokument/000-c3f731b4bab44c47" and page.status_code == 200
    ttl = client.get(served + graph, headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    dump = client.get(served + "dumps/documents/000-c3f731b4bab44c47.nq")
    quads = list(ox.parse(dump.content, format=ox.RdfFormat.N_QUADS))
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in quads} == \
        {ox.Triple(t.subject, t.predicate, t.object) for t in ox.parse(ttl.content, format=ox.RdfFormat.TURTLE)}
    trig = client.get(served + graph + ".trig")
    assert {q.graph_name.value for q in ox.parse(trig.content, format=ox.RdfFormat.TRIG)} == {BASE + graph}
    feed = client.get(served + "graph/_changes", headers={"Accept": "text/html"}, follow_redirects=True)
    assert feed.status_code == 200 and str(feed.url).endswith("/api/v1/queries/changes")
    assert client.get(served + "graph/nothing-here", headers={"Accept": "text/turtle"}).status_code == 404
    gone = client.get(served + "graph/nothing-here", headers={"Accept": "text/html"})
    assert gone.status_code == 404 and "Hittades inte" in gone.text


# one resource of each kind that has no page of its own
KINDS = ["Evidence", "Person", "AgendaItem", "Attendance", "Decision", "Reservation", "MinutesStatement", "Party",
         "Diarienummer", "Change", "Response"]


def test_resources_without_a_page_of_their_own_have_a_readable_one(served, client):
    rows = sparql(client, served, "SELECT ?c (SAMPLE(?x) AS ?s) WHERE { ?x a ?c VALUES ?c { "
                  + " ".join(f"<{SG}{k}>" for k in KINDS) + " } } GROUP BY ?c")
    assert len(rows) == len(KINDS), rows
    starts = []
    for row in rows:
        assert row["s"].startswith(BASE + "id/")
        url = served + row["s"][len(BASE):]
        r = client.get(url, headers={"Accept": "text/html"})
        assert r.status_code == 200, url
        assert '<header class="site">' in r.text and '<footer class="site">' in r.text, url     # the site's layout
        h1 = re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", r.text, re.S).group(1)).strip()
        assert h1 and "://" not in h1 and row["s"].rsplit("/", 1)[-1] not in h1, (url, h1)       # a name, not the IRI
        assert row["s"] in r.text                                                               # the IRI: line
        starts.append(url)
    crawl = Crawl(served, client)
    crawl.run(starts, depth=1)                        # every link of these pages, one step
    assert not crawl.problems, "\n".join(crawl.problems[:40])


def test_a_resource_named_but_not_typed_has_a_page(served, client):
    """A policy that a consultation concerns, known only by its title (no rdf:type): the
    consultation's page links it, and the link leads to a page with that title."""
    rows = sparql(client, served, f"""SELECT ?x ?title ?c WHERE {{ ?c a <{SG}Consultation> ; <{SG}consultedOn> ?x .
        ?x <http://purl.org/dc/terms/title> ?title FILTER NOT EXISTS {{ ?x a ?type }} }} LIMIT 1""")
    assert rows, "the corpus has no untyped consultation subject any more: this test needs another example"
    x, title, consultation = rows[0]["x"], rows[0]["title"], rows[0]["c"]
    page = client.get(served + "remisser/" + consultation[len(BASE + "id/consultation/"):])
    href = "/styrdokument/" + x[len(BASE + "id/policy/"):]
    assert f'href="{href}"' in page.text
    r = client.get(served + href.lstrip("/"))
    assert r.status_code == 200 and f"<h1>{html.escape(title, quote=False)}</h1>" in r.text


def test_not_found_speaks_the_language_of_the_page(served, client):
    r = client.get(served + "styrdokument/finns-inte")
    assert r.status_code == 404 and '<html lang="sv">' in r.text
    main = re.search(r"<main.*</main>", r.text, re.S).group(0)
    assert "Hittades inte" in main and BASE + "id/policy/finns-inte" in main
    assert not re.search(r"\b(no|with|not found)\b", re.sub(r"<[^>]+>|https?://\S+", " ", main), re.I), main
    en = client.get(served + "styrdokument/finns-inte", params={"lang": "en"})
    assert en.status_code == 404 and "Not found" in en.text and "Hittades" not in en.text
    assert client.get(served + "id/policy/finns-inte", headers={"Accept": "text/html"}).status_code == 404


def test_the_ontology_page_leads_back_to_the_site(served, client):
    r = client.get(served + "ns", headers={"Accept": "text/html"})
    if not r.headers["content-type"].startswith("text/html"):
        pytest.skip("the ontology's HTML documentation is not built (make install builds it)")
    assert re.search(r'<body[^>]*>\s*<nav[^>]*>.*?<a href="/">styrgraf</a>', r.text, re.S)     # at its top


def test_the_api_documentation_is_served_from_here(served, client):
    """/docs loads nothing from elsewhere: Swagger UI from the front-end build, or, where that
    was not built, a link to the OpenAPI document (the browser test runs the built one offline)."""
    r = client.get(served + "docs", params={"lang": "sv"})
    assert r.status_code == 200 and "<h1>API-dokumentation</h1>" in r.text
    refs = Links(r.text).urls
    assert all(not urlsplit(u).netloc for _, u in refs), refs
    built = [u for where, u in refs if where == "script[src]" and "/static/build/swagger-ui/" in u]
    assert built or '<a href="/openapi.json"' in r.text
    assert client.get(served + "openapi.json").status_code == 200
