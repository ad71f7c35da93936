"""The analyst JSON API (`/api/v1/…`, docs/api-contract.md), built on the named queries.

Every collection answer is reproducible in SPARQL: a list is the named query
`queries/<collection>.rq` (filters bound as its parameters, see
`named_queries.py`; one row per item, stable order: title/label/date, then
IRI); the reference and multi-valued fields of the page's items come from
`queries/<collection>-values.rq` (one row per value, grouped here by IRI), the
evidence from `queries/evidence.rq`, a meeting's attendance, agenda items,
decisions and reservations from `queries/meeting-*.rq`, what refers to a body
from `queries/body-links.rq`. Which field of an item is read from where is declared
once per type in api/registry.py (ItemField): the response models (MODELS,
DETAIL_MODELS) and the items (`Analyst.build`) are both made from it, and OWN
holds the few fields that need code of their own.

Paging: on a local store a collection's pages without filters are ranges of the
sort keys kept in the index beside the store (styrgraf/search.py) in step with
every write. The ordered rows of a list query with filters are computed once per
store generation (the marker every write bumps) and kept in memory, at most
LIST_CACHE_BYTES in all; a page is a slice of them and the total their number,
so paging through a collection sorts it once.
On a remote store (no generation marker) the total is `count_query` and the
page `page_query`, both run on the server.

Routes
------
* ``GET /api/v1/{collection}`` for the nine collections: ``{"items", "total",
  "limit", "offset"}``; filters ``body``, ``policy`` (IRI or name), ``kind``
  (kind word or concept IRI), ``q`` (text), ``from`` / ``to`` (dates),
  ``modified_since``. A filter a collection has no meaning for is a 400.
* ``GET /api/v1/{collection}/{id}``: one item; ``id`` is the IRI path after
  ``{base}id/<segment>/`` (``/api/v1/bodies/stockholms-stad/arbetsmarknadsnamnden``
  → ``{base}id/org/stockholms-stad/arbetsmarknadsnamnden``), an SFS number for
  laws (``/api/v1/laws/2009:724``), or the full IRI (URL-encoded). Bodies add
  everything they are responsible for, assignments received and given,
  consultations, meetings and decisions; policies add their goals and
  responsibilities.
* ``GET /api/v1/queries``: the named queries; ``GET /api/v1/queries/{name}``
  runs one with its parameters as query parameters: JSON ``{"columns",
  "rows"}`` (rows are arrays in column order), CSV (``Accept: text/csv`` or
  ``format=csv``) or the bound SPARQL text (``format=sparql``).
"""
from __future__ import annotations

import asyncio
import copy
import inspect
import logging
import json
import re
import sqlite3
from collections import defaultdict
from typing import Annotated, Any, Awaitable, Callable, Iterable, Literal, NamedTuple

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from styrgraf import kinds, search
from styrgraf.iris import ID_SEGMENT, instance_iri
from styrgraf.lru import BytesLRU, estimate_size
from styrgraf.query_errors import QueryError
from styrgraf.resources import folder
from styrgraf.store import generation_signature
from styrgraf.vocab import NAMESPACE, SFS_BASE, SGK, kind_iri

from . import named_queries as nqm
from .calendar import EXAMPLE as ICS_EXAMPLE, deadlines_feed
from .csvsafe import csv_text
from .problems import query_problem
from .named_queries import DATE_PATTERN, NamedQuery, ParamError, count_query, load_queries, page_query
from .registry import BODY_LIST_LIMIT, COLLECTIONS, KIND_SCHEME, RESOURCES, ItemField
from .state import ServerState


log = logging.getLogger("styrgraf.analyst")

MAX_LIMIT = 10_000
MAX_OFFSET = 1_000_000_000
MAX_TEXT = 500                  # characters of q / body / policy / kind, and of a named query's string
MAX_HTTP_IRI = 1000             # characters of an IRI parameter of a named query over HTTP
MAX_HTTP_VALUES = 20            # values of a repeatable named-query parameter over HTTP
LIST_CACHE_BYTES = 64 * 1024 * 1024    # ordered collection lists kept between requests (all filters)

POLICY_RELATIONS = ("complements", "based_on", "part_of", "replaces", "related")

# ============================================================== kind words
# the kind words are those of ontology/kinds.ttl (styrgraf.kinds); a concept outside it (a
# user's own data) is shown by its last segment


def kind_word(concept: str | None, notation: str | None = None) -> str | None:
    """The contract's kind word of a kind concept: its skos:notation if the store has it, else
    the word whose slug is the concept's last segment, else that segment with spaces."""
    word = notation
    if not word and concept:
        word = kind.word if (kind := kinds.by_concept().get(concept)) else None
        if word is None and concept.startswith(SGK):
            word = concept.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    if word is None or word == kinds.UNKNOWN:
        return None
    return word


def kind_field(scheme: str) -> Any:
    """A response model's kind field, its words listed from ontology/kinds.ttl."""
    words = [w for w in kinds.words(scheme) if w != kinds.UNKNOWN]
    return Field(None, description=f"the kind word (sgk:{scheme}): {', '.join(words)}; null if not known")


# ============================================================== response models
class Ref(BaseModel):
    """A reference to another resource."""
    iri: str | None = Field(None, description="the resource's IRI (null for a group named only by a phrase)")
    label: str | None = Field(None, description="its name or title")
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"iri": "https://w3id.org/styrgraf/id/org/stockholms-stad/arbetsmarknadsnamnden",
         "label": "Arbetsmarknadsnämnden"}]})


class Evidence(BaseModel):
    """The exact span of a document's normalised text that a fact was read from."""
    document: Ref | None = None
    quote: str | None = None
    start: int | None = Field(None, description="offset of the first character in the document's sg:normalisedText")
    end: int | None = Field(None, description="offset after the last character")


class PolicyRelation(BaseModel):
    relation: Literal["complements", "based_on", "part_of", "replaces", "related"]
    target: Ref


class GoalLink(BaseModel):
    """A responsibility that makes a body answer for a goal, and how it is linked to the goal."""
    body: Ref = Field(description="the responsible body; iri null where a group is named by a phrase")
    path: str = Field(description="goal: a responsibility for the goal itself; policy: a task under the goal's "
                                  "policy (goal → policy → responsibility)")
    responsibility: Ref = Field(description="the responsibility, labelled with its task")
    evidence: list[Evidence] = Field([], description="where the responsibility is stated")


class ConsultationResponse(BaseModel):
    by: Ref | None = None
    document: Ref | None = None


class Attendee(BaseModel):
    name: str | None = None
    role: str | None = kind_field("role")
    party: str | None = None
    substitute_for: str | None = None


class ReservationOut(BaseModel):
    by: str | None = None
    party: str | None = None


class StatementOut(BaseModel):
    type: str = Field(description="särskilt uttalande or ersättaryttrande")
    by: str | None = None
    party: str | None = None


class AgendaItem(BaseModel):
    paragraph: int | None = None
    title: str | None = None
    diarienummer: list[str] = []
    decisions: list[str] = []
    reservations: list[ReservationOut] = []
    statements: list[StatementOut] = []


class DecisionOut(BaseModel):
    meeting: Ref
    date: str | None = None
    paragraph: int | None = None
    item_title: str | None = None
    text: str | None = None


class Problem(BaseModel):
    detail: str


class ParamInfo(BaseModel):
    name: str
    type: str = Field(description="iri, string, date, datetime, integer or boolean")
    many: bool = Field(description="may be given several times")
    required: bool
    default: str | None = None
    description: str = ""


class QueryInfoOut(BaseModel):
    name: str
    title: str
    description: str
    params: list[ParamInfo]
    columns: list[str] | None = None
    url: str


class QueryList(BaseModel):
    items: list[QueryInfoOut]
    total: int


class QueryRows(BaseModel):
    columns: list[str]
    rows: list[list[str | None]] = Field(description="one array per row, values in column order")
    truncated: bool = Field(description="the page is full: there may be more rows (use offset)")
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"columns": ["collection", "count"], "rows": [["bodies", "41"], ["documents", "5"]], "truncated": False}]})


ERRORS = {400: {"model": Problem, "description": "a parameter that is not allowed or not understood"},
          503: {"model": Problem, "description": "the query engine is busy or the query took too long"}}


# ============================================================== helpers
def _in_order(rows: list[dict[str, str | None]], iris: list[str]) -> list[dict[str, str | None]]:
    """`rows` in the order of their IRIs in `iris` (rows of other IRIs last)."""
    order = {iri: i for i, iri in enumerate(iris)}
    return sorted(rows, key=lambda r: order.get(r.get("iri"), len(order)))


def _num_key(iri: str) -> tuple:
    """Sort key that orders …/a2 before …/a10."""
    m = re.search(r"(\d+)$", iri or "")
    return (iri[: m.start()], int(m.group(1))) if m else (iri or "", -1)


def _int(v: str | None) -> int | None:
    if v is None:
        return None
    try:
        return int(float(v)) if re.fullmatch(r"\s*[+-]?\d+(\.0*)?\s*", v) else None
    except ValueError:
        return None


def _ref(iri: str | None, label: str | None) -> dict[str, Any]:
    return {"iri": iri, "label": label}


class _Values:
    """The rows of a `*-values` query, grouped: iri -> field -> [(value, label)] sorted and unique."""

    def __init__(self, rows: list[dict[str, str | None]]):
        acc: dict[str, dict[str, dict[str, str | None]]] = defaultdict(lambda: defaultdict(dict))
        for r in rows:
            iri, fld, val = r.get("iri"), r.get("field"), r.get("value")
            if iri is None or fld is None or val is None:
                continue
            seen = acc[iri][fld]
            label = r.get("label")
            if val not in seen or (label is not None and (seen[val] is None or label < seen[val])):
                seen[val] = label
        self.data = acc

    def pairs(self, iri: str, fld: str) -> list[tuple[str, str | None]]:
        d = self.data.get(iri, {}).get(fld, {})
        return sorted(d.items(), key=lambda kv: ((kv[1] or "").lower(), kv[1] or "", kv[0]))

    def refs(self, iri: str, fld: str) -> list[dict[str, Any]]:
        return [_ref(v, l) for v, l in self.pairs(iri, fld)]

    def ref(self, iri: str, fld: str) -> dict[str, Any] | None:
        refs = self.refs(iri, fld)
        return refs[0] if refs else None

    def strings(self, iri: str, fld: str) -> list[str]:
        return sorted(self.data.get(iri, {}).get(fld, {}), key=lambda s: (s.lower(), s))

    def kind(self, iri: str) -> str | None:
        for concept, notation in sorted(self.data.get(iri, {}).get("kind", {}).items()):
            word = kind_word(concept, notation)
            if word:
                return word
        return None


def _evidence(rows: list[dict[str, str | None]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in rows:
        iri, ev = r.get("iri"), r.get("evidence")
        if iri is None or ev is None or ev in out[iri]:
            continue
        doc = r.get("document")
        out[iri][ev] = {"document": _ref(doc, r.get("document_title")) if doc else None,
                        "quote": r.get("quote"), "start": _int(r.get("start")), "end": _int(r.get("end"))}
    return {iri: sorted(evs.values(), key=lambda e: ((e["document"] or {}).get("iri") or "",
                                                     e["start"] if e["start"] is not None else -1,
                                                     e["end"] if e["end"] is not None else -1))
            for iri, evs in out.items()}


# ============================================================== the resource types' fields
# how each read of api/registry.py (ItemField) takes a value from an item's list-query row `r`,
# its values grouped by field `v` and the evidence by IRI `ev`
def _name(f: ItemField, r: dict, v: _Values, ev: dict) -> str | None:
    first = v.pairs(r["iri"], f.src)
    return first[0][1] if first else r.get(f.src)


READS: dict[str, Callable[[ItemField, dict, _Values, dict], Any]] = {
    "text": lambda f, r, v, ev: r.get(f.src),
    "int": lambda f, r, v, ev: _int(r.get(f.src)),
    "count": lambda f, r, v, ev: _int(r.get(f.src)) or 0,
    "flag": lambda f, r, v, ev: (r.get(f.src) or "").lower() in ("true", "1"),
    "kind": lambda f, r, v, ev: v.kind(r["iri"]),
    "ref": lambda f, r, v, ev: v.ref(r["iri"], f.src),
    "refs": lambda f, r, v, ev: v.refs(r["iri"], f.src),
    "strings": lambda f, r, v, ev: v.strings(r["iri"], f.src),
    # the other names of an item: every name it goes by less the one shown as its label
    "other_names": lambda f, r, v, ev: [s for s in v.strings(r["iri"], f.src) if s != r.get("label")],
    "party": lambda f, r, v, ev: v.ref(r["iri"], f.src) or _ref(None, r.get(f.phrases)),
    "parties": lambda f, r, v, ev: v.refs(r["iri"], f.src) + [_ref(None, d) for d in v.strings(r["iri"], f.phrases)],
    "name": _name,
    "names": lambda f, r, v, ev: sorted({label for _, label in v.pairs(r["iri"], f.src) if label}),
    "evidence": lambda f, r, v, ev: ev.get(r["iri"], []),
}
VALUE_READS = frozenset({"kind", "ref", "refs", "strings", "other_names", "party", "parties", "name", "names"})
# a read's type in the response models, and the value where an item has none (... : always given)
READ_TYPES: dict[str, tuple[Any, Any]] = {
    "text": (str | None, None), "int": (int | None, None), "count": (int, 0), "flag": (bool, False),
    "kind": (str | None, None), "ref": (Ref | None, None), "refs": (list[Ref], []), "strings": (list[str], []),
    "other_names": (list[str], []),
    "party": (Ref, ...), "parties": (list[Ref], []), "name": (str | None, None), "names": (list[str], []),
    "evidence": (list[Evidence], []),
}


class Own(NamedTuple):
    """A field its type's own code makes (read "own"): its type and default in the response model,
    and how it is made: `make(row, values)` from the item's list-query row and grouped values
    (`values`: it reads the values query), or `group(analyst, *rows)` from the rows of `queries`
    for all the items built at once, as IRI -> value. Neither: the type's detail code (DETAIL_CODE)
    adds it to the type's own item."""
    annotation: Any
    default: Any = None
    make: Callable[[dict, _Values], Any] | None = None
    values: bool = False
    queries: tuple[str, ...] = ()
    group: Callable[..., Any] | None = None


def _responses(api: Analyst, rows: list[dict[str, str | None]]) -> dict[str, list[dict[str, Any]]]:
    """consultation -> its responses (consultation-responses.rq): who answered, in which document."""
    acc: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in rows:
        iri, rn = r.get("iri"), r.get("response")
        if iri is None or rn is None:
            continue
        cur = acc[iri].setdefault(rn, {"by": None, "document": None})
        if r.get("by") and (cur["by"] is None or (r["by"], r.get("by_label") or "") <
                            (cur["by"]["iri"], cur["by"]["label"] or "")):
            cur["by"] = _ref(r["by"], r.get("by_label"))
        if r.get("document") and (cur["document"] is None or r["document"] < cur["document"]["iri"]):
            cur["document"] = _ref(r["document"], r.get("document_title"))
    return {iri: [resp for _, resp in sorted(rs.items(), key=lambda kv: _num_key(kv[0]))]
            for iri, rs in acc.items()}


def _attendees(api: Analyst, rows: list[dict[str, str | None]]) -> dict[str, list[dict[str, Any]]]:
    """meeting -> its attendance (meeting-attendees.rq), one record per attendance node, in the
    order of the minutes (…/a1, …/a2)."""
    att: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in rows:
        iri, an = r.get("iri"), r.get("attendance")
        if iri is None or an is None:
            continue
        cur = att[iri].setdefault(an, {"name": None, "role": None, "party": None, "substitute_for": None})
        role = kind_word(r.get("role"), r.get("role_word"))
        for key, val in (("name", r.get("name")), ("role", role), ("party", r.get("party")),
                         ("substitute_for", r.get("substitute_for"))):
            if val is not None and (cur[key] is None or val < cur[key]):
                cur[key] = val
    return {iri: [a for _, a in sorted(recs.items(), key=lambda kv: _num_key(kv[0]))]
            for iri, recs in att.items()}


def _agenda(api: Analyst, items_rows: list[dict[str, str | None]], decisions: list[dict[str, str | None]],
            reservations: list[dict[str, str | None]]) -> dict[str, list[dict[str, Any]]]:
    """meeting -> its agenda items (meeting-items.rq), each with its decisions (meeting-decisions.rq),
    reservations and statements (meeting-reservations.rq), in the order of their paragraphs."""
    items: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)

    def item(iri: str, node: str) -> dict[str, Any]:
        return items[iri].setdefault(node, {"paragraph": None, "title": None, "diarienummer": [],
                                            "decisions": {}, "reservations": {}, "statements": {}})
    for r in items_rows:
        if r.get("iri") is None or r.get("item") is None:
            continue
        it = item(r["iri"], r["item"])
        p = _int(r.get("paragraph"))
        if p is not None and (it["paragraph"] is None or p < it["paragraph"]):
            it["paragraph"] = p
        if r.get("title") is not None and (it["title"] is None or r["title"] < it["title"]):
            it["title"] = r["title"]
        if r.get("diarienummer") and r["diarienummer"] not in it["diarienummer"]:
            it["diarienummer"].append(r["diarienummer"])
    for r in decisions:
        if r.get("iri") is None or r.get("item") is None or r.get("decision") is None:
            continue
        dec = item(r["iri"], r["item"])["decisions"]
        text = r.get("text")
        if text is not None and (r["decision"] not in dec or dec[r["decision"]] is None or text < dec[r["decision"]]):
            dec[r["decision"]] = text
    for r in reservations:
        if r.get("iri") is None or r.get("item") is None or r.get("statement") is None:
            continue
        it = item(r["iri"], r["item"])
        kind = r.get("type") or "reservation"
        bucket = it["reservations"] if kind == "reservation" else it["statements"]
        cur = bucket.setdefault(r["statement"], {"by": None, "party": None} if kind == "reservation"
                                else {"type": kind, "by": None, "party": None})
        for key in ("by", "party"):
            if r.get(key) is not None and (cur[key] is None or r[key] < cur[key]):
                cur[key] = r[key]
    out: dict[str, list[dict[str, Any]]] = {}
    for iri, its in items.items():
        lst = []
        for node, it in its.items():
            lst.append({**it, "diarienummer": sorted(it["diarienummer"]),
                        "decisions": [t for _, t in sorted(it["decisions"].items(), key=lambda kv: _num_key(kv[0]))
                                      if t is not None],
                        "reservations": [x for _, x in sorted(it["reservations"].items(), key=lambda kv: _num_key(kv[0]))],
                        "statements": [x for _, x in sorted(it["statements"].items(), key=lambda kv: _num_key(kv[0]))],
                        "_node": node})
        lst.sort(key=lambda x: (x["paragraph"] if x["paragraph"] is not None else 10**9, _num_key(x["_node"])))
        for x in lst:
            del x["_node"]
        out[iri] = lst
    return out


async def _goal_links(api: Analyst, rows: list[dict[str, str | None]]) -> dict[str, list[dict[str, Any]]]:
    """goal -> the responsibilities behind it (goal-responsibilities.rq), each with its quotes."""
    resps = sorted({r["responsibility"] for r in rows if r.get("responsibility")})
    quotes = _evidence(await api.rows("evidence", {"iri": resps})) if resps else {}
    out: dict[str, dict[tuple, dict[str, Any]]] = defaultdict(dict)
    for r in rows:
        goal, resp = r.get("iri"), r.get("responsibility")
        if goal is None or resp is None:
            continue
        key = (0 if r.get("path") == "goal" else 1, (r.get("label") or "").lower(), resp)
        out[goal].setdefault(key, {"body": _ref(r.get("body"), r.get("label")), "path": r.get("path"),
                                   "responsibility": _ref(resp, r.get("task")), "evidence": quotes.get(resp, [])})
    return {goal: [links[k] for k in sorted(links)] for goal, links in out.items()}


# the records and rules no declaration can read: a policy's relations (one field per relation in its
# values), the responsibilities behind a goal with their quotes, a consultation's responses, a
# meeting's attendance and agenda, the reading's confidence (1 where not said), a law's SFS number
# (from its IRI where the law names none)
OWN: dict[tuple[str, str], Own] = {
    ("policies", "relations"): Own(list[PolicyRelation], [], lambda r, v: [
        {"relation": rel, "target": t} for rel in POLICY_RELATIONS for t in v.refs(r["iri"], rel)], values=True),
    ("goals", "responsible_through"): Own(list[GoalLink], [], queries=("goal-responsibilities",), group=_goal_links),
    ("responsibilities", "confidence"): Own(float, 1.0, lambda r, v: float(r["confidence"]) if r.get("confidence")
                                            else 1.0),
    ("consultations", "responses"): Own(list[ConsultationResponse], [], queries=("consultation-responses",),
                                        group=_responses),
    ("meetings", "attendees"): Own(list[Attendee], [], queries=("meeting-attendees",), group=_attendees),
    ("meetings", "items"): Own(list[AgendaItem], [], queries=("meeting-items", "meeting-decisions",
                                                              "meeting-reservations"), group=_agenda),
    ("laws", "sfs"): Own(str | None, None, lambda r, v: r.get("sfs") or (
        r["iri"][len(SFS_BASE):] if r["iri"].startswith(SFS_BASE) else None)),
}


def item_fields(collection: str, detail: bool = False) -> tuple[ItemField, ...]:
    """The declared fields of a collection's items (after `iri`); `detail`: of its own item."""
    r = RESOURCES[collection]
    return r.fields + r.detail if detail else r.fields


def _reads_values(collection: str, fields: tuple[ItemField, ...]) -> bool:
    """Whether any of these fields is read from the values query (`{collection}-values.rq`)."""
    return any(f.read in VALUE_READS or (f.read == "own" and OWN[collection, f.name].values) for f in fields)


def _model_fields(collection: str, fields: tuple[ItemField, ...]) -> dict[str, Any]:
    """The pydantic fields (type, FieldInfo) of declared fields, in their order."""
    out: dict[str, Any] = {}
    for f in fields:
        annotation, default = (OWN[collection, f.name][:2] if f.read == "own" else READ_TYPES[f.read])
        if f.read == "kind" and f.doc is None:
            out[f.name] = (annotation, kind_field(RESOURCES[collection].kind_scheme))
        else:
            out[f.name] = (annotation, Field(default, description=f.doc))
    return out


# the example OpenAPI shows beside a model's schema, where it has one of its own
MODEL_CONFIG: dict[str, ConfigDict] = {"bodies": ConfigDict(json_schema_extra={"examples": [{
    "iri": "https://w3id.org/styrgraf/id/org/stockholms-stad/arbetsmarknadsnamnden",
    "label": "Arbetsmarknadsnämnden", "kind": "nämnd", "alt_labels": ["AMN"],
    "part_of": {"iri": "https://w3id.org/styrgraf/id/org/stockholms-stad", "label": "Stockholms stad"},
    "prepares_matters_for": None}]})}

# an item of each collection (Body, Document, …, named by its sg: class) and its own item (BodyDetail, …)
MODELS: dict[str, type[BaseModel]] = {
    c: create_model(r.sg_class, __config__=MODEL_CONFIG.get(c), iri=(str, ...), **_model_fields(c, r.fields))
    for c, r in RESOURCES.items()}


def _items_of(collection: str) -> Own:
    return Own(list[MODELS[collection]], [])


# the lists a body's and a policy's own item add, made by their detail code (DETAIL_CODE)
OWN |= {
    ("bodies", "parts"): Own(list[Ref], []), ("bodies", "responsibilities"): _items_of("responsibilities"),
    ("bodies", "goals"): _items_of("goals"), ("bodies", "assignments_received"): _items_of("assignments"),
    ("bodies", "assignments_given"): _items_of("assignments"),
    ("bodies", "assignments_reporting_to"): _items_of("assignments"),
    ("bodies", "consultations"): _items_of("consultations"), ("bodies", "meetings"): _items_of("meetings"),
    ("bodies", "decisions"): Own(list[DecisionOut], []), ("bodies", "policies"): Own(list[Ref], []),
    ("bodies", "documents"): Own(list[Ref], []), ("bodies", "counts"): Own(dict[str, int], {}),
    ("bodies", "evidence"): Own(list[Evidence], []),
    ("policies", "goals"): _items_of("goals"), ("policies", "responsibilities"): _items_of("responsibilities")}
DETAIL_MODELS: dict[str, type[BaseModel]] = {
    c: create_model(f"{r.sg_class}Detail", __base__=MODELS[c], **_model_fields(c, r.detail)) if r.detail else MODELS[c]
    for c, r in RESOURCES.items()}
# and each by its name (analyst.Body, analyst.LawDetail, …), as a hand-written model would be
globals().update({m.__name__: m for m in (*MODELS.values(), *DETAIL_MODELS.values())})


def _page_model(collection: str) -> type[BaseModel]:
    item = MODELS[collection]
    return type(f"{item.__name__}Page", (BaseModel,), {
        "__annotations__": {"items": list[item], "total": int, "limit": int, "offset": int},
        "__doc__": f"One page of {collection}, with the number of all that match.",
        "items": Field(description=f"the {collection} of this page"),
        "total": Field(description="how many match the filters (all pages)"),
        "limit": Field(description="the page size asked for"),
        "offset": Field(description="how many were skipped"),
    })


PAGE_MODELS = {c: _page_model(c) for c in COLLECTIONS}


# one page and one detail answer per collection, as the API gave them for the bundled corpus
# (lists shortened to two entries); OpenAPI shows them, tests validate them against the models
EXAMPLES: dict[str, dict[str, Any]] = json.loads(
    folder("styrgraf.api", "openapi_examples.json").read_text(encoding="utf-8"))


def _example(collection: str, which: str) -> dict:
    return example_response(EXAMPLES["collections"][collection][which])


def example_response(example: Any) -> dict:
    """`responses=` for a route whose 200 answer is JSON like `example`."""
    return {200: {"content": {"application/json": {"example": example}}}}


# ============================================================== the router
class Analyst:
    """The queries behind the routes (separate from FastAPI so it can be used directly)."""

    def __init__(self, state: ServerState, queries: dict[str, NamedQuery] | None = None):
        self.state = state
        if queries is None:
            errors: list[str] = []
            queries = load_queries(strict=False, errors=errors)
            for e in errors:
                log.error("named query not loaded: %s", e)
        self.queries = queries
        self.lists = BytesLRU(LIST_CACHE_BYTES)     # bound query text -> its ordered rows
        self._lists_token: Any = None
        missing = [n for n in self.required_queries() if n not in queries]
        if missing:
            log.error("named queries missing: %s", ", ".join(missing))

    @staticmethod
    def required_queries() -> list[str]:
        """The named queries the routes run: each collection's list and values queries, the evidence,
        the queries of the types' own fields, and those of the filters and a body's own item."""
        own = [q for o in OWN.values() for q in o.queries]
        values = [f"{c}-values" for c in COLLECTIONS if _reads_values(c, item_fields(c, detail=True))]
        return list(dict.fromkeys([*COLLECTIONS, *values, "evidence", *own, "resolve-body", "resolve-policy",
                                   "body-assignments", "body-decisions", "body-links", "body-mentions"]))

    @property
    def base(self) -> str:
        return getattr(self.state, "base", NAMESPACE)

    # ------------------------------------------------------------ running
    async def select(self, text: str) -> tuple[list[str] | None, list[dict[str, str | None]]]:
        ex = self.state.executor
        fn = getattr(ex, "select_result", None)
        try:
            if fn is not None:
                res = await fn(text, row_cap=None)
                return list(res.variables), res.rows
            return None, await ex.select(text)
        except QueryError as e:
            if not (p := query_problem(e)).retry:
                raise
            raise HTTPException(p.status, p.message, headers=p.headers) from None

    async def rows(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, str | None]]:
        return (await self.select(self.queries[name].bind(params or {})))[1]

    # ------------------------------------------------------------ filters
    async def resolve(self, value: str, what: str) -> list[str]:
        """A body/policy given as IRI or name -> IRIs (empty if nothing has that name)."""
        value = value.strip()
        if re.match(r"(?i)^(https?://|urn:)", value):
            try:
                return [ox.NamedNode(value).value]
            except (ValueError, TypeError):
                raise HTTPException(400, f"{what}: {value[:80]!r} is not a valid IRI") from None
        if what == "body":
            rows = await self.rows("resolve-body", {"label": value})
        else:
            rows = await self.rows("resolve-policy", {"title": value})
        return sorted({r["iri"] for r in rows if r.get("iri")})

    async def filters(self, collection: str, *, body: str | None = None, policy: str | None = None,
                      kind: str | None = None, q: str | None = None, date_from: str | None = None,
                      date_to: str | None = None, modified_since: str | None = None,
                      status: str | None = None, as_of: str | None = None, within: int | None = None
                      ) -> dict[str, Any] | None:
        """Query parameters of `collection`'s list query; None when a filter matches nothing."""
        nq = self.queries[collection]
        given = {"body": body, "policy": policy, "kind": kind, "q": q, "from": date_from,
                 "to": date_to, "modified_since": modified_since, "status": status, "as_of": as_of,
                 "within": within}
        given = {k: v for k, v in given.items() if v is not None and (not isinstance(v, str) or v.strip())}
        unsupported = [k for k in given if k not in supported_filters(collection, nq)]
        if unsupported:
            allowed = supported_filters(collection, nq)
            raise HTTPException(400, f"{collection} cannot be filtered by {', '.join(unsupported)}; "
                                     f"filters for {collection}: {', '.join(allowed)}")
        out: dict[str, Any] = {}
        for key in ("body", "policy"):
            if key in given:
                iris = await self.resolve(given[key], key)
                if not iris:
                    return None
                out[key] = iris
        if "kind" in given:
            k = given["kind"].strip()
            if re.match(r"(?i)^https?://", k):
                out["kind"] = [k]
            else:
                out["kind"] = [kind_iri(KIND_SCHEME[collection], k)]
        if "q" in given:
            out["q"] = given["q"].strip()
        if "from" in given:
            out["from"] = given["from"]
        if "to" in given:
            out["to"] = given["to"]
        if "modified_since" in given:
            out["modified_since"] = given["modified_since"]
        if given.keys() & set(STATUS_FILTERS):
            # a status is derived when asked (queries/assignment-status.rq): the list is of the
            # assignments that have it
            if "status" not in given:
                raise HTTPException(400, "as_of and within qualify status: give status too")
            if given["status"] not in STATUSES:
                raise HTTPException(400, f"status is one of {', '.join(STATUSES)}")
            derived = {k: given[k] for k in STATUS_FILTERS if k in given}
            if "body" in out:
                derived["body"] = out["body"]
            try:
                _, rows = await self.select(self.queries[STATUS_QUERY[collection]].bind(derived))
            except ParamError as e:
                raise HTTPException(400, str(e)) from None
            out["iri"] = [r["assignment"] for r in rows if r.get("assignment")]
            if not out["iri"]:
                return None
        return out

    # ------------------------------------------------------------ collections
    def _generation(self) -> Any:
        """A token that changes whenever the on-disk store is written (its generation marker), or
        None when there is no such marker to watch (a remote or in-memory store): then nothing is cached."""
        path = getattr(self.state, "store_path", None)
        if path is None or not getattr(getattr(self.state, "executor", None), "isolated", False):
            return None
        try:
            return generation_signature(path) or ("never written",)
        except OSError:
            return None

    async def _ordered_rows(self, bound: str, token: Any) -> list[dict[str, str | None]]:
        """All rows of a bound list query, in its order: cached per store generation."""
        rows = self.lists.get(bound)
        if rows is not None:
            return rows
        rows = (await self.select(bound))[1]
        if token == self._generation():          # not written while the query ran
            self.lists.put(bound, rows, estimate_size(bound) + estimate_size(rows))
        return rows

    async def _ask_index(self, ask: str, *args: Any) -> Any:
        """`ask` (a method of styrgraf.search.SearchIndex) answered by the index beside the store, in a
        thread; None when there is no index to ask (or it fails), and the caller answers by SPARQL."""
        get = getattr(self.state, "search_index", None)
        index = get() if callable(get) else None
        if index is None:
            return None
        try:
            return await asyncio.to_thread(getattr(index, ask), *args)
        except sqlite3.Error as e:
            log.warning("search index not usable (%s): %s by SPARQL", e, ask)
            return None

    async def text_search(self, q: str, collection: str, offset: int = 0, limit: int | None = None
                          ) -> tuple[list[Any], int] | None:
        """A page of the hits in `collection` matching `q` in the text index, best first, and how
        many there are (styrgraf/search.py: case, diacritics and Swedish endings folded); None
        when there is no index to ask or it does not hold the collection's texts (search.FIELDS),
        and the caller's SPARQL text filter answers instead."""
        if collection not in search.FIELDS:
            return None
        return await self._ask_index("search", q, collection, offset, limit)

    async def listing(self, collection: str, limit: int, offset: int) -> tuple[list[str], int] | None:
        """A page of a collection without filters from the index beside the store, which keeps
        every item's sort key in step with each write (styrgraf/search.py): the IRIs in the list
        query's order and the total; None when there is no current index to ask or it does not keep
        the collection's sort keys (search.ORDER): then the list query answers."""
        if collection not in search.ORDER:
            return None
        return await self._ask_index("listing", collection, limit, offset)

    async def warm(self, limit: int, copies: int) -> None:
        """Read the first page of every list `copies` times at once (one per query worker), from the
        index only: right after a start the store's caches are cold, and a user's first page of a
        large list would pay for reading them (seconds at 10 M quads)."""
        for collection in COLLECTIONS:
            listed = await self.listing(collection, limit, 0)
            if listed is not None:
                rows = await self.rows_in_order(collection, listed[0])
                await asyncio.gather(*(self.build(collection, rows) for _ in range(copies)))

    async def search_page(self, collection: str, params: dict[str, Any], limit: int, offset: int
                          ) -> tuple[list[dict[str, Any]], int] | None:
        """A page of the items the index finds for `q`, in its order (exact names first); None
        without an index. The index only names IRIs: every item is read from the store by the list
        query bound to them, so an IRI the store no longer holds is not shown. With only `q`, the
        total is the index's count and only the page's hits are asked for and read; with other
        filters too, the list query applies them to every IRI found."""
        rest = {k: v for k, v in params.items() if k != "q"}
        found = await self.text_search(params["q"], collection, *((offset, limit) if not rest else (0, None)))
        if found is None:
            return None
        hits, total = found
        iris = [h.iri for h in hits]
        try:
            if not rest:
                rows = await self.rows_in_order(collection, iris) if limit > 0 else []
            else:
                rows = _in_order((await self.select(self.queries[collection].bind({**rest, "iri": iris})))[1]
                                 if iris else [], iris)
                total = len(rows)
                rows = rows[offset:offset + limit] if limit > 0 else []
        except ParamError as e:
            raise HTTPException(400, str(e)) from None
        return await self.build(collection, rows), total

    async def page(self, collection: str, params: dict[str, Any], limit: int, offset: int
                   ) -> tuple[list[dict[str, Any]], int]:
        """One page of items and the total. With `q`, the items the text index finds, best
        first (`search_page`). Without filters, on a local store, the page the index beside the
        store lists in the collection's order (`listing`): a range of an index, also right after a write.

        Otherwise, on a local store the whole ordered list of a collection (for these filters) is computed
        once per store generation and kept (at most LIST_CACHE_BYTES in all): a page is then a
        slice of it and its total the list's length, so paging does not sort the collection again.
        Otherwise the total is a COUNT query and the page a LIMIT/OFFSET query."""
        if params.get("q"):
            found = await self.search_page(collection, params, limit, offset)
            if found is not None:
                return found
        token = self._generation()
        if not params and token is not None:
            listed = await self.listing(collection, limit, offset)
            if listed is not None:
                iris, total = listed
                return await self.build(collection, await self.rows_in_order(collection, iris)), total
        try:
            bound = self.queries[collection].bind(params)
        except ParamError as e:
            raise HTTPException(400, str(e)) from None
        if token is not None:
            if self._lists_token != token:
                self.lists.clear()
                self._lists_token = token
            rows = await self._ordered_rows(bound, token)
            return await self.build(collection, rows[offset:offset + limit] if limit > 0 else []), len(rows)
        jobs = [self.select(count_query(bound))]
        if limit > 0:
            jobs.append(self.select(page_query(bound, limit, offset)))
        results = await asyncio.gather(*jobs)
        counted = results[0][1]
        total = _int(next(iter(counted[0].values()), None)) if counted else 0
        rows = results[1][1] if limit > 0 else []
        return await self.build(collection, rows), total or 0

    async def items(self, collection: str, iris: list[str], detail: bool = False) -> list[dict[str, Any]]:
        """The items with these IRIs (in the collection's order); unknown IRIs are left out. `detail`:
        with the fields of a type's own item (see `build`)."""
        if not iris:
            return []
        _, rows = await self.select(self.queries[collection].bind({"iri": sorted(set(iris))}))
        return await self.build(collection, rows, detail)

    async def rows_in_order(self, collection: str, iris: list[str]) -> list[dict[str, str | None]]:
        """The list query's rows for these IRIs in the order given (an index's), not the query's."""
        return _in_order(await self.index_rows(collection, iris), iris)

    async def first(self, collection: str, iris: Iterable[str], limit: int) -> list[str]:
        """Of these IRIs, the first `limit` in the collection's order where the index beside the store can
        say which they are; else all of them (the caller keeps the first `limit` of the items it reads)."""
        iris = sorted(set(iris))
        if len(iris) > limit and collection in search.ORDER:
            found = await self._ask_index("ordered", collection, iris, limit)
            if found is not None:
                return found[0]
        return iris

    async def index_rows(self, collection: str, iris: list[str]) -> list[dict[str, str | None]]:
        """The list query's rows (not the built items) for these IRIs, in the collection's order."""
        if not iris:
            return []
        return (await self.select(self.queries[collection].bind({"iri": sorted(set(iris))})))[1]

    async def build(self, collection: str, rows: list[dict[str, str | None]], detail: bool = False
                    ) -> list[dict[str, Any]]:
        """The items of these list-query rows, each field read as api/registry.py declares it. The
        values query, the evidence and the queries of the type's own fields are asked only for the
        fields that read them, once for all the rows. `detail`: with the fields a type's own item adds
        (a law's citing documents, which a page of laws gives only as their number), but for those its
        detail code adds (DETAIL_CODE)."""
        iris = [r["iri"] for r in rows if r.get("iri")]
        if not iris:
            return []
        fields = item_fields(collection, detail)
        own = {f.name: OWN[collection, f.name] for f in fields if f.read == "own"}
        jobs: dict[str, Awaitable] = {}
        if _reads_values(collection, fields):
            jobs["values"] = self.rows(f"{collection}-values", {"iri": iris})
        if any(f.read == "evidence" for f in fields):
            jobs["evidence"] = self.rows("evidence", {"iri": iris})
        for q in dict.fromkeys(q for o in own.values() for q in o.queries):
            jobs[q] = self.rows(q, {"iri": iris})
        done = dict(zip(jobs, await asyncio.gather(*jobs.values())))
        values, evidence = _Values(done.get("values", [])), _evidence(done.get("evidence", []))
        grouped = {}
        for name, o in own.items():
            if o.group is not None:
                made = o.group(self, *(done[q] for q in o.queries))
                grouped[name] = await made if inspect.isawaitable(made) else made
        items = []
        for r in rows:
            if not r.get("iri"):
                continue
            item: dict[str, Any] = {"iri": r["iri"]}
            for f in fields:
                if f.read != "own":
                    item[f.name] = READS[f.read](f, r, values, evidence)
                elif f.name in grouped:
                    item[f.name] = grouped[f.name].get(r["iri"], copy.copy(own[f.name].default))
                elif own[f.name].make is not None:
                    item[f.name] = own[f.name].make(r, values)
            items.append(item)
        return items

    # ------------------------------------------------------------ details
    def iri_of(self, collection: str, ident: str) -> str | None:
        """The IRI an id path names, or None if it cannot be an IRI."""
        ident = ident.strip()
        if not ident:
            return None
        if re.match(r"(?i)^(https?|urn):", ident):
            iri = re.sub(r"(?i)^(https?):/(?!/)", r"\1://", ident)   # a proxy may merge '//' in a path
        elif collection == "laws":
            iri = SFS_BASE + ident
        else:
            iri = instance_iri(self.base, ID_SEGMENT[collection], ident.strip('/'))
        if len(iri) > nqm.MAX_IRI:     # longer than a query parameter may be: no resource has it
            return None
        try:
            return ox.NamedNode(iri).value
        except (ValueError, TypeError):
            return None

    async def detail(self, collection: str, ident: str) -> dict[str, Any]:
        """The own item of a collection: its fields in a list, those its own item adds, and the
        lists its type's detail code adds (DETAIL_CODE)."""
        iri = self.iri_of(collection, ident)
        found = await self.items(collection, [iri], detail=True) if iri else []
        if not found:
            raise HTTPException(404, f"no {collection[:-1] if collection != 'bodies' else 'body'} "
                                     f"with IRI {iri or ident!r}")
        item = found[0]
        if collection in DETAIL_CODE:
            item.update(await getattr(self, DETAIL_CODE[collection])(item))
        return item

    async def policy_extras(self, item: dict[str, Any]) -> dict[str, Any]:
        # a policy's goals and responsibilities: the pages of those lists filtered by the policy
        iri = item["iri"]
        goals, resps = await asyncio.gather(self.page("goals", {"policy": [iri]}, MAX_LIMIT, 0),
                                            self.page("responsibilities", {"policy": [iri]}, MAX_LIMIT, 0))
        return {"goals": goals[0], "responsibilities": resps[0]}

    async def body_extras(self, item: dict[str, Any]) -> dict[str, Any]:
        # what refers to the body comes from index-driven queries (body-links, body-assignments); of each
        # list the first BODY_LIST_LIMIT in the collection's order are read, by IRI, and `counts` says how
        # many there are (Regeringen issued thousands of assignments and wrote thousands of documents; it
        # is named ten thousand times: of its mentions only the first are read whole, `mentions`)
        iri = item["iri"]
        links, roles, decisions, (mentions, mentioned) = await asyncio.gather(
            self.rows("body-links", {"body_iri": [iri]}),
            self.rows("body-assignments", {"body_iri": [iri]}),
            self.rows("body-decisions", {"body_iri": [iri]}),
            self.mentions(iri, BODY_LIST_LIMIT))
        linked: dict[str, set[str]] = defaultdict(set)
        for r in links:
            if r.get("body_iri") == iri and r.get("collection") and r.get("item"):
                linked[r["collection"]].add(r["item"])
        for r in roles:
            if r.get("body_iri") == iri and r.get("assignment"):
                linked[ROLE_LISTS[r.get("role") or ""]].add(r["assignment"])
        lists = {key: LIST_COLLECTION.get(key, key) for key in BODY_LISTS}
        first = dict(zip(lists, await asyncio.gather(
            *(self.first(c, linked.get(key, ()), BODY_LIST_LIMIT) for key, c in lists.items()))))
        fetched = dict(zip(lists, await asyncio.gather(
            *(self.index_rows(c, first[key]) if c in ("bodies", "policies", "documents")  # references only
              else self.items(c, first[key]) for key, c in lists.items()))))
        shown = {key: items[:BODY_LIST_LIMIT] for key, items in fetched.items()}
        counts = {key: len(linked.get(key, ())) - (key == "bodies" and iri in linked.get(key, ())) for key in lists}
        seen: set[str] = set()
        decided = []
        for r in decisions:
            if r.get("body_iri") != iri or not r.get("decision") or r["decision"] in seen:
                continue
            seen.add(r["decision"])
            label = " ".join(x for x in (r.get("body_label"), r.get("date")) if x) or None
            decided.append({"meeting": _ref(r.get("meeting"), label), "date": r.get("date"),
                            "paragraph": _int(r.get("paragraph")), "item_title": r.get("item_title"),
                            "text": r.get("text")})
        return {
            "parts": [_ref(b["iri"], b["label"]) for b in shown["bodies"] if b["iri"] != iri],
            "responsibilities": shown["responsibilities"], "goals": shown["goals"],
            "assignments_received": shown["assignments_received"], "assignments_given": shown["assignments_given"],
            "assignments_reporting_to": shown["assignments_reporting_to"],
            "consultations": shown["consultations"], "meetings": shown["meetings"], "decisions": decided[:BODY_LIST_LIMIT],
            "policies": [_ref(p["iri"], p["title"]) for p in shown["policies"]],
            "documents": [_ref(d["iri"], d["title"]) for d in shown["documents"]],
            "evidence": mentions,
            "counts": {("parts" if key == "bodies" else key): n for key, n in counts.items()}
            | {"decisions": len(decided), "evidence": mentioned},
        }

    async def mentions(self, iri: str, limit: int) -> tuple[list[dict[str, Any]], int]:
        """The first `limit` pieces of evidence that name a body, in the order of an item's evidence (by
        document IRI, then offsets: `_evidence`), and how many there are. Sorting in the engine costs more
        than reading every piece with its document (Regeringen's 10,706: 2.1 s ordered whole, 0.9 s ordered
        with a LIMIT, 0.2 s unordered), so the pieces and their documents are read, the first documents
        that hold `limit` of them are chosen here, and only their pieces are read whole."""
        rows = await self.rows("body-mentions", {"body_iri": [iri]})
        docs: dict[str, str] = {}           # each piece -> the first of its documents, as `_evidence` keeps
        for r in rows:
            ev = r.get("evidence")
            if r.get("body_iri") == iri and ev is not None:
                doc = r.get("document") or ""
                docs[ev] = min(docs.get(ev, doc), doc)
        per_doc: dict[str, list[str]] = defaultdict(list)
        for ev, doc in docs.items():
            per_doc[doc].append(ev)
        chosen: list[str] = []
        for doc in sorted(per_doc):         # every piece of the first documents: their order is by offset
            if len(chosen) >= limit:
                break
            chosen += per_doc[doc]
        if not chosen:
            return [], 0
        read = await self.rows("evidence", {"iri": [iri], "evidence": chosen})
        return _evidence(read).get(iri, [])[:limit], len(docs)


# a body's lists (Analyst.body_extras), each of at most registry.BODY_LIST_LIMIT items, the first in the list's order
BODY_LISTS = ("responsibilities", "goals", "assignments_received", "assignments_given", "assignments_reporting_to",
              "consultations", "meetings", "bodies", "policies", "documents")
LIST_COLLECTION = {"assignments_received": "assignments", "assignments_given": "assignments",
                   "assignments_reporting_to": "assignments"}
ROLE_LISTS = {"assignee": "assignments_received", "issuer": "assignments_given", "reports_to": "assignments_reporting_to"}


# the types whose own item adds lists no declaration reads (the Analyst method that makes them): what
# refers to a body comes from queries of its own, a policy's goals and responsibilities are lists
DETAIL_CODE = {"bodies": "body_extras", "policies": "policy_extras"}


# ============================================================== FastAPI glue
def _limit() -> Any:
    return Query(100, ge=0, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")


def _offset() -> Any:
    return Query(0, ge=0, le=MAX_OFFSET, description="how many items to skip")


def analyst_router(state: ServerState, queries: dict[str, NamedQuery] | None = None) -> APIRouter:
    """The `/api/v1` routes. `state` has `.executor` (async `select`/`select_result`) and `.base`."""
    api = Analyst(state, queries)
    router = APIRouter(tags=["analyst"])

    for collection in COLLECTIONS:
        _add_collection(router, api, collection)

    @router.get("/api/v1/queries", response_model=QueryList, summary="The named SPARQL queries",
                tags=["queries"], responses=example_response(EXAMPLES["queries"]))
    async def list_queries(request: Request) -> dict[str, Any]:
        items = []
        for name, nq in sorted(api.queries.items()):
            items.append({**nq.to_dict(), "url": str(request.url_for(f"query_{name}"))})
        return {"items": items, "total": len(items)}

    for name, nq in sorted(api.queries.items()):
        _add_query_route(router, api, nq)

    @router.get("/api/v1/queries/{name}", response_model=QueryRows, responses={404: {"model": Problem}},
                summary="Run a named query (unknown name)", tags=["queries"], include_in_schema=False)
    async def unknown_query(name: str) -> None:
        raise HTTPException(404, f"no named query {name!r}; see /api/v1/queries")

    return router


# the status filters, which a collection's list query does not take itself: the named query that
# derives the status (its rows' `assignment` column names the items that have it)
STATUS_FILTERS = ("status", "as_of", "within")
STATUS_QUERY = {"assignments": "assignment-status"}
FILTERS = ("body", "policy", "kind", "q", "from", "to", "modified_since") + STATUS_FILTERS
STATUSES = ("reported", "partly reported", "overdue", "due", "open")


def supported_filters(collection: str, nq: NamedQuery | None) -> list[str]:
    """The filters `collection`'s list endpoint takes: its list query's parameters, and the
    status filters where a query derives its status (STATUS_QUERY)."""
    derived = STATUS_FILTERS if collection in STATUS_QUERY else ()
    return [f for f in FILTERS if f in derived or nq is not None and nq.param(f) is not None]
# python name, annotation and Query() of each filter parameter
_FILTER_PARAMS: dict[str, tuple[str, Any, Callable[[], Any]]] = {
    "body": ("body", str | None, lambda: Query(
        None, max_length=MAX_TEXT, description="a body's IRI or name (case-insensitive, alternative names too)")),
    "policy": ("policy", str | None, lambda: Query(
        None, max_length=MAX_TEXT, description="a policy's IRI or title (case-insensitive)")),
    "kind": ("kind", str | None, lambda: Query(
        None, max_length=MAX_TEXT, description="a kind word (nämnd, protokoll, strategi, regeringsuppdrag, remiss, …) "
                                                "or a kind concept IRI")),
    "q": ("q", str | None, lambda: Query(None, max_length=MAX_TEXT, description="text search: case, diacritics (å/ä→a, ö→o) and Swedish endings "
                                                                  "(nämnden, nämndens, nämnder) folded; exact names first")),
    "from": ("date_from", str | None, lambda: Query(
        None, alias="from", pattern=DATE_PATTERN, description="on or after: YYYY, YYYY-MM or YYYY-MM-DD")),
    "to": ("date_to", str | None, lambda: Query(
        None, alias="to", pattern=DATE_PATTERN, description="on or before: YYYY, YYYY-MM or YYYY-MM-DD")),
    "modified_since": ("modified_since", str | None, lambda: Query(
        None, pattern=nqm.DATETIME_PATTERN, description="only what was read from documents ingested at or after "
                                                        "this time: ISO 8601 date-time (UTC if no offset) or date")),
    "status": ("status", str | None, lambda: Query(
        None, max_length=MAX_TEXT, description="status as of `as_of`: " + ", ".join(STATUSES) +
        " (derived from the deadlines, the changes and the reports found; queries/assignment-status.rq)")),
    "as_of": ("as_of", str | None, lambda: Query(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="the day `status` is as of, YYYY-MM-DD (today if none)")),
    "within": ("within", int | None, lambda: Query(
        None, ge=0, le=3650, description="days ahead a deadline makes an assignment `due` (90 if none)")),
}


def _add_collection(router: APIRouter, api: Analyst, collection: str) -> None:
    nq = api.queries.get(collection)
    supported = supported_filters(collection, nq)
    unsupported = set(FILTERS) - set(supported)
    P = inspect.Parameter
    sig = [P("request", P.KEYWORD_ONLY, annotation=Request),
           P("limit", P.KEYWORD_ONLY, annotation=int, default=_limit()),
           P("offset", P.KEYWORD_ONLY, annotation=int, default=_offset())]
    for f in supported:
        pyname, ann, query = _FILTER_PARAMS[f]
        sig.append(P(pyname, P.KEYWORD_ONLY, annotation=ann, default=query()))

    async def list_items(**kw: Any) -> dict[str, Any]:
        request: Request = kw["request"]
        limit, offset = kw["limit"], kw["offset"]
        bad = sorted(k for k in request.query_params if k in unsupported)
        if bad:
            raise HTTPException(400, f"{collection} cannot be filtered by {', '.join(bad)}; "
                                     f"filters for {collection}: {', '.join(supported)}")
        params = await api.filters(collection, body=kw.get("body"), policy=kw.get("policy"), kind=kw.get("kind"),
                                   q=kw.get("q"), date_from=kw.get("date_from"), date_to=kw.get("date_to"),
                                   modified_since=kw.get("modified_since"), status=kw.get("status"),
                                   as_of=kw.get("as_of"), within=kw.get("within"))
        if params is None:
            return {"items": [], "total": 0, "limit": limit, "offset": offset}
        items, total = await api.page(collection, params, limit, offset)
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    list_items.__signature__ = inspect.Signature(sig)  # type: ignore[attr-defined]
    router.add_api_route(
        f"/api/v1/{collection}", list_items, methods=["GET"], response_model=PAGE_MODELS[collection],
        responses={**_example(collection, "page"), **ERRORS}, name=f"list_{collection}", summary=f"List {collection}",
        description=(f"{collection.capitalize()}, {RESOURCES[collection].order}, paged. Filters: {', '.join(supported)} "
                     f"({RESOURCES[collection].filters}); a body or policy given by name that matches nothing "
                     f"gives an empty page; any other filter is a 400. "
                     f"Backed by the named query `{collection}`."))

    seg = ID_SEGMENT.get(collection)
    example = RESOURCES[collection].id_example or f"{seg}-1"

    for sub, (query_name, param) in SUBRESOURCES.get(collection, {}).items():
        _add_subresource(router, api, collection, sub, api.queries[query_name], param)
    if collection == "bodies":
        router.add_api_route(
            "/api/v1/bodies/{item_id:path}/deadlines.ics", deadlines_feed(api), methods=["GET"],
            name="bodies_deadlines", summary="A body's coming report deadlines (iCalendar)",
            description="The report dates of the assignments the body issued, received or reports to, from "
                        "today on and not yet reported, as an iCalendar feed (RFC 5545) a calendar can subscribe to.",
            response_class=Response,
            responses={200: {"content": {"text/calendar": {"schema": {"type": "string"}, "example": ICS_EXAMPLE}}},
                       404: {"model": Problem}})

    async def get_item(item_id: str) -> dict[str, Any]:
        return await api.detail(collection, item_id)

    where = "an SFS number" if collection == "laws" else f"the IRI path after `{{base}}id/{seg}/`"
    router.add_api_route(
        f"/api/v1/{collection}/{{item_id:path}}", get_item, methods=["GET"],
        response_model=DETAIL_MODELS[collection],
        responses={**_example(collection, "detail"), 404: {"model": Problem}, **ERRORS},
        name=f"get_{collection}", summary=f"One of the {collection}",
        description=f"`item_id` is {where} (e.g. `{example}`) or the full IRI, URL-encoded.")


# lists about one item, served by a named query bound to the item's IRI:
# /api/v1/{collection}/{id}/{sub}
SUBRESOURCES = {"assignments": {"history": ("assignment-history", "assignment")},
                "consultations": {"respondents": ("consultation-respondents", "consultation")}}


def _add_subresource(router: APIRouter, api: Analyst, collection: str, sub: str, nq: NamedQuery, param: str) -> None:
    # a subresource whose query derives a status takes the day it is as of
    as_of = nq.param("as_of") is not None

    async def rows_of(request: Request, item_id: str,
                      format: Literal["json", "csv", "sparql"] | None = Query(
                          None, description="json, csv, or sparql (the bound query text); default by the Accept header"),
                      day: str | None = Query(None, alias="as_of", pattern=r"^\d{4}-\d{2}-\d{2}$",
                                              description="the day the status is as of, YYYY-MM-DD (today if none)")
                      ) -> Any:
        day = day if isinstance(day, str) else None     # (a Query default where the route has no as_of)
        iri = api.iri_of(collection, item_id)
        if not iri or not await api.items(collection, [iri]):
            raise HTTPException(404, f"no {collection[:-1]} {item_id!r}")
        values = {param: iri, **({"as_of": day} if as_of else {})}
        if day is not None and not as_of:
            raise HTTPException(400, f"{collection}/{{id}}/{sub} takes no as_of")
        return await answer_query(api, nq, values, request, format, MAX_LIMIT, 0)

    if not as_of:       # (not offered where it means nothing)
        sig = inspect.signature(rows_of)
        rows_of.__signature__ = sig.replace(parameters=[p for n, p in sig.parameters.items() if n != "day"])  # type: ignore[attr-defined]

    rows_of.__name__ = f"{collection}_{sub}"
    router.add_api_route(
        f"/api/v1/{collection}/{{item_id:path}}/{sub}", rows_of, methods=["GET"], response_model=QueryRows,
        name=f"{collection}_{sub}", summary=nq.title,
        description=f"{nq.description}\n\nNamed query `queries/{nq.name}.rq`, bound to the item.",
        responses={200: {"content": {"text/csv": {"schema": {"type": "string"}},
                                     "application/sparql-query": {"schema": {"type": "string"}}}},
                   404: {"model": Problem}, **ERRORS})


_PY_TYPES = {"iri": str, "string": str, "date": str, "datetime": str, "integer": int, "boolean": bool}


async def answer_query(api: Analyst, nq: NamedQuery, values: dict[str, Any], request: Request,
                       fmt: str | None, limit: int, offset: int) -> Any:
    """A named query's answer to `values`: JSON rows, CSV, or the bound query text (`fmt`, else
    by the Accept header)."""
    try:
        bound = nq.bind({k: v for k, v in values.items() if v is not None and v != []})
    except ParamError as e:
        raise HTTPException(400, str(e)) from None
    if fmt is None:
        accept = request.headers.get("accept", "")
        fmt = "csv" if "text/csv" in accept and "application/json" not in accept else "json"
    try:
        text = page_query(bound, limit, offset)
    except ValueError:          # the query pages itself (its own LIMIT/OFFSET)
        text = bound
    if fmt == "sparql":
        return PlainTextResponse(text, media_type="application/sparql-query")
    columns, rows = await api.select(text)
    columns = columns or nq.columns or (list(rows[0]) if rows else [])
    if fmt == "csv":
        body = csv_text([columns] + [["" if r.get(c) is None else r.get(c) for c in columns] for r in rows])
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'inline; filename="{nq.name}.csv"'})
    return {"columns": columns, "rows": [[r.get(c) for c in columns] for r in rows],
            "truncated": bool(limit) and len(rows) >= limit}


def _add_query_route(router: APIRouter, api: Analyst, nq: NamedQuery) -> None:
    sig_params = [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)]
    for p in nq.params:
        py = _PY_TYPES[p.type]
        ann: Any = py
        kwargs: dict[str, Any] = {"alias": p.name, "description": f"{p.description} ({p.type})".strip()}
        pattern = {"date": DATE_PATTERN, "datetime": nqm.DATETIME_PATTERN, "iri": nqm.IRI_PATTERN}.get(p.type)
        # lengths keep a full request under the HTTP server's limit of the request line (64 KiB)
        max_length = {"iri": MAX_HTTP_IRI, "string": MAX_TEXT, "datetime": 64, "date": 10}.get(p.type)
        if p.many:      # constraints apply to each value; at most MAX_HTTP_VALUES values
            ann = list[Annotated[py, StringConstraints(pattern=pattern, max_length=max_length)]] \
                if py is str else list[py]
            kwargs["max_length"] = MAX_HTTP_VALUES
        elif py is str:
            kwargs.update(pattern=pattern, max_length=max_length)
        if p.type == "integer" and not p.many:
            kwargs.update(ge=-(10**18), le=10**18)
        if p.required:
            default = Query(..., **kwargs)
        else:
            default = Query(p.default if p.default is not None and not p.many else None, **kwargs)
            ann = ann | None
        sig_params.append(inspect.Parameter(f"p_{p.name}", inspect.Parameter.KEYWORD_ONLY,
                                            default=default, annotation=ann))
    sig_params += [
        inspect.Parameter("limit", inspect.Parameter.KEYWORD_ONLY, annotation=int,
                          default=Query(1000, ge=0, le=MAX_LIMIT, description="rows per page")),
        inspect.Parameter("offset", inspect.Parameter.KEYWORD_ONLY, annotation=int, default=_offset()),
        inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY,
                          annotation=Literal["json", "csv", "sparql"] | None,
                          default=Query(None, description="json, csv, or sparql (the bound query text); "
                                                          "default by the Accept header")),
    ]

    async def run(**kw: Any) -> Any:
        values = {p.name: kw.get(f"p_{p.name}") for p in nq.params}
        return await answer_query(api, nq, values, kw["request"], kw.get("format"), kw["limit"], kw["offset"])

    run.__signature__ = inspect.Signature(sig_params)  # type: ignore[attr-defined]
    run.__name__ = f"query_{nq.name.replace('-', '_')}"
    router.add_api_route(
        f"/api/v1/queries/{nq.name}", run, methods=["GET"], response_model=QueryRows, name=f"query_{nq.name}",
        summary=nq.title, description=f"{nq.description}\n\nNamed query `queries/{nq.name}.rq`.", tags=["queries"],
        responses={200: {"content": {"text/csv": {"schema": {"type": "string"}},
                                     "application/sparql-query": {"schema": {"type": "string"}}}}, **ERRORS})

