"""Settings from the environment (and the command line, which wins).

STYRGRAF_PUBLISHER       who publishes the dataset, as its description (DCAT-AP) names them: the
                         organisation running this installation (default "styrgraf", the software)
STYRGRAF_CONTACT_EMAIL   the address its description gives as contact point (default: none; the
                         site's own address is the contact point)
STYRGRAF_LICENSE         IRI of the licence of the data (default CC BY 4.0)
STYRGRAF_STORE           the store: a directory (embedded pyoxigraph store) or the query
                         URL of a SPARQL 1.1 server
STYRGRAF_UPDATE_ENDPOINT the SPARQL Update URL of that server (when it differs)
STYRGRAF_UPDATE_TOKEN    bearer token that allows SPARQL Update and the Graph Store
STYRGRAF_UPDATE_TOKEN_FILE  a file holding that token (never give it on the command line)
STYRGRAF_MAX_REQUEST_BYTES  largest request body (default 1 MiB; larger: 413)
STYRGRAF_MAX_UPDATE_BYTES   largest body of a request with the update token (default 64 MiB)
STYRGRAF_MAX_URL_BYTES      longest URL, path and query string (default 32 KiB; longer: 414)
STYRGRAF_MAX_HEADER_BYTES   largest total of the request headers (default 32 KiB; larger: 431)
STYRGRAF_READ_MEMORY        memory ceiling of the process that reads an embedded store for query,
                            validate, export, check and serve's start-up check, bytes or with K/M/G
                            (default 768M, or a quarter of the machine's memory if that is less)
STYRGRAF_READ_BEFORE_START  the largest store (its files on disk, bytes or with K/M/G) that serve
                            reads whole before it answers (default 256M; a whole read takes about
                            50 s per GB): the check for damage, and the rebuild of a text index that
                            is missing or behind. A larger store is opened and its first quads read,
                            the server answers, and both run in the background: the check at the
                            lowest priority, stopping the server (one line, exit status 3, as a
                            refused start) if it finds the store damaged; until the index is rebuilt,
                            searches and lists run as SPARQL (or from its older rows)
STYRGRAF_FORGET_DIR         where the private list of forgotten persons is kept (styrgraf.ingest.forget)
STYRGRAF_FORGET_KEY         the key of its hashes (or STYRGRAF_FORGET_KEY_FILE); default: a key file
                            made once in that folder
STYRGRAF_WORKER_MEMORY      memory ceiling of one query worker, bytes or with K/M/G (MiB, GiB); default
                            half the machine's (or container's) memory shared by the query workers
STYRGRAF_IDLE_TIMEOUT       seconds a connection may stay idle (no request, or a request's headers
                            unfinished, or its body stalled) before it is closed (default 5)
STYRGRAF_MAX_CONNECTIONS    open connections at most (default: a quarter of the file descriptors the
                            process may open, at most 1000); past it the longest idle one is closed,
                            and a request that finds every connection busy is answered 503

Credentials of a remote store come from the environment too (styrgraf.remote.Credentials).
"""
from __future__ import annotations

import os
import re
import resource
from dataclasses import dataclass, field
from pathlib import Path

from .vocab import NAMESPACE

# identifiers are not configuration: a variable that once moved them is refused, not ignored, so
# that a deployment does not silently mint other IRIs than its store holds
RETIRED_BASE = "STYRGRAF_BASE"


@dataclass
class Settings:
    base: str = NAMESPACE                 # of every identifier (styrgraf.vocab); tests may set another
    store: str | Path | None = None
    update_endpoint: str | None = None
    update_token: str | None = field(default=None, repr=False)     # never printed or logged
    query_workers: int = 2
    app_query_workers: int = 1            # more workers only styrgraf's own queries use (api.executor)
    timeout: float = 10.0
    max_rows: int = 10000
    max_request_bytes: int = 1024 * 1024
    max_update_bytes: int = 64 * 1024 * 1024
    max_url_bytes: int = 32 * 1024
    max_header_bytes: int = 32 * 1024
    # ample for a streamed read or one query's answer; a runaway read (a corrupt store) is
    # stopped long before it hurts the machine
    read_memory: int = field(default_factory=lambda: min(768 * 1024 ** 2, machine_memory() // 4))
    read_before_start: int = 256 * 1024 ** 2     # STYRGRAF_READ_BEFORE_START
    worker_memory: int | None = None      # None: default_worker_memory(query_workers + app_query_workers)
    bounded_threads: int = 4              # threads of the server that answer bounded queries (0: none)
    idle_timeout: float = 5.0
    max_connections: int | None = None    # None: default_max_connections()
    publisher: str = "styrgraf"
    contact_email: str | None = None
    license: str = "https://creativecommons.org/licenses/by/4.0/"

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        if (old := os.environ.get(RETIRED_BASE, "").strip()) and old.rstrip("/") != NAMESPACE.rstrip("/"):
            raise ValueError(f"{RETIRED_BASE} is no longer read: identifiers are minted under {NAMESPACE} on "
                             f"every installation, whatever address the server answers on. Unset it; a store "
                             f"made with {old} is rewritten by `styrgraf migrate --from {old}`")
        token = os.environ.get("STYRGRAF_UPDATE_TOKEN")
        token_file = os.environ.get("STYRGRAF_UPDATE_TOKEN_FILE")
        if not token and token_file:
            token = Path(token_file).read_text(encoding="utf-8").strip() or None
        values = {"update_token": token, "publisher": os.environ.get("STYRGRAF_PUBLISHER", "").strip() or None,
                  "contact_email": os.environ.get("STYRGRAF_CONTACT_EMAIL", "").strip() or None,
                  "license": os.environ.get("STYRGRAF_LICENSE", "").strip() or None,
                  "store": os.environ.get("STYRGRAF_STORE") or None,
                  "update_endpoint": os.environ.get("STYRGRAF_UPDATE_ENDPOINT") or None}
        for name in ("max_request_bytes", "max_update_bytes", "max_url_bytes", "max_header_bytes"):
            if (limit := _positive_int(f"STYRGRAF_{name.upper()}")) is not None:
                values[name] = limit
        if raw := os.environ.get("STYRGRAF_READ_MEMORY", "").strip():
            values["read_memory"] = parse_size(raw, "STYRGRAF_READ_MEMORY")
        if raw := os.environ.get("STYRGRAF_READ_BEFORE_START", "").strip():
            values["read_before_start"] = parse_size(raw, "STYRGRAF_READ_BEFORE_START")
        if raw := os.environ.get("STYRGRAF_WORKER_MEMORY", "").strip():
            values["worker_memory"] = parse_size(raw, "STYRGRAF_WORKER_MEMORY")
        if raw := os.environ.get("STYRGRAF_IDLE_TIMEOUT", "").strip():
            values["idle_timeout"] = _positive_seconds(raw, "STYRGRAF_IDLE_TIMEOUT")
        if (limit := _positive_int("STYRGRAF_MAX_CONNECTIONS")) is not None:
            values["max_connections"] = limit
        if values["license"] and not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", values["license"]):
            raise ValueError(f"STYRGRAF_LICENSE must be the IRI of a licence, not {values['license']!r}")
        if values["contact_email"] and not re.fullmatch(r"[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+", values["contact_email"]):
            raise ValueError(f"STYRGRAF_CONTACT_EMAIL must be an e-mail address, not {values['contact_email']!r}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**{k: v for k, v in values.items() if v is not None})

    @property
    def remote(self) -> bool:
        from .remote import is_remote

        return is_remote(self.store)

    @property
    def worker_memory_limit(self) -> int:
        return self.worker_memory or default_worker_memory(self.query_workers + self.app_query_workers)

    @property
    def connection_limit(self) -> int:
        return self.max_connections or default_max_connections()


_SIZE_RE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*([KMG]?)i?B?\s*")


def parse_size(text: str, what: str = "size") -> int:
    """Bytes from '300M', '2G', '512KiB' or a plain number of bytes (K, M, G are powers of 1024)."""
    m = _SIZE_RE.fullmatch(text)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"{what} must be a positive size such as 300M or 2G, not {text!r}")
    return int(float(m.group(1)) * 1024 ** " KMG".index(m.group(2).upper() or " "))


def machine_memory() -> int:
    """Physical memory, or the memory limit of this process's container (cgroup v2 or v1) if lower."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            value = Path(path).read_text().strip()
        except OSError:
            continue
        if value.isdigit():
            total = min(total, int(value))
    return total


def default_worker_memory(workers: int) -> int:
    """Half the memory for the query workers together (the rest is the server's, the page cache's
    and an ingest's), at least 256 MiB each."""
    return max(256 * 1024 ** 2, machine_memory() // 2 // max(1, workers))


def default_max_connections() -> int:
    """A quarter of the file descriptors this process may open (the store's files, the query
    workers' pipes and the log need the rest), at most 1000."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return max(16, min(1000, soft // 4))


def _positive_seconds(raw: str, var: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{var} must be a number of seconds, not {raw!r}") from None
    if not value > 0:
        raise ValueError(f"{var} must be positive, not {raw}")
    return value


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
