"""Settings from the environment (and the command line, which wins).

STYRGRAF_BASE            base of instance IRIs (default http://127.0.0.1:8000/, so IRIs
                         dereference on a fresh install)
STYRGRAF_STORE           the store: a directory (embedded pyoxigraph store) or the query
                         URL of a SPARQL 1.1 server
STYRGRAF_UPDATE_ENDPOINT the SPARQL Update URL of that server (when it differs)
STYRGRAF_UPDATE_TOKEN    bearer token that allows SPARQL Update and the Graph Store
STYRGRAF_UPDATE_TOKEN_FILE  a file holding that token (never give it on the command line)

Credentials of a remote store come from the environment too (styrgraf.remote.Credentials).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BASE = "http://127.0.0.1:8000/"


@dataclass
class Settings:
    base: str = DEFAULT_BASE
    store: str | Path | None = None
    update_endpoint: str | None = None
    update_token: str | None = None
    query_workers: int = 2
    timeout: float = 10.0
    max_rows: int = 10000

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        base = os.environ.get("STYRGRAF_BASE", DEFAULT_BASE)
        if not base.endswith("/"):
            base += "/"
        token = os.environ.get("STYRGRAF_UPDATE_TOKEN")
        token_file = os.environ.get("STYRGRAF_UPDATE_TOKEN_FILE")
        if not token and token_file:
            token = Path(token_file).read_text(encoding="utf-8").strip() or None
        values = {"base": base, "update_token": token,
                  "store": os.environ.get("STYRGRAF_STORE") or None,
                  "update_endpoint": os.environ.get("STYRGRAF_UPDATE_ENDPOINT") or None}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def remote(self) -> bool:
        from .remote import is_remote

        return is_remote(self.store)
