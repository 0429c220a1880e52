"""The GeoJSON download reads line by line: one feature per line, valid JSON throughout."""

from __future__ import annotations

import json

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
