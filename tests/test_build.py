"""The built site's public contract, and what a failed build leaves behind."""

from __future__ import annotations

import ast
import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

from conftest import ROOT, build_site, copy_project

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


def _event_ids(data_dir: Path) -> set[str]:
    return {p.stem for p in (data_dir / "events").glob("*.yaml")}


def test_geojson_is_one_feature_per_event(built_site: Path) -> None:
    collection = json.loads((built_site / "data/events.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    ids = [f["properties"]["id"] for f in collection["features"]]
    assert sorted(ids) == sorted(_event_ids(ROOT / "data"))
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        props = feature["properties"]
        assert {"id", "title", "date", "status", "category", "summary", "sources"} <= set(props)
        assert props["sources"], props["id"]
        for source in props["sources"]:
            assert {"title", "publisher", "date", "url"} <= set(source)
            assert source["url"].startswith(("http://", "https://"))
        geometry = feature["geometry"]
        if geometry is not None:
            lon, lat = geometry["coordinates"]  # RFC 7946: longitude first
            assert geometry["type"] == "Point"
            assert -180 <= lon <= 180
            assert -90 <= lat <= 90


def test_fixture_build_maps_the_contract(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE / "data", project / "data")
    # The basemap is part of the site, not of the record under test: keep the real one.
    shutil.copytree(ROOT / "data" / "geo", project / "data" / "geo")
    # Not strict: the chapters link to events and actors of the real record, which the
    # fixture lacks; this test is about the data contract, the real build is strict.
    result = build_site(project, tmp_path / "out", strict=False)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    features = {
        f["id"]: f
        for f in json.loads((out / "data/events.geojson").read_text(encoding="utf-8"))["features"]
    }
    # Written by hand from the fixture files: Dushanbe's gazetteer point, lon first.
    assert features["factory-opens"]["geometry"] == {
        "type": "Point",
        "coordinates": [68.787, 38.5598],
    }
    assert features["border-claim"]["geometry"]["coordinates"] == [70.5, 37.1]
    assert features["trade-pledge"]["geometry"] is None
    assert features["border-claim"]["properties"]["date_precision"] == "month"
    assert features["border-claim"]["properties"]["date"] == "2021-09"
    rows = list(csv.DictReader(io.StringIO((out / "data/events.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ["border-claim", "trade-pledge", "factory-opens"]
    assert rows[0]["claimed_by"] == "iran"
    assert rows[0]["denied_by"] == "taliban"
    assert rows[1]["lat"] == ""
    assert rows[1]["sources"] == "wire-2022; journal-2021"
    schema = json.loads((out / "data/event.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Event"
    for event_id in features:
        assert (out / "events" / event_id / "index.html").is_file()


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_failed_build_reports_problems_and_keeps_the_old_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    out = tmp_path / "site"
    first = build_site(project, out)
    assert first.returncode == 0, first.stderr
    before = _tree_digest(out)
    (project / "data/events/broken.yaml").write_text(
        "title: Broken\ndate: '2022-13-40'\nsummary: An event with two mistakes.\n"
        "status: confirmed\ncategory: military\nsources: [nowhere]\n"
        "date_stated_by: nowhere\n",
        encoding="utf-8",
    )
    second = build_site(project, out)
    assert second.returncode != 0
    assert "data/events/broken.yaml: date: '2022-13-40' has month 13" in second.stderr
    assert "data/events/broken.yaml: sources[0]: unknown id 'nowhere'" in second.stderr
    assert _tree_digest(out) == before


def test_only_the_hook_imports_mkdocs() -> None:
    importers = []
    for path in sorted((ROOT / "builder").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "mkdocs" or n.startswith("mkdocs.") for n in names):
                importers.append(path.relative_to(ROOT).as_posix())
    assert sorted(set(importers)) == ["builder/mkdocs_hook.py"]


def test_every_public_builder_name_is_documented() -> None:
    missing = []
    for path in sorted((ROOT / "builder").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if ast.get_docstring(tree) is None:
            missing.append(path.name)
        for node in tree.body:
            public = isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name[0] != "_"
            if public and ast.get_docstring(node) is None:
                missing.append(f"{path.name}:{node.name}")
    assert missing == []


# The pipeline's layers, lowest first: a module may import its own layer and those below.
LAYERS = {
    "html": 0,
    "geometry": 0,
    "cache": 0,
    "record": 1,
    "i18n": 1,
    "downloads": 2,
    "maps": 3,
    "charts": 3,
    "images": 3,
    "pages": 4,
}
ENTRY_POINTS = {"__init__", "__main__", "pipeline", "mkdocs_hook", "site_settings"}


def _layer(module: str) -> int:
    """The layer of a dotted builder module; the root's entry points sit on top."""
    parts = module.split(".")
    if parts[1:2] == ["site_settings"]:
        return 0  # a plain settings record that every layer may read, kept at the root
    return LAYERS.get(parts[1], len(LAYERS)) if len(parts) > 1 else len(LAYERS)


def test_builder_root_keeps_only_the_entry_points() -> None:
    """A newcomer finds the pipeline's stages as folders, the entry points alone at the root."""
    assert {p.stem for p in (ROOT / "builder").glob("*.py")} == ENTRY_POINTS
    packages = {p.parent.name for p in (ROOT / "builder").glob("*/__init__.py")}
    assert packages == set(LAYERS)
    page_modules = {"events", "actors", "events_index", "bibliography", "drones", "feed"}
    page_modules |= {"field_reference", "story"}
    assert page_modules <= {p.stem for p in (ROOT / "builder" / "pages").glob("*.py")}
    for stage in ("record/load", "record/validate"):
        assert (ROOT / "builder" / f"{stage}.py").is_file()


def test_no_builder_module_imports_from_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted((ROOT / "builder").rglob("*.py")):
        own = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                # "from builder.x import y" may name a module y: count its own layer.
                targets = [f"{node.module}.{a.name}" for a in node.names]
            for target in targets:
                if target.startswith("builder.") and _layer(target) > _layer(own):
                    upward.append(f"{own} -> {target}")
    assert upward == []


def test_the_layer_check_sees_an_upward_import() -> None:
    """The check above would catch a record module reaching into the maps."""
    assert _layer("builder.record.validate") < _layer("builder.maps.document")
    assert _layer("builder.pages.events") < _layer("builder.pipeline")
    assert _layer("builder.html.csp") == _layer("builder.geometry.geo") == 0
    assert _layer("builder.site_settings.SiteSettings") == 0
