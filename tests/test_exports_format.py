"""The GeoJSON download reads line by line: one feature per line, valid JSON throughout;
the explore page's copy of it carries what the page reads, each source once."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from conftest import ROOT

from builder.downloads import exports
from builder.record.validate import load_dataset


def test_feature_collection_is_written_one_feature_per_line() -> None:
    data = load_dataset(ROOT / "data")
    collection = exports.events_geojson(data)
    written = exports.feature_collection_json(collection)
    assert json.loads(written) == collection
    lines = written.splitlines()
    assert len(lines) == len(collection["features"]) + 2
    for line, feature in zip(lines[1:-1], collection["features"], strict=True):
        assert json.loads(line.rstrip(",")) == feature


def test_an_empty_collection_stays_valid() -> None:
    empty = {"type": "FeatureCollection", "features": []}
    assert json.loads(exports.feature_collection_json(empty)) == empty


def test_the_file_is_the_collection_written_feature_by_feature() -> None:
    data = load_dataset(ROOT / "data")
    for lang in ("en", "ru"):
        made = exports.events_geojson_file(data, lang)
        whole = exports.feature_collection_json(exports.events_geojson(data, lang))
        assert made == whole.encode("utf-8")


def test_the_file_of_no_events_is_an_empty_collection() -> None:
    data = load_dataset(ROOT / "data")
    empty = replace(data, events={})
    whole = exports.feature_collection_json(exports.events_geojson(empty))
    assert exports.events_geojson_file(empty) == whole.encode("utf-8")


def _read_fields(*scripts: str) -> set[str]:
    """Every ``p.<name>`` the explore page's scripts read (``p`` is an event's properties)."""
    names: set[str] = set()
    for script in scripts:
        text = (ROOT / "docs/assets/js" / script).read_text(encoding="utf-8")
        names.update(re.findall(r"\bp\.([a-z_]+)", text))
    return names


def test_the_explore_copy_is_the_published_record_less_what_the_page_never_reads() -> None:
    data = load_dataset(ROOT / "data")
    read = _read_fields("explore.js", "explore-map.js")
    for lang in ("en", "ru"):
        published_file, explore_file = exports.events_files(data, lang)
        assert published_file == exports.events_geojson_file(data, lang)
        published = json.loads(published_file)["features"]
        copy = json.loads(explore_file)
        assert copy["type"] == "FeatureCollection"
        assert [f["id"] for f in copy["features"]] == [f["id"] for f in published]
        for mine, theirs in zip(copy["features"], published, strict=True):
            assert mine["geometry"] == theirs["geometry"], mine["id"]
            props, full = mine["properties"], theirs["properties"]
            # Every field the scripts read is carried whenever the record has it ...
            for name in read & set(full) - {"sources"}:
                if full[name] not in (None, []):
                    assert props[name] == full[name], (lang, mine["id"], name)
            # ... and nothing they never read: date notes, responses, systems, addresses.
            assert set(props) <= read | {"sources"}, (lang, mine["id"], set(props) - read)
            assert {"date_inferred", "response", "systems", "url"}.isdisjoint(props)
            # Sources are cited by id and listed once, as the card shows them.
            assert [copy["sources"][sid] for sid in props["sources"]] == [
                {k: s[k] for k in ("title", "publisher", "date", "url")} for s in full["sources"]
            ]
        cited = {sid for f in copy["features"] for sid in f["properties"]["sources"]}
        assert set(copy["sources"]) == cited
