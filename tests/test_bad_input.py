"""Every kind of editor mistake gives a `path: field: message` line and exit code 1."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
GOOD_EVENT = (FIXTURE / "data/events/factory-opens.yaml").read_text(encoding="utf-8")


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(project), "check"],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "p")
    return tmp_path / "p"


def test_fixture_is_valid(project: Path) -> None:
    result = check(project)
    assert result.returncode == 0, result.stdout
    assert "3 events" in result.stdout


def _event(project: Path, content: str | bytes, name: str = "bad.yaml") -> None:
    path = project / "data/events" / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def _replace(old: str, new: str) -> str:
    assert old in GOOD_EVENT
    return GOOD_EVENT.replace(old, new)


CASES = {
    "malformed yaml": ("title: [an unclosed list\nsummary: x\n", "data/events/bad.yaml: yaml: "),
    "missing required field": (
        _replace("title: A factory opens\n", ""),
        "data/events/bad.yaml: title: is required but missing",
    ),
    "unknown field": (
        GOOD_EVENT + "colour: red\n",
        "data/events/bad.yaml: colour: is not a known field",
    ),
    "impossible date": (
        _replace('"2022-05-17"', '"2022-13-40"'),
        "data/events/bad.yaml: date: '2022-13-40' has month 13",
    ),
    "latitude out of range": (
        _replace("place: dushanbe\n", "location: {lat: 123, lon: 68.8}\nprecision: locality\n"),
        "data/events/bad.yaml: location.lat: Input should be less than or equal to 90",
    ),
    "unknown source id": (
        _replace("sources: [wire-2022]", "sources: [no-such-source]"),
        "data/events/bad.yaml: sources[0]: unknown id 'no-such-source'",
    ),
    "unknown place": (
        _replace("place: dushanbe", "place: atlantis"),
        "data/events/bad.yaml: place: unknown id 'atlantis'",
    ),
    "empty file": ("", "data/events/bad.yaml: file: is empty"),
    "list instead of mapping": (
        "- title: x\n- date: 2022\n",
        "data/events/bad.yaml: file: holds a list",
    ),
    "not utf-8": (
        b"title: Caf\xe9 opens\n",
        "data/events/bad.yaml: file: is not UTF-8 text (byte 0xe9",
    ),
    "python object tag": (
        "title: !!python/object/apply:os.system ['echo pwned']\n",
        "data/events/bad.yaml: yaml: uses a YAML tag that is not allowed",
    ),
    "bad status": (
        _replace("status: confirmed", "status: rumoured"),
        "data/events/bad.yaml: status: Input should be 'confirmed'",
    ),
    "uppercase file name": (GOOD_EVENT, "data/events/Bad.yaml: file: name must be lowercase"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_event_file_is_reported(project: Path, case: str) -> None:
    content, expected = CASES[case]
    _event(project, content, "Bad.yaml" if case == "uppercase file name" else "bad.yaml")
    result = check(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(expected) for line in lines), result.stdout


def test_javascript_url_in_sources_is_refused(project: Path) -> None:
    path = project / "data/sources.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "https://example.org/wire/factory", "javascript:alert(1)"
        ),
        encoding="utf-8",
    )
    result = check(project)
    assert result.returncode == 1
    assert any(
        line.startswith("data/sources.yaml: wire-2022.url: ") for line in result.stdout.splitlines()
    ), result.stdout


def test_every_problem_is_reported_together(project: Path) -> None:
    _event(project, _replace("status: confirmed", "status: rumoured"), "one.yaml")
    _event(project, _replace("place: dushanbe", "place: atlantis"), "two.yaml")
    _event(project, "", "three.yaml")
    result = check(project)
    assert result.returncode == 1
    files = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert files == {
        "data/events/one.yaml",
        "data/events/two.yaml",
        "data/events/three.yaml",
    }
