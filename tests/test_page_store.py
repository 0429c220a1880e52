"""The store of finished pages (builder/cache/pages.py): keys, entries and pruning."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from builder.cache.pages import (
    Conversion,
    ConversionStore,
    PageStore,
    StoredPage,
    contents_inputs,
    navigation_inputs,
    page_inputs,
    stable_json,
)


@dataclass
class Entry:
    title: str | None
    url: str | None = None
    children: list[Entry] | None = None


@dataclass
class Heading:
    title: str
    id: str
    level: int
    children: list[Heading] = field(default_factory=list)


def _page(**changes: object) -> list[str]:
    values: dict[str, object] = {
        "src_uri": "events/a.md",
        "url": "events/a/",
        "title": "A",
        "content": "<p>A</p>",
        "meta": {"hide": {"toc"}, "card": "c.png"},
        "contents": contents_inputs([Heading("A", "a", 1, [Heading("B", "b", 2)])]),
        "neighbours": [(None, None), ("B", "events/b/")],
    }
    values.update(changes)
    return page_inputs(**values)  # type: ignore[arg-type]


def test_every_part_of_a_page_is_in_its_key(tmp_path: Path) -> None:
    store = PageStore(tmp_path, "site")
    key = store.key(_page())
    assert store.key(_page()) == key
    for name, value in [
        ("src_uri", "events/b.md"),
        ("url", "events/b/"),
        ("title", "B"),
        ("content", "<p>B</p>"),
        ("meta", {"hide": {"toc"}, "card": "d.png"}),
        ("contents", contents_inputs([Heading("A", "a", 1, [Heading("C", "b", 2)])])),
        ("neighbours", [(None, None), ("C", "events/b/")]),
    ]:
        assert store.key(_page(**{name: value})) != key, name
    assert PageStore(tmp_path, "another site").key(_page()) != key


def test_a_sidebar_title_or_place_changes_the_navigation() -> None:
    nav = [Entry("Story", "story/"), Entry("Chapters", None, [Entry("Iran", "chapters/iran/")])]
    renamed = [nav[0], Entry("Chapters", None, [Entry("Iran's drones", "chapters/iran/")])]
    moved = [Entry("Chapters", None, [Entry("Iran", "chapters/iran/")]), nav[0]]
    inputs = navigation_inputs(nav)
    assert navigation_inputs(renamed) != inputs
    assert navigation_inputs(moved) != inputs


def test_a_page_comes_back_as_it_was_stored(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages", "site")
    # A lone surrogate: MkDocs writes it as a character reference, so it must survive.
    page = StoredPage("<p>Гонка дронов \ud800</p>", [{"location": "a/", "title": "A", "text": ""}])
    key = store.key(_page())
    assert not store.holds(key)
    store.save(key, page)
    later = PageStore(tmp_path / "pages", "site")
    assert later.holds(key)
    assert later.load(key) == page
    assert later.reused == 1


def test_a_conversion_comes_back_as_it_was_stored(tmp_path: Path) -> None:
    store = ConversionStore(tmp_path, "site")
    toc = [{"level": 1, "id": "a", "name": "A", "children": []}]
    conversion = Conversion(
        "<h1 id='a'>A</h1>", toc, "A", frozenset({"a"}), {"b.md": {"x": "b.md#x"}}
    )
    key = store.key(["a.md", "a/", "# A"])
    store.save(key, conversion)
    assert ConversionStore(tmp_path, "site").load(key) == conversion
    (tmp_path / f"{key}.pickle").write_bytes(b"not a pickle")
    assert ConversionStore(tmp_path, "site").load(key) is None


def test_a_build_keeps_only_the_entries_it_used(tmp_path: Path) -> None:
    first = PageStore(tmp_path, "site")
    first.save("old", StoredPage("<p>old</p>", None))
    first.save("kept", StoredPage("<p>kept</p>", None))
    second = PageStore(tmp_path, "site")
    assert second.holds("kept")
    second.save("new", StoredPage("<p>new</p>", None))
    second.prune()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.page", "new.page"]


def test_a_store_without_a_folder_keeps_nothing(tmp_path: Path) -> None:
    store = PageStore(None, "")
    store.save("k", StoredPage("<p>x</p>", None))
    assert not store.holds("k")
    assert store.load("k") is None
    store.prune()


def test_the_configuration_reads_the_same_in_every_process() -> None:
    # Sets iterate in a per-process order (string hashing is randomised).
    code = (
        "from builder.cache.pages import stable_json; "
        "print(stable_json({'templates': {'404.html', 'sitemap.xml', 'main.html'}}))"
    )
    root = Path(__file__).resolve().parent.parent
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(4)
    }
    assert outputs == {stable_json({"templates": ["404.html", "main.html", "sitemap.xml"]}) + "\n"}
