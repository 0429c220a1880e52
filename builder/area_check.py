"""Check the ``area`` each place names against the shapes in ``data/geo/``.

Pure: reads only the GeoJSON files under the data folder it is given, and
returns problems instead of raising.
"""

from __future__ import annotations

from pathlib import Path

from builder import geo
from builder.load import Problem
from builder.schema import Place

AREA_PRECISIONS = frozenset({"district", "province", "region", "country"})
"""Precisions of places drawn as an area; finer places are pins and take no ``area``."""


def check_areas(places: dict[str, Place], data_dir: Path, root: str = "data") -> list[Problem]:
    """Problems with the places' ``area`` fields, as ``data/places.yaml: <id>.area: ...`` lines.

    Each id must be a feature of an area file under ``data_dir/geo``, a place's
    ids must be all lines or all polygons, and only places known roughly take
    an area. ``root`` is how the data folder is shown in problems.
    """
    if not any(place.area for place in places.values()):
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
    return found
