"""Memory and CPU time of a process and its descendants, read from /proc (Linux)."""
from __future__ import annotations

import os
import threading


def _parents() -> dict[int, list[int]]:
    """Every process's children, from one pass over /proc."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d))
    return children


def tree(pid: int) -> list[int]:
    """`pid` and its descendants."""
    children = _parents()
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo.extend(children.get(p, ()))
    return pids


def status_kb(pid: int, key: str, file: str = "status") -> int:
    """The kB of the line "key: N kB" of /proc/<pid>/<file>; 0 where there is none (the process is gone)."""
    try:
        with open(f"/proc/{pid}/{file}") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kb(pid: int) -> int:
    return status_kb(pid, "Pss", "smaps_rollup")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class Watch:
    """Samples a process tree while it runs (`with Watch(pid) as w:`): the peak of its resident
    memory summed over the tree, as RSS (pages shared by several processes counted in each) and
    as PSS (shared pages divided among them), in MB; and the CPU seconds each process had used
    when last seen (`cpu`; the root's own in `root_cpu`)."""

    def __init__(self, pid: int, interval: float = 0.25):
        self.pid, self.interval = pid, interval
        self.rss_mb = self.pss_mb = 0.0
        self.processes = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def root_cpu(self) -> float:
        return self.cpu.get(self.pid, 0.0)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = tree(self.pid)
            self.rss_mb = max(self.rss_mb, sum(status_kb(p, "VmRSS") for p in pids) / 1024)
            self.pss_mb = max(self.pss_mb, sum(pss_kb(p) for p in pids) / 1024)
            self.processes = max(self.processes, len(pids))
            for p in pids:
                self.cpu[p] = max(self.cpu.get(p, 0.0), cpu_seconds(p))
            self._stop.wait(self.interval)

    def __enter__(self) -> "Watch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
