"""A minimal SPARQL endpoint: FastAPI over pyoxigraph and nothing else.

The baseline of the serving benchmark (bench/serve_bench.py): what one would write in
twenty lines to put a pyoxigraph store on HTTP. No time limit, no row cap, no
SERVICE/LOAD refusal, no auth, no worker processes; the query runs in FastAPI's thread
pool (as a plain `def` route would) and pyoxigraph's own serialisers write the bytes.
The default graph is the union of all named graphs.

    .venv/bin/python bench/minimal_endpoint.py --store DIR --port 8021

Queries: GET /sparql?query=…, POST application/x-www-form-urlencoded (query=…) or
application/sparql-query. SELECT/ASK answer SPARQL JSON (XML, CSV or TSV by Accept),
CONSTRUCT/DESCRIBE answer N-Triples (Turtle by Accept). Served by uvicorn with uvloop
and httptools, as `styrgraf serve` is.
"""
from __future__ import annotations

import argparse
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}


def create_app(store: ox.Store) -> FastAPI:
    app = FastAPI(title="minimal SPARQL endpoint", openapi_url=None, docs_url=None, redoc_url=None)

    def run(query: str, accept: str) -> tuple[bytes, str]:
        result = store.query(query)          # a styrgraf store's default graph is the merge of its graphs
        if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            media = next((m for m in RESULTS if m in accept), "application/sparql-results+json")
            return result.serialize(format=RESULTS[media]), media
        media = next((m for m in GRAPHS if m in accept), "application/n-triples")
        return result.serialize(format=GRAPHS[media]), media

    @app.api_route("/sparql", methods=["GET", "POST"])
    async def sparql(request: Request) -> Response:
        query = request.query_params.get("query")
        if request.method == "POST":
            body = await request.body()
            ctype = request.headers.get("content-type", "")
            if ctype.startswith("application/sparql-query"):
                query = body.decode("utf-8")
            elif ctype.startswith("application/x-www-form-urlencoded"):
                query = (parse_qs(body.decode("utf-8")).get("query") or [None])[0]
        if not query:
            return PlainTextResponse("missing query\n", status_code=400)
        try:
            data, media = await run_in_threadpool(run, query, request.headers.get("accept", ""))
        except SyntaxError as e:
            return PlainTextResponse(f"{e}\n", status_code=400)
        return Response(data, media_type=media)

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, help="a pyoxigraph store directory (opened read-only)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8021)
    args = parser.parse_args()
    import uvicorn
    app = create_app(ox.Store.read_only(args.store))
    uvicorn.run(app, host=args.host, port=args.port, loop="uvloop", http="httptools",
                log_level="warning")


if __name__ == "__main__":
    main()
