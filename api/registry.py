"""The resource types the analyst API, the pages and linked data serve: one declaration each.

A resource type is a collection of the analyst API (`/api/v1/{collection}`, its named queries
`queries/{collection}.rq` and `{collection}-values.rq`), a kind of page (`/{page_segment}` and a
template), and a path of instance IRIs (`{NAMESPACE}id/{segment}/…`, styrgraf.iris.ID_SEGMENT,
which ingest mints them by). Everything the API and
the pages need to know about a type that is not in its query or its response model is here;
docs/resource-types.md shows how to add one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Column(NamedTuple):
    """A column of a list page: its heading (a message key), the item's field, how to show it
    (self: a link to the item; text; list; ref; refs; kind; count; validity)."""
    heading: str
    field: str
    show: str


@dataclass(frozen=True)
class ResourceType:
    collection: str                    # the API's path segment and the named queries' stem
    sg_class: str                      # the sg: class of its instances
    type_name: str                     # what the pages call one (badges, search hits, graph nodes)
    page_segment: str                  # its pages' path segment (Swedish)
    template: str                      # its detail page
    order: str                         # how its lists are ordered (the API's description)
    columns: tuple[Column, ...]        # its list page's columns
    detail_lists: tuple[str, ...]      # lists of a detail page that can be downloaded on their own
    kind_scheme: str | None = None     # the sgk: scheme of its kinds, if it has kinds
    with_evidence: bool = False        # its answers carry the quotes that support them
    searched: bool = False             # the text index holds it (the search page shows it)


def _cols(*triples: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*t) for t in triples)


RESOURCES: dict[str, ResourceType] = {r.collection: r for r in (
    ResourceType("bodies", "Body", "body", "organ", "body.html", "ordered by name",
                 _cols(("name", "label", "self"), ("kind", "kind", "kind"), ("part_of", "part_of", "ref")),
                 ("responsibilities", "goals", "assignments_received", "assignments_given",
                  "assignments_reporting_to", "consultations", "meetings", "decisions", "policies", "documents",
                  "parts", "evidence"), kind_scheme="body", searched=True),
    ResourceType("documents", "Document", "document", "dokument", "document.html", "ordered by title",
                 _cols(("title", "title", "self"), ("kind", "kind", "kind"), ("date", "date", "text"),
                       ("author", "author", "ref"), ("diarienummer", "diarienummer", "list")),
                 ("facts",), kind_scheme="document", searched=True),
    ResourceType("policies", "Policy", "policy", "styrdokument", "policy.html", "ordered by title",
                 _cols(("title", "title", "self"), ("kind", "kind", "kind"), ("valid", "valid_from", "validity"),
                       ("adopted_by", "adopted_by", "ref"), ("adopted_on", "adopted_on", "text")),
                 ("goals", "responsibilities", "relations", "evidence"), kind_scheme="policy", with_evidence=True, searched=True),
    ResourceType("goals", "Goal", "goal", "mal", "goal.html", "ordered by text",
                 _cols(("goal", "text", "self"), ("policy", "policy", "ref"), ("responsible", "responsible", "refs"),
                       ("responsible_via_policy", "responsible_via_policy", "refs")),
                 ("responsible", "responsible_via_policy", "evidence"), with_evidence=True, searched=True),
    ResourceType("responsibilities", "Responsibility", "responsibility", "ansvar", "responsibility.html",
                 "ordered by task",
                 _cols(("responsible", "body", "ref"), ("task", "task", "self"), ("policy", "policy", "ref")),
                 ("evidence",), with_evidence=True),
    ResourceType("assignments", "Assignment", "assignment", "uppdrag", "assignment.html", "ordered by title",
                 _cols(("assignment", "title", "self"), ("kind", "kind", "kind"), ("issuer", "issuer", "ref"),
                       ("assignees", "assignees", "refs"), ("report_due", "report_due", "list")),
                 ("tasks", "assignees", "reports", "evidence"), kind_scheme="assignment", with_evidence=True, searched=True),
    ResourceType("consultations", "Consultation", "consultation", "remisser", "consultation.html", "ordered by date",
                 _cols(("consultation", "kind", "self"), ("subject", "subject", "ref"),
                       ("organizer", "organizer", "ref"), ("deadline", "deadline", "text"),
                       ("responses", "responses", "count")),
                 ("participants", "responses", "evidence"), kind_scheme="consultation", with_evidence=True),
    ResourceType("meetings", "Meeting", "meeting", "sammantraden", "meeting.html", "ordered by date",
                 _cols(("meeting", "date", "self"), ("held_by", "body", "ref"), ("chair", "chair", "text"),
                       ("items", "items", "count")),
                 ("attendees", "items")),
    ResourceType("laws", "Law", "law", "lagar", "law.html", "ordered by SFS number",
                 _cols(("law", "title", "self"), ("sfs", "sfs", "text"), ("cited_by", "cited_by_count", "text")),
                 ("cited_by", "evidence"), with_evidence=True),
)}

COLLECTIONS = tuple(RESOURCES)
# the tables other modules index by collection, derived from the declarations above
PAGE_SEGMENT = {c: r.page_segment for c, r in RESOURCES.items()}
KIND_SCHEME = {c: r.kind_scheme for c, r in RESOURCES.items() if r.kind_scheme}
WITH_EVIDENCE = frozenset(c for c, r in RESOURCES.items() if r.with_evidence)
