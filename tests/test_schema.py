"""Unit tests of the editors' contract: the models, partial dates and cross-checks."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from builder.downloads.schema_export import SCHEMA_PATH, event_json_schema
from builder.record import dates
from builder.record.schema import Event, Source
from builder.record.validate import InvalidData, load_dataset

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
BASE = {
    "title": "A factory opens",
    "date": "2022-05-17",
    "summary": "A test event that stands for something.",
    "status": "confirmed",
    "category": "drone-production",
    "sources": ["wire-2022"],
    "date_stated_by": "wire-2022",
}


def event(**changes) -> Event:
    return Event.model_validate({**BASE, **changes})


@pytest.mark.parametrize(
    ("written", "precision", "first", "last"),
    [
        ("2022", "year", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("2022-02", "month", dt.date(2022, 2, 1), dt.date(2022, 2, 28)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2022-05-17", "day", dt.date(2022, 5, 17), dt.date(2022, 5, 17)),
    ],
)
def test_partial_dates_keep_their_precision(written, precision, first, last) -> None:
    ev = event(date=written)
    assert ev.date == written
    assert dates.precision(ev.date) == precision
    assert dates.start(ev.date) == first
    assert dates.end(ev.date) == last


def test_display_adds_no_precision() -> None:
    assert dates.display("2021-08") == "August 2021"
    assert dates.display("2022-05-17") == "17 May 2022"
    assert dates.display("1991") == "1991"


def test_unquoted_yaml_dates_are_read_as_written() -> None:
    loaded = yaml.safe_load("date: 2022-05-17\nyear: 2016\n")
    assert event(date=loaded["date"]).date == "2022-05-17"
    assert event(date=loaded["year"]).date == "2016"


@pytest.mark.parametrize("bad", ["2022-13", "2022-02-29", "2022-04-31", "22-05-17", "May 2022", ""])
def test_impossible_or_malformed_dates_are_rejected(bad: str) -> None:
    with pytest.raises(ValidationError):
        event(date=bad)


@pytest.mark.parametrize(
    "changes",
    [
        {"status": "rumoured"},
        {"category": "drones"},
        {"sources": []},
        {"sources": ["a", "a"]},
        {"sources": ["Not An Id"]},
        {"colour": "red"},
        {"location": {"lat": 10, "lon": 200}},
        {"location": {"lat": 10, "lon": 20, "alt": 3}},
        {"precision": "street"},
    ],
)
def test_event_model_rejects(changes) -> None:
    with pytest.raises(ValidationError):
        event(**changes)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,hi", "ftp://x.org/a", "nope"]
)
def test_source_urls_must_be_http(url: str) -> None:
    with pytest.raises(ValidationError):
        Source.model_validate({"title": "t", "publisher": "p", "date": "2022", "url": url})


def _dataset_with(tmp_path: Path, name: str, content: dict, *, today=None):
    project = tmp_path / "p"
    shutil.copytree(FIXTURE, project)
    (project / "data/events" / name).write_text(yaml.safe_dump(content), encoding="utf-8")
    return load_dataset(project / "data", today=today)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"end_date": "2022-05"}, "end_date", "before date"),
        ({"place": "dushanbe", "precision": "exact"}, "precision", "finer than place"),
        ({"location": {"lat": 38.5, "lon": 68.7}}, "precision", "required when location"),
        (
            {"place": "dushanbe", "location": {"lat": 38.5, "lon": 68.7}, "precision": "locality"},
            "location",
            "not both",
        ),
        ({"status": "claimed"}, "claimed_by", "who says so"),
        ({"status": "denied", "claimed_by": ["iran"]}, "denied_by", "who rejects it"),
        ({"actors": ["atlantis"]}, "actors[0]", "unknown id 'atlantis'"),
        ({"systems": ["ghost-drone"]}, "systems[0]", "unknown id 'ghost-drone'"),
        ({"precision": "locality"}, "precision", "no place or location"),
        (
            {"quotes": [{"text": "We said it.", "by": "Someone", "source": "journal-2021"}]},
            "quotes[0].source",
            "must also be listed",
        ),
    ],
)
def test_cross_checks_name_the_field(tmp_path, changes, field, words) -> None:
    with pytest.raises(InvalidData) as caught:
        _dataset_with(tmp_path, "x.yaml", {**BASE, "date": "2022-06-01", **changes})
    lines = [str(p) for p in caught.value.problems]
    assert any(
        line.startswith(f"data/events/x.yaml: {field}: ") and words in line for line in lines
    ), lines


def test_future_dates_are_refused(tmp_path) -> None:
    with pytest.raises(InvalidData) as caught:
        _dataset_with(tmp_path, "x.yaml", {**BASE, "date": "2022-06"}, today=dt.date(2022, 5, 31))
    assert [str(p) for p in caught.value.problems] == [
        "data/events/x.yaml: date: '2022-06' lies in the future"
    ]


def test_exported_schema_is_current() -> None:
    committed = (Path(__file__).parent.parent / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == event_json_schema(), "run `make schema` and commit the result"


def test_exported_schema_documents_and_closes_every_field() -> None:
    schema = json.loads(event_json_schema())
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"title", "date", "summary", "status", "category", "sources"}
    assert set(schema["properties"]) == set(Event.model_fields)
    undocumented = [k for k, v in schema["properties"].items() if not v.get("description")]
    assert undocumented == []
    assert schema["properties"]["status"]["enum"] == [
        "confirmed",
        "reported",
        "claimed",
        "disputed",
        "denied",
    ]


def test_editors_text_editor_picks_up_the_schema() -> None:
    settings = json.loads((Path(__file__).parent.parent / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"]["./" + SCHEMA_PATH.as_posix()] == "data/events/*.yaml"


def test_exported_sources_schema_is_current() -> None:
    from builder.downloads.schema_export import SOURCES_SCHEMA_PATH, sources_json_schema

    committed = (Path(__file__).parent.parent / SOURCES_SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == sources_json_schema(), "run `make schema` and commit the result"


def test_sources_schema_documents_the_origin_of_a_source() -> None:
    from builder.downloads.schema_export import SOURCES_SCHEMA_PATH, sources_json_schema

    schema = json.loads(sources_json_schema())
    source = schema["$defs"]["Source"]
    assert source["additionalProperties"] is False
    origin = source["properties"]["origin"]
    assert origin["enum"] == ["article", "footnote", "added"]
    assert "footnote" in origin["description"]
    assert "added" in origin["description"]
    undocumented = [k for k, v in source["properties"].items() if not v.get("description")]
    assert undocumented == []
    settings = json.loads((Path(__file__).parent.parent / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"]["./" + SOURCES_SCHEMA_PATH.as_posix()] == "data/sources.yaml"
