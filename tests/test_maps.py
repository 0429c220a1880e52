"""Map documents: self-hosted, escaped, reproducible, data-driven and scalable."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest
import yaml
from pyproj import Geod

from benchmarks.synthetic import write_events
from builder import maps
from builder.geometry.polygons import contains
from builder.html import embeds
from builder.maps import factory
from builder.maps.areas import load_geography
from builder.maps.features import located_features
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
MAP_NAMES = ("factory", "border", "deployments", "regional")
PAYLOAD = "<img src=x onerror=alert(1)> </script><script>alert(2)</script> `${alert(3)}`"


class Document(HTMLParser):
    """Collects elements, script sources, stylesheet links and inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script" and not dict(attrs).get("src")
        if self._in_script:
            self.inline_scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline_scripts[-1] += data

    def named(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def parse(html: str) -> Document:
    doc = Document()
    doc.feed(html)
    return doc


@pytest.fixture(scope="module")
def data():
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def documents(data):
    return maps.render_all(data)


@pytest.fixture(scope="module")
def map_embeds(data):
    return maps.embeds_for(data)


def test_render_all_makes_the_four_maps_and_the_locator(documents):
    assert sorted(documents) == sorted(
        [f"maps/{n}.html" for n in MAP_NAMES]
        + ["maps/locator.html", "maps/details.json"]
        + ["maps/story.html", "maps/story-opening.html"]
        + ["maps/explore.html"]
    )
    assert {f"map:{n}" for n in MAP_NAMES} <= set(maps.EMBEDS)


def test_charts_can_still_import_the_category_colours():
    from builder.charts import CATEGORY_COLOURS as used_by_charts

    assert used_by_charts is maps.CATEGORY_COLOURS


@pytest.mark.parametrize("name", [*MAP_NAMES, "locator"])
def test_documents_load_only_the_sites_own_leaflet_script_and_styles(documents, name):
    html = documents[f"maps/{name}.html"]
    doc = parse(html)
    # The document loads map-loader.js alone; the rest it adds as the map nears the screen.
    assert [a["src"] for a in doc.named("script") if a.get("src")] == ["../assets/js/map-loader.js"]
    scripts = json.loads(re.search(r"DRLoader\.whenNear\((\[.*?\]), function", html).group(1))
    styles = [a["href"] for a in doc.named("link") if a.get("rel") == "stylesheet"]
    assert scripts == [
        "../assets/vendor/leaflet/leaflet.js",
        "../assets/vendor/topojson-client/topojson-client.min.js",
        "../assets/js/basemap.js",
        "../assets/js/map-layers.js",
        "../assets/vendor/rbush/rbush.min.js",
        "../assets/js/labels.js",
    ]
    assert styles == [
        "../assets/vendor/leaflet/leaflet.css",
        "../assets/css/basemap.css",
        "../assets/css/map-document.css",
        "../assets/css/map-layout.css",
    ]
    for attrs in doc.named("script") + doc.named("link"):
        for url in (attrs.get("src"), attrs.get("href")):
            assert not url or "//" not in url
    assert all("//" not in url for url in scripts)


@pytest.mark.parametrize("name", [*MAP_NAMES, "locator"])
def test_documents_have_a_language_a_title_and_allow_pinch_zoom(documents, name):
    doc = parse(documents[f"maps/{name}.html"])
    assert doc.named("html")[0].get("lang") == "en"
    viewport = next(a for a in doc.named("meta") if a.get("name") == "viewport")
    assert "user-scalable=no" not in viewport["content"]
    assert "maximum-scale" not in viewport["content"]
    assert any(tag == "title" for tag, _ in doc.tags)


@pytest.mark.parametrize("name", [*MAP_NAMES, "locator"])
def test_documents_have_no_inline_event_handlers_or_eval(documents, name):
    doc = parse(documents[f"maps/{name}.html"])
    for _, attrs in doc.tags:
        assert not [a for a in attrs if a.startswith("on")]
    for script in doc.inline_scripts:
        assert "eval(" not in script
        assert "new Function" not in script
    source = (ROOT / "docs/assets/js/map-layers.js").read_text(encoding="utf-8")
    js = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.DOTALL)
    assert ".innerHTML" not in js
    assert ".insertAdjacentHTML" not in js
    assert "eval(" not in js
    assert "new Function" not in js


def test_two_processes_render_byte_identical_maps(tmp_path):
    code = (
        "import hashlib, sys; from pathlib import Path; "
        "from builder.record.validate import load_dataset; from builder import maps; "
        "docs = maps.render_all(load_dataset(Path('data'))); "
        "print({k: hashlib.sha256(v.encode()).hexdigest() for k, v in sorted(docs.items())})"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    assert "maps/regional.html" in runs[0]


def test_element_ids_come_from_a_counter_not_random_hex(documents):
    for name in MAP_NAMES:
        doc = parse(documents[f"maps/{name}.html"])
        ids = [a["id"] for a in doc.named("div") if a.get("id", "").startswith("map_")]
        assert ids == [f"map_{name}_1"]
        assert not re.search(r"_[0-9a-f]{32}\b", documents[f"maps/{name}.html"])


def _write_payload_project(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    for name in ("sources.yaml", "places.yaml", "actors.yaml", "systems.yaml"):
        (data_dir).mkdir(exist_ok=True)
        (data_dir / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"))
    # Places name their areas in data/geo/, which validation reads.
    shutil.copytree(ROOT / "data" / "geo", data_dir / "geo")
    (data_dir / "events").mkdir()
    for path in (ROOT / "data/events").glob("*.yaml"):
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.stem in ("taliban-suicide-squads-badakhshan", "ababil-2-factory-opens"):
            event["title"] = f"Hostile {PAYLOAD}"
            event["summary"] = f"Hostile summary {PAYLOAD}"
        (data_dir / "events" / path.name).write_text(yaml.safe_dump(event), encoding="utf-8")
    sources = yaml.safe_load((data_dir / "sources.yaml").read_text(encoding="utf-8"))
    sources["gosselin-malo-2022"]["title"] = f"Hostile source {PAYLOAD}"
    (data_dir / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    places = yaml.safe_load((data_dir / "places.yaml").read_text(encoding="utf-8"))
    places["badakhshan-province"]["name"] = f"Hostile place {PAYLOAD}"
    (data_dir / "places.yaml").write_text(yaml.safe_dump(places), encoding="utf-8")
    return data_dir


def test_hostile_text_never_becomes_markup_in_documents_or_text_versions(tmp_path):
    data = load_dataset(_write_payload_project(tmp_path))
    documents = maps.render_all(data)
    details = json.loads(documents.pop("maps/details.json"))
    # Fetched and parsed as JSON, never as HTML: the text arrives exactly as written.
    assert details["sources"]["gosselin-malo-2022"]["title"] == f"Hostile source {PAYLOAD}"
    for path, html in documents.items():
        doc = parse(html)
        assert not doc.named("img"), path
        # Exactly the scripts folium and the builder wrote: none injected by the payload.
        assert len(doc.named("script")) == len(
            parse(maps.render_all(load_dataset(ROOT / "data"))[path]).named("script")
        ), path
        for script in doc.inline_scripts:
            assert "alert(2)</script>" not in script
    hostile_embeds = maps.embeds_for(data)
    for name in MAP_NAMES:
        text_version = embeds.map_html(hostile_embeds[f"map:{name}"], "../")
        doc = parse(text_version)
        assert not doc.named("img")
        assert not doc.named("script")


def test_text_versions_show_the_data_they_were_made_for_whatever_renders_later(tmp_path, data):
    # Pure: embeds carry their own dataset; rendering another one changes nothing.
    real = maps.embeds_for(data)
    hostile = load_dataset(_write_payload_project(tmp_path))
    maps.render_all(hostile)
    maps.embeds_for(hostile)
    html = embeds.map_html(real["map:regional"], "../")
    assert "Hostile" not in html
    located = [eid for eid, ev in data.events.items() if data.coordinates(ev) is not None]
    assert all(f"../events/{eid}/" in html for eid in located)
    assert not hasattr(maps, "_last_build")


@pytest.mark.parametrize("prefix", ["", "../", "../../"])
def test_a_text_version_made_once_links_as_the_page_that_places_it(tmp_path, data, prefix):
    # Made once from the site's root, then given each placing page's prefix: the same HTML
    # as made for that page, with the record's text and with hostile text in every cell.
    geography = load_geography()
    hostile = load_dataset(_write_payload_project(tmp_path))
    for dataset in (data, hostile):
        placed = maps.embeds_for(dataset)
        for name in MAP_NAMES:
            alternative = placed[f"map:{name}"].alternative
            assert alternative is not None
            made_for_page = maps.MAPS[name][1](dataset, geography, prefix)
            assert alternative(prefix) == made_for_page, name
            assert f'href="{prefix}events/' in made_for_page, name


def test_hostile_text_arrives_intact_as_data(tmp_path):
    data = load_dataset(_write_payload_project(tmp_path))
    geography = load_geography()
    features = located_features(data, geography, ["ababil-2-factory-opens"])
    assert features[0]["properties"]["title"] == f"Hostile {PAYLOAD}"
    # Summaries are Markdown: rendered and sanitised, so the tags are gone, the words stay.
    summary = features[0]["properties"]["summary"]
    assert summary.startswith("Hostile summary")
    assert "<img" not in summary
    assert "<script" not in summary


def test_ring_is_geodesic_at_the_range_the_data_gives(data):
    systems = yaml.safe_load((ROOT / "data/systems.yaml").read_text(encoding="utf-8"))
    range_km = systems[factory.FACTORY_SYSTEM]["range_km"]["value"]
    places = yaml.safe_load((ROOT / "data/places.yaml").read_text(encoding="utf-8"))
    site = places["ababil-2-factory-dushanbe"]
    ring = factory.ring_lonlats((site["lat"], site["lon"]), range_km)
    geod = Geod(ellps="WGS84")
    for lon, lat in ring:
        km = geod.inv(site["lon"], site["lat"], lon, lat)[2] / 1000
        assert km == pytest.approx(range_km, abs=0.01)
    assert ring[0] == ring[-1]


def test_factory_text_version_states_range_and_endurance_with_their_source(data, map_embeds):
    html = embeds.map_html(map_embeds["map:factory"], "../")
    rows = {
        cells[0]: cells[1] for cells in re.findall(r"<tr><td>([^<]*)</td><td>(.*?)</td></tr>", html)
    }
    systems = yaml.safe_load((ROOT / "data/systems.yaml").read_text(encoding="utf-8"))
    ababil = systems["ababil-2"]
    source = yaml.safe_load((ROOT / "data/sources.yaml").read_text(encoding="utf-8"))[
        ababil["range_km"]["source"]
    ]
    assert f"{ababil['range_km']['value']:g} km" in rows["Range"]
    assert source["publisher"] in rows["Range"]
    assert f"{ababil['endurance_h']['value']:g} h" in rows["Endurance"]


def test_approximate_places_become_areas_and_towns_stay_pins(data):
    geography = load_geography()
    places = yaml.safe_load((ROOT / "data/places.yaml").read_text(encoding="utf-8"))
    for feature in located_features(data, geography):
        props = feature["properties"]
        event = yaml.safe_load(
            (ROOT / "data/events" / f"{props['id']}.yaml").read_text(encoding="utf-8")
        )
        precision = event.get("precision") or places[event["place"]]["precision"]
        is_area = "shape" in props or "radius_km" in props
        assert is_area == (precision in ("district", "province", "region", "country")), props["id"]
    badakhshan = located_features(data, geography, ["taliban-suicide-squads-badakhshan"])[0]
    assert badakhshan["properties"]["shape"] == "badakhshan-province"


def test_event_layers_do_not_grow_in_objects_with_more_events(tmp_path, data):
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    write_events(data_dir, 300)
    big = maps.render_all(load_dataset(data_dir))["maps/regional.html"]
    small = maps.render_all(data)["maps/regional.html"]
    # Events are data in one GeoJSON layer per category, not one Leaflet object each.
    assert big.count("DR.events(") == small.count("DR.events(") == 7
    assert len(parse(big).inline_scripts) == len(parse(small).inline_scripts)
    assert len(big) > len(small) + 300 * 100


def test_summaries_and_sources_live_in_the_shared_details_file_not_in_each_map(data, documents):
    details = json.loads(documents["maps/details.json"])
    events = yaml.safe_load(
        (ROOT / "data/events/ababil-2-factory-opens.yaml").read_text(encoding="utf-8")
    )
    entry = details["events"]["ababil-2-factory-opens"]
    assert entry["sources"] == events["sources"]
    assert entry["summary"].startswith(" ".join(events["summary"].split())[:40])
    for source_id in events["sources"]:
        assert details["sources"][source_id]["url"].startswith("http")
    # The map itself carries only what draws and labels the shape.
    assert " ".join(events["summary"].split())[:40] not in documents["maps/regional.html"]
    located = {eid for eid, ev in data.events.items() if data.coordinates(ev) is not None}
    assert set(details["events"]) == located


def test_text_version_lists_every_event_of_the_map_with_a_link(data, map_embeds):
    html = embeds.map_html(map_embeds["map:regional"], "../")
    doc = parse(html)
    links = {a["href"] for a in doc.named("a")}
    located = [eid for eid, ev in data.events.items() if data.coordinates(ev) is not None]
    assert located
    for event_id in located:
        assert f"../events/{event_id}/" in links
    assert doc.named("table")
    assert any(tag == "caption" for tag, _ in doc.tags)


# --- shapes come from each place's area in the data ---------------------------


def _call(html: str, function: str) -> dict:
    """The JSON a map document passes to ``DR.<function>``."""
    match = re.search(rf"DR\.{function}\([^,]+, (.*?)\);\n", html)
    assert match, function
    return json.loads(match.group(1))


def _geo_features(name: str) -> dict[str, dict]:
    data = json.loads((ROOT / "data/geo" / name).read_text(encoding="utf-8"))
    return {f["id"]: f for f in data["features"]}


def _as_latlngs(line: list[list[float]]) -> list[list[float]]:
    return [[lat, lon] for lon, lat in line]


def _assert_thinned_from(drawn: list[list[float]], source: list[list[float]]) -> None:
    """``drawn`` is ``source`` thinned for drawing: same ends, only its vertices, 3 decimals."""
    rounded = [[round(lat, 3), round(lon, 3)] for lat, lon in source]
    assert drawn[0] == rounded[0]
    assert drawn[-1] == rounded[-1]
    assert 2 <= len(drawn) <= len(rounded)
    assert all(vertex in rounded for vertex in drawn)


def test_fighters_on_the_frontier_are_a_band_along_all_three_borders(documents):
    html = documents["maps/deployments.html"]
    shapes = _call(html, "setup")["shapes"]
    band = shapes["afghanistan-northern-border"]
    assert band["kind"] == "band"
    lines = {
        **_geo_features("afghanistan-northern-borders.geojson"),
        **_geo_features("afghanistan-tajikistan-border.geojson"),
    }
    # Each line of the band is its border line thinned for drawing: the same ends, and
    # only vertices of that line (to the 3 decimals a drawn shape keeps).
    sources = [
        [[round(lat, 3), round(lon, 3)] for lat, lon in _as_latlngs(f["geometry"]["coordinates"])]
        for f in lines.values()
    ]
    assert len(band["latlngs"]) == len(sources)
    for drawn in band["latlngs"]:
        source = next(s for s in sources if s[0] == drawn[0] and s[-1] == drawn[-1])
        assert 2 <= len(drawn) <= len(source)
        assert all(vertex in source for vertex in drawn)
    feature = next(
        f
        for layer in re.findall(r"= DR\.events\((.*?)\);\n", html)
        for f in json.loads(layer)["features"]
        if f["id"] == "taliban-post-fighters-on-northern-border"
    )
    assert feature["properties"]["shape"] == "afghanistan-northern-border"
    assert "radius_km" not in feature["properties"]
    assert feature["properties"]["approximate"].startswith("approximate")
    # The view takes in the whole band, out to the Turkmen border's western end.
    (south, west), (north, east) = _call(html, "finish")["bounds"]
    for line in sources:
        for lat, lon in line:
            assert south <= lat <= north
            assert west <= lon <= east


def test_deployments_map_draws_all_northern_border_lines_and_says_the_band_is_approximate(
    documents,
):
    html = documents["maps/deployments.html"]
    assert "Afghanistan–Uzbekistan border (Natural Earth 1:10m line)" in html
    assert "Afghanistan–Turkmenistan border (Natural Earth 1:10m line)" in html
    assert "approximate: no positions given" in html
    assert 'radius_km":150' not in html


def _copy_data(tmp_path: Path, change) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    path = data_dir / "places.yaml"
    places = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(places)
    path.write_text(yaml.safe_dump(places, allow_unicode=True), encoding="utf-8")
    return data_dir


def test_the_map_draws_the_area_the_data_names(tmp_path):
    data_dir = _copy_data(tmp_path, lambda p: p["badakhshan-province"].update(area="kunduz"))
    html = maps.render_all(load_dataset(data_dir), data_dir / "geo")["maps/deployments.html"]
    drawn = _call(html, "setup")["shapes"]["badakhshan-province"]
    kunduz = _geo_features("afghanistan-provinces.geojson")["kunduz"]["geometry"]
    polygons = [kunduz["coordinates"]] if kunduz["type"] == "Polygon" else kunduz["coordinates"]
    assert drawn["kind"] == "polygon"
    assert len(drawn["latlngs"]) == len(polygons)
    for drawn_polygon, polygon in zip(drawn["latlngs"], polygons, strict=True):
        for drawn_ring, ring in zip(drawn_polygon, polygon, strict=True):
            _assert_thinned_from(drawn_ring, _as_latlngs(ring))
    # The always-visible label goes inside Kunduz, not at Badakhshan's point.
    assert contains(kunduz, drawn["label"][1], drawn["label"][0])
    maps.render_all(load_dataset(ROOT / "data"))  # leave the embeds on the real data


def test_a_place_without_area_falls_back_to_a_circle(tmp_path):
    data_dir = _copy_data(tmp_path, lambda p: p["afghanistan-northern-border"].pop("area"))
    data = load_dataset(data_dir)
    feature = located_features(
        data, load_geography(data_dir / "geo"), ["taliban-post-fighters-on-northern-border"]
    )[0]
    assert "shape" not in feature["properties"]
    assert feature["properties"]["radius_km"] > 0


def test_every_map_title_names_its_place_once(documents):
    """A title built from a place name must not repeat what that name already says."""
    places = yaml.safe_load((ROOT / "data/places.yaml").read_text(encoding="utf-8"))
    for name, html in documents.items():
        if not name.endswith(".html"):
            continue
        element = html5lib.parse(html, namespaceHTMLElements=False).find("head/title")
        assert element is not None, name
        title = element.text or ""
        assert title, name
        for place in places.values():
            assert title.count(place["name"]) <= 1, (name, title)
        words = re.findall(r"[\w-]+", title.lower())
        repeated = {w for w in words if len(w) > 6 and words.count(w) > 1}
        assert not repeated, (name, title)
