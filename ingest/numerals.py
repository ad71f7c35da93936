"""Swedish number words: their values, and patterns that read them ("tre", "tolv", "tjugofem")."""
from __future__ import annotations

NUMBER_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
                "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
                "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50,
                "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90, "hundra": 100}
TENS = ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio")
# a number up to 9999 in digits, or in words up to a hundred: "12", "tolv", "tjugofem"
NUMERAL = (r"(?:\d{1,4}|(?:" + "|".join(TENS) + ")(?:" + "|".join(w for w, n in NUMBER_WORDS.items() if n < 10) + ")?|"
           + "|".join(w for w in NUMBER_WORDS if w not in TENS) + ")")
# the numbers a text counts its goals or its groups of bodies by: "Fem mål ska …", "De tre myndigheterna"
COUNT_WORDS = {w: n for w, n in NUMBER_WORDS.items() if 2 <= n <= 10}
COUNT = "|".join(COUNT_WORDS)
COUNT_CAPITALISED = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in COUNT_WORDS)     # "[Tt]vå|[Tt]re|…"


def numeral_value(word: str | None) -> int | None:
    """The number a NUMERAL stands for ("tjugofem" -> 25); None for no word or another one."""
    if not word:
        return None
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    for tens in TENS:
        if w.startswith(tens) and w[len(tens):] in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[w[len(tens):]]
    return None
