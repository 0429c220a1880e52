"""Events carry when they entered the record and when they last changed, from git.

The end-to-end tests commit into a temporary copy of the project with fixed
commit dates, build it with ``mkdocs build`` and read the feed, the event
pages and the events index. Every expected date below is one the test
committed, never one read back from the output.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, build_site, copy_project
from site_html import page as read_page

from builder.record.record_dates import git_log_command, parse_git_log

A = "{http://www.w3.org/2005/Atom}"
FIRST_COMMIT = "2024-01-10T09:00:00+00:00"
EDIT_COMMIT = "2024-02-20T12:00:00+00:00"
NEW_EVENT_COMMIT = "2024-03-05T15:30:00+00:00"
EDITED_ID = "ababil-2-factory-opens"
NEW_ID = "border-post-opens-2015"
NEW_EVENT = """\
title: A test border post opens on the Panj
date: "2015-06-12"
summary: >-
  An event about 2015 that an editor adds long after it happened, to see that
  the feed still shows it first.
status: reported
category: military
place: ababil-2-factory-dushanbe
sources: [gosselin-malo-2022]
date_inferred: A test date that no source gives.
"""
SOURCE_DATE_EPOCH = 1660435200  # what conftest.build_site sets: 14 August 2022


def _zulu(stamp: str) -> str:
    return stamp.replace("+00:00", "Z")


def _git(repo: Path, *args: str, when: str | None = None) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Editor",
        GIT_AUTHOR_EMAIL="editor@example.org",
        GIT_COMMITTER_NAME="Editor",
        GIT_COMMITTER_EMAIL="editor@example.org",
    )
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _commit(repo: Path, message: str, when: str) -> None:
    _git(repo, "add", "--", "mkdocs.yml", "docs", "overrides", "builder", "data")
    _git(repo, "commit", "-q", "-m", message, when=when)


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A project with three commits: everything, an edit to one event, a new 2015 event."""
    project = copy_project(tmp_path_factory.mktemp("history") / "p")
    _git(project, "init", "-q")
    _commit(project, "The record as it stands", FIRST_COMMIT)
    edited = project / "data/events" / f"{EDITED_ID}.yaml"
    before = edited.read_text(encoding="utf-8")
    after = before.replace("summary: >-\n", "summary: >-\n  Corrected.\n", 1)
    assert after != before
    edited.write_text(after, encoding="utf-8")
    _commit(project, "Correct one event", EDIT_COMMIT)
    (project / "data/events" / f"{NEW_ID}.yaml").write_text(NEW_EVENT, encoding="utf-8")
    _commit(project, "Add an event about 2015", NEW_EVENT_COMMIT)
    out = project.parent / "site"
    # Built as GitHub Actions builds a push to main, so its pages carry edit links.
    actions = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_REPOSITORY": "newsroom/drone-race",
        "GITHUB_REF": "refs/heads/main",
    }
    result = build_site(project, out, env=actions)
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def _entries(site: Path) -> list[ET.Element]:
    return ET.parse(site / "feed.xml").getroot().findall(f"{A}entry")


def _entry_id(entry: ET.Element) -> str:
    return entry.find(f"{A}id").text.rstrip("/").rsplit("/", 1)[-1]


def _record_line(site: Path, event_id: str) -> str:
    record = read_page(site, f"events/{event_id}/").find("p", class_="dr-record")
    return " ".join(record.text().split())


def test_an_event_added_today_about_2015_comes_first_in_the_feed(history_site) -> None:
    site, _ = history_site
    entries = _entries(site)
    first = entries[0]
    assert _entry_id(first) == NEW_ID
    assert first.find(f"{A}published").text == _zulu(NEW_EVENT_COMMIT)
    assert first.find(f"{A}updated").text == _zulu(NEW_EVENT_COMMIT)
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.find(f"{A}updated").text == _zulu(NEW_EVENT_COMMIT)


def test_the_new_event_page_says_when_it_was_added(history_site) -> None:
    site, _ = history_site
    assert _record_line(site, NEW_ID) == "Added to the record on 5 March 2024."


def test_an_edited_event_is_updated_and_says_when_it_last_changed(history_site) -> None:
    site, _ = history_site
    entries = _entries(site)
    second = entries[1]
    assert _entry_id(second) == EDITED_ID
    assert second.find(f"{A}published").text == _zulu(FIRST_COMMIT)
    assert second.find(f"{A}updated").text == _zulu(EDIT_COMMIT)
    assert _record_line(site, EDITED_ID) == (
        "Added to the record on 10 January 2024, last changed on 20 February 2024."
    )


def test_untouched_events_are_dated_by_the_first_commit(history_site) -> None:
    site, stderr = history_site
    rest = _entries(site)[2:]
    assert rest
    for entry in rest:
        assert entry.find(f"{A}published").text == _zulu(FIRST_COMMIT)
        assert entry.find(f"{A}updated").text == _zulu(FIRST_COMMIT)
    assert _record_line(site, _entry_id(rest[0])) == "Added to the record on 10 January 2024."
    assert "approximate" not in stderr


def test_the_history_link_sits_beside_the_edit_link(history_site) -> None:
    site, _ = history_site
    edit = read_page(site, f"events/{NEW_ID}/").find("p", class_="dr-edit")
    links = {a.text(): a.attrs["href"] for a in edit.find_all("a")}
    edit_url = links[f"Edit this event's data file (data/events/{NEW_ID}.yaml)"]
    history_url = links["History of the file"]
    # Both from extra.data_edit_url: the file's history is its editor's address, /commits/.
    assert edit_url.endswith(f"/edit/main/data/events/{NEW_ID}.yaml")
    assert history_url == edit_url.replace("/edit/", "/commits/")


def test_the_events_index_can_sort_by_date_added(history_site) -> None:
    site, _ = history_site
    table = read_page(site, "events/").find("table", class_="dr-events-index")
    added = table.find("thead").find_all("th")[-1]
    assert added.text() == "Added"
    assert added.attrs["data-sortable"] == "date"
    keys = {
        row.attrs["id"]: row.find_all("td")[-1].attrs["data-sort"]
        for row in table.find("tbody").find_all("tr")
    }
    assert keys[NEW_ID] == _zulu(NEW_EVENT_COMMIT)
    assert keys[EDITED_ID] == _zulu(FIRST_COMMIT)
    assert max(keys, key=keys.get) == NEW_ID


@pytest.mark.browser
def test_sorting_by_added_twice_puts_the_latest_addition_first(page, serve, history_site) -> None:
    site, _ = history_site
    page.goto(serve(site) + "events/")
    button = page.get_by_role("button", name="Sort by added")
    button.click()
    button.click()
    assert page.locator("th", has=button).get_attribute("aria-sort") == "descending"
    first = page.eval_on_selector("table.dr-events-index tbody tr", "row => row.id")
    assert first == NEW_ID
    assert page.page_errors == []


# --- without history --------------------------------------------------------


def test_a_copy_without_history_falls_back_to_source_date_epoch_and_says_so(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "p")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "dates approximate" in result.stderr
    fallback = dt.datetime.fromtimestamp(SOURCE_DATE_EPOCH, tz=dt.UTC)
    for entry in _entries(tmp_path / "site"):
        assert entry.find(f"{A}published").text == fallback.strftime("%Y-%m-%dT%H:%M:%SZ")
    line = _record_line(tmp_path / "site", EDITED_ID)
    assert line.startswith("Added to the record around 14 August 2022 (approximate")


def test_a_shallow_clone_does_not_take_its_cut_off_for_the_date_added(
    history_site, tmp_path: Path
) -> None:
    site, _ = history_site
    repo = site.parent / "p"
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    output = _git(clone, *git_log_command()[1:])
    history = parse_git_log(output, SOURCE_DATE_EPOCH)
    assert history.of(NEW_ID).approximate
    assert history.approximate([NEW_ID, EDITED_ID]) == [EDITED_ID, NEW_ID]
    # The full history dates them.
    full = parse_git_log(_git(repo, *git_log_command()[1:]), SOURCE_DATE_EPOCH)
    assert full.of(NEW_ID).added.isoformat() == NEW_EVENT_COMMIT


# --- the parser, on hand-written log text ------------------------------------


def _log(*commits: tuple[str, str, list[str]]) -> str:
    return "".join(
        f"\x1e{int(dt.datetime.fromisoformat(when).timestamp())}\x1f{marks}\n\n"
        + "".join(f"{line}\n" for line in lines)
        for when, marks, lines in commits
    )


def test_the_parser_takes_the_first_addition_and_the_last_change() -> None:
    log = _log(
        ("2024-04-01T00:00:00+00:00", "HEAD -> main", ["M\tdata/events/a.yaml"]),
        ("2024-03-01T00:00:00+00:00", "", ["A\tdata/events/b.yaml", "A\tdocs/x.yaml"]),
        ("2024-02-01T00:00:00+00:00", "", ["M\tdata/events/a.yaml", "A\tdata/events/sub/c.yaml"]),
        ("2024-01-01T00:00:00+00:00", "", ["A\tdata/events/a.yaml"]),
    )
    history = parse_git_log(log, SOURCE_DATE_EPOCH)
    a, b = history.of("a"), history.of("b")
    assert (a.added.date(), a.changed.date()) == (dt.date(2024, 1, 1), dt.date(2024, 4, 1))
    assert a.changed_later
    assert not a.approximate
    assert (b.added, b.changed) == (b.changed, dt.datetime(2024, 3, 1, tzinfo=dt.UTC))
    assert not b.changed_later
    assert set(history.known) == {"a", "b"}


def test_the_parser_leaves_a_shallow_cut_off_to_the_fallback() -> None:
    log = _log(
        ("2024-04-01T00:00:00+00:00", "", ["M\tdata/events/a.yaml"]),
        ("2024-03-01T00:00:00+00:00", "grafted", ["A\tdata/events/a.yaml"]),
    )
    record = parse_git_log(log, SOURCE_DATE_EPOCH).of("a")
    assert record.approximate
    assert record.added == dt.datetime.fromtimestamp(SOURCE_DATE_EPOCH, tz=dt.UTC)


def test_no_git_output_dates_everything_at_the_fallback() -> None:
    history = parse_git_log(None, SOURCE_DATE_EPOCH)
    assert history.known == {}
    assert history.of("any").added.isoformat() == "2022-08-14T00:00:00+00:00"
    assert history.approximate(["b", "a"]) == ["a", "b"]


def test_the_build_runs_one_git_log_over_the_events_folder() -> None:
    hook = (ROOT / "builder/mkdocs_hook.py").read_text(encoding="utf-8")
    assert len(re.findall(r"subprocess\.run\(", hook)) == 1
    command = git_log_command()
    assert command[0] == "git"
    assert "log" in command
    assert command[-2:] == ["--", "data/events/"]
