"""data/story.yaml: what `make check` refuses, and views computed from the events, not typed."""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builder.maps.areas import load_geography
from builder.maps.story import step_views
from builder.pages.story import step_markdown
from builder.record.schema import Story
from builder.record.validate import InvalidData, load_dataset

ROOT = Path(__file__).resolve().parent.parent
STORY = yaml.safe_load((ROOT / "data/story.yaml").read_text(encoding="utf-8"))
DOC_LINE = re.compile(r"^data/story\.yaml: steps\[\d+\]\.\S+: .+$")


def _step(step_id: str, events: list[str], text: str | None = None, **more) -> dict:
    step = {"id": step_id, "events": events, **more}
    step["text"] = (
        text if text is not None else "Iran opened a plant in Dushanbe.[^rferl-2022-05-24]"
    )
    return step


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def _write(project: Path, story: dict) -> None:
    (project / "data/story.yaml").write_text(yaml.safe_dump(story, sort_keys=False), "utf-8")


def _problems(project: Path, story: dict) -> list[str]:
    _write(project, story)
    with pytest.raises(InvalidData) as raised:
        load_dataset(project / "data")
    return [str(p) for p in raised.value.problems]


def _with_steps(*steps: dict) -> dict:
    return {"title": "A test story", "steps": list(steps)}


GOOD = _step("factory", ["ababil-2-factory-opens"])


def test_the_real_story_is_valid_and_tells_eight_to_twelve_steps() -> None:
    data = load_dataset(ROOT / "data")
    assert data.story is not None
    assert 8 <= len(data.story.steps) <= 12
    for step in data.story.steps:
        assert step.events, step.id
        assert re.search(r"\[\^[a-z0-9-]+\]", step.text), step.id


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            _with_steps(GOOD, _step("kabul", ["taliban-take-kabul", "taliban-take-kabol"])),
            "data/story.yaml: steps[1].events[1]: unknown event id 'taliban-take-kabol'",
        ),
        (
            _with_steps(GOOD, {"id": "empty", "text": GOOD["text"]}),
            "data/story.yaml: steps[1].events: a step needs at least one event id",
        ),
        (
            _with_steps(GOOD, _step("empty", [])),
            "data/story.yaml: steps[1].events: a step needs at least one event id",
        ),
        (
            _with_steps(GOOD, {"id": "silent", "events": ["taliban-take-kabul"]}),
            "data/story.yaml: steps[1].text: a step needs text",
        ),
        (
            _with_steps(GOOD, _step("silent", ["taliban-take-kabul"], text="")),
            "data/story.yaml: steps[1].text: a step needs text",
        ),
        (
            _with_steps(
                GOOD,
                _step("kabul", ["taliban-take-kabul"]),
                _step("factory", ["zanjani-sentenced-to-death"]),
            ),
            "data/story.yaml: steps[2].id: duplicate step: 'factory' is already the id of steps[0]",
        ),
        (
            _with_steps(GOOD, _step("again", ["ababil-2-factory-opens"])),
            "data/story.yaml: steps[1].events: duplicate step: the same events as steps[0]",
        ),
        (
            _with_steps(GOOD, _step("nowhere", ["russia-quiet-on-factory"])),
            "data/story.yaml: steps[1].events: none of these events has a place or location",
        ),
        (
            _with_steps(_step("factory", ["ababil-2-factory-opens"], text="A plant opened.")),
            "data/story.yaml: steps[0].text: cites no source",
        ),
        (
            _with_steps(_step("factory", ["ababil-2-factory-opens"], text="It opened.[^no-such]")),
            "data/story.yaml: steps[0].text: cites [^no-such], which is not an id",
        ),
        (
            _with_steps(
                _step(
                    "f",
                    ["ababil-2-factory-opens"],
                    text="See [here](javascript:x).[^rferl-2022-05-24]",
                )
            ),
            "data/story.yaml: steps[0].text: links, HTML and attribute lists are not allowed",
        ),
        (
            _with_steps(
                _step(
                    "f",
                    ["ababil-2-factory-opens"],
                    text="<img src=x onerror=alert(1)>[^rferl-2022-05-24]",
                )
            ),
            "data/story.yaml: steps[0].text: links, HTML and attribute lists are not allowed",
        ),
        (
            _with_steps({**GOOD, "center": [38.5, 68.8]}),
            "data/story.yaml: steps[0].center: is not a known field",
        ),
        (
            _with_steps({**GOOD, "layers": ["tiles"]}),
            "data/story.yaml: steps[0].layers[0]: Input should be",
        ),
        (_with_steps(), "data/story.yaml: steps: the story needs at least one step"),
        ({"title": "No steps at all"}, "data/story.yaml: steps: the story needs at least one step"),
    ],
    ids=[
        "unknown event",
        "no events key",
        "empty events",
        "no text key",
        "empty text",
        "duplicate id",
        "duplicate events",
        "unlocated events",
        "no footnote",
        "unknown footnote",
        "link",
        "html",
        "typed coordinates",
        "unknown layer",
        "no steps",
        "steps missing",
    ],
)
def test_bad_story_is_refused_as_path_field_message(
    project: Path, story: dict, expected: str
) -> None:
    problems = _problems(project, story)
    assert any(p.startswith(expected) for p in problems), problems
    assert all(p.startswith("data/story.yaml: ") for p in problems), problems


def test_every_mistake_is_reported_in_one_run(project: Path) -> None:
    problems = _problems(
        project,
        _with_steps(
            _step("a", ["no-such-event"]),
            {"id": "b", "events": []},
            _step("a", ["taliban-take-kabul"], text="No footnote here."),
        ),
    )
    fields = {p.split(": ")[1] for p in problems}
    assert {
        "steps[0].events[0]",
        "steps[1].events",
        "steps[1].text",
        "steps[2].id",
        "steps[2].text",
    } <= fields


def test_make_check_prints_the_story_problem_and_fails(project: Path) -> None:
    _write(project, _with_steps(GOOD, _step("kabul", ["ghost-event"])))
    result = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(project), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "data/story.yaml: steps[1].events[0]: unknown event id 'ghost-event'" in result.stdout


def test_the_guide_shows_story_messages_the_checks_really_print(project: Path) -> None:
    guide = (ROOT / "docs/contribute/errors.md").read_text(encoding="utf-8")
    section = guide.split("## A story step is wrong", 1)[1].split("## ", 1)[0]
    shown = [line for line in section.splitlines() if DOC_LINE.match(line)]
    assert len(shown) >= 4
    # A story with each mistake at the position the guide shows it.
    steps = [
        _step("factory", ["ababil-2-factory-opens"]),
        _step("exile", ["kabiri-attends-tehran-conference"]),
        _step("raisi", ["raisi-takes-office", "raisi-visit"]),
        _step("kabul-falls", ["taliban-take-kabul"]),
        _step("empty", []),
        _step("silent", ["zanjani-sentenced-to-death"], text=""),
        _step("kabul-falls", ["taliban-grand-army-plan"]),
        _step("unsourced", ["kyrgyzstan-buys-tb2"], text="Kyrgyzstan bought drones."),
    ]
    printed = _problems(project, _with_steps(*steps))
    for line in shown:
        assert line in printed, (line, printed)


def test_each_view_holds_its_events_and_the_ring_when_shown() -> None:
    data = load_dataset(ROOT / "data")
    views = {v.id: v for v in step_views(data, load_geography())}
    assert data.story is not None
    for step in data.story.steps:
        (south, west), (north, east) = views[step.id].bounds
        for event_id in step.events:
            point = data.coordinates(data.events[event_id])
            if point is None:
                continue
            assert south <= point[0] <= north, (step.id, event_id)
            assert west <= point[1] <= east, (step.id, event_id)
        if "range-ring" in step.layers:
            # 200 km each way from Dushanbe: the box is at least 400 km tall and wide.
            lat_km = (north - south) * 111.2
            lon_km = (east - west) * 111.2 * math.cos(math.radians((north + south) / 2))
            assert lat_km >= 400, step.id
            assert lon_km >= 400, step.id


def test_reordering_steps_in_the_file_reorders_the_views(project: Path) -> None:
    story = dict(STORY, steps=list(reversed(STORY["steps"])))
    _write(project, story)
    data = load_dataset(project / "data")
    ids = [v.id for v in step_views(data, load_geography())]
    assert ids == [s["id"] for s in reversed(STORY["steps"])]


def test_step_text_keeps_footnotes_and_escapes_markup() -> None:
    written = step_markdown("A *plant* <b>opened</b> [x](y) {: .z}[^rferl-2022-05-24]")
    assert "[^rferl-2022-05-24]" in written
    assert "<b>" not in written
    assert "&lt;b&gt;" in written
    assert "\\[x\\]\\(y\\)" in written
    assert "\\{: .z\\}" in written


def test_story_model_has_documented_fields() -> None:
    schema = Story.model_json_schema()
    step = schema["$defs"]["StoryStep"]
    assert step["additionalProperties"] is False
    assert set(step["required"]) == {"id", "events", "text"}
    for props in (schema["properties"], step["properties"]):
        assert all(p.get("description") for p in props.values())


def test_time_strip_fractions_follow_the_dates() -> None:
    from builder.pages.story import strip_position

    span = (dt.date(2023, 1, 1) - dt.date(2015, 1, 1)).days
    assert strip_position(dt.date(2015, 1, 1)) == 0
    assert strip_position(dt.date(2021, 8, 15)) == round(
        (dt.date(2021, 8, 15) - dt.date(2015, 1, 1)).days / span, 4
    )
    assert strip_position(dt.date(1990, 1, 1)) == 0
    assert strip_position(dt.date(2030, 1, 1)) == 1


def test_field_reference_and_json_schema_cover_the_story() -> None:
    import json

    from builder.downloads.schema_export import STORY_SCHEMA_PATH, story_json_schema
    from builder.pages.field_reference import field_reference

    page = field_reference()
    story_part = page.split("{#story}", 1)[1]
    for field in ("title", "steps"):
        assert f"<tr id='story-{field}'>" in story_part
    for field in ("id", "title", "events", "text", "layers"):
        assert f"<code>{field}</code>" in story_part.split("StoryStep", 1)[1]
    committed = (ROOT / STORY_SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == story_json_schema(), "run `make schema` and commit the result"
    step = json.loads(committed)["$defs"]["StoryStep"]
    assert step["properties"]["layers"]["items"]["enum"] == [
        "range-ring",
        "border",
        "northern-borders",
        "provinces",
    ]
