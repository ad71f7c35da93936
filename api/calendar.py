"""A body's coming report deadlines as an iCalendar feed (RFC 5545), for Outlook, Google Calendar
and Thunderbird: GET /api/v1/bodies/{id}/deadlines.ics.

One all-day event per assignment the body issued, received or reports to, on its report date as
the decision and its later changes set it (queries/assignment-status.rq), from today on and not
yet reported. An event's UID is the assignment's IRI and the day, so a calendar that subscribes
sees a moved deadline as a new event and the old one gone.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Callable

from fastapi import HTTPException
from fastapi.responses import Response
from icalendar import Calendar, Event

MEDIA_TYPE = "text/calendar; charset=utf-8"
EXAMPLE = "\r\n".join([
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//styrgraf//deadlines//SV", "X-WR-CALNAME:Statens skolverk: redovisningar",
    "BEGIN:VEVENT", "SUMMARY:Redovisning: Uppdrag att kartlägga tillgången till simundervisning", "DTSTART;VALUE=DATE:20240930",
    "DTSTAMP:20240101T120000Z", "UID:https://w3id.org/styrgraf/id/assignment/uppdrag-att-kartlagga-tillgangen-till-simundervisning#2024-09-30",
    "URL:https://w3id.org/styrgraf/id/assignment/uppdrag-att-kartlagga-tillgangen-till-simundervisning",
    "END:VEVENT", "END:VCALENDAR", ""])
STATE_WORDS = {"due": "snart", "open": "pågår", "partly reported": "delredovisat", "overdue": "försenat"}


def deadlines_feed(api: Any) -> Callable[..., Any]:
    """The endpoint of a body's deadlines feed, answered through the analyst API `api`."""
    async def deadlines(item_id: str) -> Response:
        iri = api.iri_of("bodies", item_id)
        found = await api.items("bodies", [iri]) if iri else []
        if not found:
            raise HTTPException(404, f"no body {item_id!r}")
        today = date.today().isoformat()
        _, rows = await api.select(api.queries["assignment-status"].bind({"body": [iri], "as_of": today}))
        return Response(calendar(found[0].get("label") or iri, iri, rows, today), media_type=MEDIA_TYPE,
                        headers={"Content-Disposition": 'inline; filename="deadlines.ics"'})
    return deadlines


def calendar(label: str, body: str, rows: list[dict[str, str | None]], today: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//styrgraf//deadlines//SV")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{label}: redovisningar")
    stamp = datetime.now(timezone.utc)
    for row in rows:
        due, assignment = row.get("deadline"), row.get("assignment")
        if not due or not assignment or due < today or row.get("state") == "reported":
            continue
        event = Event()
        event.add("uid", f"{assignment}#{due}")
        event.add("dtstamp", stamp)
        event.add("dtstart", date.fromisoformat(due))
        event.add("summary", f"Redovisning: {row.get('title') or assignment}")
        event.add("url", assignment)
        first = row.get("first_deadline")
        moved = f" Flyttad från {first}." if first and first != due else ""
        event.add("description", f"Uppdrag: {row.get('title') or assignment} ({STATE_WORDS.get(row.get('state'), '')}).{moved} "
                                 f"Organ: {label} <{body}>")
        cal.add_component(event)
    return cal.to_ical()
