"""What a large build keeps in memory (issue 24, point 2): event pages' Markdown is made
when MkDocs reads it, pages' HTML waits on disk between MkDocs' two passes, generated
files go once copied, freed memory goes back to the system, and the fork that builds the
Russian edition shares the English build's objects untouched."""

from __future__ import annotations

import json
import platform
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site
from material.plugins.search.plugin import SearchIndex

from benchmarks.synthetic import copy_project, write_events
from builder import pipeline
from builder.cache import memory
from builder.cache.spill import PageSpill
from builder.html import held_html, search
from builder.pages import events, events_index
from builder.pipeline import GeneratedFiles
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent

# Test-only hook, run after ours: what each page holds when MkDocs has converted them
# all (on_env) and when each is rendered (on_page_context), and whether the collector
# leaves alone what the fork shares with the English build.
PROBE = """
import gc, json, os
from pathlib import Path

OUT = Path(os.environ["DR_MEMORY_PROBE"])
seen = {}


def _lang(config):
    return config.theme["language"]


def on_config(config):
    seen.setdefault(_lang(config), {})["frozen_at_start"] = gc.get_freeze_count()
    return config


def on_files(files, config):
    from builder.images import static_map
    from builder.maps import features
    from builder.maps.areas import load_geography

    state = seen[_lang(config)]
    state["features_kept"] = len(features._cache)
    state["inputs_kept"] = (
        load_geography.cache_info().currsize + static_map.load_basemap.cache_info().currsize
    )
    return files


generated = {}


def on_env(env, config, files):
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    seen[_lang(config)]["held_after_conversion"] = sum(1 for p in pages if p.content)
    seen[_lang(config)]["pages"] = len(pages)
    others = [f for f in files if f.abs_src_path is None and not f.is_documentation_page()]
    generated[_lang(config)] = others
    seen[_lang(config)]["generated_held_before_copy"] = sum(1 for f in others if f.content_bytes)
    return env


def on_page_context(context, page, config, nav):
    state = seen[_lang(config)]
    if "rendered_with_html" not in state:
        others = generated[_lang(config)]
        state["generated_held_when_rendering"] = sum(1 for f in others if f.content_bytes)
    state["rendered_with_html"] = state.get("rendered_with_html", 0) + bool(page.content)
    return context


def on_post_build(config):
    state = seen[_lang(config)]
    state["search_writes_its_own"] = [
        bool(plugin.config.get("enabled"))
        for plugin in config.plugins.values()
        if hasattr(plugin, "search_index")
    ]
    state["frozen_at_end"] = gc.get_freeze_count()
    (OUT / f"{_lang(config)}.json").write_text(json.dumps(state))
"""


def test_pages_wait_on_disk_between_the_passes_and_the_fork_shares_untouched(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    (project / "builder" / "memory_probe.py").write_text(PROBE, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    hook = "  - builder/mkdocs_hook.py\n"
    assert hook in text
    config.write_text(text.replace(hook, hook + "  - builder/memory_probe.py\n"), "utf-8")
    out = tmp_path / "probe"
    out.mkdir()
    result = build_site(
        project,
        tmp_path / "site",
        env={"DR_BUILD_CACHE": "0", "DR_PARALLEL_EDITIONS": "1", "DR_MEMORY_PROBE": str(out)},
    )
    assert result.returncode == 0, result.stderr
    english = json.loads((out / "en.json").read_text())
    russian = json.loads((out / "ru.json").read_text())
    for state in (english, russian):
        assert state["pages"] > 100
        assert state["held_after_conversion"] == 0
        assert state["rendered_with_html"] == state["pages"]
        # Downloads, map documents, charts, images: copied before the first page, let go.
        assert state["generated_held_before_copy"] > 50
        assert state["generated_held_when_rendering"] == 0
        # What the maps and images were made from is let go before the pages are.
        assert state["features_kept"] == 0
        assert state["inputs_kept"] == 0
        # The search index is written one entry at a time, not by the theme's plugin whole.
        assert state["search_writes_its_own"] == [False]
    # The fork starts with the English build's objects frozen; the English build ends with
    # them released once the fork is done.
    assert russian["frozen_at_start"] > 0
    assert english["frozen_at_start"] == 0
    assert english["frozen_at_end"] == 0
    rendered = (tmp_path / "site" / "ru" / "index.html").read_text(encoding="utf-8")
    assert "Гонка дронов" in rendered


def test_a_spilled_page_comes_back_as_it_was_once(tmp_path: Path) -> None:
    spill = PageSpill(tmp_path / "spill")
    pages = {
        "events/a.md": "<p>Фабрика «Абабиль-2» в Душанбе</p>",
        "events/b.md": "<p>plain</p>" * 1000,
        "events/c.md": "",
        "events/d.md": "<p>\U0001f6e9 and a lone surrogate \ud800</p>",
    }
    for key, html in pages.items():
        spill.put(key, html)
    spill.put("events/b.md", "<p>replaced</p>")
    assert len(spill) == len(pages)
    assert spill.take("events/d.md") == pages["events/d.md"]
    assert spill.take("events/a.md") == pages["events/a.md"]
    assert spill.take("events/b.md") == "<p>replaced</p>"
    assert spill.take("events/c.md") == ""
    assert spill.take("events/a.md") is None
    assert spill.take("never/kept.md") is None
    spill.close()
    # The file had no name: nothing is left in the folder.
    assert list((tmp_path / "spill").iterdir()) == []


def test_freed_memory_is_handed_back_where_the_c_library_can() -> None:
    on_glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert memory.return_freed_memory() is on_glibc


def test_event_pages_are_made_when_read_not_by_the_pipeline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[str] = []
    page = events.event_page

    def counted(event_id: str, *args: Any, **kwargs: Any) -> str:
        made.append(event_id)
        return page(event_id, *args, **kwargs)

    monkeypatch.setattr(events, "event_page", counted)
    data = load_dataset(ROOT / "data")
    built = pipeline.build(ROOT / "data", ROOT / "node_modules")
    russian = pipeline.edition(built, "ru")
    assert made == []
    paths = {f"{events.EVENTS_DIR}/{event_id}.md" for event_id in data.events}
    for files in (built.files, russian.files):
        assert paths <= set(files)
        assert paths <= files.deferred.keys()
        assert not paths & files.made.keys()
    path = f"{events.EVENTS_DIR}/ababil-2-factory-opens.md"
    english_page, russian_page = str(built.files[path]), str(russian.files[path])
    assert made == ["ababil-2-factory-opens"] * 2
    assert english_page.startswith("---")
    assert "Ababil-2" in english_page
    assert russian_page != english_page
    assert any("а" <= letter <= "я" for letter in russian_page)
    assert built.files[path] == english_page  # made again, the same
    # The Russian edition's own event pages are not marked as pages in English.
    assert path not in russian.untranslated


def test_generated_files_make_a_deferred_file_only_when_it_is_read() -> None:
    made: list[str] = []

    def maker(text: str) -> Callable[[], str]:
        def make() -> str:
            made.append(text)
            return text

        return make

    files = GeneratedFiles({"a.json": "{}", "b.png": b"\x89PNG"})
    files.defer("events/x.md", maker("x"))
    files.defer("events/y.md", maker("y"))
    assert sorted(files) == ["a.json", "b.png", "events/x.md", "events/y.md"]
    assert len(files) == 4
    assert "events/x.md" in files
    assert "events/z.md" not in files
    other = files.copy()
    other["events/y.md"] = "replaced"
    files.forget("events/x.md")
    assert made == []
    assert "events/x.md" not in files
    assert "events/x.md" in other
    assert files["events/y.md"] == "y"
    assert made == ["y"]
    assert other["events/y.md"] == "replaced"
    assert other["events/x.md"] == "x"
    assert made == ["y", "x"]
    del other["a.json"]
    with pytest.raises(KeyError):
        del other["a.json"]
    assert dict(files.items()) == {"a.json": "{}", "b.png": b"\x89PNG", "events/y.md": "y"}


def test_the_largest_pages_reach_markdown_without_their_tables(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_events(project / "data", 300)
    data = load_dataset(project / "data")
    for lang in ("en", "ru"):
        source = events_index.events_index(data, lang=lang)
        table = held_html.release_all(source)
        assert table.count("<tr id=") == len(data.events)
        # Markdown copies a page's source over and over: it gets the digest, not the table.
        assert len(table) > held_html.LARGE_BLOCK > 10 * len(source)


def test_the_search_index_written_entry_by_entry_is_the_themes_own() -> None:
    settings = {"lang": ["ru"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"], "fields": {}}
    index = SearchIndex(**settings)
    index.entries = [
        {"location": "events/a/", "title": "Фабрика «Абабиль-2»", "text": "<p>Душанбе</p>"},
        {"location": "events/b/", "title": "b", "text": "", "tags": [Path("odd")]},
    ]
    pieces = list(search.index_json(settings, index.entries))
    assert len(pieces) == len(index.entries) + 2  # one entry a piece
    assert "".join(pieces) == index.generate_search_index(None)
    assert "".join(search.index_json(settings, [])) == SearchIndex(
        **settings
    ).generate_search_index(None)
