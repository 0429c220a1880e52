"""The build cache reuses what did not change and never serves what did (issue 24, point 3)."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import BIN, TEST_SITE_URL, build_site

from benchmarks.synthetic import copy_project
from builder import charts, maps, pipeline
from builder.cache import BuildCache, code_version
from builder.images.site_images import EditionWords, render_images
from builder.maps.areas import load_geography
from builder.maps.features import DETAILS_PATH
from builder.record.schema import Event, Quote
from builder.record.validate import Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent


def _build(
    project: Path, out: Path, *, cache: bool, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    result = build_site(project, out, strict=strict, env={"DR_BUILD_CACHE": "1" if cache else "0"})
    assert result.returncode == 0, result.stderr
    return result


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _edit(project: Path, event_file: str, field: str, value: str) -> None:
    path = project / "data/events" / event_file
    event = yaml.safe_load(path.read_text(encoding="utf-8"))
    event[field] = value
    path.write_text(yaml.safe_dump(event, sort_keys=False), encoding="utf-8")


def test_a_build_from_the_cache_is_byte_identical_to_one_without(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first_event = sorted((project / "data/events").glob("*.yaml"))[0].name
    _build(project, tmp_path / "cold", cache=True)  # fills .cache/ in the project
    kept = project / ".cache/builder"
    assert {p.name for p in kept.glob("*.pickle")} == {
        f"{stage}.pickle"
        for stage in ("images", "maps", "charts", "maps-ru", "charts-ru", "cards-en", "cards-ru")
    }
    stored = {p.name: p.stat().st_mtime_ns for p in kept.glob("*.pickle")}

    _edit(project, first_event, "summary", "An editor's new summary, with *emphasis*.")
    warm = _build(project, tmp_path / "warm", cache=True)
    assert "reused from the last build (inputs unchanged): images, maps, charts" in warm.stderr
    # The Russian edition's maps and charts too, and both editions' page cards: nothing
    # was drawn or stored again.
    assert "reused from the last build (inputs unchanged): maps-ru, charts-ru" in warm.stderr
    assert {p.name: p.stat().st_mtime_ns for p in kept.glob("*.pickle")} == stored
    # Every finished page is taken from the store but the edited event's English page
    # (its Russian page shows the Russian summary, which did not change).
    pages = _reused_pages(warm.stderr)
    assert pages["en"][1] == pages["ru"][1] == len(list((kept / "pages-en").glob("*.page")))
    assert pages["en"][0] == pages["en"][1] - 1
    assert pages["ru"][0] == pages["ru"][1]
    # So is every page's conversion from Markdown.
    assert _reused_pages(warm.stderr, "conversions from Markdown") == pages
    _build(project, tmp_path / "none", cache=False)
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "none")
    assert b"An editor's new summary" in (tmp_path / "warm/maps/details.json").read_bytes()

    # A page's new title is on its card: that edition's cards are drawn again.
    maps_page = project / "docs/maps.md"
    text = maps_page.read_text(encoding="utf-8")
    assert "\n# Maps\n" in text
    maps_page.write_text(text.replace("\n# Maps\n", "\n# Maps, retitled\n"), encoding="utf-8")
    retitled_page = _build(project, tmp_path / "page-retitled", cache=True)
    # The sidebar takes the title from mkdocs.yml: only the page itself is rendered again.
    assert _reused_pages(retitled_page.stderr) == {"en": (pages["en"][1] - 1, pages["en"][1])} | {
        "ru": pages["ru"]
    }
    assert kept.joinpath("cards-en.pickle").stat().st_mtime_ns != stored["cards-en.pickle"]
    assert kept.joinpath("cards-ru.pickle").stat().st_mtime_ns == stored["cards-ru.pickle"]
    _build(project, tmp_path / "page-retitled-none", cache=False)
    assert _tree(tmp_path / "page-retitled") == _tree(tmp_path / "page-retitled-none")

    # A title in the navigation is on every English page: none is reused.
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    assert "- Maps: maps.md\n" in settings
    config.write_text(settings.replace("- Maps: maps.md\n", "- Maps of the race: maps.md\n"))
    renamed = _build(project, tmp_path / "nav-renamed", cache=True)
    assert "en pages" not in renamed.stderr
    _build(project, tmp_path / "nav-renamed-none", cache=False)
    assert _tree(tmp_path / "nav-renamed") == _tree(tmp_path / "nav-renamed-none")
    assert b"Maps of the race" in (tmp_path / "nav-renamed/events/index.html").read_bytes()

    # A title is drawn on the maps and the timeline: both are rendered again.
    _edit(project, first_event, "title", "A title the maps and the timeline must show")
    retitled = _build(project, tmp_path / "retitled", cache=True)
    # The images draw no title: they alone are reused.
    assert "reused from the last build (inputs unchanged): images; " in retitled.stderr
    assert "maps-ru" not in retitled.stderr
    # Its pages, the pages beside it (their links name it) and the indexes show it.
    reused = _reused_pages(retitled.stderr)
    assert reused["en"][0] < reused["en"][1] - 3
    _build(project, tmp_path / "retitled-none", cache=False)
    assert _tree(tmp_path / "retitled") == _tree(tmp_path / "retitled-none")
    assert b"A title the maps and the timeline must show" in b"".join(
        _tree(tmp_path / "retitled" / "data/charts").values()
    )


def _reused_pages(stderr: str, what: str = "pages") -> dict[str, tuple[int, int]]:
    """Pages (or conversions) each edition took from the store, and how many it had, from
    the build's notes."""
    found = re.findall(rf"inputs unchanged\): (\d+) of (\d+) (\w+) {what}$", stderr, re.M)
    return {lang: (int(reused), int(total)) for reused, total, lang in found}


def test_a_conversion_that_warned_is_converted_again(tmp_path: Path) -> None:
    """A broken link's warning fails a strict build: a page that warned is never taken from
    the store, so the next build warns again."""
    project = copy_project(tmp_path / "project")
    glossary = project / "docs/reference/glossary.md"
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + "\nSee [a page](no-such-page.md).\n",
        encoding="utf-8",
    )
    _build(project, tmp_path / "first", cache=True, strict=False)
    second = _build(project, tmp_path / "second", cache=True, strict=False)
    assert "no-such-page.md" in second.stderr
    reused, converted = _reused_pages(second.stderr, "conversions from Markdown")["en"]
    assert reused == converted
    assert reused == len(list((project / ".cache/builder/conversions-en").glob("*.pickle")))
    assert not (project / "docs/reference/no-such-page.md").exists()


def test_a_page_the_store_lost_during_the_build_is_rendered_again(tmp_path: Path) -> None:
    """Another build of the same folder may prune an entry between a page being found in
    the store and its HTML being read: the theme then renders the page after all."""
    project = copy_project(tmp_path / "project")
    _build(project, tmp_path / "cold", cache=True)
    losing = (
        "import sys\n"
        "from builder.cache import pages\n"
        "pages.PageStore.load = lambda self, key: None\n"
        "found = pages.PageStore.holds\n"
        "held = []\n"
        "pages.PageStore.holds = lambda self, key: held.append(found(self, key)) or held[-1]\n"
        "import atexit\n"
        "atexit.register(lambda: print('pages found stored:', sum(held), file=sys.stderr))\n"
        "from mkdocs.__main__ import cli\n"
        "sys.argv = ['mkdocs', 'build', '--strict', '-d', sys.argv[1]]\n"
        "cli()\n"
    )
    # As build_site builds the others: the same date and address, so the same keys.
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH="1660435200",
        SITE_URL=TEST_SITE_URL,
        PYTHONPATH=str(project),
    )
    result = subprocess.run(
        [str(BIN / "python"), "-c", losing, str(tmp_path / "lost")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = re.search(r"pages found stored: (\d+)", result.stderr)
    assert found is not None, result.stderr
    assert int(found[1]) > 0
    assert _reused_pages(result.stderr) == {}
    _build(project, tmp_path / "none", cache=False)
    assert _tree(tmp_path / "lost") == _tree(tmp_path / "none")


def _stage_outputs(data: Dataset) -> dict[str, dict[str, str | bytes]]:
    # Each edition's stage is keyed by the same fields (pipeline.language_files): both count.
    outputs: dict[str, dict[str, str | bytes]] = {"maps": {}, "charts": {}}
    for lang in ("en", "ru"):
        rendered = maps.render_all(data, lang=lang)
        outputs["maps"].update({f"{lang}/{k}": v for k, v in rendered.items() if k != DETAILS_PATH})
        outputs["charts"].update(
            {f"{lang}/{k}": v for k, v in charts.render_all(data, lang).items()}
        )
    words = {"ru": EditionWords(maps.specs(data, lang="ru"), "Гонка дронов")}
    images = render_images(
        data, load_geography(), maps.specs(data), ROOT / "node_modules", "Drone race", words
    )
    outputs["images"] = dict(images.all_files())
    return outputs


def _changed(event: Event, field: str) -> Event:
    """``event`` with ``field`` given another valid value than it has."""
    if field == "quotes":
        quote = Quote(text="Words nobody said.", by="A test", source=event.sources[0])
        return event.model_copy(update={"quotes": [*event.quotes, quote]})
    current = getattr(event, field) or ""
    return event.model_copy(update={field: f"{current} Changed for the cache test."})


@pytest.mark.parametrize(
    ("stage", "field"),
    sorted(
        (stage, field) for stage, unread in pipeline.UNREAD_EVENT_FIELDS.items() for field in unread
    ),
)
def test_a_field_left_out_of_a_stage_key_does_not_change_its_output(stage: str, field: str) -> None:
    data = load_dataset(ROOT / "data")
    before = _stage_outputs(data)[stage]
    changed = replace(data, events={i: _changed(e, field) for i, e in data.events.items()})
    assert changed.events != data.events
    assert _stage_outputs(changed)[stage] == before


# A stand-in value of another type only has to change the key, not to be valid.
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
def test_every_other_field_is_in_the_key() -> None:
    data = load_dataset(ROOT / "data")
    event_id = sorted(data.events)[0]
    for stage, unread in pipeline.UNREAD_EVENT_FIELDS.items():
        key = BuildCache(None, "code").key(stage, pipeline.stage_inputs(data, stage))
        for field in sorted(set(Event.model_fields) - unread):
            event = data.events[event_id]
            value = getattr(event, field)
            if isinstance(value, str):
                edited = event.model_copy(update={field: value + "x"})
            elif isinstance(value, list):
                edited = event.model_copy(update={field: [*value, "extra-id"]})
            else:
                edited = event.model_copy(update={field: "something else"})
            changed = replace(data, events={**data.events, event_id: edited})
            other = BuildCache(None, "code").key(stage, pipeline.stage_inputs(changed, stage))
            assert other != key, (stage, field)


def test_the_builder_code_is_in_the_key(tmp_path: Path) -> None:
    package = tmp_path / "builder"
    package.mkdir()
    (package / "stage.py").write_text("X = 1\n", encoding="utf-8")
    before = code_version(package, ["folium"])
    (package / "stage.py").write_text("X = 2\n", encoding="utf-8")
    assert code_version(package, ["folium"]) != before
    cache = BuildCache(tmp_path / "cache", before)
    assert cache.reuse("maps", ["a"], lambda: {"maps/x.html": "one"}) == {"maps/x.html": "one"}
    assert cache.reuse("maps", ["a"], lambda: {"maps/x.html": "two"}) == {"maps/x.html": "one"}
    assert cache.reused == ["maps"]
    newer = BuildCache(tmp_path / "cache", code_version(package, ["folium"]))
    assert newer.reuse("maps", ["a"], lambda: {"maps/x.html": "two"}) == {"maps/x.html": "two"}


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path, "code")
    cache.reuse("charts", ["a"], lambda: {"c.json": "{}"})
    (tmp_path / "charts.pickle").write_bytes(b"not a pickle")
    assert cache.reuse("charts", ["a"], lambda: {"c.json": "[]"}) == {"c.json": "[]"}
    assert cache.reused == []
