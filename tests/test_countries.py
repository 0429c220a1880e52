"""Country outlines: derived, simplified and reproducible; country places name and sit in them."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
import yaml
from test_dataset import problems_of, write_dataset
from test_geo import SYNTHETIC_WORLD, _tarball, load_script, synthetic_countries

from builder.geometry import geo
from builder.geometry.polygons import contains, polygon_rings
from builder.maps.areas import event_shape_key, load_geography, place_shape, shape_for_key
from builder.maps.label import band_label, polygon_label
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"
COUNTRIES = GEO / geo.COUNTRY_FILE

# Capitals, from general knowledge (not from the data): each must fall inside its outline.
CAPITALS = {
    "AFG": (69.21, 34.56),  # Kabul
    "IRN": (51.39, 35.69),  # Tehran
    "KAZ": (71.47, 51.16),  # Astana
    "KGZ": (74.57, 42.87),  # Bishkek
    "TJK": (68.79, 38.56),  # Dushanbe
    "TKM": (58.33, 37.96),  # Ashgabat
    "UZB": (69.24, 41.30),  # Tashkent
}
# And a city of a neighbour close to each border, which must fall outside.
NEIGHBOUR_CITIES = {
    "TKM": (59.61, 36.30),  # Mashhad, Iran, about 150 km from Ashgabat
    "UZB": (69.63, 40.28),  # Khujand, Tajikistan
    "TJK": (68.86, 36.73),  # Kunduz, Afghanistan
    "KGZ": (71.60, 40.99),  # Namangan, Uzbekistan
}


def outlines() -> dict[str, dict]:
    return {f["id"]: f for f in geo.load_geojson(COUNTRIES)["features"]}


def _crossings(rings: list[list[tuple[float, float]]]) -> int:
    """Pairs of non-adjacent segments that properly cross, over all rings."""

    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    segments = [(a, b) for ring in rings for a, b in itertools.pairwise(ring)]
    segments.sort(key=lambda s: min(s[0][0], s[1][0]))
    found = 0
    for i, (a, b) in enumerate(segments):
        right = max(a[0], b[0])
        for c, d in segments[i + 1 :]:
            if min(c[0], d[0]) > right:
                break
            if side(c, d, a) * side(c, d, b) < 0 and side(a, b, c) * side(a, b, d) < 0:
                found += 1
    return found


# --- the committed file -------------------------------------------------------


def test_every_country_of_the_story_has_an_outline_with_provenance():
    features = outlines()
    script = load_script()
    assert sorted(features) == sorted(f"country-{iso.lower()}" for iso in script.COUNTRIES.values())
    for key, feature in features.items():
        props = feature["properties"]
        assert key == geo.country_area_id(props["iso_a3"])
        assert props["scale"] == "1:10m"
        assert "world-atlas@2.0.2" in props["source"]
        assert "public domain" in props["licence"]
        assert f"{script.SIMPLIFY_DEGREES}°" in props["simplified"]
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_the_file_is_small_and_its_provenance_is_written_down():
    assert COUNTRIES.stat().st_size < 250_000
    provenance = (GEO / "PROVENANCE.md").read_text(encoding="utf-8")
    section = provenance.split("## `countries.geojson`", 1)[1]
    script = load_script()
    assert f"{script.SIMPLIFY_DEGREES}°" in section
    assert "world-atlas@2.0.2" in section
    assert "Douglas" in section
    # The size quoted there is the size of the committed file, to the kilobyte.
    quoted = re.search(r"(\d+) KB", section)
    assert quoted
    assert int(quoted.group(1)) == round(COUNTRIES.stat().st_size / 1000)


@pytest.mark.parametrize("iso", sorted(CAPITALS))
def test_each_outline_holds_its_capital_and_not_a_neighbours_city(iso):
    geometry = outlines()[geo.country_area_id(iso)]["geometry"]
    assert contains(geometry, *CAPITALS[iso])
    for other, point in CAPITALS.items():
        if other != iso:
            assert not contains(geometry, *point), other
    if iso in NEIGHBOUR_CITIES:
        assert not contains(geometry, *NEIGHBOUR_CITIES[iso])


@pytest.mark.parametrize("key", sorted(outlines()))
def test_outlines_are_simple_closed_and_wound_as_rfc_7946_asks(key):
    script = load_script()
    parts = polygon_rings(outlines()[key]["geometry"])
    for rings in parts:
        for i, ring in enumerate(rings):
            assert len(ring) >= 4
            assert ring[0] == ring[-1]
            area = script.signed_area([list(p) for p in ring])
            assert area > 0 if i == 0 else area < 0
    assert _crossings([ring for rings in parts for ring in rings]) == 0
    # The main part comes first: labels and Leaflet's own centre use it.
    areas = [abs(script.signed_area([list(p) for p in rings[0]])) for rings in parts]
    assert areas[0] == max(areas)


def test_neighbours_meet_along_the_same_simplified_line():
    """Simplifying shared arcs once leaves no gap or overlap: Tajik vertices on the Afghan edge."""
    features = outlines()
    afghan = {p for ring in polygon_rings(features["country-afg"]["geometry"])[0] for p in ring}
    tajik = {p for rings in polygon_rings(features["country-tjk"]["geometry"]) for p in rings[0]}
    shared = afghan & tajik
    # The Panj line of the border file, simplified, keeps well over a dozen vertices.
    assert len(shared) > 20


# --- the derivation, on synthetic input ---------------------------------------


def test_douglas_peucker_drops_small_wiggles_and_keeps_large_ones():
    script = load_script()
    line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (3.0, 0.5), (4.0, 0.0)]
    # (1, 0.01) lies 0.01 off the chord from (0, 0) to (2, 0); (2, 0) lies 0.33 off the
    # chord from (0, 0) to (3, 0.5), so only the first goes.
    assert script.douglas_peucker(line, 0.02) == [(0.0, 0.0), (2.0, 0.0), (3.0, 0.5), (4.0, 0.0)]
    assert script.douglas_peucker(line, 0.005) == line
    assert script.douglas_peucker(line, 1.0) == [(0.0, 0.0), (4.0, 0.0)]
    # A closed arc (an island) keeps the vertex farthest from its start.
    island = [(0.0, 0.0), (0.5, 0.001), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
    assert (1.0, 1.0) in script.douglas_peucker(island, 0.02)


def test_derived_countries_share_simplified_borders_and_drop_specks(tmp_path):
    script = load_script()
    world = synthetic_countries()
    # A wiggle on the Afghan–Tajik edge, far below the tolerance: both sides lose it.
    world["arcs"][3] = [[1.0, 2.0], [1.001, 1.0], [1.0, 0.0]]
    # A speck of an island for Iran, smaller than the tolerance: dropped and counted.
    world["arcs"].append([[20.0, 5.0], [20.001, 5.0], [20.001, 5.001], [20.0, 5.0]])
    iran = next(g for g in world["objects"]["countries"]["geometries"] if g["id"] == "364")
    iran["type"] = "MultiPolygon"
    iran["arcs"] = [iran["arcs"], [[len(world["arcs"]) - 1]]]
    tarball = _tarball(tmp_path / "w.tgz", "package/countries-10m.json", world)
    result = {f["id"]: f for f in script.derive_countries(tarball)["features"]}
    afg = result["country-afg"]["geometry"]["coordinates"][0]
    tjk = result["country-tjk"]["geometry"]["coordinates"][0]
    assert [1.001, 1.0] not in afg
    assert [1.0, 2.0] in afg
    assert [1.0, 2.0] in tjk
    assert [1.0, 0.0] in tjk
    irn = result["country-irn"]
    assert irn["geometry"]["type"] == "Polygon"
    assert "1 ring too small to keep dropped" in irn["properties"]["simplified"]


def test_a_ring_that_does_not_close_stops_the_derivation(tmp_path):
    script = load_script()
    world = synthetic_countries()
    tajik = next(g for g in world["objects"]["countries"]["geometries"] if g["id"] == "762")
    tajik["arcs"] = [[8, -4]]  # arc 3 the wrong way round: the ring never returns
    tarball = _tarball(tmp_path / "w.tgz", "package/countries-10m.json", world)
    with pytest.raises(SystemExit, match="762 does not close"):
        script.derive_countries(tarball)


def test_a_missing_country_stops_the_derivation(tmp_path):
    script = load_script()
    tarball = _tarball(tmp_path / "w.tgz", "package/countries-10m.json", SYNTHETIC_WORLD)
    with pytest.raises(SystemExit, match=r"not in countries-10m\.json"):
        script.derive_countries(tarball)


# --- places and their shapes --------------------------------------------------


def test_every_country_place_resolves_to_its_own_outline():
    data = load_dataset(ROOT / "data")
    geography = load_geography(GEO)
    country_places = {k: p for k, p in data.places.items() if p.precision == "country"}
    assert len(country_places) >= 7
    for key, place in country_places.items():
        assert place.area == [geo.country_area_id(place.country)], key
        shape = place_shape(place, geography)
        assert shape is not None
        assert shape["kind"] == "country"
        outline = geography.areas[place.area[0]]["geometry"]
        assert contains(outline, place.lon, place.lat), key
        assert contains(outline, shape["label"][1], shape["label"][0]), key


def test_state_level_events_are_not_pinned_on_capitals():
    """The events the sources tie to a country only sit on country places, not on cities."""
    data = load_dataset(ROOT / "data")
    for event_id in (
        "kazakhstan-anka-reported",
        "turkmenistan-tb2-reported",
        "uzbekistan-starts-drone-production",
        "kyrgyzstan-buys-tb2",
    ):
        place = data.places[data.events[event_id].place]
        assert place.precision == "country", event_id
        assert data.precision(data.events[event_id]) == "country"


def test_a_country_level_event_on_a_city_place_is_drawn_as_the_country(tmp_path):
    data = load_dataset(ROOT / "data")
    geography = load_geography(GEO)
    event = data.events["kabiri-attends-tehran-conference"]
    assert event_shape_key(event, "locality", data.places, geography) is None
    key = event_shape_key(event, "country", data.places, geography)
    assert key == "country-irn"
    shape = shape_for_key(key, data.places, geography)
    assert shape["kind"] == "country"
    assert shape["latlngs"][0][0][0] == list(
        reversed(geography.areas["country-irn"]["geometry"]["coordinates"][0][0][0])
    )


def test_labels_sit_inside_their_shapes():
    geography = load_geography(GEO)
    kaz = geography.areas["country-kaz"]["geometry"]
    latlngs = [
        [[[lat, lon] for lon, lat in ring] for ring in rings] for rings in kaz["coordinates"]
    ]
    lat, lon = polygon_label(latlngs)
    assert contains(kaz, lon, lat)
    # Far from the edge: a degree of latitude inside in every direction.
    for dlat, dlon in ((1, 0), (-1, 0), (0, 1.4), (0, -1.4)):
        assert contains(kaz, lon + dlon, lat + dlat)
    lines = [[[0.0, 0.0], [0.0, 10.0]], [[5.0, 10.0], [10.0, 10.0]]]
    assert band_label(lines) == [5.0, 10.0]


# --- area_check ---------------------------------------------------------------


def _with_countries(folder: Path, precision: str = "country", area=None, lat=38.5, lon=68.8):
    geo_dir = folder / "geo"
    geo_dir.mkdir(exist_ok=True)
    square = [[[67.0, 37.0], [70.0, 37.0], [70.0, 40.0], [67.0, 40.0], [67.0, 37.0]]]
    features = [
        {
            "type": "Feature",
            "id": f"country-{iso}",
            "geometry": {"type": "Polygon", "coordinates": square},
            "properties": {"name": iso.upper(), "iso_a3": iso.upper()},
        }
        for iso in ("tjk", "uzb")
    ]
    (geo_dir / geo.COUNTRY_FILE).write_text(
        json.dumps({"type": "FeatureCollection", "features": features})
    )
    path = folder / "places.yaml"
    places = yaml.safe_load(path.read_text(encoding="utf-8"))
    places["town"].update(precision=precision, lat=lat, lon=lon)
    if area is not None:
        places["town"]["area"] = area
    path.write_text(yaml.safe_dump(places), encoding="utf-8")
    return folder


def test_a_country_place_naming_its_outline_is_valid(tmp_path):
    assert problems_of(_with_countries(write_dataset(tmp_path, {}), area="country-tjk")) == []


@pytest.mark.parametrize(
    ("precision", "area", "lat", "expected"),
    [
        ("country", None, 38.5, "town.area: is missing: a country place names its outline"),
        ("country", "country-uzb", 38.5, "town.area: must be the outline of the place's own"),
        ("country", "country-tjk", 45.0, "town.lat: the point lies outside the outline"),
        ("province", "country-tjk", 38.5, "town.area: names a whole country (country-tjk)"),
    ],
)
def test_country_outlines_go_with_country_places(tmp_path, precision, area, lat, expected):
    folder = _with_countries(write_dataset(tmp_path, {}), precision, area, lat)
    problems = problems_of(folder)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"data/places.yaml: {expected}"), problems
