"""Settings from the environment (and the command line, which wins).

STYRGRAF_BASE            base of instance IRIs (default http://127.0.0.1:8000/, so IRIs
                         dereference on a fresh install)
STYRGRAF_UPDATE_TOKEN    bearer token that allows SPARQL Update and the Graph Store
STYRGRAF_UPDATE_TOKEN_FILE  a file holding that token (never give it on the command line)
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BASE = "http://127.0.0.1:8000/"


@dataclass
class Settings:
    base: str = DEFAULT_BASE
    store: Path | None = None
    update_token: str | None = None
    query_workers: int = 2
    timeout: float = 10.0
    max_rows: int = 10000

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        base = os.environ.get("STYRGRAF_BASE", DEFAULT_BASE)
        if not base.endswith("/"):
            base += "/"
        token = os.environ.get("STYRGRAF_UPDATE_TOKEN")
        token_file = os.environ.get("STYRGRAF_UPDATE_TOKEN_FILE")
        if not token and token_file:
            token = Path(token_file).read_text(encoding="utf-8").strip() or None
        return cls(**{"base": base, "update_token": token, **overrides})
