"""Stage: consultations (being written)."""
from __future__ import annotations

from .context import Ctx


def extract(ctx: Ctx) -> None:
    return None
