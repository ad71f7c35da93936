"""Expected facts of an extraction, as the tables of the extraction tests give them.

A table case gives what it expects as a dict from keys to values. A key names what it is
about in the Extraction:

    "document.kind"                   ex.document.kind
    "meetings[0].adjusters"           ex.meetings[0].adjusters
    "assignments: issuer, assignees"  [(a.issuer, a.assignees) for a in ex.assignments]
    "goals: text"                     [g.text for g in ex.goals]
    "assignments[0]: kind, issuer"    (ex.assignments[0].kind, ex.assignments[0].issuer)

The value is what that must be: equal to it, compared as a set where the value is a set (order
and repeats do not count); or, wrapped, what it must hold (Has), must not hold (Lacks), must not
be (Not) or must begin with (Starts); All holds several of these of one key.
"""
from __future__ import annotations

import re

import pytest

_STEP = re.compile(r"(\w+)((?:\[-?\d+\])*)")


class Has:
    """The facts include each of these (and may hold more)."""

    def __init__(self, *items):
        self.items = items

    def __repr__(self):
        return f"Has{self.items!r}"


class Lacks:
    """The facts include none of these."""

    def __init__(self, *items):
        self.items = items

    def __repr__(self):
        return f"Lacks{self.items!r}"


class Not:
    """Anything but this."""

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"Not({self.value!r})"


class Starts:
    """A text that begins with this."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def __repr__(self):
        return f"Starts({self.prefix!r})"


class All:
    """Each of these (Has, Lacks, ...) of one key."""

    def __init__(self, *wants):
        self.wants = wants

    def __repr__(self):
        return f"All{self.wants!r}"


def case(name: str, *values, **kw):
    """A case of a table, its name first: pytest.param(*values, id=name)."""
    return pytest.param(*values, id=name, **kw)


def picked(ex, key: str):
    """What a key of an expected-facts table names in an Extraction (see the module's doc)."""
    path, _, fields = key.partition(":")
    value = ex
    for step in path.strip().split("."):
        m = _STEP.fullmatch(step)
        assert m, f"not a step of a path: {step!r} in {key!r}"
        value = getattr(value, m.group(1))
        for index in re.findall(r"-?\d+", m.group(2)):
            value = value[int(index)]
    if not fields:
        return value
    names = [f.strip() for f in fields.split(",")]
    if not isinstance(value, (list, tuple, set)):
        return tuple(getattr(value, n) for n in names)
    if len(names) == 1:
        return [getattr(x, names[0]) for x in value]
    return [tuple(getattr(x, n) for n in names) for x in value]


def assert_facts(ex, expected: dict) -> None:
    """Each key of `expected` names facts of the Extraction that are, or hold, what it gives."""
    for key, want in expected.items():
        got = picked(ex, key)
        for each in want.wants if isinstance(want, All) else [want]:
            _holds(key, got, each)


def _holds(key: str, got, want) -> None:
    if isinstance(want, Has):
        missing = [x for x in want.items if x not in got]
        assert not missing, (key, missing, got)
    elif isinstance(want, Lacks):
        present = [x for x in want.items if x in got]
        assert not present, (key, present, got)
    elif isinstance(want, Not):
        assert got != want.value, (key, got)
    elif isinstance(want, Starts):
        assert got.startswith(want.prefix), (key, got)
    elif isinstance(want, set):
        assert set(got) == want, (key, got)
    else:
        assert got == want, (key, got)
