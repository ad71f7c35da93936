"""The styrgraf command line: ingest, remove, forget, validate, export, query, serve."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .config import Settings
from .store import FORMATS, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="styrgraf: a knowledge graph of Swedish public-sector governance.")
err = Console(stderr=True, soft_wrap=True, highlight=False)
out = Console(soft_wrap=True, highlight=False)

STORE_HELP = ("store directory (embedded pyoxigraph store; created if missing), "
              "or the query URL of a SPARQL 1.1 server")
# the same two options on every command that opens a store
STORE = typer.Option(..., "--store", envvar="STYRGRAF_STORE", help=STORE_HELP)
UPDATE_ENDPOINT = typer.Option(None, "--update-endpoint", envvar="STYRGRAF_UPDATE_ENDPOINT",
                               help="SPARQL Update URL of a remote store (when it differs from --store)")


def open_store(path, read_only: bool = False, update_endpoint: str | None = None):
    """The embedded store at a directory, or a SPARQL 1.1 server at an http(s) URL."""
    from .remote import open_store as open_either

    try:
        return open_either(path, update_endpoint=update_endpoint, read_only=read_only)
    except StoreError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)


@app.command()
def ingest(paths: list[Path] = typer.Argument(..., help="files or folders (.txt .md .pdf .docx)"),
           store: str = STORE,
           update_endpoint: Optional[str] = UPDATE_ENDPOINT,
           jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="parallel worker processes"),
           no_validate: bool = typer.Option(False, "--no-validate", help="skip SHACL validation"),
           force: bool = typer.Option(False, "--force", help="re-extract files that are unchanged"),
           max_bytes: int = typer.Option(50 * 1024 * 1024, "--max-bytes", envvar="STYRGRAF_MAX_BYTES",
                                         help="largest file accepted, bytes")):
    """Extract, validate and store documents, one named graph each."""
    from styrgraf.ingest.batch import ingest as run_ingest

    settings = Settings.from_env()
    st = open_store(store, update_endpoint=update_endpoint)
    failed = 0
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)

        def report(r) -> None:
            nonlocal failed
            progress.advance(task)
            if r.status == "failed":
                failed += 1
                out.print(f"[red]FAILED[/]    {r.path}: {r.message}", highlight=False)
            elif r.status == "unchanged":
                out.print(f"unchanged {r.path}", highlight=False)
            else:
                out.print(f"stored    {r.path}: {r.triples} triples; {r.message}", highlight=False)

        results = run_ingest(st, paths, settings.base, jobs=jobs, validate=not no_validate, force=force,
                             max_bytes=max_bytes, on_result=report)
    stored = sum(r.status == "stored" for r in results)
    unchanged = sum(r.status == "unchanged" for r in results)
    out.print(f"{stored} stored, {unchanged} unchanged, {failed} failed")
    raise typer.Exit(1 if failed else 0)


@app.command()
def remove(files: list[str] = typer.Argument(..., help="source file names of ingested documents"),
           store: str = STORE, update_endpoint: Optional[str] = UPDATE_ENDPOINT):
    """Remove documents and every fact read from them; the change feed keeps a tombstone."""
    from styrgraf.ingest.batch import remove as run_remove

    settings = Settings.from_env()
    results = run_remove(open_store(store, update_endpoint=update_endpoint), files, settings.base)
    for r in results:
        out.print(f"removed   {r.path}" if r.status == "removed" else f"FAILED    {r.path}: {r.message}")
    raise typer.Exit(1 if any(r.status == "failed" for r in results) else 0)


FORGET_HELP = " ".join([
    "Forget a person (or a document) in every document graph, for data protection.",
    "\n\n--person removes every fact about the person (signatory, chair, adjuster, attendee, author",
    "of a reservation or statement) and masks the name wherever it is written, in one atomic update",
    "per document; the change feed records which documents changed, never the name. The store keeps",
    "only a salted hash of the name, which ingest consults: re-ingesting a source document into this",
    "store keeps the person out wherever the extractor recognises them as a person. A mention it does",
    "not recognise as a person, or a store built anew from the source documents, would bring the",
    "facts back.",
    "\n\n--document removes a document and every fact read from it, as `remove` does.",
])


@app.command(help=FORGET_HELP)
def forget(person: Optional[list[str]] = typer.Option(None, "--person", metavar="NAME",
                                                      help="a person's name, as written in the documents"),
           document: Optional[list[str]] = typer.Option(None, "--document", metavar="FILE",
                                                        help="the source file name of an ingested document"),
           store: str = STORE, update_endpoint: Optional[str] = UPDATE_ENDPOINT):
    """Forget a person or a document (help: FORGET_HELP)."""
    from styrgraf.ingest.forget import forget_documents, forget_person

    if not person and not document:
        err.print("[red]error:[/] give --person NAME or --document FILE")
        raise typer.Exit(2)
    if any(not p.split() for p in person or []):
        err.print("[red]error:[/] --person needs a name")
        raise typer.Exit(2)
    settings = Settings.from_env()
    st = open_store(store, update_endpoint=update_endpoint)
    failed = False
    for i, name in enumerate(person or [], 1):
        r = forget_person(st, name, settings.base)
        # the name itself is not repeated in the output (logs outlive the store's records)
        out.print(f"forgotten person {i}: {r.removed} facts removed and the name masked in {r.masked} "
                  f"literals, in {len(r.documents)} documents", highlight=False)
        for source in r.documents:
            out.print(f"  changed   {source}", highlight=False, markup=False)
    for r in forget_documents(st, document or [], settings.base):
        failed |= r.status == "failed"
        out.print(f"removed   {r.path}" if r.status == "removed" else f"FAILED    {r.path}: {r.message}",
                  highlight=False, markup=False)
    raise typer.Exit(1 if failed else 0)


@app.command()
def validate(store: str = STORE):
    """Validate every document graph of the store against the SHACL shapes."""
    from styrgraf.ingest.validate import validate_triples

    st = open_store(store, read_only=True)
    bad = 0
    graphs = st.document_graphs()
    for g in graphs:
        conforms, report = validate_triples(st.triples(g))
        if not conforms:
            bad += 1
            out.print(f"[red]violations[/] in {g}:\n{report}", highlight=False)
    out.print(f"{len(graphs) - bad} of {len(graphs)} document graphs conform")
    raise typer.Exit(1 if bad else 0)


class ExportFormat(str, Enum):
    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"
    rdfxml = "rdfxml"


@app.command()
def export(store: str = STORE,
           format: ExportFormat = typer.Option(ExportFormat.nq, "--format", help="serialisation"),
           out_file: Optional[Path] = typer.Option(None, "--out", help="file to write (default: stdout)"),
           document: Optional[Path] = typer.Option(None, "--document", help="only this source file's graph")):
    """Write the store (or one document's graph) in an RDF format."""
    from styrgraf.ingest.build import doc_id

    settings = Settings.from_env()
    st = open_store(store, read_only=True)
    graph = None
    if document is not None:
        graph = f"{settings.base}graph/{doc_id(document.name)}"
        if graph not in st.graphs():
            err.print(f"[red]error:[/] no graph for {document.name} in the store")
            raise typer.Exit(1)
    assert format.value in FORMATS
    if out_file:
        with open(out_file, "wb") as f:
            st.dump(f, format.value, graph)
    else:
        st.dump(sys.stdout.buffer, format.value, graph)
        sys.stdout.buffer.flush()


class QueryFormat(str, Enum):
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"


@app.command()
def query(file: Path = typer.Argument(..., help="a .rq file (SELECT, ASK, CONSTRUCT or DESCRIBE)"),
          store: str = STORE,
          format: QueryFormat = typer.Option(QueryFormat.json, "--format")):
    """Run a SPARQL query over the store (default graph = union of all documents)."""
    import pyoxigraph as ox

    st = open_store(store, read_only=True)
    try:
        result = st.query(file.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    except SyntaxError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)
    except OSError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)
    if isinstance(result, ox.QueryTriples):
        fmt = ox.RdfFormat.N_TRIPLES if format.value != "json" else ox.RdfFormat.JSON_LD
        sys.stdout.buffer.write(result.serialize(format=fmt))
    else:
        fmt = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
               "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}[format.value]
        sys.stdout.buffer.write(result.serialize(format=fmt))
    sys.stdout.buffer.write(b"\n")


@app.command()
def serve(store: str = STORE, update_endpoint: Optional[str] = UPDATE_ENDPOINT,
          host: str = typer.Option("127.0.0.1", "--host"),
          port: int = typer.Option(8000, "--port"),
          workers: int = typer.Option(4, "--query-workers", help="processes that run SPARQL queries"),
          timeout: float = typer.Option(10.0, "--timeout", help="time limit of one query, seconds"),
          max_rows: int = typer.Option(10000, "--max-rows", help="result-row cap of /sparql")):
    """Serve the store: SPARQL endpoint, analyst API, linked data, pages."""
    import uvicorn

    from styrgraf.api.app import create_app

    settings = Settings.from_env(store=store, update_endpoint=update_endpoint, query_workers=workers,
                                 timeout=timeout, max_rows=max_rows)
    if settings.remote:
        open_store(store, read_only=True, update_endpoint=update_endpoint).close()   # reachable?
    elif not Path(store).exists():
        err.print(f"[red]error:[/] no store at {store}; run `styrgraf ingest … --store {store}` first")
        raise typer.Exit(2)
    base = f"http://{host}:{port}/"
    err.print(f"styrgraf serving {store} on {base}\n  pages       {base}\n  SPARQL      {base}sparql\n"
              f"  analyst API {base}api/v1/bodies\n  API docs    {base}docs")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    app()
