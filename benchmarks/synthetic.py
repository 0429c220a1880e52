"""Synthetic datasets for benchmarks: the curated data plus N generated events.

The generated events are valid, spread over the region and over 2015-2022,
and cycle through every category and status, so maps, charts and pages do
realistic work. Generation is seeded: the same N gives the same files.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from builder.record.schema import CATEGORIES, STATUSES

ROOT = Path(__file__).resolve().parent.parent


BUILD_INPUTS = ("mkdocs.yml", "mkdocs.ru.yml", "docs", "overrides", "builder", "data")
"""What a build reads from the project folder (node_modules is linked, not copied)."""


def copy_project(dest: Path) -> Path:
    """Copy what a build needs (not site/ or .venv) to ``dest``; node_modules is linked."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in BUILD_INPUTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def make_project(dest: Path, n_events: int, *, seed: int = 2022) -> Path:
    """Copy the project's build inputs to ``dest`` and add ``n_events`` synthetic events."""
    copy_project(dest)
    write_events(dest / "data", n_events, seed=seed)
    return dest


def write_events(data_dir: Path, n_events: int, *, seed: int = 2022) -> None:
    """Write ``n_events`` valid synthetic event files into ``data_dir/events``."""
    rng = random.Random(seed)
    sources = sorted(yaml.safe_load((data_dir / "sources.yaml").read_text(encoding="utf-8")))
    actors = sorted(yaml.safe_load((data_dir / "actors.yaml").read_text(encoding="utf-8")))
    for i in range(n_events):
        status = STATUSES[i % len(STATUSES)]
        date = f"{rng.randint(2015, 2021)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        source = rng.choice(sources)
        event = {
            "title": f"Synthetic event {i}",
            "date": date,
            "summary": f"Generated event number {i} for benchmarks. It has no real-world meaning.",
            "status": status,
            "category": CATEGORIES[i % len(CATEGORIES)],
            "sources": [source],
            "location": {
                "lat": round(rng.uniform(34.0, 44.0), 4),
                "lon": round(rng.uniform(58.0, 75.0), 4),
            },
            "precision": "locality",
            "actors": [rng.choice(actors)],
        }
        # Half the dates stated by the event's source, half inferred: pages show both kinds.
        if i % 2:
            event["date_inferred"] = "Invented for the benchmark; no source states it."
        else:
            event["date_stated_by"] = source
        if status in ("claimed", "disputed", "denied"):
            event["claimed_by"] = [actors[0]]
            event["denied_by"] = [actors[1]]
        path = data_dir / "events" / f"synthetic-{i:05d}.yaml"
        path.write_text(yaml.safe_dump(event, sort_keys=False), encoding="utf-8")
