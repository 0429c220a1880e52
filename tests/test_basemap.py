"""The derived basemap file: what it holds, where it reaches, and that its names are right."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest
import yaml

from builder.geometry.basemap import BASEMAP_PATH, BASEMAP_SOURCE, basemap_files

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"


@pytest.fixture(scope="module")
def topology() -> dict:
    return json.loads(BASEMAP_SOURCE.read_text(encoding="utf-8"))


def arcs_of(topology: dict) -> list[list[tuple[float, float]]]:
    """Decode the delta-encoded, quantized arcs (written here, not taken from the script)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def rings(geometry: dict, arcs: list) -> list[list[tuple[float, float]]]:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    out = []
    for polygon in polygons:
        for refs in polygon:
            ring: list[tuple[float, float]] = []
            for ref in refs:
                points = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
                ring.extend(points if not ring else points[1:])
            out.append(ring)
    return out


def contains(rings_: list, point: tuple[float, float]) -> bool:
    x, y = point
    hit = False
    for ring in rings_:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def position(topology: dict, point: dict) -> tuple[float, float]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    qx, qy = point["coordinates"]
    return (qx * sx + tx, qy * sy + ty)


def test_the_file_holds_both_levels_and_the_places(topology):
    assert topology["type"] == "Topology"
    objects = topology["objects"]
    for name in ("countries", "countries_detail", "places"):
        assert objects[name]["type"] == "GeometryCollection"
        assert objects[name]["geometries"]
    for name in ("borders", "borders_detail", "borders_outside_detail"):
        assert objects[name]["type"] == "MultiLineString"
        assert objects[name]["arcs"]
    # Every arc an object names exists.
    count = len(topology["arcs"])
    refs = [
        r
        for name in ("borders", "borders_detail", "borders_outside_detail")
        for line in objects[name]["arcs"]
        for r in line
    ]
    for name in ("countries", "countries_detail"):
        for g in objects[name]["geometries"]:
            polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
            refs.extend(r for polygon in polygons for ring in polygon for r in ring)
    assert all(-count <= r < count for r in refs)


def test_the_file_is_small_enough_for_the_map_budget():
    # The whole map document with everything it loads must stay under 150 KB gz.
    assert len(gzip.compress(BASEMAP_SOURCE.read_bytes(), 6)) < 60 * 1024


def test_the_build_serves_the_committed_file_unchanged():
    assert basemap_files() == {BASEMAP_PATH: BASEMAP_SOURCE.read_bytes()}


def test_the_overview_covers_every_country_of_the_story_and_every_place(topology):
    west, south, east, north = topology["bbox"]
    outlines = json.loads((GEO / "countries.geojson").read_text(encoding="utf-8"))
    for feature in outlines["features"]:  # Kazakhstan and Iran whole among them
        coordinates = feature["geometry"]["coordinates"]
        points = _positions(coordinates)
        assert all(west <= x <= east and south <= y <= north for x, y in points), feature["id"]
    places = yaml.safe_load((ROOT / "data" / "places.yaml").read_text(encoding="utf-8"))
    for place_id, place in places.items():
        assert west <= place["lon"] <= east, place_id
        assert south <= place["lat"] <= north, place_id
    ids = {g.get("id") for g in topology["objects"]["countries"]["geometries"]}
    assert {f["properties"]["iso_a3"] for f in outlines["features"]} <= ids
    assert {"PAK", "CHN", "RUS", "IND"} <= ids


def _positions(coordinates) -> list[tuple[float, float]]:
    if isinstance(coordinates[0], (int, float)):
        return [(coordinates[0], coordinates[1])]
    return [p for part in coordinates for p in _positions(part)]


def test_the_detail_level_covers_the_close_maps(topology):
    west, south, east, north = topology["properties"]["detail"]["box"]
    for name in ("afghanistan-tajikistan-border", "afghanistan-northern-borders"):
        lines = json.loads((GEO / f"{name}.geojson").read_text(encoding="utf-8"))
        for feature in lines["features"]:
            for x, y in _positions(feature["geometry"]["coordinates"]):
                assert west <= x <= east
                assert south <= y <= north
    ids = {g.get("id") for g in topology["objects"]["countries_detail"]["geometries"]}
    assert {"AFG", "TJK", "UZB", "TKM", "KGZ", "IRN", "PAK", "CHN", "KAZ"} <= ids


def test_afghanistan_and_tajikistan_and_their_neighbours_are_set_apart(topology):
    for name in ("countries", "countries_detail"):
        groups: dict[str, set[str]] = {}
        for g in topology["objects"][name]["geometries"]:
            groups.setdefault(g["properties"]["group"], set()).add(g.get("id"))
        assert groups["focus"] == {"AFG", "TJK"}
        # Every country bordering either of them, and no other.
        assert groups["neighbour"] == {"UZB", "TKM", "KGZ", "IRN", "PAK", "CHN"}
        assert "KAZ" in groups["other"]


def test_every_named_country_and_capital_lies_in_its_country(topology):
    arcs = arcs_of(topology)
    shapes = {
        g["id"]: rings(g, arcs) for g in topology["objects"]["countries"]["geometries"] if "id" in g
    }
    named = topology["objects"]["places"]["geometries"]
    kinds = {p["properties"]["kind"] for p in named}
    assert kinds == {"country", "capital", "river"}
    for place in named:
        props = place["properties"]
        assert props["name"]
        assert props["zoom"] >= 0
        if props["kind"] in ("country", "capital"):
            assert props["country"] in shapes, props["name"]
            assert contains(shapes[props["country"]], position(topology, place)), props["name"]
    names = {p["properties"]["name"] for p in named}
    assert {"Afghanistan", "Tajikistan", "Kabul", "Dushanbe", "Panj", "Amu Darya"} <= names


def test_the_capitals_of_the_story_agree_with_the_gazetteer(topology):
    places = yaml.safe_load((ROOT / "data" / "places.yaml").read_text(encoding="utf-8"))
    capitals = {
        p["properties"]["name"]: position(topology, p)
        for p in topology["objects"]["places"]["geometries"]
        if p["properties"]["kind"] == "capital"
    }
    quantum = topology["transform"]["scale"][0]
    for place_id in ("kabul", "dushanbe", "tehran"):
        x, y = capitals[places[place_id]["name"].split(",")[0]]
        assert abs(x - places[place_id]["lon"]) <= quantum
        assert abs(y - places[place_id]["lat"]) <= quantum


def test_the_rivers_are_named_on_the_border_they_form(topology):
    def distance_to(line, point):
        return min(abs(px - point[0]) + abs(py - point[1]) for px, py in line)

    tajik = json.loads((GEO / "afghanistan-tajikistan-border.geojson").read_text("utf-8"))
    northern = json.loads((GEO / "afghanistan-northern-borders.geojson").read_text("utf-8"))
    lines = {f["id"]: _positions(f["geometry"]["coordinates"]) for f in tajik["features"]}
    lines.update({f["id"]: _positions(f["geometry"]["coordinates"]) for f in northern["features"]})
    rivers = [
        p for p in topology["objects"]["places"]["geometries"] if p["properties"]["kind"] == "river"
    ]
    assert {r["properties"]["border"] for r in rivers} == {
        "afghanistan-tajikistan",
        "afghanistan-uzbekistan",
    }
    for river in rivers:
        line = lines[river["properties"]["border"]]
        assert distance_to(line, position(topology, river)) <= 2 * topology["transform"]["scale"][0]


def test_a_hand_made_map_page_gets_the_basemap_after_leaflet():
    from builder.geometry.basemap import BASEMAP_CSS, BASEMAP_JS, TOPOJSON_JS, head_tags

    tags = head_tags("../")
    # topojson-client first: basemap.js needs it when it runs.
    assert tags.index(f'src="../{TOPOJSON_JS}"') < tags.index(f'src="../{BASEMAP_JS}"')
    assert f'href="../{BASEMAP_CSS}"' in tags
    for path in (BASEMAP_JS, BASEMAP_CSS):
        assert (ROOT / "docs" / path).is_file()
