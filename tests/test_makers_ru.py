"""Drone makers in the Russian edition: named in Russian on the drones page, on event pages
and in the inventory chart's table, never left in English."""

from __future__ import annotations

from pathlib import Path

from site_html import parse

from builder.pages.drones import DRONES_PAGE
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent


def _text(page: Path) -> str:
    return parse(page.read_text(encoding="utf-8")).text()


def test_every_drone_system_names_its_maker_in_russian() -> None:
    data = load_dataset(ROOT / "data")
    missing = sorted(sid for sid, system in data.systems.items() if not system.maker_ru)
    assert missing == []


def test_russian_pages_name_the_makers_in_russian(built_site: Path) -> None:
    data = load_dataset(ROOT / "data")
    page = built_site / "ru" / DRONES_PAGE.removesuffix(".md") / "index.html"
    drones = _text(page)
    english_only = {s.maker for s in data.systems.values()} - {
        s.maker_ru for s in data.systems.values()
    }
    for system in data.systems.values():
        assert system.maker_ru in drones, system.maker_ru
    russian_pages = [drones] + [_text(p) for p in (built_site / "ru/events").glob("*/index.html")]
    leaks = sorted({m for m in english_only for t in russian_pages if m in t})
    assert leaks == []
