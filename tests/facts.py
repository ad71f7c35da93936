"""Expected facts of an extraction, as the tables of the extraction tests give them.

A table case gives what it expects as a dict from keys to values. A key names what it is
about in the Extraction:

    "document.kind"                   ex.document.kind
    "meetings[0].adjusters"           ex.meetings[0].adjusters
    "assignments: issuer, assignees"  [(a.issuer, a.assignees) for a in ex.assignments]
    "goals: text"                     [g.text for g in ex.goals]
    "assignments[0]: kind, issuer"    (ex.assignments[0].kind, ex.assignments[0].issuer)
    "policies[kind=budget]: title"    [p.title for p in ex.policies if p.kind == "budget"]

The value is what that must be: equal to it, compared as a set where the value is a set (order
and repeats do not count); or, wrapped, what it must hold (Has), must not hold (Lacks), must not
be (Not), must begin with (Starts) or hold (Contains), how many there are (Count), or what they
are in any order (Unordered); All holds several of these of one key. An item of Has or Lacks
that is itself one of these stands for any fact it holds of: Has(Starts("x")) is "some fact
begins with x".
"""
from __future__ import annotations

import re

import pytest

from styrgraf.ingest.pipeline import extract_text

_KEY = re.compile(r"((?:[^:\[]|\[[^\]]*\])+)(?::(.*))?")       # a path, then the fields after a colon
_STEP = re.compile(r"(\w+)((?:\[[^\]]+\])*)")


class Want:
    """What the facts a key names must do other than equal a value."""

    def __init__(self, *args):
        self.args = args

    def __repr__(self):
        return f"{type(self).__name__}{self.args!r}"

    def holds(self, got) -> bool:
        raise NotImplementedError


def _among(item, got) -> bool:
    return any(item.holds(x) for x in got) if isinstance(item, Want) else item in got


class Has(Want):
    """The facts include each of these (and may hold more)."""

    def holds(self, got) -> bool:
        return all(_among(x, got) for x in self.args)


class Lacks(Want):
    """The facts include none of these."""

    def holds(self, got) -> bool:
        return not any(_among(x, got) for x in self.args)


class Not(Want):
    """Anything but this."""

    def holds(self, got) -> bool:
        return got != self.args[0]


class Starts(Want):
    """A text that begins with this."""

    def holds(self, got) -> bool:
        return got.startswith(self.args[0])


class Contains(Want):
    """A text that holds this."""

    def holds(self, got) -> bool:
        return self.args[0] in got


class Unordered(Want):
    """These facts, each as often as given, in any order."""

    def holds(self, got) -> bool:
        return sorted(got) == sorted(self.args)


class Count(Want):
    """So many facts."""

    def holds(self, got) -> bool:
        return len(got) == self.args[0]


class All(Want):
    """Each of these (Has, Lacks, ...) of one key."""

    def holds(self, got) -> bool:
        return all(want.holds(got) for want in self.args)


def case(name: str, *values, **kw):
    """A case of a table, its name first: pytest.param(*values, id=name)."""
    return pytest.param(*values, id=name, **kw)


def picked(ex, key: str):
    """What a key of an expected-facts table names in an Extraction (see the module's doc)."""
    path, fields = _KEY.fullmatch(key).groups()
    steps = _STEP.findall(path.strip())
    assert ".".join(name + within for name, within in steps) == path.strip(), f"not a path: {key!r}"
    value = ex
    for name, within in steps:
        value = getattr(value, name)
        for inside in re.findall(r"\[([^\]]+)\]", within):
            field, is_filter, wanted = inside.partition("=")
            value = [x for x in value if getattr(x, field) == wanted] if is_filter else value[int(inside)]
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
        assert_is(picked(ex, key), want, key)


def assert_read(text: str, expected: dict, name: str, media_type: str = "text/plain") -> None:
    """A text read under a file name (and media type) through the whole pipeline gives the facts `expected` gives."""
    assert_facts(extract_text(text, name=name, media_type=media_type)[1], expected)


def assert_is(got, want, what: str = "") -> None:
    """The facts are what `want` gives (a value, a set for any order, or a Want)."""
    if isinstance(want, Want):
        assert want.holds(got), (what, want, got)
    elif isinstance(want, set):
        assert set(got) == want, (what, got)
    else:
        assert got == want, (what, got)
