"""An assignment's process, from decision to report, as the pages draw and tell it.

The facts come from two named queries: queries/assignment-status.rq (one row per assignment: its
deadline as first set and as changed, its status as of a day) and queries/assignment-history.rq
(what happened to one assignment: decided, deadlines, the documents that change it and the dates
they set, the reports). `chain` folds one assignment's rows into what a page shows: the decision,
each change with the deadline it moved (from → to), each report, the status. `load` does that for
the assignments of a page, `change_quotes` finds the sentence of a change that sets its new date.
"""
from __future__ import annotations

import asyncio
import re
from typing import Any

from styrgraf.ingest.dates import find_dates

from .analyst import Analyst

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# a body's chart shows this many assignments (the latest); the status query lists them all
MAX_ROWS = 40


def _iso(v: str | None) -> str | None:
    return v if v and ISO.match(v) else None


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v is not None else None
    except ValueError:
        return None


def chain(status: dict[str, str | None], history: list[dict[str, str | None]]) -> dict[str, Any]:
    """One assignment's process from its status row and its history rows (the queries' own
    columns). A change's new deadline is the latest date it sets; it moves the deadline when that
    is later than the one in force before it (a change that sets only an earlier, partial date
    moves nothing). Changes without a date of their own are put in the order of the dates they
    set, since a decision comes before the deadlines it sets."""
    decided = next((r["date"] for r in history if r.get("event") == "decided" and _iso(r.get("date"))), None)
    giving = next(({"iri": r["document"], "label": r.get("document_title")} for r in history
                   if r.get("event") in ("decided", "deadline") and r.get("document")), None)
    first_dates = sorted({r["date"] for r in history if r.get("event") == "deadline" and _iso(r.get("date"))})
    first_words = sorted({r["detail"] for r in history if r.get("event") == "deadline" and r.get("detail")
                          and not _iso(r.get("detail"))})
    changes: dict[str, dict[str, Any]] = {}
    for r in history:
        if r.get("event") not in ("changed", "supplemented", "deadline changed") or not r.get("document"):
            continue
        c = changes.setdefault(r["document"], {"iri": r["document"], "label": r.get("document_title"), "how": None,
                                               "date": None, "confidence": None, "sets": set(), "words": set()})
        if r["event"] == "deadline changed":
            (c["sets"] if _iso(r.get("date")) else c["words"]).add(r["date"] if _iso(r.get("date")) else r.get("detail"))
        else:
            c["how"] = c["how"] or r["event"]
            c["date"] = c["date"] or _iso(r.get("date"))
            c["confidence"] = _float(r.get("confidence"))
    ordered = sorted(changes.values(), key=lambda c: (c["date"] or min(c["sets"], default="9999"), c["iri"]))
    in_force = status.get("first_deadline") or (first_dates[-1] if first_dates else None)
    for c in ordered:
        c["sets"], c["words"] = sorted(c["sets"]), sorted(w for w in c["words"] if w)
        c["to"] = c["sets"][-1] if c["sets"] else None
        c["from"] = in_force
        c["moved"] = bool(c["to"] and (in_force is None or c["to"] > in_force))
        if c["moved"]:
            in_force = c["to"]
        c["quote"] = None
    reports = sorted(({"iri": r["document"], "label": r.get("document_title"), "date": _iso(r.get("date")),
                       "partial": r["event"] == "partly reported"}
                      for r in history if r.get("event") in ("reported", "partly reported") and r.get("document")),
                     key=lambda x: (x["date"] or "9999", x["iri"]))
    return {"iri": status["assignment"], "title": status.get("title"), "decided": decided, "giving": giving,
            "first_deadline": status.get("first_deadline"), "first_dates": first_dates, "first_words": first_words,
            "changes": ordered, "reports": reports, "deadline": status.get("deadline"),
            "state": status.get("state") or None}


def shown(rows: list[dict[str, str | None]], limit: int = MAX_ROWS) -> list[dict[str, str | None]]:
    """The assignments a body's chart draws: the `limit` latest by deadline (else decision), in time order."""
    def when(r: dict) -> str:
        return r.get("deadline") or r.get("decided_on") or ""
    latest = sorted(rows, key=when, reverse=True)[:limit]
    return sorted(latest, key=lambda r: (when(r) or "9999", (r.get("title") or "").lower(), r["assignment"]))


async def load(api: Analyst, status_rows: list[dict[str, str | None]]) -> list[dict[str, Any]]:
    """The process of each assignment of `status_rows` (rows of assignment-status), in their order."""
    histories = await asyncio.gather(*(api.rows("assignment-history", {"assignment": r["assignment"]})
                                       for r in status_rows))
    return [chain(s, h) for s, h in zip(status_rows, histories)]


def quote_setting(spans: list[dict[str, Any]], day: str) -> dict[str, Any] | None:
    """Of a document's evidence spans (Pages.document_facts), the one of an assignment that writes
    the date `day` (the words "den 15 oktober 2027" or the ISO date); the shortest, the most to the point."""
    found = [sp for sp in spans if sp.get("quote") and any(f["type"] == "assignment" for f in sp["facts"])
             and any(d.iso == day for d in find_dates(sp["quote"]))]
    return min(found, key=lambda sp: len(sp["quote"])) if found else None
