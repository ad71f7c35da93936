"""What a task is, as Swedish administrative text writes one: an infinitive clause ("utreda och ange
…", "ta fram en handbok …"), often several in a row ("att utarbeta en handbok, utreda myndighetens
möjligheter att …, utarbeta en analys samt utveckla arbetet …").

`split_tasks` cuts such a row into its tasks: at a comma, "samt" or "och" that a task verb follows.
A verb is one of the infinitives below (the verbs of duties in decisions, plans and directives) or
a word in -era ("analysera", "implementera"). "och" cuts only the last item of such a list ("A, B
och C"): elsewhere it joins two verbs of one task ("utreda och ange …", "utreda X och föreslå Y").
"""
from __future__ import annotations

import re

TASK_VERBS = set("""
analysera ange anordna anpassa arbeta avveckla belysa bedöma behandla beskriva besluta bevaka bidra bistå
bygga delta dokumentera driva erbjuda etablera fastställa fortsätta fördela förbereda förbättra fördjupa
föreslå förmedla förstärka förtydliga förvalta genomföra granska hantera identifiera informera inhämta
inleda inrätta kartlägga komplettera lämna leda lyfta medverka motverka möjliggöra presentera prioritera
pröva redogöra redovisa rapportera samla sammanfatta sammanställa samordna samråda samverka se skapa
skydda sprida stimulera stödja stötta stärka säkerställa ta tillhandahålla tillgängliggöra tillse
tillvarata titta undersöka upprätta upprätthålla uppdatera utarbeta utforma utreda utse utvärdera utveckla
utöka verka vidareutveckla vidta värdera återrapportera öka överväga bevara beakta bereda fullgöra
följa främja ge göra hålla inventera kontrollera lägga mäta omfatta planera producera publicera
reglera rekommendera stå säkra sätta söka tilldela ändra åtgärda
""".split())
# a verb whose object may not be a task of its own ("uppdra åt X att …" is no cut)
# nor a verb inside a clause of its own ("… för att stärka och utveckla X": both verbs belong to "att")
NO_SPLIT_BEFORE = re.compile(r"\b(?:att|om|hur|vilka|vilket|som|för|till)\s*$|\batt\s+[a-zåäö]+\s*$")
# "följa upp, analysera och utvärdera X": a verb with its particle and no object shares the object after it
VERB_PARTICLE = re.compile(r"[a-zåäö]+ (?:upp|ut|fram|in|av|till|med|om|över|igenom|tillbaka)")


# "att bland annat föreslå …": a hedge before the task, no part of it
HEDGE = re.compile(r"^(?:bland\s+annat|bl\.\s?a\.)\s+(?=[a-zåäö])")


def without_hedge(task: str) -> str:
    return HEDGE.sub("", task)


def is_task_verb(word: str) -> bool:
    w = word.lower()
    return w in TASK_VERBS or (len(w) > 6 and w.endswith("era") and not w.endswith(("fera", "tera", "nera")))


# "A och att B": the "att" opens a task of its own, so that "och" cuts wherever it stands
CUT = re.compile(r"\s+och\s+att\s+|,\s+(?:och\s+|samt\s+)?|\s+samt\s+|\s+och\s+")


def split_tasks(task: str) -> list[str]:
    """'utarbeta en handbok, utreda X samt utveckla Y' -> ['utarbeta en handbok', 'utreda X', 'utveckla Y'].
    A task that is one clause comes back whole."""
    first = re.match(r"\s*([a-zåäö]+)", task)
    if not first or not is_task_verb(first.group(1)):
        return [task]
    cands = []
    for m in CUT.finditer(task):
        nxt = re.match(r"([a-zåäö]+)\b", task[m.end():])
        if nxt and is_task_verb(nxt.group(1)) and task[:m.start()].count("(") <= task[:m.start()].count(")"):
            cands.append(m)
    parts, start = [], 0
    for k, m in enumerate(cands):
        before = task[start:m.start()]
        if len(before.split()) < 2 or NO_SPLIT_BEFORE.search(before) or VERB_PARTICLE.fullmatch(before.strip()):
            continue
        if m.group().strip() == "och" and (not parts or any(c.group().strip() != "och" for c in cands[k + 1:])):
            continue                    # "utreda och ange …", "utreda X och föreslå Y": one task; "och" cuts only
                                        # the last item of a row ("A, B och C")
        parts.append(before.strip())
        start = m.end()
    parts.append(task[start:].strip())
    return [p for p in parts if p]


# what an assignment holds: "I uppdraget ingår att: • …", "Uppdraget omfattar att …", "I uppdraget ingår bland annat att",
# "I det ingår att …" (what the sentence before asked)
# (and in a committee's report, in the past: "I uppdraget har bland annat ingått att:", "I uppdraget ingick att …",
# "Uppdraget har även innefattat att", "Uppdraget har inneburit att")
INCLUDED = re.compile(r"\b(?:(?:[Ii]|[Ii]nom\s+ramen\s+för)\s+(?:regerings)?uppdraget|[Ii]\s+det(?:ta)?)\s+(?:ingår|ingick|har\s+(?:även\s+|också\s+|"
                      r"bl\.\s?a\.\s+|bland\s+annat\s+)?ingått)\s+(?:det\s+)?(?:även\s+|också\s+|"
                      r"bl\.\s?a\.\s+|bland\s+annat\s+)?att:?(?:\s+|$)|\b[Uu]ppdraget\s+(?:omfattar|innebär|består\s+i|"
                      r"har\s+(?:även\s+|också\s+)?(?:innefattat|omfattat|inneburit))\s+(?:bl\.\s?a\.\s+|bland\s+annat\s+)?att:?(?:\s+|$)")
