"""Plain data passed between the ingest stages.

Extractors fill these dataclasses; `build.py` turns them into RDF. Bodies,
policies and persons are referred to by *key* (their canonical name), which
the builder turns into IRIs, so extractors never deal with IRIs.
Every span is a pair of offsets into the normalised text (`Doc.text`).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int


@dataclass
class Body:
    """A body named in the text, resolved to its canonical name (`label`)."""
    label: str
    kind: str                                  # contract body kind: "nämnd", "förvaltning", …
    alt_labels: set[str] = field(default_factory=set)
    part_of: str | None = None                 # label of the body it belongs to
    serves: str | None = None                  # förvaltning -> label of the nämnd it serves
    evidence: list[Span] = field(default_factory=list)
    written: str | None = None                 # the name as the text writes it, where the label is the
                                               # register's official name and the text never uses it
    org_number: tuple[str, Span] | None = None  # organisationsnummer the text gives right after a name


@dataclass
class DocumentMeta:
    kind: str | None = None                    # "protokoll", "tjänsteutlåtande", …
    title: str | None = None
    date: str | None = None                    # ISO date
    issued: str | None = None                  # the year a report was issued, by its number in its series
    diarienummer: list[str] = field(default_factory=list)
    author: str | None = None                  # body label
    addressee: str | None = None               # body label
    signatories: list[str] = field(default_factory=list)
    reports_on: list[str] = field(default_factory=list)   # diarienummer or titles of assignments reported on
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Policy:
    title: str
    kind: str                                  # "strategi", "handlingsplan", …
    valid_from: str | None = None              # "2018" or ISO date
    valid_to: str | None = None
    until_further_notice: bool = False
    adopted_by: str | None = None              # body label
    adopted_on: str | None = None              # ISO date
    relations: list[tuple[str, str]] = field(default_factory=list)  # (relation, target policy title)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Goal:
    text: str
    policy: str | None                         # policy title
    responsible: list[str] = field(default_factory=list)  # body labels
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Responsibility:
    body: str                                  # body label (or a group phrase kept as written)
    task: str
    policy: str | None = None
    since: str | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 1.0                    # < 1: read from a contextual word or the present tense


@dataclass
class Assignment:
    kind: str                                  # "regeringsuppdrag" | "budgetuppdrag" | "uppdrag" (in a decision)
    title: str
    issuer: str | None = None
    assignees: list[str] = field(default_factory=list)
    assignee_descriptions: list[str] = field(default_factory=list)   # an assignee named by a phrase, not a body
    decided_on: str | None = None
    diarienummer: list[str] = field(default_factory=list)
    period_start: str | None = None
    period_end: str | None = None
    tasks: list[str] = field(default_factory=list)
    reports_to: list[str] = field(default_factory=list)
    report_due: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Response:
    by: str                                    # body label
    document: str | None = None                # "self" for the ingested document, or a title
    stance: str | None = None                  # the position the answer states (ingest/stance.py), None if none
    stance_evidence: Span | None = None        # the sentence that states it


@dataclass
class Consultation:
    kind: str                                  # "remiss" | "samråd"
    organizer: str | None = None
    participants: list[str] = field(default_factory=list)
    subject: str | None = None                 # policy title (or document title)
    date: str | None = None
    deadline: str | None = None
    diarienummer: list[str] = field(default_factory=list)
    invited_count: int | None = None
    participant_count: int | None = None
    responses: list[Response] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Attendee:
    name: str
    role: str                                  # "ordförande", "vice ordförande", "ledamot", "tjänstgörande ersättare", "ersättare"
    party: str | None = None
    substitute_for: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Reservation:
    by: str | None
    party: str | None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Statement:
    """A särskilt uttalande or an ersättaryttrande."""
    kind: str                                  # "särskilt uttalande" | "ersättaryttrande"
    by: str | None
    party: str | None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Decision:
    text: str
    evidence: list[Span] = field(default_factory=list)


@dataclass
class AgendaItem:
    paragraph: int
    title: str
    diarienummer: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    reservations: list[Reservation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Meeting:
    body: str                                  # body label
    date: str                                  # ISO date
    chair: str | None = None
    adjusters: list[str] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Law:
    sfs: str                                   # "2009:724"
    title: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Citation:
    """The earlier decision a document changes ("amends") or adds to ("supplements"), as its text
    names it; which stored document that is, styrgraf.links decides across documents."""
    relation: str                              # "amends" | "supplements" | "reportsOn"
    subjects: list[str] = field(default_factory=list)   # what the decision is about, as written
    decided_on: str | None = None              # ISO date of the decision cited
    diarienummer: list[str] = field(default_factory=list)  # its diarienummer or directive number
    partial: bool = False                      # a report that is partial (a delbetänkande, a delredovisning)
    restated_due: list[str] = field(default_factory=list)  # report dates of the decision, as the text restates them
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything read from one document."""
    document: DocumentMeta = field(default_factory=DocumentMeta)
    municipality: str | None = None            # label of the kommun the document belongs to, if any
    bodies: list[Body] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    laws: list[Law] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
