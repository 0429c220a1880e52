"""Check the ``area`` each place names against the shapes in ``data/geo/``.

Pure: reads only the GeoJSON files under the data folder it is given, and
returns problems instead of raising.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from builder.geometry import geo, polygons
from builder.record.load import Problem
from builder.record.schema import Place

AREA_PRECISIONS = frozenset({"district", "province", "region", "country"})
"""Precisions of places drawn as an area; finer places are pins and take no ``area``."""


def _country_problems(
    key: str, place: Place, areas: dict[str, tuple[str, dict[str, Any]]], path: str
) -> list[Problem]:
    """Country outlines go with country places: the place's own country, its point inside."""
    ids = place.area or []
    outlines = [a for a in ids if a in areas and areas[a][0] == geo.COUNTRY_FILE]
    own = geo.country_area_id(place.country)
    found = []
    if place.precision != "country":
        if outlines:
            found.append(
                Problem(
                    path,
                    f"{key}.area",
                    f"names a whole country ({', '.join(outlines)}) but the place is a "
                    f"'{place.precision}'; only a place with precision 'country' is drawn as one",
                )
            )
        return found
    if not ids:
        if own in areas:
            found.append(
                Problem(
                    path, f"{key}.area", f"is missing: a country place names its outline '{own}'"
                )
            )
        return found
    if ids != [own]:
        found.append(
            Problem(
                path,
                f"{key}.area",
                f"must be the outline of the place's own country ({place.country}): '{own}'",
            )
        )
    elif own in areas and not polygons.contains(areas[own][1]["geometry"], place.lon, place.lat):
        found.append(
            Problem(path, f"{key}.lat", f"the point lies outside the outline '{own}' it stands for")
        )
    return found


def check_areas(places: dict[str, Place], data_dir: Path, root: str = "data") -> list[Problem]:
    """Problems with the places' ``area`` fields, as ``data/places.yaml: <id>.area: ...`` lines.

    Each id must be a feature of an area file under ``data_dir/geo``, a place's
    ids must be all lines or all polygons, and only places known roughly take
    an area. A country place names its own country's outline (when
    ``countries.geojson`` has it) and its point lies inside; no other place
    names a country outline. ``root`` is how the data folder is shown in problems.
    """
    if not any(place.area or place.precision == "country" for place in places.values()):
        return []
    try:
        areas = geo.load_areas(data_dir / "geo")
    except (OSError, ValueError) as exc:
        return [Problem(f"{root}/geo", "file", f"cannot be read as GeoJSON: {exc}")]
    files = [f"{root}/geo/{n}" for n in geo.AREA_FILES if (data_dir / "geo" / n).is_file()]
    where = f"not in {' or '.join(files)}" if files else f"{root}/geo/ holds no area file"
    path = f"{root}/places.yaml"
    found = []
    for key, place in sorted(places.items()):
        ids = place.area or []
        for i, area_id in enumerate(ids):
            name = f"{key}.area" if len(ids) == 1 else f"{key}.area[{i}]"
            if area_id not in areas:
                found.append(Problem(path, name, f"unknown area '{area_id}' ({where})"))
        kinds = {geo.is_line(areas[a][1]) for a in ids if a in areas}
        if len(kinds) > 1:
            found.append(
                Problem(
                    path,
                    f"{key}.area",
                    "mixes border lines and provinces; name only lines or only provinces",
                )
            )
        if ids and place.precision not in AREA_PRECISIONS:
            found.append(
                Problem(
                    path,
                    f"{key}.area",
                    f"is for places known only roughly; a '{place.precision}' place is a pin",
                )
            )
        elif place.area or place.precision == "country":
            found.extend(_country_problems(key, place, areas, path))
    return found
