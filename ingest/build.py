"""Turn one document's `Extraction` into RDF triples (docs/model.md).

IRIs are minted from what identifies a thing, so the same input always gives
the same triples: re-ingesting a file reproduces its graph exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


from pyoxigraph import Literal, NamedNode, Triple

from styrgraf import kinds
from styrgraf.iris import doc_id, document_iri, evidence_iri, graph_iri, instance_iri
from styrgraf.vocab import (ADMS, CITO, DCT, ELI, FOAF, ORG, PROV, RDF, RPUBL, SFS_BASE, SG,
                            SKOS, XSD, kind_iri, slug)

from .identifiers import NOTATION, parse_diarienummer
from .register import scb_code
from .model import Extraction, Span
from .normalise import Doc
from .read import Source

EXTRACTOR_VERSION = "0.5.3"   # 0.3: citations of the decision a document changes; 0.4: the stance of an answer;
#                               0.5: a committee's report cites its directive; 0.5.1: one-word names the government charges;
#                               0.5.2: a committee's remit in more of its report's words, responsibilities given by a proposal
#                               0.5.3: a change's own report date, a proposal due to the Government Offices, a misspelt
#                               authority, the decision a new task is given within

A = NamedNode(RDF + "type")
PARTIES = {"S", "M", "V", "SD", "C", "KD", "L", "MP", "FI", "FP"}


def sg(local: str) -> NamedNode:
    return NamedNode(SG + local)


def date_literal(value: str | None) -> Literal | None:
    """xsd:date for 'YYYY-MM-DD', xsd:gYear for 'YYYY'; other strings are not dates."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=NamedNode(XSD + "date"))
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=NamedNode(XSD + "gYear"))
    return None


# what a kind word falls back to when ontology/kinds.ttl lacks it (the extractor gives only its
# words; a test holds it to that)
KIND_FALLBACK = {"document": kinds.UNKNOWN, "body": "organisation", "policy": "plan"}


@dataclass
class Builder:
    base: str
    extraction: Extraction
    doc: Doc
    source: Source

    def __post_init__(self):
        self.triples: list[Triple] = []
        self.did = doc_id(self.source.name)
        self.doc_iri = NamedNode(document_iri(self.base, self.did))
        self.graph = graph_iri(self.base, self.did)
        self.body_kinds = {b.label: b.kind for b in self.extraction.bodies}
        self.municipality = self.extraction.municipality

    # ------------------------------------------------------------ helpers
    def add(self, s, p: str | NamedNode, o) -> None:
        if o is None:
            return
        if isinstance(o, str):
            o = Literal(o)
        elif isinstance(o, bool):
            o = Literal("true" if o else "false", datatype=NamedNode(XSD + "boolean"))
        elif isinstance(o, int):
            o = Literal(str(o), datatype=NamedNode(XSD + "integer"))
        self.triples.append(Triple(s, p if isinstance(p, NamedNode) else NamedNode(p), o))

    def iri(self, segment: str, path: str) -> NamedNode:
        return NamedNode(instance_iri(self.base, segment, path))

    def body(self, label: str | None) -> NamedNode | None:
        """IRI of a body by label; a body not recognised as such gets no node."""
        if not label or label not in self.body_kinds:
            return None
        kind = self.body_kinds[label]
        if kind in kinds.municipal() and self.municipality and label != self.municipality:
            return self.iri("org", f"{slug(self.municipality)}/{slug(label)}")
        return self.iri("org", slug(label))

    def person(self, name: str | None, party: str | None = None) -> NamedNode | None:
        if not name:
            return None
        node = self.iri("person", slug(name))
        self.add(node, A, sg("Person"))
        self.add(node, FOAF + "name", name)
        if party:
            self.add(node, sg("party"), self.party(party))
        return node

    def party(self, abbr: str | None) -> NamedNode | None:
        if not abbr:
            return None
        node = self.iri("party", slug(abbr))
        self.add(node, A, sg("Party"))
        self.add(node, SKOS + "notation", abbr)
        return node

    def policy(self, title: str | None) -> NamedNode | None:
        return self.iri("policy", slug(title)) if title else None

    def evidence(self, subject, spans: list[Span]) -> None:
        for span in sorted(set(spans)):
            quote = self.doc.text[span.start:span.end]
            if not quote.strip():
                continue
            ev = NamedNode(evidence_iri(self.doc_iri.value, span.start, span.end))
            self.add(subject, sg("evidence"), ev)
            self.add(ev, A, sg("Evidence"))
            self.add(ev, sg("quote"), quote)
            self.add(ev, sg("start"), span.start)
            self.add(ev, sg("end"), span.end)
            self.add(ev, PROV + "wasDerivedFrom", self.doc_iri)

    def dnr(self, subject, notation: str) -> None:
        notation = re.sub(r"\s+", " ", notation.strip())
        notation = re.sub(r"^dir\.\s*", "Dir. ", notation)     # one spelling of a directive's number
        if not NOTATION.match(notation):
            return        # not a diarienummer after all; the shapes would reject the document
        node = self.iri("dnr", slug(notation))
        self.add(subject, sg("diarienummer"), node)
        self.add(node, A, sg("Diarienummer"))
        self.add(node, SKOS + "notation", notation)
        parts = parse_diarienummer(notation)
        if parts:
            self.add(node, sg("registry"), parts.registry)
            self.add(node, sg("year"), date_literal(parts.year))
            self.add(node, sg("serial"), parts.serial)
            self.add(node, sg("classificationCode"), parts.code)

    def kind(self, subject, scheme: str, word: str | None) -> None:
        concept = kinds.concept(scheme, word) if word else None
        if word and concept is None and scheme in KIND_FALLBACK:
            concept = kinds.concept(scheme, KIND_FALLBACK[scheme])
        if concept:
            self.add(subject, sg("kind"), NamedNode(concept))

    # ------------------------------------------------------------ sections
    def build(self) -> list[Triple]:
        self.document()
        self.bodies()
        self.policies()
        self.goals()
        self.responsibilities()
        self.assignments()
        self.consultations()
        self.meetings()
        self.laws()
        self.citations()
        return sorted(set(self.triples), key=str)

    def document(self) -> None:
        d, meta = self.doc_iri, self.extraction.document
        self.add(d, A, sg("Document"))
        self.kind(d, "document", meta.kind or "okänd")
        self.add(d, DCT + "title", meta.title or Path(self.source.name).stem)
        self.add(d, DCT + "date", date_literal(meta.date))
        self.add(d, DCT + "issued", date_literal(meta.issued))
        self.add(d, sg("sourceFile"), self.source.name)
        self.add(d, sg("sha256"), self.source.sha256)
        self.add(d, sg("mediaType"), self.source.media_type)
        self.add(d, sg("normalisedText"), self.doc.text)
        self.add(d, sg("extractorVersion"), EXTRACTOR_VERSION)
        for n in dict.fromkeys(meta.diarienummer):
            self.dnr(d, n)
        self.add(d, DCT + "creator", self.body(meta.author))
        self.add(d, sg("addressee"), self.body(meta.addressee))
        for name in dict.fromkeys(meta.signatories):
            self.add(d, sg("signatory"), self.person(name))
        self.evidence(d, meta.evidence)

    def bodies(self) -> None:
        seen: set[NamedNode] = set()
        for b in self.extraction.bodies:
            node = self.body(b.label)
            if node in seen:
                # two spellings with one slug ("Statens Skolverk", "Statens skolverk"): one body
                self.add(node, SKOS + "altLabel", Literal(b.label, language="sv"))
                self.evidence(node, b.evidence)
                continue
            seen.add(node)
            self.add(node, A, sg("Body"))
            self.add(node, A, sg(kinds.body_classes().get(b.kind, "OtherOrganisation")))
            self.kind(node, "body", b.kind)
            shown = b.written or b.label
            self.add(node, SKOS + "prefLabel", Literal(shown, language="sv"))
            for alt in sorted(b.alt_labels | {b.label}):
                if alt.lower() != shown.lower():
                    self.add(node, SKOS + "altLabel", Literal(alt, language="sv"))
            self.add(node, ORG + "subOrganizationOf", self.body(b.part_of))
            self.add(node, sg("preparesMattersFor"), self.body(b.serves))
            self.scb_code(node, b)
            self.org_number(node, b)
            self.evidence(node, b.evidence)

    def org_number(self, node: NamedNode, b) -> None:
        """The organisationsnummer the document gives for the body, with the quote it was read from."""
        if b.org_number is None:
            return
        number, span = b.org_number
        ident = NamedNode(f"{node.value}#organisationsnummer")
        self.add(node, DCT + "identifier", number)
        self.add(node, ADMS + "identifier", ident)
        self.add(ident, A, NamedNode(ADMS + "Identifier"))
        self.add(ident, SKOS + "notation", number)
        self.add(ident, DCT + "type", NamedNode(kind_iri("identifier", "organisationsnummer")))
        self.evidence(ident, [span])

    def scb_code(self, node: NamedNode, b) -> None:
        """A municipality's or region's SCB code, the identifier other registers know it by (from the
        reference lists: an identifier of the body, not a fact the document states)."""
        if (found := scb_code(b.label, b.kind)) is None:
            return
        scheme, code = found
        ident = NamedNode(f"{node.value}#{scheme}")
        self.add(node, DCT + "identifier", code)
        self.add(node, ADMS + "identifier", ident)
        self.add(ident, A, NamedNode(ADMS + "Identifier"))
        self.add(ident, SKOS + "notation", code)
        self.add(ident, DCT + "type", NamedNode(kind_iri("identifier", scheme)))
        self.add(ident, ADMS + "schemaAgency", Literal("Statistiska centralbyrån (SCB)", language="sv"))

    def policies(self) -> None:
        for p in self.extraction.policies:
            node = self.policy(p.title)
            self.add(node, A, sg("Policy"))
            self.kind(node, "policy", p.kind)
            self.add(node, DCT + "title", p.title)
            self.add(node, sg("validFrom"), date_literal(p.valid_from))
            self.add(node, sg("validTo"), date_literal(p.valid_to))
            if p.until_further_notice:
                self.add(node, sg("untilFurtherNotice"), True)
            self.add(node, ELI + "passed_by", self.body(p.adopted_by))
            self.add(node, sg("adoptedOn"), date_literal(p.adopted_on))
            for relation, target in p.relations:
                prop = {"complements": "complements", "based_on": "basedOn", "part_of": "partOf",
                        "replaces": "replaces", "related": "relatedTo"}.get(relation)
                if prop and target:
                    self.add(node, sg(prop), self.policy(target))
            self.evidence(node, p.evidence)

    def goals(self) -> None:
        for i, g in enumerate(self.extraction.goals, 1):
            node = self.iri("goal", f"{self.did}-{i}")
            self.add(node, A, sg("Goal"))
            self.add(node, sg("statement"), g.text)
            self.add(node, sg("underPolicy"), self.policy(g.policy))
            for label in g.responsible:
                body = self.body(label)
                if body:
                    r = self.iri("responsibility", f"{self.did}-g{i}-{slug(label)}")
                    self.add(r, A, sg("Responsibility"))
                    self.add(r, sg("responsibleBody"), body)
                    self.add(r, sg("forGoal"), node)
                    self.add(r, sg("task"), g.text)
                    self.add(r, sg("underPolicy"), self.policy(g.policy))
                    self.evidence(r, g.evidence)
            self.evidence(node, g.evidence)

    def responsibilities(self) -> None:
        for i, r in enumerate(self.extraction.responsibilities, 1):
            node = self.iri("responsibility", f"{self.did}-{i}")
            self.add(node, A, sg("Responsibility"))
            body = self.body(r.body)
            if body is None:   # a group phrase ("nämnder och bolag"): kept as written
                self.add(node, sg("responsibleParty"), r.body)
            self.add(node, sg("responsibleBody"), body)
            self.add(node, sg("task"), r.task)
            self.add(node, sg("underPolicy"), self.policy(r.policy))
            self.add(node, sg("since"), date_literal(r.since))
            if r.confidence < 1:
                self.add(node, sg("confidence"), Literal(f"{r.confidence:.2f}", datatype=NamedNode(XSD + "decimal")))
            self.evidence(node, r.evidence)

    def assignments(self) -> None:
        titles = [slug(a.title)[:80] for a in self.extraction.assignments]
        for i, a in enumerate(self.extraction.assignments, 1):
            # by diarienummer, else by title (unique in the document), so a report can link to it
            title_key = titles[i - 1]
            key = (slug(a.diarienummer[0]) if a.diarienummer
                   else title_key if titles.count(title_key) == 1 else f"{self.did}-{i}")
            node = self.iri("assignment", key)
            self.add(node, A, sg("Assignment"))
            self.kind(node, "assignment", a.kind)
            self.add(node, DCT + "title", a.title)
            self.add(node, sg("issuer"), self.body(a.issuer))
            for label in a.assignees:
                self.add(node, sg("assignee"), self.body(label))
            for words in dict.fromkeys(a.assignee_descriptions):
                self.add(node, sg("assigneeDescription"), words)
            self.add(node, sg("decidedOn"), date_literal(a.decided_on))
            for n in dict.fromkeys(a.diarienummer):
                self.dnr(node, n)
            self.add(node, sg("periodStart"), date_literal(a.period_start))
            self.add(node, sg("periodEnd"), date_literal(a.period_end))
            for t in dict.fromkeys(a.tasks):
                self.add(node, sg("task"), t)
            for label in a.reports_to:
                self.add(node, sg("reportsTo"), self.body(label))
            for due in dict.fromkeys(a.report_due):
                self.add(node, sg("reportDue"), due)
            self.evidence(node, a.evidence)
        for ref in self.extraction.document.reports_on:
            key = slug(ref) if NOTATION.match(ref.strip()) else slug(ref)[:80]
            self.add(self.doc_iri, sg("reportsOn"), self.iri("assignment", key))

    def consultations(self) -> None:
        for i, c in enumerate(self.extraction.consultations, 1):
            node = self.iri("consultation", f"{self.did}-{i}")
            self.add(node, A, sg("Consultation"))
            self.kind(node, "consultation", c.kind)
            self.add(node, sg("organizer"), self.body(c.organizer))
            for label in dict.fromkeys(c.participants):
                body = self.body(label)
                if body is None and label:
                    self.add(node, sg("participantDescription"), label)
                self.add(node, sg("participant"), body)
            if c.subject:
                subject = self.policy(c.subject)
                self.add(node, sg("consultedOn"), subject)
                if not any(p.title == c.subject for p in self.extraction.policies):
                    self.add(subject, DCT + "title", c.subject)
            self.add(node, DCT + "date", date_literal(c.date))
            self.add(node, sg("deadline"), date_literal(c.deadline))
            for n in dict.fromkeys(c.diarienummer):
                self.dnr(node, n)
            self.add(node, sg("invitedCount"), c.invited_count)
            self.add(node, sg("participantCount"), c.participant_count)
            for k, resp in enumerate(c.responses, 1):
                by = self.body(resp.by)
                if by is None:
                    continue
                rn = NamedNode(f"{node.value}/r{k}")
                self.add(node, sg("response"), rn)
                self.add(rn, A, sg("Response"))
                self.add(rn, sg("respondent"), by)
                if resp.document == "self":
                    self.add(rn, sg("responseDocument"), self.doc_iri)
                if resp.stance and resp.stance_evidence:
                    self.add(rn, sg("stance"), NamedNode(kind_iri("stance", resp.stance)))
                    self.evidence(rn, [resp.stance_evidence])
            self.evidence(node, c.evidence)

    def meetings(self) -> None:
        for m in self.extraction.meetings:
            body = self.body(m.body)
            node = self.iri("meeting", f"{slug(m.body)}/{m.date or self.did}")
            self.add(node, A, sg("Meeting"))
            self.add(node, sg("heldBy"), body)
            self.add(node, DCT + "date", date_literal(m.date))
            self.add(node, sg("recordedIn"), self.doc_iri)
            self.add(node, sg("chair"), self.person(m.chair))
            for name in m.adjusters:
                self.add(node, sg("adjuster"), self.person(name))
            for k, a in enumerate(m.attendees, 1):
                an = NamedNode(f"{node.value}/a{k}")
                self.add(node, sg("attendance"), an)
                self.add(an, A, sg("Attendance"))
                self.add(an, ORG + "organization", body)      # an org:Membership of the body, in its role
                self.add(an, sg("attendee"), self.person(a.name))
                if a.role and (role := kinds.concept("role", a.role)):
                    self.add(an, sg("role"), NamedNode(role))
                self.add(an, sg("party"), self.party(a.party))
                self.add(an, sg("substituteFor"), self.person(a.substitute_for))
                self.evidence(an, a.evidence)
            for item in m.items:
                inode = NamedNode(f"{node.value}/p{item.paragraph}")
                self.add(node, sg("agendaItem"), inode)
                self.add(inode, A, sg("AgendaItem"))
                self.add(inode, sg("paragraph"), item.paragraph)
                self.add(inode, DCT + "title", item.title)
                for n in dict.fromkeys(item.diarienummer):
                    self.dnr(inode, n)
                for k, dec in enumerate(item.decisions, 1):
                    dn = NamedNode(f"{inode.value}/d{k}")
                    self.add(inode, sg("decision"), dn)
                    self.add(dn, A, sg("Decision"))
                    self.add(dn, DCT + "description", dec.text)
                    self.evidence(dn, dec.evidence)
                for k, res in enumerate(item.reservations, 1):
                    rn = NamedNode(f"{inode.value}/r{k}")
                    self.add(inode, sg("reservation"), rn)
                    self.add(rn, A, sg("Reservation"))
                    self.add(rn, sg("madeBy"), self.person(res.by))
                    self.add(rn, sg("party"), self.party(res.party))
                    self.evidence(rn, res.evidence)
                for k, st in enumerate(item.statements, 1):
                    sn = NamedNode(f"{inode.value}/s{k}")
                    prop = "substituteStatement" if st.kind == "ersättaryttrande" else "specialStatement"
                    self.add(inode, sg(prop), sn)
                    self.add(sn, A, sg("MinutesStatement"))
                    self.add(sn, sg("madeBy"), self.person(st.by))
                    self.add(sn, sg("party"), self.party(st.party))
                    self.evidence(sn, st.evidence)
                self.evidence(inode, item.evidence)
            self.evidence(node, m.evidence)

    def citations(self) -> None:
        # the decision cited, as written; styrgraf.links names the document it is (cito:hasCitedEntity)
        for i, c in enumerate(self.extraction.citations, 1):
            node = self.iri("citation", self.did if i == 1 else f"{self.did}-{i}")
            self.add(node, A, sg("Citation"))
            self.add(node, CITO + "hasCitingEntity", self.doc_iri)
            self.add(node, CITO + "hasCitationCharacterization", sg(c.relation))
            for subject in dict.fromkeys(c.subjects):
                self.add(node, sg("citedSubject"), subject)
            self.add(node, sg("citedDate"), date_literal(c.decided_on))
            for n in dict.fromkeys(c.diarienummer):
                self.dnr(node, n)
            if c.partial:
                self.add(node, sg("partial"), True)
            for due in dict.fromkeys(c.restated_due):
                self.add(node, sg("citedReportDue"), date_literal(due))
            self.evidence(node, c.evidence)

    def laws(self) -> None:
        for law in self.extraction.laws:
            node = NamedNode(SFS_BASE + law.sfs)
            self.add(self.doc_iri, ELI + "cites", node)
            self.add(node, A, sg("Law"))
            self.add(node, A, NamedNode(RPUBL + ("Forordning" if (law.title or "").lower().startswith("förordning")
                                                else "Lag")))
            self.add(node, ELI + "id_local", law.sfs)
            self.add(node, DCT + "title", law.title)
            self.evidence(node, law.evidence)


def build(base: str, extraction: Extraction, doc: Doc, source: Source) -> tuple[str, list[Triple]]:
    """(graph IRI, triples) of one document."""
    b = Builder(base, extraction, doc, source)
    return b.graph, b.build()


