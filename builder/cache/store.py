"""Keep a stage's last output on disk, keyed by a hash of everything it was made from.

An editor's second build (``make build``, or ``make serve`` after a save)
renders again only the stages whose inputs changed. The key of an entry is a
SHA-256 over the stage's name, :func:`code_version` (every source file of the
builder, and the versions of the libraries that shape the output) and the
content the pipeline names as the stage's inputs; a changed byte anywhere in
those gives a new key, and an entry is used only when its stored key equals the
new one. So the cache can be stale only if the pipeline leaves an input out of a
stage's key, which ``tests/test_build_cache.py`` checks field by field.

One file per stage holds its last output alone (the folder does not grow). A
file that cannot be read (a crash mid-write, another Python) is a miss, never
an error, and entries are written whole to a temporary name, then renamed.
``DR_BUILD_CACHE=0`` switches the cache off, which the benchmarks and tests use
to compare a build without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import Path

Outputs = Mapping[str, str | bytes]
"""A stage's output: site path -> content."""

FORMAT = 1
"""Raised when the layout of a stored entry changes, so older entries are misses."""


def digest(parts: Iterable[str | bytes]) -> str:
    """SHA-256 hex digest of ``parts``, each length-prefixed so no two sequences collide."""
    sha = hashlib.sha256()
    for part in parts:
        raw = part.encode("utf-8") if isinstance(part, str) else part
        sha.update(len(raw).to_bytes(8, "big"))
        sha.update(raw)
    return sha.hexdigest()


def code_version(package: Path, libraries: Iterable[str]) -> str:
    """A hash of every ``.py`` file under ``package`` and the installed versions of ``libraries``.

    Any edit to the builder, an upgraded library or another Python gives another
    version, and with it a miss for every stage.
    """
    parts: list[str | bytes] = [f"format {FORMAT}", sys.version]
    for name in sorted(libraries):
        try:
            parts.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} missing")
    for path in sorted(package.rglob("*.py")):
        parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return digest(parts)


def enabled() -> bool:
    """Whether the environment allows the cache (``DR_BUILD_CACHE=0`` switches it off)."""
    return os.environ.get("DR_BUILD_CACHE", "1") != "0"


class BuildCache:
    """Stage outputs kept in ``folder``, each under the key of its inputs."""

    def __init__(self, folder: Path | None, code: str) -> None:
        """Keep entries in ``folder`` (None: remember nothing, render every stage)."""
        self.folder = folder
        self.code = code
        self.reused: list[str] = []
        """Names of the stages this build took from the cache, in order."""

    def key(self, stage: str, inputs: Iterable[str | bytes]) -> str:
        """The key of ``stage`` made from ``inputs`` by this builder's code."""
        return digest([stage, self.code, *inputs])

    def _path(self, stage: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{stage}.pickle"

    def load(self, stage: str, key: str) -> dict[str, str | bytes] | None:
        """``stage``'s stored output if it was stored under ``key``, else None."""
        if self.folder is None:
            return None
        try:
            with self._path(stage).open("rb") as stored:
                entry = pickle.load(stored)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        outputs = entry.get("outputs")
        return outputs if isinstance(outputs, dict) else None

    def save(self, stage: str, key: str, outputs: Mapping[str, str | bytes]) -> None:
        """Keep ``outputs`` as ``stage``'s under ``key``, in place of what it held."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{stage}-")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(
                    {"key": key, "outputs": dict(outputs)}, out, protocol=pickle.HIGHEST_PROTOCOL
                )
            os.replace(temporary, self._path(stage))
        except OSError:
            pass  # a cache that cannot be written only costs the next build its time

    def reuse(
        self, stage: str, inputs: Iterable[str | bytes], render: Callable[[], Outputs]
    ) -> dict[str, str | bytes]:
        """``stage``'s stored output when its key matches; otherwise ``render()``, then stored."""
        key = self.key(stage, inputs)
        stored = self.load(stage, key)
        if stored is not None:
            self.reused.append(stage)
            return stored
        outputs = dict(render())
        self.save(stage, key, outputs)
        return outputs
