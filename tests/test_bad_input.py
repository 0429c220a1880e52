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
    "date basis missing": (
        _replace("date_stated_by: wire-2022\n", ""),
        "data/events/bad.yaml: date_stated_by: say how the date is known",
    ),
    "date basis twice": (
        _replace(
            "date_stated_by: wire-2022\n",
            "date_stated_by: wire-2022\ndate_inferred: From the weekday and the report's date.\n",
        ),
        "data/events/bad.yaml: date_inferred: give date_stated_by or date_inferred, not both",
    ),
    "date stated by a source the event does not cite": (
        _replace("date_stated_by: wire-2022", "date_stated_by: journal-2021"),
        "data/events/bad.yaml: date_stated_by: 'journal-2021' is not one of this event's sources",
    ),
    "date stated by an unknown source": (
        _replace("date_stated_by: wire-2022", "date_stated_by: no-such-source"),
        "data/events/bad.yaml: date_stated_by: 'no-such-source' is not one of this event's sources",
    ),
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


def _source_url(project: Path, url: str, extra: str = "", source: str = "wire-2022") -> None:
    """Give a fixture source another address (and optionally more fields)."""
    path = project / "data/sources.yaml"
    old = {"wire-2022": "https://example.org/wire/factory",
           "journal-2021": "http://example.org/journal/border"}[source]  # fmt: skip
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, url + extra), encoding="utf-8")


ADDRESS_CASES = {
    "default port": (
        "https://example.org:443/wire/factory",
        "",
        "data/sources.yaml: wire-2022.url: has a port (:443); give the public address a "
        "reader opens: https://example.org/wire/factory",
    ),
    "other port": (
        "http://example.org:8080/wire",
        "",
        "data/sources.yaml: wire-2022.url: has a port",
    ),
    "preview host of a publishing system": (
        "https://rfe.pangea-cms.com/preview/ky-KG/a/x/32660022.html",
        "",
        "data/sources.yaml: wire-2022.url: points at a preview or staging copy (rfe.pangea-cms.com)",
    ),
    "staging host": (
        "https://staging.rferl.org/a/x/31458393.html",
        "",
        "data/sources.yaml: wire-2022.url: points at a preview or staging copy (staging.rferl.org)",
    ),
    "tracking parameters": (
        "https://example.org/wire/factory?utm_source=twitter&id=7",
        "",
        "data/sources.yaml: wire-2022.url: carries tracking parameters (utm_source)",
    ),
    "forbes share parameter": (
        "https://www.forbes.com/sites/x/2022/05/24/y/?sh=6365ca7a1e5c",
        "",
        "data/sources.yaml: wire-2022.url: carries tracking parameters (sh)",
    ),
    "shortener without resolved_url": (
        "https://bit.ly/3OWASHa",
        "",
        "data/sources.yaml: wire-2022.url: is a shortened link (bit.ly): add resolved_url",
    ),
    "repost without resolved_url": (
        "https://www.artificialintelligence.wiki/drones/a-copy/",
        "",
        "data/sources.yaml: wire-2022.url: is a copy on a repost site (artificialintelligence.wiki)",
    ),
    "resolved_url that is itself a shortener": (
        "https://bit.ly/3OWASHa",
        "\n  resolved_url: https://tinyurl.com/abc",
        "data/sources.yaml: wire-2022.resolved_url: is a shortened link (tinyurl.com)",
    ),
    "resolved_url with a port": (
        "https://bit.ly/3OWASHa",
        "\n  resolved_url: https://example.org:443/original",
        "data/sources.yaml: wire-2022.resolved_url: has a port (:443)",
    ),
    "resolved_url on an address that needs none": (
        "https://example.org/wire/factory",
        "\n  resolved_url: https://example.org/elsewhere",
        "data/sources.yaml: wire-2022.resolved_url: is only for a url that is a shortened link",
    ),
    "both resolved_url and unresolved": (
        "https://bit.ly/3OWASHa",
        "\n  resolved_url: https://example.org/original"
        "\n  unresolved: We looked and did not find it.",
        "data/sources.yaml: wire-2022.unresolved: give resolved_url or unresolved, not both",
    ),
}


@pytest.mark.parametrize("case", sorted(ADDRESS_CASES))
def test_source_address_that_is_not_the_public_page_is_refused(project: Path, case: str) -> None:
    url, extra, expected = ADDRESS_CASES[case]
    _source_url(project, url, extra)
    result = check(project)
    assert result.returncode == 1, result.stdout
    assert any(line.startswith(expected) for line in result.stdout.splitlines()), result.stdout


@pytest.mark.parametrize(
    "extra",
    ["", "\n  resolved_url: https://example.org/journal/the-original-page"],
    ids=["alone", "with resolved_url"],
)
def test_added_source_on_a_repost_site_is_refused(project: Path, extra: str) -> None:
    _source_url(project, "https://someone.wordpress.com/2022/01/01/copy/", extra, "journal-2021")
    result = check(project)
    assert result.returncode == 1
    assert any(
        line.startswith(
            "data/sources.yaml: journal-2021.url: is a copy on a repost site (wordpress.com); "
            "a source that is not one of the article's footnotes must be the original"
        )
        for line in result.stdout.splitlines()
    ), result.stdout


@pytest.mark.parametrize(
    "extra",
    [
        "\n  resolved_url: https://example.org/wire/the-original-page",
        "\n  unresolved: We searched the stored pages and found only copies elsewhere.",
    ],
    ids=["resolved", "unresolved"],
)
def test_footnote_shortener_with_its_original_or_a_stated_search_passes(
    project: Path, extra: str
) -> None:
    _source_url(project, "https://bit.ly/3OWASHa", extra)
    result = check(project)
    assert result.returncode == 0, result.stdout
