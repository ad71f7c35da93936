"""Linked data for other authorities: dereferenceable IRIs, dumps, VoID/DCAT, the ontology.

Every instance IRI `{base}id/…` answers with HTML for a browser and RDF
(Turtle, JSON-LD, N-Triples, RDF/XML) by Accept header or file suffix. The
description holds what the resource says (outgoing) and what links to it
(incoming), over the union of all document graphs. Every named graph's IRI
`{base}graph/…` answers too: a browser is sent to the page of the document read
into it, an RDF client gets the graph's content.

IRIs stay in styrgraf's namespace; the links, `Link` headers and the dataset
description point at the address the request came to (api/links.py).
"""
from __future__ import annotations

import json
import re

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from styrgraf.config import Settings
from styrgraf.constraints import shapes_turtle
from styrgraf.iris import changes_graph, graph_iri, id_prefix
from styrgraf.resources import ONTOLOGY_DIR
from styrgraf.vocab import PREFIXES, SG, VOCAB_GRAPH

from .dataset_description import describe_dataset
from .links import local_path, served_url
from .pages import pages_of, render_resource_page
from .state import ServerState

RDF_MEDIA = {
    "text/turtle": ("ttl", ox.RdfFormat.TURTLE),
    "application/ld+json": ("jsonld", ox.RdfFormat.JSON_LD),
    "application/n-triples": ("nt", ox.RdfFormat.N_TRIPLES),
    "application/rdf+xml": ("rdf", ox.RdfFormat.RDF_XML),
}
SUFFIX_MEDIA = {v[0]: k for k, v in RDF_MEDIA.items()}
DUMP_FORMATS = {
    "nq": ("application/n-quads", ox.RdfFormat.N_QUADS),
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
}
# a named graph's content: media type -> (suffix, styrgraf.store format); TriG keeps its name, and
# a graph is given in the formats of a description too. The store names its formats by their
# suffixes, but for RDF/XML's
GRAPH_MEDIA = {media: (suffix, {"rdf": "rdfxml"}.get(suffix, suffix)) for media, suffix in (
    ("application/trig", "trig"), ("application/n-quads", "nq"), *((m, s) for m, (s, _) in RDF_MEDIA.items()))}


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def _curie(iri: str) -> str:
    """prefix:local for an IRI in one of the published namespaces (the longest that fits), else the IRI."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def compact_jsonld(triples: list[ox.Triple]) -> bytes:
    """JSON-LD with an @context of the published prefixes: properties and types as prefix:local names,
    resources by their full IRIs, so that a client reads it as it is and expands it to the same triples."""
    nodes = []
    for node in json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD)):
        out = {}
        for key, value in node.items():
            if key == "@type":
                out[key] = [_curie(t) for t in value]
            else:
                out[key if key.startswith("@") else _curie(key)] = value
        nodes.append(out)
    return json.dumps({"@context": dict(sorted(PREFIXES.items())), "@graph": nodes}, ensure_ascii=False,
                      indent=1).encode("utf-8")


def serialize_rdf(triples: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    """A description as a client reads it best: Turtle with the published prefixes, compact JSON-LD."""
    if fmt == ox.RdfFormat.TURTLE:
        return ox.serialize(triples, format=fmt, prefixes=PREFIXES)
    if fmt == ox.RdfFormat.JSON_LD:
        return compact_jsonld(triples)
    return ox.serialize(triples, format=fmt)


def negotiate(request: Request, suffix: str | None, offers=RDF_MEDIA) -> str:
    """'text/html' or one of `offers` (media types keyed to their suffix first), from a file
    suffix or the Accept header."""
    by_suffix = {v[0]: k for k, v in offers.items()}
    if suffix:
        if suffix not in by_suffix and suffix != "html":
            raise HTTPException(404, f"unknown format suffix .{suffix}")
        return by_suffix.get(suffix, "text/html")
    accept = request.headers.get("accept", "")
    best, best_q = "text/html", -1.0
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        if media in offers or media in ("text/html", "application/xhtml+xml"):
            cand = "text/html" if media == "application/xhtml+xml" else media
            if q > best_q:
                best, best_q = cand, q
    return best


def split_suffix(path: str, suffixes) -> tuple[str, str | None]:
    """('id/org/x', 'ttl') for 'id/org/x.ttl'; (path, None) without a known suffix."""
    for s in (*suffixes, "html"):
        if path.endswith("." + s):
            return path[: -len(s) - 1], s
    return path, None


# where the pages' layout begins in the ontology's HTML documentation (pyLODE's): a bar back to the site goes there
_BODY_OPEN = re.compile(r"<body[^>]*>", re.IGNORECASE)
SITE_BAR = ('<nav aria-label="styrgraf" style="font:16px system-ui,sans-serif;padding:.5rem 1rem;'
            'border-bottom:1px solid #ddd"><a href="/">styrgraf</a> · <a href="/organ">Organ</a> · '
            '<a href="/styrdokument">Styrdokument</a> · <a href="/fraga">SPARQL</a> · '
            '<a href="/docs">API</a></nav>')


def with_site_bar(page: str) -> str:
    """The ontology's documentation with a way back to the rest of the site at its top."""
    m = _BODY_OPEN.search(page)
    return page[:m.end()] + SITE_BAR + page[m.end():] if m else SITE_BAR + page


def linked_data_router(state: ServerState) -> APIRouter:
    router = APIRouter()
    pages = pages_of(state)

    def alternates_link(request: Request, iri: str, media: dict) -> str:
        """The `Link` header naming the RDF forms of `iri`, on the address the request came to."""
        url = served_url(request, local_path(iri, state.base))
        return ", ".join(f'<{url}.{v[0]}>; rel="alternate"; type="{m}"' for m, v in media.items())

    @router.get("/id/{path:path}", include_in_schema=False)
    async def dereference(path: str, request: Request):
        path, suffix = split_suffix(path, SUFFIX_MEDIA)
        return await describe(id_prefix(state.base) + path, request, suffix)

    @router.get("/kind", include_in_schema=False)
    @router.get("/kind/{path:path}", include_in_schema=False)
    async def kind(request: Request, path: str = ""):
        """The concept schemes of kinds and their concepts (ontology/kinds.ttl, in the store)."""
        path, suffix = split_suffix(path, SUFFIX_MEDIA)
        return await describe(f"{state.base}kind" + (f"/{path}" if path else ""), request, suffix)

    async def describe(iri: str, request: Request, suffix: str | None):
        media = negotiate(request, suffix)
        triples = await pages.describe(iri)
        if not triples:
            if media == "text/html":
                return pages.not_found(request, iri)
            raise HTTPException(404, f"no resource {iri}")
        headers = {"Vary": "Accept", "Link": alternates_link(request, iri, RDF_MEDIA)}
        if media == "text/html":
            rich = await render_resource_page(state, iri, request, headers)
            return rich or await pages.render_description(request, iri, triples, headers=headers)
        return Response(serialize_rdf(triples, RDF_MEDIA[media][1]), media_type=media, headers=headers)

    @router.get("/graph/{name:path}", include_in_schema=False)
    async def named_graph(name: str, request: Request):
        name, suffix = split_suffix(name, [v[0] for v in GRAPH_MEDIA.values()])
        graph = graph_iri(state.base, name)
        media = negotiate(request, suffix, GRAPH_MEDIA)
        browser = media == "text/html"
        try:
            ox.NamedNode(graph)
        except ValueError:
            graph = None
        headers = {"Vary": "Accept", "Link": alternates_link(request, graph, GRAPH_MEDIA)} if graph else {}
        if graph and browser:
            # the page of the document read into the graph (the change feed's graph: the feed);
            # a graph that holds no document is shown as its content, as to an RDF client
            if graph == changes_graph(state.base):
                return RedirectResponse("/api/v1/queries/changes", status_code=303, headers=headers)
            rows = await state.executor.select(
                f"SELECT ?d WHERE {{ GRAPH <{graph}> {{ ?d a <{SG}Document> }} }} LIMIT 1")
            if rows and rows[0].get("d"):
                return RedirectResponse(pages.page_url(rows[0]["d"]), status_code=303, headers=headers)
            media = "application/trig"
        chunks = await run_in_threadpool(state.open_dump, GRAPH_MEDIA[media][1], graph) if graph else None
        if chunks is None:
            if browser:
                return pages.not_found(request, graph)
            raise HTTPException(404, f"no graph {graph or name}")
        return StreamingResponse(chunks, media_type=media, headers=headers)

    @router.get("/dumps/styrgraf.{fmt}", summary="Dump of the whole graph",
                description="N-Quads (`nq`) and TriG keep the document graphs; Turtle and JSON-LD give the union.")
    async def dump(fmt: str):
        if fmt not in DUMP_FORMATS:
            raise HTTPException(404, f"no dump format {fmt}; use one of {', '.join(DUMP_FORMATS)}")
        media, _ = DUMP_FORMATS[fmt]
        return StreamingResponse(state.open_dump(fmt, None), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="styrgraf.{fmt}"'})

    @router.get("/dumps/documents/{doc}.{fmt}", summary="Dump of one document's graph")
    async def dump_document(doc: str, fmt: str):
        if fmt not in DUMP_FORMATS:
            raise HTTPException(404, f"no dump format {fmt}")
        chunks = None if doc.startswith("_") else await run_in_threadpool(
            state.open_dump, fmt, graph_iri(state.base, doc))
        if chunks is None:
            raise HTTPException(404, f"no document graph {doc}")
        media, _ = DUMP_FORMATS[fmt]
        return StreamingResponse(chunks, media_type=media)

    @router.get("/ns", include_in_schema=False)
    async def ontology(request: Request):
        media = negotiate(request, None)
        if media == "text/html" and state.ontology_html is not None:
            return HTMLResponse(with_site_bar(state.ontology_html))
        g = [ox.Triple(q.subject, q.predicate, q.object)
             for f in sorted(ONTOLOGY_DIR.glob("*.ttl")) for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE)]
        fmt = RDF_MEDIA.get(media, RDF_MEDIA["text/turtle"])[1]
        return Response(serialize_rdf(g, fmt), media_type=media if media in RDF_MEDIA else "text/turtle")

    @router.get("/ns/shapes", include_in_schema=False)
    async def shapes():
        return Response(shapes_turtle(), media_type="text/turtle")

    @router.get("/.well-known/void", summary="VoID + DCAT description of the dataset")
    async def void(request: Request):
        # the endpoint, the dumps and this description are where the request came; the IRIs
        # the dataset holds stay in styrgraf's namespace (void:uriSpace)
        base = served_url(request, "/")
        n = await state.executor.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <%s>) }" % VOCAB_GRAPH)
        docs = await state.executor.select(
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/styrgraf/ns#Document> }")
        settings = getattr(state, "settings", None) or Settings()     # a bare state (tests): the defaults
        ttl = describe_dataset(base, dumps={f: m for f, (m, _) in DUMP_FORMATS.items()}, uri_space=id_prefix(state.base),
                               triples=int(n[0]["n"]) if n else 0, documents=int(docs[0]["n"]) if docs else 0,
                               publisher=settings.publisher, license=settings.license,
                               contact_email=settings.contact_email)
        media = negotiate(request, None)
        if media in RDF_MEDIA and media != "text/turtle":
            g = list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))
            return Response(serialize_rdf([ox.Triple(q.subject, q.predicate, q.object) for q in g], RDF_MEDIA[media][1]),
                            media_type=media)
        return Response(ttl, media_type="text/turtle")

    return router
