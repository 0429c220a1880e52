"""Run one command and print its wall-clock seconds, CPU seconds, peak memory (KB) and exit code.

Used by :func:`bench_site.timed_build` as ``python measured_build.py CMD...`` in a fresh
process, so the rusage figures belong to that one build. Peak memory is the larger of the
biggest single process (``ru_maxrss`` of the children) and the most the whole tree of
processes held at once, sampled every 0.1 s as the sum of their proportional set sizes
(``Pss`` in ``/proc/<pid>/smaps_rollup``: a page two processes share counts half in each).
Our build forks a copy to make the Russian edition while it makes the English one; the
sum, not the larger of the two, is what the machine must have.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

SAMPLE_S = 0.1
"""How often the process tree's memory is read."""


def _parents() -> dict[int, int]:
    """Each running process's parent, from ``/proc/<pid>/stat``."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The name (2nd field) may hold spaces; the parent follows its closing bracket.
            after_name = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(after_name[1])
    return parents


def tree_pss_kb(root: int) -> int:
    """The proportional set size of ``root`` and every descendant, in KB (0 where /proc lacks it)."""
    parents = _parents()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += [child for child, parent in parents.items() if parent == pid]
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


def main(cmd: list[str]) -> None:
    """Run ``cmd`` and print ``seconds cpu_seconds peak_kb exit_code`` on the last line."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_kb(process.pid))
            done.wait(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(seconds, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss, peak[0]), code)


if __name__ == "__main__":
    main(sys.argv[1:])
