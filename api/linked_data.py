"""Linked data for other authorities: dereferenceable IRIs, dumps, VoID/DCAT, the ontology.

Every instance IRI `{base}id/…` answers with HTML for a browser and RDF
(Turtle, JSON-LD, N-Triples, RDF/XML) by Accept header or file suffix. The
description holds what the resource says (outgoing) and what links to it
(incoming), over the union of all document graphs.
"""
from __future__ import annotations

import html

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from styrgraf.resources import ONTOLOGY_DIR, SHAPES_DIR
from styrgraf.vocab import ONTOLOGY_IRI, PREFIXES, VOCAB_GRAPH

from .pages import render_resource_page

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


def negotiate(request: Request, suffix: str | None) -> str:
    """'text/html' or one of RDF_MEDIA, from a file suffix or the Accept header."""
    if suffix:
        if suffix not in SUFFIX_MEDIA and suffix != "html":
            raise HTTPException(404, f"unknown format suffix .{suffix}")
        return SUFFIX_MEDIA.get(suffix, "text/html")
    accept = request.headers.get("accept", "")
    best, best_q = "text/html", -1.0
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        if media in RDF_MEDIA or media in ("text/html", "application/xhtml+xml"):
            cand = "text/html" if media == "application/xhtml+xml" else media
            if q > best_q:
                best, best_q = cand, q
    return best


def describe_query(iri: str) -> str:
    return (f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> . }} WHERE {{ "
            f"{{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} }}")


def shorten(term: str) -> str:
    for prefix, ns in PREFIXES.items():
        if term.startswith(ns):
            return f"{prefix}:{term[len(ns):]}"
    return term


def render_term(term, base: str) -> str:
    if isinstance(term, ox.NamedNode):
        label = html.escape(shorten(term.value))
        if not term.value.lower().startswith(("http://", "https://")):
            return label          # javascript:, data:, … would run or load in this page: no link
        return f'<a href="{html.escape(term.value)}">{label}</a>'
    if isinstance(term, ox.Literal):
        text = term.value if len(term.value) < 600 else term.value[:600] + " …"
        lang = f' <span class="lang">@{term.language}</span>' if term.language else ""
        return f"{html.escape(text)}{lang}"
    return html.escape(str(term))


def resource_page(iri: str, triples: list[ox.Triple], base: str) -> str:
    out_rows = [(t.predicate, t.object) for t in triples if t.subject == ox.NamedNode(iri)]
    in_rows = [(t.subject, t.predicate) for t in triples if t.object == ox.NamedNode(iri)]
    label = next((o.value for p, o in out_rows if p.value.endswith(("prefLabel", "title", "name", "statement"))
                  and isinstance(o, ox.Literal)), iri)
    alt = "".join(f'<link rel="alternate" type="{m}" href="{html.escape(iri)}.{s}">'
                  for m, (s, _) in RDF_MEDIA.items())
    rows_out = "".join(f"<tr><th scope='row'>{render_term(p, base)}</th><td>{render_term(o, base)}</td></tr>"
                       for p, o in sorted(out_rows, key=lambda r: (str(r[0]), str(r[1]))))
    rows_in = "".join(f"<tr><td>{render_term(s, base)}</td><th scope='row'>{render_term(p, base)}</th></tr>"
                      for s, p in sorted(in_rows, key=lambda r: (str(r[1]), str(r[0]))))
    formats = " · ".join(f'<a href="{html.escape(iri)}.{s}">{s}</a>' for s in ("ttl", "jsonld", "nt", "rdf"))
    return f"""<!doctype html><html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(label)} – styrgraf</title>{alt}
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}}
table{{border-collapse:collapse;width:100%}}th,td{{text-align:left;vertical-align:top;padding:.3rem;border-bottom:1px solid #ddd;overflow-wrap:anywhere}}
a{{color:#0645ad}}.lang{{color:#555}}</style></head><body>
<header><a href="/">styrgraf</a></header><main>
<h1>{html.escape(label)}</h1><p><code>{html.escape(iri)}</code></p><p>RDF: {formats}</p>
<h2>Beskrivning</h2><table><tbody>{rows_out or '<tr><td>–</td></tr>'}</tbody></table>
<h2>Länkar hit</h2><table><tbody>{rows_in or '<tr><td>–</td></tr>'}</tbody></table>
</main></body></html>"""


def linked_data_router(state) -> APIRouter:
    router = APIRouter()

    async def construct(query: str) -> list[ox.Triple]:
        data = await state.executor.construct_ntriples(query)
        return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))

    @router.get("/id/{path:path}", include_in_schema=False)
    async def dereference(path: str, request: Request):
        suffix = None
        for s in ("ttl", "jsonld", "nt", "rdf", "html"):
            if path.endswith("." + s):
                path, suffix = path[: -len(s) - 1], s
                break
        iri = f"{state.base}id/{path}"
        media = negotiate(request, suffix)
        quads = await construct(describe_query(iri))
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        if not triples:
            raise HTTPException(404, f"no resource {iri}")
        headers = {"Vary": "Accept", "Link": "".join(
            f'<{iri}.{s}>; rel="alternate"; type="{m}", ' for m, (s, _) in RDF_MEDIA.items()).rstrip(", ")}
        if media == "text/html":
            rich = await render_resource_page(state, iri, request, headers)
            return rich or HTMLResponse(resource_page(iri, triples, state.base), headers=headers)
        fmt = RDF_MEDIA[media][1]
        body = ox.serialize(triples, format=fmt, prefixes=PREFIXES) if fmt == ox.RdfFormat.TURTLE \
            else ox.serialize(triples, format=fmt)
        return Response(body, media_type=media, headers=headers)

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
            state.open_dump, fmt, f"{state.base}graph/{doc}")
        if chunks is None:
            raise HTTPException(404, f"no document graph {doc}")
        media, _ = DUMP_FORMATS[fmt]
        return StreamingResponse(chunks, media_type=media)

    @router.get("/ns", include_in_schema=False)
    async def ontology(request: Request):
        media = negotiate(request, None)
        if media == "text/html" and state.ontology_html is not None:
            return HTMLResponse(state.ontology_html)
        g = [ox.Triple(q.subject, q.predicate, q.object)
             for f in sorted(ONTOLOGY_DIR.glob("*.ttl")) for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE)]
        fmt = RDF_MEDIA.get(media, RDF_MEDIA["text/turtle"])[1]
        body = ox.serialize(g, format=fmt, prefixes=PREFIXES) if fmt == ox.RdfFormat.TURTLE \
            else ox.serialize(g, format=fmt)
        return Response(body, media_type=media if media in RDF_MEDIA else "text/turtle")

    @router.get("/ns/shapes", include_in_schema=False)
    async def shapes():
        body = b"".join(f.read_bytes() for f in sorted(SHAPES_DIR.glob("*.ttl")))
        return Response(body, media_type="text/turtle")

    @router.get("/.well-known/void", summary="VoID + DCAT description of the dataset")
    async def void(request: Request):
        base = state.base
        n = await state.executor.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <%s>) }" % VOCAB_GRAPH)
        docs = await state.executor.select(
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/styrgraf/ns#Document> }")
        dumps = "".join(f"    void:dataDump <{base}dumps/styrgraf.{f}> ;\n" for f in DUMP_FORMATS)
        dists = "".join(
            f"<{base}dumps/styrgraf.{f}> a dcat:Distribution ; dcat:downloadURL <{base}dumps/styrgraf.{f}> ;\n"
            f"    dcat:mediaType <https://www.iana.org/assignments/media-types/{m}> .\n"
            for f, (m, _) in DUMP_FORMATS.items())
        ttl = f"""@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{base}.well-known/void#dataset> a void:Dataset, dcat:Dataset ;
    dct:title "styrgraf"@sv, "styrgraf"@en ;
    dct:description "Kunskapsgraf över styrning i svensk offentlig sektor, läst ur styrdokument, protokoll, uppdrag och remisser."@sv,
        "A knowledge graph of Swedish public-sector governance, read from policies, minutes, assignments and consultations."@en ;
    dct:license <https://creativecommons.org/licenses/by/4.0/> ;
    void:sparqlEndpoint <{base}sparql> ;
{dumps}    void:vocabulary <{ONTOLOGY_IRI}#>, <http://www.w3.org/ns/org#>, <http://www.w3.org/ns/prov#>,
        <http://purl.org/dc/terms/>, <http://www.w3.org/2004/02/skos/core#>, <http://data.europa.eu/eli/ontology#> ;
    void:uriSpace "{base}id/" ;
    void:triples "{(n[0]['n'] if n else 0)}"^^xsd:integer ;
    void:documents "{(docs[0]['n'] if docs else 0)}"^^xsd:integer ;
    dcat:distribution {", ".join(f"<{base}dumps/styrgraf.{f}>" for f in DUMP_FORMATS)} .
<{base}sparql> a dcat:DataService ; dcat:endpointURL <{base}sparql> ; dcat:servesDataset <{base}.well-known/void#dataset> .
{dists}"""
        media = negotiate(request, None)
        if media in RDF_MEDIA and media != "text/turtle":
            g = list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))
            return Response(ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in g],
                                         format=RDF_MEDIA[media][1]), media_type=media)
        return Response(ttl, media_type="text/turtle")

    return router
