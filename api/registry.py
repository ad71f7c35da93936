"""The resource types the analyst API, the pages and linked data serve: one declaration each.

A resource type is a collection of the analyst API (`/api/v1/{collection}`, its named queries
`queries/{collection}.rq` and `{collection}-values.rq`), a kind of page (`/{page_segment}` and a
template), and a path of instance IRIs (`{NAMESPACE}id/{segment}/…`, styrgraf.iris.ID_SEGMENT,
which ingest mints them by). Everything the API and the pages need to know about a type that is
not in its queries is here: the fields of its items (the API's response models and the items of
its JSON and CSV are made from them, api/analyst.py), its list page's columns and its detail
page's facts. docs/resource-types.md shows how to add one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class ItemField(NamedTuple):
    """A field of a type's items (after `iri`, which every item has first): its name, how its
    value is read (`read`, below), what it means (the API's description of it), and `source`:
    the list query's column or the values query's field it is read from, where that is not its
    name. `phrases`, for a party or parties: the column (party) or values field (parties) of the
    phrases that name a group without an IRI.

    Reads (api/analyst.py, READS): from the list query's row, text (a string), int (an integer,
    or null), count (an integer, 0 if none), flag (a boolean, false if none); from the values
    query (`{collection}-values.rq`), kind (the kind word of the kind concepts), ref (the first
    reference), refs, strings, party / parties (references, or a phrase where no IRI is known),
    name (the label of the first value, else the row's column), names (the labels of the values);
    evidence, the quotes that support the item (queries/evidence.rq); own, made by the type's own
    code in api/analyst.py (OWN: records of the type's own queries, or a rule of its own)."""
    name: str
    read: str
    doc: str | None = None
    source: str | None = None
    phrases: str | None = None

    @property
    def src(self) -> str:
        return self.source or self.name


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
    fields: tuple[ItemField, ...] = ()  # the fields of its items in a list (the API's and the pages')
    detail: tuple[ItemField, ...] = ()  # the fields its own item adds (GET /api/v1/{collection}/{id}, its page)
    facts: tuple[Column, ...] = ()     # what its detail page says of it first (a field of the item or of the page)
    kind_scheme: str | None = None     # the sgk: scheme of its kinds, if it has kinds
    with_evidence: bool = False        # its answers carry the quotes that support them
    searched: bool = False             # the text index holds it (the search page shows it)
    filters: str = ""                  # what its list's filters mean (the API's description)
    id_example: str | None = None      # an id of one in the API's description (else `{segment}-1`)


def _cols(*triples: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*t) for t in triples)


def _fields(*specs: tuple) -> tuple[ItemField, ...]:
    return tuple(ItemField(*spec) for spec in specs)


# a body's own item lists what refers to it: at most this many items of each list (Regeringen wrote
# thousands of documents), with how many there are
BODY_LIST_LIMIT = 100

RESOURCES: dict[str, ResourceType] = {r.collection: r for r in (
    ResourceType("bodies", "Body", "body", "organ", "body.html", "ordered by name",
                 _cols(("name", "label", "self"), ("kind", "kind", "kind"), ("part_of", "part_of", "ref")),
                 ("responsibilities", "goals", "assignments_received", "assignments_given",
                  "assignments_reporting_to", "consultations", "meetings", "decisions", "policies", "documents",
                  "parts", "evidence"),
                 kind_scheme="body", searched=True, id_example="stockholms-stad/arbetsmarknadsnamnden",
                 filters="body: the body and the bodies part of it; policy: bodies that adopted it or are "
                         "responsible under it",
                 fields=_fields(("label", "text"), ("kind", "kind"), ("alt_labels", "other_names"), ("part_of", "ref"),
                                ("prepares_matters_for", "ref", "the nämnd a förvaltning prepares matters for")),
                 detail=_fields(("evidence", "own", "where the body is named, by document and offset"),
                                ("parts", "own", "bodies that are part of this one"),
                                ("responsibilities", "own"), ("goals", "own", "goals the body is responsible for"),
                                ("assignments_received", "own"), ("assignments_given", "own"),
                                ("assignments_reporting_to", "own", "assignments that report to the body"),
                                ("consultations", "own", "organised, taken part in or answered"), ("meetings", "own"),
                                ("decisions", "own"),
                                ("policies", "own", "policies adopted by the body or under which it is responsible"),
                                ("documents", "own", "documents written by or addressed to the body"),
                                ("counts", "own", "how many items each of these lists has: each holds at most "
                                                  f"the first {BODY_LIST_LIMIT} in its list's order")),
                 facts=_cols(("kind", "kind", "text"), ("part_of", "part_of", "ref"),
                             ("prepares_matters_for", "prepares_matters_for", "ref?"),
                             ("alt_labels", "alt_labels", "text?"), ("parts", "parts", "refs?"))),
    ResourceType("documents", "Document", "document", "dokument", "document.html", "ordered by title",
                 _cols(("title", "title", "self"), ("kind", "kind", "kind"), ("date", "date", "text"),
                       ("author", "author", "ref"), ("diarienummer", "diarienummer", "list")),
                 ("facts",), kind_scheme="document", searched=True, id_example="000-c3f731b4bab44c47",
                 filters="body: written by or addressed to; policy: documents the policy was read from; "
                         "from/to: the document's date; modified_since: when it was ingested",
                 fields=_fields(("title", "text"), ("kind", "kind"), ("date", "text"), ("diarienummer", "strings"),
                                ("author", "ref"), ("addressee", "ref"), ("signatories", "strings"),
                                ("source", "text", "file name of the source document"),
                                ("generated_at", "text", "when the document was (last) ingested"),
                                ("media_type", "text"),
                                ("reports_on", "refs", "assignments the document reports on"),
                                ("cites", "refs", "laws the document cites")),
                 facts=_cols(("kind", "kind", "text"), ("date", "date", "text"),
                             ("diarienummer", "diarienummer", "text"), ("author", "author", "ref"),
                             ("addressee", "addressee", "ref"),
                             ("signatories", "signatories", "text"), ("reports_on", "reports_on", "refs?"),
                             ("cites", "cites", "refs?"), ("meeting", "meetings", "pages?"),
                             ("source_file", "source", "text"), ("ingested", "generated_at", "text"))),
    ResourceType("policies", "Policy", "policy", "styrdokument", "policy.html", "ordered by title",
                 _cols(("title", "title", "self"), ("kind", "kind", "kind"), ("valid", "valid_from", "validity"),
                       ("adopted_by", "adopted_by", "ref"), ("adopted_on", "adopted_on", "text")),
                 ("goals", "responsibilities", "relations", "evidence"), kind_scheme="policy", searched=True,
                 with_evidence=True,
                 filters="body: adopted by, or responsible for something under it; policy: the policy and those "
                         "related to it; from/to: validity (or adoption) overlaps",
                 fields=_fields(("title", "text"), ("kind", "kind"), ("valid_from", "text"), ("valid_to", "text"),
                                ("until_further_notice", "flag"), ("adopted_by", "ref"), ("adopted_on", "text"),
                                ("relations", "own"), ("evidence", "evidence")),
                 detail=_fields(("goals", "own"), ("responsibilities", "own")),
                 facts=_cols(("kind", "kind", "text"), ("valid", "valid_from", "validity"),
                             ("adopted_by", "adopted_by", "ref"), ("adopted_on", "adopted_on", "text"))),
    ResourceType("goals", "Goal", "goal", "mal", "goal.html", "ordered by text",
                 _cols(("goal", "text", "self"), ("policy", "policy", "ref"), ("responsible", "responsible", "refs"),
                       ("responsible_via_policy", "responsible_via_policy", "refs")),
                 ("responsible", "responsible_via_policy", "evidence"), with_evidence=True, searched=True,
                 filters="body: responsible for the goal; policy: the goal's policy",
                 fields=_fields(("text", "text"), ("policy", "ref"),
                                ("responsible", "refs", "bodies the text makes responsible for the goal itself"),
                                ("responsible_via_policy", "refs", "bodies responsible for a task under the goal's "
                                                                   "policy (goal → policy → responsibility)"),
                                ("responsible_through", "own", "each responsibility behind `responsible` and "
                                                               "`responsible_via_policy`: body, path and quote"),
                                ("evidence", "evidence")),
                 facts=_cols(("under_policy", "policy", "ref"), ("responsible", "responsible", "responsible"),
                             ("responsible_via_policy", "responsible_via_policy", "refs?"))),
    ResourceType("responsibilities", "Responsibility", "responsibility", "ansvar", "responsibility.html",
                 "ordered by task",
                 _cols(("responsible", "body", "ref"), ("task", "task", "self"), ("policy", "policy", "ref")),
                 ("evidence",), with_evidence=True,
                 filters="body: the responsible body; policy: the policy it is under",
                 fields=_fields(("body", "party", "the responsible body; iri null where a group is named by a phrase",
                                 None, "responsible_party"), ("task", "text"), ("policy", "ref"), ("goal", "ref"),
                                ("since", "text"),
                                ("confidence", "own", "how sure the reading is (1: an explicit statement; lower for a "
                                                      "body named only by a contextual word or a duty read from the "
                                                      "present tense)"),
                                ("evidence", "evidence")),
                 facts=_cols(("responsible", "body", "ref"), ("task", "task", "text"),
                             ("under_policy", "policy", "ref"), ("for_goal", "goal", "ref?"),
                             ("since", "since", "text?"))),
    ResourceType("assignments", "Assignment", "assignment", "uppdrag", "assignment.html", "ordered by title",
                 _cols(("assignment", "title", "self"), ("kind", "kind", "kind"), ("issuer", "issuer", "ref"),
                       ("assignees", "assignees", "refs"), ("report_due", "report_due", "list")),
                 ("tasks", "assignees", "reports", "evidence"), kind_scheme="assignment", searched=True,
                 with_evidence=True,
                 filters="body: issuer, assignee or body reported to; from/to: decided or running",
                 fields=_fields(("kind", "kind"), ("title", "text"), ("issuer", "ref"),
                                ("assignees", "parties", None, None, "assignee_descriptions"), ("decided_on", "text"),
                                ("diarienummer", "strings"), ("period_start", "text"), ("period_end", "text"),
                                ("tasks", "strings"), ("reports_to", "refs"), ("report_due", "strings"),
                                ("reports", "refs", "documents that report on the assignment"),
                                ("evidence", "evidence")),
                 facts=_cols(("kind", "kind", "text"), ("issuer", "issuer", "ref"), ("assignees", "assignees", "refs"),
                             ("decided_on", "decided_on", "text"), ("period", "period", "period"),
                             ("diarienummer", "diarienummer", "text"),
                             ("reports_to", "reports_to", "refs"), ("report_due", "report_due", "text"))),
    ResourceType("consultations", "Consultation", "consultation", "remisser", "consultation.html", "ordered by date",
                 _cols(("consultation", "kind", "self"), ("subject", "subject", "ref"),
                       ("organizer", "organizer", "ref"), ("deadline", "deadline", "text"),
                       ("responses", "responses", "count")),
                 ("participants", "responses", "evidence"), kind_scheme="consultation", with_evidence=True,
                 filters="body: organiser, participant or respondent; policy: the subject; from/to: date to deadline",
                 fields=_fields(("kind", "kind"), ("organizer", "ref"),
                                ("participants", "parties", "bodies (iri null: a group named by a phrase)", None,
                                 "participant_descriptions"),
                                ("subject", "ref"), ("date", "text"), ("deadline", "text"), ("diarienummer", "strings"),
                                ("invited_count", "int"), ("participant_count", "int"), ("responses", "own"),
                                ("evidence", "evidence")),
                 facts=_cols(("kind", "kind", "text"), ("organizer", "organizer", "ref"), ("subject", "subject", "ref"),
                             ("date", "date", "text"), ("deadline", "deadline", "text"),
                             ("diarienummer", "diarienummer", "text"), ("invited_count", "invited_count", "text?"),
                             ("participant_count", "participant_count", "text?"))),
    ResourceType("meetings", "Meeting", "meeting", "sammantraden", "meeting.html", "ordered by date",
                 _cols(("meeting", "date", "self"), ("held_by", "body", "ref"), ("chair", "chair", "text"),
                       ("items", "items", "count")),
                 ("attendees", "items"), id_example="arbetsmarknadsnamnden/2024-01-30",
                 filters="body: the body that met; from/to: the meeting's date",
                 fields=_fields(("body", "ref"), ("date", "text"), ("chair", "name"), ("adjusters", "names"),
                                ("attendees", "own"), ("items", "own"),
                                ("document", "ref", "the minutes the meeting is recorded in")),
                 facts=_cols(("held_by", "body", "ref"), ("date", "date", "text"), ("chair", "chair", "text"),
                             ("adjusters", "adjusters", "text"), ("recorded_in", "document", "ref"))),
    ResourceType("laws", "Law", "law", "lagar", "law.html", "ordered by SFS number",
                 _cols(("law", "title", "self"), ("sfs", "sfs", "text"), ("cited_by", "cited_by_count", "text")),
                 ("cited_by", "evidence"), with_evidence=True, id_example="2009:724",
                 filters="body: cited in documents written by or addressed to the body",
                 fields=_fields(("title", "text"), ("sfs", "own"),
                                ("cited_by_count", "count", "how many documents cite the law (which: on the law's "
                                                            "own item)")),
                 # a law may be cited by thousands of documents: they are listed on its own item, not in every page
                 detail=_fields(("cited_by", "refs", "documents that cite the law"), ("evidence", "evidence")),
                 facts=_cols(("sfs", "sfs", "text"))),
)}

COLLECTIONS = tuple(RESOURCES)
# the tables other modules index by collection, derived from the declarations above
PAGE_SEGMENT = {c: r.page_segment for c, r in RESOURCES.items()}
KIND_SCHEME = {c: r.kind_scheme for c, r in RESOURCES.items() if r.kind_scheme}
