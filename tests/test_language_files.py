"""``pipeline.language_files``: what another edition replaces, in its own language."""

from __future__ import annotations

from pathlib import Path

from builder import pipeline
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent


def test_language_files_in_english_are_the_builds_own_and_russian_ones_the_same_paths() -> None:
    data = load_dataset(ROOT / "data")
    built = pipeline.render(data, ROOT / "node_modules")
    english = pipeline.language_files(data, "en")
    assert {
        "maps/regional.html",
        "maps/details.json",
        "data/charts/timeline.json",
    } <= english.keys()
    assert {path: built[path] for path in english} == english
    russian = pipeline.language_files(data, "ru")
    assert russian.keys() == english.keys()
    assert '<html lang="ru">' in str(russian["maps/regional.html"])
    assert '"locale":"ru"' in str(russian["data/charts/timeline.json"])
