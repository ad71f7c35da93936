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
    """A column of a list page or a fact of a detail page: its heading (a message key), the item's
    field, how to show it (api/templates/macros.html, `show`): self (a list's link to the item),
    text, list, ref, refs, kind (its label in the page's language), count (of a list), validity
    (valid_from–valid_to), period (`{field}_start`–`{field}_end`), pages (links to IRIs),
    responsible (refs, or that the text names no one). A fact whose `show` ends in "?" is shown
    only where it has a value."""
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
    facts: tuple[Column, ...] = ()     # what its detail page says of it first (a field of the item or of the page)
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
                  "parts", "evidence"), kind_scheme="body", searched=True,
                 facts=_cols(("kind", "kind", "text"), ("part_of", "part_of", "ref"),
                             ("prepares_matters_for", "prepares_matters_for", "ref?"),
                             ("alt_labels", "alt_labels", "text?"), ("parts", "parts", "refs?"))),
    ResourceType("documents", "Document", "document", "dokument", "document.html", "ordered by title",
                 _cols(("title", "title", "self"), ("kind", "kind", "kind"), ("date", "date", "text"),
                       ("author", "author", "ref"), ("diarienummer", "diarienummer", "list")),
                 ("facts",), kind_scheme="document", searched=True,
                 facts=_cols(("kind", "kind", "text"), ("date", "date", "text"), ("diarienummer", "diarienummer", "text"),
                             ("author", "author", "ref"), ("addressee", "addressee", "ref"),
                             ("signatories", "signatories", "text"), ("reports_on", "reports_on", "refs?"),
                             ("cites", "cites", "refs?"), ("meeting", "meetings", "pages?"),
                             ("source_file", "source", "text"), ("ingested", "generated_at", "text"))),
    ResourceType("policies", "Policy", "policy", "styrdokument", "policy.html", "ordered by title",
                 _cols(("title", "title", "self"), ("kind", "kind", "kind"), ("valid", "valid_from", "validity"),
                       ("adopted_by", "adopted_by", "ref"), ("adopted_on", "adopted_on", "text")),
                 ("goals", "responsibilities", "relations", "evidence"), kind_scheme="policy", with_evidence=True, searched=True,
                 facts=_cols(("kind", "kind", "text"), ("valid", "valid_from", "validity"),
                             ("adopted_by", "adopted_by", "ref"), ("adopted_on", "adopted_on", "text"))),
    ResourceType("goals", "Goal", "goal", "mal", "goal.html", "ordered by text",
                 _cols(("goal", "text", "self"), ("policy", "policy", "ref"), ("responsible", "responsible", "refs"),
                       ("responsible_via_policy", "responsible_via_policy", "refs")),
                 ("responsible", "responsible_via_policy", "evidence"), with_evidence=True, searched=True,
                 facts=_cols(("under_policy", "policy", "ref"), ("responsible", "responsible", "responsible"),
                             ("responsible_via_policy", "responsible_via_policy", "refs?"))),
    ResourceType("responsibilities", "Responsibility", "responsibility", "ansvar", "responsibility.html",
                 "ordered by task",
                 _cols(("responsible", "body", "ref"), ("task", "task", "self"), ("policy", "policy", "ref")),
                 ("evidence",), with_evidence=True,
                 facts=_cols(("responsible", "body", "ref"), ("task", "task", "text"), ("under_policy", "policy", "ref"),
                             ("for_goal", "goal", "ref?"), ("since", "since", "text?"))),
    ResourceType("assignments", "Assignment", "assignment", "uppdrag", "assignment.html", "ordered by title",
                 _cols(("assignment", "title", "self"), ("kind", "kind", "kind"), ("issuer", "issuer", "ref"),
                       ("assignees", "assignees", "refs"), ("report_due", "report_due", "list")),
                 ("tasks", "assignees", "reports", "evidence"), kind_scheme="assignment", with_evidence=True, searched=True,
                 facts=_cols(("kind", "kind", "text"), ("issuer", "issuer", "ref"), ("assignees", "assignees", "refs"),
                             ("decided_on", "decided_on", "text"), ("period", "period", "period"),
                             ("diarienummer", "diarienummer", "text"), ("reports_to", "reports_to", "refs"),
                             ("report_due", "report_due", "text"))),
    ResourceType("consultations", "Consultation", "consultation", "remisser", "consultation.html", "ordered by date",
                 _cols(("consultation", "kind", "self"), ("subject", "subject", "ref"),
                       ("organizer", "organizer", "ref"), ("deadline", "deadline", "text"),
                       ("responses", "responses", "count")),
                 ("participants", "responses", "evidence"), kind_scheme="consultation", with_evidence=True,
                 facts=_cols(("kind", "kind", "text"), ("organizer", "organizer", "ref"), ("subject", "subject", "ref"),
                             ("date", "date", "text"), ("deadline", "deadline", "text"),
                             ("diarienummer", "diarienummer", "text"), ("invited_count", "invited_count", "text?"),
                             ("participant_count", "participant_count", "text?"))),
    ResourceType("meetings", "Meeting", "meeting", "sammantraden", "meeting.html", "ordered by date",
                 _cols(("meeting", "date", "self"), ("held_by", "body", "ref"), ("chair", "chair", "text"),
                       ("items", "items", "count")),
                 ("attendees", "items"),
                 facts=_cols(("held_by", "body", "ref"), ("date", "date", "text"), ("chair", "chair", "text"),
                             ("adjusters", "adjusters", "text"), ("recorded_in", "document", "ref"))),
    ResourceType("laws", "Law", "law", "lagar", "law.html", "ordered by SFS number",
                 _cols(("law", "title", "self"), ("sfs", "sfs", "text"), ("cited_by", "cited_by_count", "text")),
                 ("cited_by", "evidence"), with_evidence=True, facts=_cols(("sfs", "sfs", "text"))),
)}

COLLECTIONS = tuple(RESOURCES)
# the tables other modules index by collection, derived from the declarations above
PAGE_SEGMENT = {c: r.page_segment for c, r in RESOURCES.items()}
KIND_SCHEME = {c: r.kind_scheme for c, r in RESOURCES.items() if r.kind_scheme}
WITH_EVIDENCE = frozenset(c for c, r in RESOURCES.items() if r.with_evidence)
