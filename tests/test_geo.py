"""The derived border and province geometry, its provenance, and builder.geo."""

from __future__ import annotations

import importlib.util
import inspect
import io
import itertools
import json
import math
import tarfile
from pathlib import Path

import pytest
import yaml

from builder import geo

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"
BORDER = GEO / "afghanistan-tajikistan-border.geojson"
PROVINCES = GEO / "afghanistan-provinces.geojson"
PROVENANCE = GEO / "PROVENANCE.md"
EARTH_MEAN_RADIUS_KM = 6371.0088  # IUGG mean radius
WGS84_EQUATOR_KM = 2 * math.pi * 6378.137  # circumference along the equator


def haversine_km(line: list[tuple[float, float]]) -> float:
    """Great-circle length on a sphere, independent of pyproj."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(line):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * EARTH_MEAN_RADIUS_KM * math.asin(math.sqrt(a))
    return total


def point_in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Even-odd rule point-in-polygon test."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


@pytest.fixture(scope="module")
def border() -> dict:
    return geo.load_border(BORDER)


@pytest.fixture(scope="module")
def places() -> dict:
    return yaml.safe_load((ROOT / "data" / "places.yaml").read_text(encoding="utf-8"))


# --- provenance --------------------------------------------------------------


def test_provenance_file_names_source_and_licence():
    assert PROVENANCE.exists(), "data/geo/PROVENANCE.md is missing"
    text = PROVENANCE.read_text(encoding="utf-8")
    assert "Natural Earth" in text
    assert "public domain" in text.lower()
    assert "licence" in text.lower() or "license" in text.lower()
    assert "scripts/derive_geo.py" in text


def test_border_feature_carries_source_and_licence(border):
    features = border["features"]
    assert len(features) == 1
    props = features[0]["properties"]
    assert "Natural Earth" in props["source"]
    assert props["licence"].strip()
    assert props["scale"] == "1:10m"
    assert features[0]["geometry"]["type"] == "LineString"


def test_province_features_carry_source_and_licence():
    data = geo.load_geojson(PROVINCES)
    names = {f["properties"]["name"] for f in data["features"]}
    assert {"Badakhshan", "Takhar"} <= names
    for feature in data["features"]:
        assert feature["properties"]["source"].strip()
        assert feature["properties"]["licence"].strip()


# --- the border line ----------------------------------------------------------


def test_measured_length_is_plausible(border):
    km = geo.border_length_km(border)
    assert 1100 <= km <= 1400, km


def test_length_agrees_with_independent_haversine(border):
    line = geo.line_coordinates(border)[0]
    ellipsoid, sphere = geo.border_length_km(border), haversine_km(line)
    assert abs(ellipsoid - sphere) / sphere < 0.005


def test_stored_length_matches_geometry(border):
    stored = border["features"][0]["properties"]["length_km"]
    assert stored == pytest.approx(geo.border_length_km(border), abs=0.05)


def test_border_stays_in_the_region(border):
    """The frontier lies between about 67.5 and 75.5 E and 36.5 and 38.7 N."""
    for lon, lat in geo.line_coordinates(border)[0]:
        assert 67.5 <= lon <= 75.5, (lon, lat)
        assert 36.5 <= lat <= 38.7, (lon, lat)


@pytest.mark.parametrize("path", [BORDER, PROVINCES])
def test_geojson_is_written_deterministically(path):
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert text == canonical + "\n"
    assert len(text.encode("utf-8")) < 150_000
    for number in json.dumps(data["features"][0]["geometry"]["coordinates"][:50]).split(","):
        digits = number.strip("[] ").partition(".")[2]
        assert len(digits) <= 5, number


def test_border_place_lies_on_the_line(border, places):
    place = places["afghanistan-tajikistan-border"]
    nearest = min(
        haversine_km([(place["lon"], place["lat"]), point])
        for point in geo.line_coordinates(border)[0]
    )
    assert nearest < 5, nearest


@pytest.mark.parametrize(
    ("place_id", "province"),
    [("badakhshan-province", "Badakhshan"), ("takhar-province", "Takhar")],
)
def test_province_points_lie_inside_their_province(places, place_id, province):
    data = geo.load_geojson(PROVINCES)
    feature = next(f for f in data["features"] if f["properties"]["name"] == province)
    geometry = feature["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    point = places[place_id]
    assert any(point_in_ring(point["lon"], point["lat"], poly[0]) for poly in polygons)


# --- builder.geo as a library -------------------------------------------------


def test_one_degree_along_the_equator():
    line = {"type": "LineString", "coordinates": [[0.0, 0.0], [1.0, 0.0]]}
    assert geo.border_length_km(line) == pytest.approx(WGS84_EQUATOR_KM / 360, rel=1e-6)


def test_multilinestring_sums_its_parts():
    part = [[10.0, 0.0], [11.0, 0.0]]
    single = geo.border_length_km({"type": "LineString", "coordinates": part})
    double = geo.border_length_km({"type": "MultiLineString", "coordinates": [part, part]})
    assert double == pytest.approx(2 * single)


def test_no_line_is_an_error():
    with pytest.raises(ValueError, match="no LineString"):
        geo.border_length_km({"type": "FeatureCollection", "features": []})


def test_figures_name_their_sources(border):
    sources = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))
    figures = geo.border_figures(border)
    assert [f.km for f in figures[:2]] == [1300.0, 1344.0]
    assert figures[0].source in sources
    assert figures[1].source is None
    assert "not from the article's sources" in figures[1].note
    assert 1100 <= figures[2].km <= 1400
    text = geo.why_they_differ(figures[2].km)
    assert "meander" in text
    assert "1:10m" in text


def test_geo_module_is_small_and_documented():
    source = inspect.getsource(geo)
    assert len(source.splitlines()) < 200
    for name, obj in vars(geo).items():
        if name.startswith("_") or getattr(obj, "__module__", geo.__name__) != geo.__name__:
            continue
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert inspect.getdoc(obj), f"{name} has no docstring"


# --- the derivation script, on a synthetic topology ---------------------------


def load_script():
    spec = importlib.util.spec_from_file_location("derive_geo", ROOT / "scripts" / "derive_geo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_arc_decoding_undoes_delta_quantization():
    script = load_script()
    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [10.0, 20.0]},
        "arcs": [[[0, 0], [2, 4], [2, -4]]],
    }
    assert script.decode_arcs(topology) == [[(10.0, 20.0), (11.0, 21.0), (12.0, 20.0)]]
    assert script.arc_index(-1) == 0
    assert script.arc_index(3) == 3


def test_stitch_reverses_negative_arcs():
    script = load_script()
    arcs = [[(0, 0), (1, 0)], [(0, 1), (1, 0)]]
    assert script.stitch([0, -2], arcs) == [(0, 0), (1, 0), (0, 1)]


def test_shared_arc_becomes_the_border(tmp_path):
    """Two squares sharing one edge: the derived line is that edge, 1 degree long."""
    script = load_script()
    topology = {
        "type": "Topology",
        "arcs": [
            [[0.0, 0.0], [0.0, 1.0]],  # shared edge x=0
            [[0.0, 1.0], [-1.0, 1.0], [-1.0, 0.0], [0.0, 0.0]],
            [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]],
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "id": "004", "arcs": [[0, 1]]},
                    {"type": "Polygon", "id": "762", "arcs": [[2, -1]]},
                ],
            }
        },
    }
    tarball = tmp_path / "world.tgz"
    payload = json.dumps(topology).encode()
    with tarfile.open(tarball, "w:gz") as archive:
        info = tarfile.TarInfo("package/countries-10m.json")
        info.size = len(payload)
        archive.addfile(info, io.BytesIO(payload))
    result = script.derive_border(tarball)
    feature = result["features"][0]
    assert feature["geometry"]["coordinates"] == [[0.0, 0.0], [0.0, 1.0]]
    assert feature["properties"]["length_km"] == pytest.approx(110.6, abs=0.1)
