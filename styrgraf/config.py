"""Settings from the environment (and the command line, which wins).

STYRGRAF_BASE            base of instance IRIs (default http://127.0.0.1:8000/, so IRIs
                         dereference on a fresh install)
STYRGRAF_STORE           the store: a directory (embedded pyoxigraph store) or the query
                         URL of a SPARQL 1.1 server
STYRGRAF_UPDATE_ENDPOINT the SPARQL Update URL of that server (when it differs)
STYRGRAF_UPDATE_TOKEN    bearer token that allows SPARQL Update and the Graph Store
STYRGRAF_UPDATE_TOKEN_FILE  a file holding that token (never give it on the command line)
STYRGRAF_MAX_REQUEST_BYTES  largest request body (default 1 MiB; larger: 413)
STYRGRAF_MAX_UPDATE_BYTES   largest body of a request with the update token (default 64 MiB)
STYRGRAF_MAX_URL_BYTES      longest URL, path and query string (default 32 KiB; longer: 414)
STYRGRAF_MAX_HEADER_BYTES   largest total of the request headers (default 32 KiB; larger: 431)

Credentials of a remote store come from the environment too (styrgraf.remote.Credentials).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_BASE = "http://127.0.0.1:8000/"


@dataclass
class Settings:
    base: str = DEFAULT_BASE
    store: str | Path | None = None
    update_endpoint: str | None = None
    update_token: str | None = field(default=None, repr=False)     # never printed or logged
    query_workers: int = 2
    timeout: float = 10.0
    max_rows: int = 10000
    max_request_bytes: int = 1024 * 1024
    max_update_bytes: int = 64 * 1024 * 1024
    max_url_bytes: int = 32 * 1024
    max_header_bytes: int = 32 * 1024

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
        for name in ("max_request_bytes", "max_update_bytes", "max_url_bytes", "max_header_bytes"):
            if (limit := _positive_int(f"STYRGRAF_{name.upper()}")) is not None:
                values[name] = limit
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def remote(self) -> bool:
        from .remote import is_remote

        return is_remote(self.store)


def _positive_int(var: str) -> int | None:
    raw = os.environ.get(var, "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{var} must be a whole number of bytes, not {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{var} must be positive, not {value}")
    return value
