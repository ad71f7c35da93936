"""Where links lead: identifiers stay in styrgraf's namespace, links go to the server that was asked.

Instance IRIs are minted under styrgraf's namespace (``state.base``, styrgraf.vocab.NAMESPACE)
and do not change with the address styrgraf answers on: they are data. What a page links to, the
``Link`` headers and what the dataset description advertises must reach this server however it
was addressed (another port, another host name, a proxy). So every such link is made from the IRI's
path under the base (:func:`local_path`), and made absolute against the address the request came
to (:func:`served_url`) where a header or an RDF description needs an absolute IRI.
"""
from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request


def local_path(iri: str | None, base: str) -> str | None:
    """The path on this server of an IRI minted under `base` (``/id/org/x`` for
    ``{base}id/org/x``), None for any other IRI. Percent-encoded so that the server, decoding the
    path, finds the IRI's own characters again; a fragment stays a fragment."""
    if not iri or not iri.startswith(base):
        return None
    rest, hash_, fragment = iri[len(base):].partition("#")
    return "/" + quote(rest) + (hash_ + quote(fragment) if hash_ else "")


def served_url(request: Request, path: str) -> str:
    """`path` (``/sparql``) as an absolute URL on the address `request` came to."""
    return str(request.base_url).rstrip("/") + path
