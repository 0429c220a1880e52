"""The GeoJSON download reads line by line: one feature per line, valid JSON throughout."""

from __future__ import annotations

import json
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
