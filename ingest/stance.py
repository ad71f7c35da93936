"""The stance of an answer to a remiss: the position the respondent states on what it was asked about.

Read from a remissvar, a yttrande, a kontorsyttrande or a tjänsteutlåtande that answers, or from
the § of minutes in which a nämnd answers. A stance is one of five words (the notations of the
concept scheme sgk:stance in ontology/styrgraf.ttl):

tillstyrker          supports: "X tillstyrker förslaget", "ställer sig bakom förslaget", "ställer sig
                     positiv till", "är positiv till", "ser positivt på", "delar utredningens bedömning",
                     "instämmer i", "har inget att invända mot", "välkomnar förslaget";
                     also a decision to: "beslutar att tillstyrka", and a passive "Förslaget tillstyrks"
tillstyrker delvis   supports with reservations: "tillstyrker delvis", "tillstyrker med vissa
                     förbehåll/reservationer", "i huvudsak", "avstyrker förslaget i den del …";
                     also an answer that both supports and opposes
avstyrker            opposes: "avstyrker", "motsätter sig", "ställer sig negativ till", "kan inte
                     tillstyrka", "kan inte ställa sig bakom"
inga synpunkter      no comments: "har inga synpunkter", "avstår från att yttra sig", "lämnar inget
                     yttrande"
synpunkter           comments without a position on the whole: "lämnar följande synpunkter",
                     "har följande synpunkter", a positive phrase qualified in the same sentence
                     ("ställer sig positiv till …, men …")

Only what the respondent says counts: the phrase's subject must be the respondent (its name, the
förvaltning that serves a responding nämnd or the nämnd a responding förvaltning serves, or a word
by which a body speaks of itself: "förvaltningen", "nämnden", "myndigheten", "vi"). Not a phrase
inside quotation marks (the paper's own words), not one whose subject is another body ("Flera
remissinstanser tillstyrker"), and not what a reservation, an ersättaryttrande or a särskilt
uttalande says (a minority's proposal that the body did not adopt). Where the text states no
position, there is none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parties import S

SUPPORTS, PARTLY, OPPOSES, NO_COMMENTS, COMMENTS = (
    "tillstyrker", "tillstyrker delvis", "avstyrker", "inga synpunkter", "synpunkter")
STANCES = (SUPPORTS, PARTLY, OPPOSES, NO_COMMENTS, COMMENTS)

# what an answer is about: the paper or the proposals in it
_PAPER = (r"(?:förslag(?:et|en)?|(?:del|slut)?betänkandet|promemorian|utredningens|utredningen|remissen|"
          r"motionen|strategin|planen|programmet|policyn|riktlinjerna|handlingsplanen|rapporten|inriktningen|"
          r"lagförslaget|ändring(?:en|arna)|[a-zåäö]+(?:förslaget|förslagen|planen|programmet|strategin|policyn))")
_RESERVED = rf"(?:med{S}+(?:vissa{S}+|några{S}+|följande{S}+|de{S}+)?(?:reservationer|förbehåll|undantag|invändningar|kommentarer|synpunkter|ändringar|justeringar))"
_PART = rf"(?:delvis|i{S}+huvudsak|i{S}+stort|i{S}+allt{S}+väsentligt{S}+utom|med{S}+undantag)"
# "ställer sig nämnden bakom": the subject after a fronted adverbial (never a negation)
_INV = rf"(?:(?!(?:inte|ej|icke|någon|några)\b)[\wåäöÅÄÖ-]+{S}+)?"

# supports with reservations
PARTLY_SUPPORTS = re.compile(
    rf"\btillstyrker(?:{S}+[^.;:]{{0,80}}?)?{S}+(?:{_RESERVED}|delvis)\b"
    rf"|\btillstyrker(?:{S}+[^.;:,]{{0,60}}?)?{S}+{_PART}\b"
    rf"|\b(?:avstyrker|motsätter{S}+sig)(?:{S}+(?:förslag(?:et|en)?|dock|däremot))?{S}+(?:i{S}+(?:den|de){S}+del(?:en|ar|arna)?|delvis)\b"
    rf"|\bställer{S}+sig{S}+{_INV}(?:{_PART}{S}+)?(?:bakom|positiv[a]?{S}+till){S}+[^.;:]{{0,120}}?{_RESERVED}"
    rf"|\bställer{S}+sig{S}+{_INV}(?:i{S}+huvudsak|delvis){S}+(?:bakom|positiv[a]?)\b"
    rf"|\b(?:är|ställer{S}+sig){S}+(?:i{S}+huvudsak|delvis){S}+positiv[a]?\b", re.I)
OPPOSES_PHRASE = re.compile(
    rf"\bavstyrker\b|\bmotsätter{S}+sig\b|\bställer{S}+sig{S}+(?:därför{S}+)?(?:inte|ej){S}+(?:bakom|positiv)|\b(?:ställer{S}+sig|är){S}+(?:mycket{S}+)?negativ[a]?{S}+till\b"
    rf"|\bser{S}+negativt{S}+på\b|\btillstyrker{S}+inte\b"
    rf"|\b(?:kan|vill){S}+(?:därför{S}+)?inte{S}+(?:tillstyrka|ställa{S}+sig{S}+bakom|stödja|ställa{S}+sig{S}+positiv)\b"
    rf"|\bbeslut(?:ar|ade)?{S}+att{S}+avstyrka\b|\b(?:att|föreslås){S}+avstyrka\b", re.I)
NO_COMMENTS_PHRASE = re.compile(
    rf"\b(?:har|hade){S}+inga{S}+(?:särskilda{S}+|ytterligare{S}+|övriga{S}+)?(?:synpunkter|kommentarer|invändningar{S}+eller{S}+synpunkter)"
    rf"(?:{S}+(?:på|över|i|med{S}+anledning{S}+av){S}+[^.;]{{0,120}})?(?=\s*[.;]|\s*$)"
    rf"|\bavstår{S}+(?:från{S}+)?att{S}+(?:yttra{S}+sig|lämna{S}+(?:synpunkter|yttrande|något{S}+yttrande|svar))"
    rf"|\blämnar{S}+inget{S}+yttrande\b|\b(?:att|föreslås){S}+inte{S}+(?:lämna|ha){S}+några{S}+synpunkter\b", re.I)
SUPPORTS_PHRASE = re.compile(
    rf"\btillstyrker\b|\bställer{S}+sig{S}+{_INV}(?:(?:helt|fullt|därför|också|även|generellt|mycket){S}+)*(?:bakom|positiv[a]?{S}+till)\b"
    rf"|\b(?:är|var){S}+(?:(?:mycket|generellt|därför|också|även|överlag|sammantaget|i{S}+grunden){S}+)*positiv[a]?{S}+till\b"
    rf"|\bser{S}+(?:(?:mycket|därför|också|även|generellt){S}+)*positivt{S}+på\b"
    rf"|\bdelar{S}+(?:[a-zåäö]+s{S}+)?(?:bedömning(?:en|ar(?:na)?)?|uppfattning(?:en)?|slutsats(?:en|er(?:na)?)?|analys(?:en)?)\b"
    rf"|\binstämmer{S}+i\b|\bhar{S}+inget{S}+att{S}+(?:invända|erinra)\b|\bhar{S}+ingen{S}+invändning\b"
    rf"|\bvälkomnar{S}+{_PAPER}"
    rf"|\b(?:beslut(?:ar|ade)?|föreslås(?:{S}+besluta)?){S}+att{S}+(?:tillstyrka|ställa{S}+sig{S}+bakom|ställa{S}+sig{S}+positiv)\b"
    rf"|\b{_PAPER}{S}+tillstyrks\b", re.I)
COMMENTS_PHRASE = re.compile(
    rf"\b(?:lämnar|har|vill{S}+(?:lämna|framföra)|framför){S}+(?:härmed{S}+)?(?:följande|några|vissa){S}+(?:synpunkter|kommentarer)\b"
    rf"|\b(?:beslut(?:ar|ade)?|föreslås(?:{S}+besluta)?){S}+att{S}+lämna{S}+(?:följande{S}+)?synpunkter\b", re.I)
PASSIVE_OPPOSES = re.compile(rf"\b{_PAPER}{S}+avstyrks\b", re.I)
# a positive phrase that the same sentence qualifies: comments, not support
QUALIFIED = re.compile(rf"(?:,|{S}){S}*(?:men|dock|däremot|samtidigt{S}+som){S}", re.I)

# words by which an answering body speaks of itself
SELF = re.compile(
    r"(?:förvaltningen|nämnden|styrelsen|kontoret|kommunen|regionen|staden|myndigheten|verket|länsstyrelsen|"
    r"inspektionen|universitetet|högskolan|domstolen|hovrätten|kammarrätten|tingsrätten|förvaltningsrätten|"
    r"ombudsmannen|rådet|förbundet|föreningen|bolaget|vi|jag|arbetsutskottet|utskottet|direktören|"
    r"[a-zåäö]+direktören|stadsdelsnämnden|stadsdelsförvaltningen)", re.I)
# what may stand between the subject and the phrase: adverbs and auxiliaries ("Förvaltningen kan därför …")
BETWEEN = re.compile(
    rf"(?:{S}+(?:kan|vill|ska|skall|måste|bör|har|därför|också|även|således|sammantaget|sammanfattningsvis|"
    rf"härmed|alltså|generellt|i{S}+övrigt|i{S}+sak|principiellt|dock|däremot|fortsatt|redan))*{S}*")
# adverbials before a verb that then comes before its subject ("Sammanfattningsvis tillstyrker nämnden …")
FRONTED = re.compile(
    rf"^(?:\d+\.{S}*|[-•–]{S}*)?(?:(?:därför|sammanfattningsvis|sammantaget|således|vidare|slutligen|avslutningsvis|"
    rf"generellt|överlag|i{S}+övrigt|i{S}+sak|principiellt|mot{S}+(?:den|denna){S}+bakgrund(?:en)?|"
    rf"med{S}+hänsyn{S}+till{S}+[^,]{{3,80}}|på{S}+(?:denna|den){S}+grund){S}*,?{S}*)+", re.I)
# where a minority speaks, not the body (to the next § or the end of the answer)
MINORITY = re.compile(r"(?m)^[#*\s]*(?:Reservation(?:er)?|Ersättaryttranden?|Särskil(?:t|da)\s+(?:uttalanden?|yttranden?)|"
                      r"Protokollsanteckning(?:ar)?|Yrkanden?|Beslutsgång)\b[^\n]{0,80}$")
QUOTES = re.compile(r"”[^”\n]{0,600}”|“[^”\n]{0,600}”|\"[^\"\n]{0,600}\"|»[^«\n]{0,600}«|'[^'\n]{2,300}'")


@dataclass
class Stated:
    stance: str
    start: int
    end: int          # the sentence that states it


def _regions_of_others(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Parts of text[a:b] in which a minority or the meeting's procedure speaks."""
    out = []
    for m in MINORITY.finditer(text, a, b):
        nxt = re.compile(r"(?m)^\s*§\s*\d").search(text, m.end(), b)
        out.append((m.start(), nxt.start() if nxt else b))
    return out


def _subject_is_respondent(ctx, s0: int, at: int, end: int, respondents: set[str]) -> bool:
    """Whether the phrase at `at` (in the sentence starting at s0) is said by the respondent: its subject,
    right before it or right after a fronted verb, is the respondent or a word it calls itself by."""
    text = ctx.text
    # the clause the phrase is in: from the last clause break before it
    clause0 = s0
    for m in re.finditer(rf"(?:[,;:]|{S}(?:och|men|samt|medan|eftersom|då|när){S})", text[s0:at]):
        clause0 = s0 + m.end()
    before = text[clause0:at]
    if clause0 > s0 and not before.strip() and re.search(rf"{S}(?:och|men|samt){S}$", text[s0:clause0]):
        # "Nämnden tillstyrker förslaget men avstyrker …": the subject of the sentence's first clause
        lead = FRONTED.match(text[s0:clause0])
        w0 = s0 + (lead.end() if lead else 0)
        while w0 < clause0 and text[w0].isspace():
            w0 += 1
        ms = ctx.bodies.mentions_in(w0, clause0)
        if ms and ms[0].start == w0:
            return _is_respondent(ctx, ms[0].label, respondents)
        wm = re.match(r"[\wåäöÅÄÖ-]+", text[w0:clause0])
        return bool(wm and SELF.fullmatch(wm.group(0)))
    # the subject just before the phrase: a body named in the text or a self word
    for m in ctx.bodies.mentions_in(clause0, at):
        if BETWEEN.fullmatch(text[m.end:at]) and _is_respondent(ctx, m.label, respondents):
            return True
    sm = re.search(rf"(?:^|{S})(?P<w>[\wåäöÅÄÖ-]+){BETWEEN.pattern}$", before)
    if sm and SELF.fullmatch(sm["w"]) and not _other_named(ctx, clause0 + sm.start("w"), clause0 + sm.end("w"), respondents):
        # "att nämnden tillstyrker": a förvaltning proposes what its nämnd answers
        return True
    # a fronted adverbial, the verb, then the subject: "Mot den bakgrunden tillstyrker förvaltningen förslaget"
    fm = FRONTED.match(text[s0:at]) if clause0 == s0 else None
    if fm and fm.end() == at - s0:
        after = text[at:end]
        vm = re.match(rf"[\wåäö]+(?:{S}+sig)?{S}+(?P<w>[\wåäöÅÄÖ-]+)", after)
        if vm:
            w0 = at + vm.start("w")
            ms = ctx.bodies.mentions_in(w0, w0 + len(vm["w"]) + 60)
            if ms and ms[0].start == w0 and _is_respondent(ctx, ms[0].label, respondents):
                return True
            if SELF.fullmatch(vm["w"]) and not _other_named(ctx, w0, w0 + len(vm["w"]), respondents):
                return True
    return False


def _is_respondent(ctx, label: str, respondents: set[str]) -> bool:
    if label in respondents:
        return True
    body = ctx.bodies.get(label)
    if body is None:
        return False
    # the förvaltning serving a responding nämnd speaks for it in the answer it prepares, and the other way round
    return (body.serves in respondents) or any(
        (b := ctx.bodies.get(r)) is not None and b.serves == label for r in respondents)


def _other_named(ctx, s: int, e: int, respondents: set[str]) -> bool:
    """A self word that the text resolves to a body other than the respondent ("nämnden" of another
    body's text is not the answering one)."""
    for m in ctx.bodies.mentions_in(s, e):
        return not _is_respondent(ctx, m.label, respondents)
    return False


def _sentence_stances(ctx, s0: int, s1: int, respondents: set[str]) -> list[Stated]:
    text = ctx.text
    sentence = text[s0:s1]
    quoted = [(s0 + m.start(), s0 + m.end()) for m in QUOTES.finditer(sentence)]

    def said(m) -> bool:
        at = s0 + m.start()
        if any(q0 <= at < q1 for q0, q1 in quoted):
            return False
        if re.match(r"(?:förslag|[a-zåäö]*betänkande|promemoria|motion|strateg|plan|program|polic|riktlinj|"
                    r"handlingsplan|rapport|inriktning|lagförslag|ändring|utredning|remiss)", m.group(0), re.I) \
                and re.search(r"(?:tillstyrks|avstyrks)$", m.group(0)):
            return ctx.kind in ("remissvar", "yttrande", "kontorsyttrande", "tjänsteutlåtande", "protokoll")
        if re.match(r"(?:beslut|föreslås|att\b)", m.group(0), re.I):
            return _decided_by_respondent(ctx, s0, at, respondents)
        return _subject_is_respondent(ctx, s0, at, s1, respondents)

    found: list[tuple[int, str, bool]] = []      # (where, stance, qualified later in the sentence)
    for pattern, stance in ((PARTLY_SUPPORTS, PARTLY), (NO_COMMENTS_PHRASE, NO_COMMENTS), (OPPOSES_PHRASE, OPPOSES),
                            (PASSIVE_OPPOSES, OPPOSES), (COMMENTS_PHRASE, COMMENTS), (SUPPORTS_PHRASE, SUPPORTS)):
        for m in pattern.finditer(sentence):
            if any(f <= m.start() < f + 40 for f, _, _ in found):
                continue        # (already read by a more particular phrase: "tillstyrker delvis")
            if said(m):
                found.append((m.start(), stance, bool(QUALIFIED.search(sentence, m.end()))))
    if not found:
        return []
    kinds = {k for _, k, _ in found}
    if {SUPPORTS, OPPOSES} <= kinds:
        stance = PARTLY                     # "tillstyrker förslaget men avstyrker …"
    else:
        stance = next(k for k in (PARTLY, OPPOSES, SUPPORTS, NO_COMMENTS, COMMENTS) if k in kinds)
        if stance == SUPPORTS:
            at, _, qualified = next(f for f in found if f[1] == SUPPORTS)
            if qualified:
                # a formal "tillstyrker …, men …" is support with a reservation; "ställer sig positiv …, men …"
                # is a comment on the paper
                stance = PARTLY if re.match(r"tillstyrk", sentence[at:], re.I) else COMMENTS
    span = ctx.span(s0, s1)
    return [Stated(stance, span.start, span.end)]


def _decided_by_respondent(ctx, s0: int, at: int, respondents: set[str]) -> bool:
    """"Nämnden beslutar att tillstyrka …", "Nämnden föreslås besluta att …", "1. att avstyrka …" (a
    decision in the answering § or the proposal of the answer)."""
    text = ctx.text
    head = text[s0:at]
    if re.fullmatch(rf"{S}*(?:\d+\.{S}*|[-•–]{S}*)?", head):
        return True     # a decision point of its own ("att avstyrka förslaget")
    for m in ctx.bodies.mentions_in(s0, at):
        if re.fullmatch(rf"s?{S}+(?:har{S}+)?", text[m.end:at]) or re.fullmatch(rf"{S}*", text[m.end:at]):
            return _is_respondent(ctx, m.label, respondents)
    sm = re.search(rf"(?P<w>[\wåäöÅÄÖ-]+){S}+$", head)
    return bool(sm and SELF.fullmatch(sm["w"]))


def read_stance(ctx, a: int, b: int, respondents: set[str]) -> Stated | None:
    """The stance the respondents state in text[a:b], and the sentence that states it; None where the text
    states none. A position on the whole (supports, opposes, in part) outweighs comments; an answer that
    supports in one sentence and opposes in another supports in part."""
    text = ctx.text
    others = _regions_of_others(text, a, b)
    stated: list[Stated] = []
    for s0, s1 in ctx.sentences(a, b):
        if any(r0 <= s0 < r1 for r0, r1 in others):
            continue
        stated += _sentence_stances(ctx, s0, s1, respondents)
    if not stated:
        return None
    kinds = {s.stance for s in stated}
    if SUPPORTS in kinds and OPPOSES in kinds:
        first = next(s for s in stated if s.stance == OPPOSES)      # (the sentence that qualifies the support)
        return Stated(PARTLY, first.start, first.end)
    for k in (PARTLY, OPPOSES, SUPPORTS, NO_COMMENTS, COMMENTS):
        for s in stated:
            if s.stance == k:
                return s
    return None
