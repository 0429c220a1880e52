"""Two builds of the same commit, from clean copies, give byte-identical sites.

Each copy is a fresh export of HEAD (``git archive``: a tarball, no history)
or a fresh clone (with the history that dates events' entry into the record),
built with ``make build`` and ``SOURCE_DATE_EPOCH`` from the last commit. The
two builds also differ in time zone and in Python's hash seed, so output that
leaks the local clock or set ordering shows up as a difference.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import subprocess
import tarfile
from io import BytesIO
from pathlib import Path

import pytest


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def _clean_copy(root: Path, dest: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", "HEAD"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    # Installed tools are shared, not rebuilt: the venv and npm packages of this checkout.
    (dest / ".venv").symlink_to(root / ".venv")
    (dest / "node_modules").symlink_to(root / "node_modules")
    return dest


def _clone(root: Path, dest: Path) -> Path:
    """A clone of the repository at HEAD, with its whole history."""
    head = _git(root, "rev-parse", "HEAD")
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(root), str(dest)], check=True)
    _git(dest, "checkout", "-q", head)
    (dest / ".venv").symlink_to(root / ".venv")
    (dest / "node_modules").symlink_to(root / "node_modules")
    return dest


def _make_build(project: Path, epoch: str, tz: str, hash_seed: str) -> None:
    env = dict(os.environ, TZ=tz, PYTHONHASHSEED=hash_seed)
    # -o: the shared venv and node_modules count as installed; never re-install through a link.
    cmd = ["make", "-o", ".venv/bin/.installed", "-o", "node_modules/.installed", "build"]
    result = subprocess.run(
        [*cmd, f"SOURCE_DATE_EPOCH={epoch}"], cwd=project, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    if not (root / ".venv/bin/mkdocs").exists() or not (root / "node_modules").is_dir():
        pytest.fail("run `make setup` first: the builds reuse .venv and node_modules")
    epoch = _git(root, "log", "-1", "--format=%ct")
    first = _clean_copy(root, tmp_path_factory.mktemp("clone-a"))
    second = _clean_copy(root, tmp_path_factory.mktemp("clone-b"))
    _make_build(first, epoch, "UTC", "1")
    _make_build(second, epoch, "Asia/Dushanbe", "2")
    return first / "site", second / "site", epoch


@pytest.fixture(scope="module")
def two_clone_builds(root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    epoch = _git(root, "log", "-1", "--format=%ct")
    first = _clone(root, tmp_path_factory.mktemp("git-clone-a") / "repo")
    second = _clone(root, tmp_path_factory.mktemp("git-clone-b") / "repo")
    _make_build(first, epoch, "UTC", "3")
    _make_build(second, epoch, "America/New_York", "4")
    return first / "site", second / "site"


def _assert_identical(first: Path, second: Path) -> None:
    a, b = _tree(first), _tree(second)
    assert len(a) > 50
    # Both editions are compared: the Russian one (ru/) is part of the same build.
    assert "ru/index.html" in a
    assert "ru/events/ababil-2-factory-opens/index.html" in a
    only_first = sorted(set(a) - set(b))
    only_second = sorted(set(b) - set(a))
    differing = sorted(path for path in set(a) & set(b) if a[path] != b[path])
    assert (only_first, only_second, differing) == ([], [], []), (
        f"only in build 1: {only_first}\nonly in build 2: {only_second}\ndiffering: {differing}"
    )


def test_two_clean_builds_are_byte_identical(two_builds):
    first, second, _ = two_builds
    _assert_identical(first, second)


def test_two_clones_with_history_build_byte_identical_sites(two_clone_builds):
    first, second = two_clone_builds
    _assert_identical(first, second)
    # The history was read: no event is dated approximately.
    assert b"(approx.)" not in (first / "events/index.html").read_bytes()


def test_sitemap_gzip_header_carries_the_commit_day(two_builds):
    first, _, epoch = two_builds
    data = (first / "sitemap.xml.gz").read_bytes()
    # MkDocs stamps the gzip header with the day of SOURCE_DATE_EPOCH, not the clock.
    mtime = int.from_bytes(data[4:8], "little")
    assert int(epoch) - 86400 < mtime <= int(epoch)
    assert gzip.decompress(data) == (first / "sitemap.xml").read_bytes()


def test_no_page_carries_the_build_day(root: Path, tmp_path: Path):
    # Built without history and with SOURCE_DATE_EPOCH of 14 August 2022, so any
    # page carrying today's date took it from the clock. (With history, pages may
    # rightly carry today's date: the day an event was committed.)
    project = _clean_copy(root, tmp_path / "copy")
    _make_build(project, "1660435200", "UTC", "5")
    site = project / "site"
    today = dt.datetime.now(dt.UTC).date()
    assert today != dt.date(2022, 8, 14)
    stamp = today.isoformat().encode()
    leaking = sorted(path for path, data in _tree(site).items() if stamp in data)
    assert leaking == [], f"today's date {stamp.decode()} in {leaking}: output depends on the clock"
    assert b"<lastmod>2022-08-14</lastmod>" in (site / "sitemap.xml").read_bytes()
