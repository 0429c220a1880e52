"""Folium maps of the events: data in, standalone HTML documents out.

Events go on a map as one GeoJSON layer per category, never as one Marker
object each, so a map of ten thousand events stays small and fast. Popups
are built in the browser with ``textContent``: editor text never becomes HTML.
"""

from __future__ import annotations

from typing import Any

import folium
from folium.utilities import JsCode

from builder.embeds import Embed
from builder.exports import event_properties
from builder.map_base import counted_ids, new_map, render
from builder.sanitize import script_json
from builder.schema import CATEGORIES
from builder.validate import Dataset

STATUS_STYLES: dict[str, dict[str, Any]] = {
    "confirmed": {"fillOpacity": 0.9, "dashArray": None, "weight": 2},
    "reported": {"fillOpacity": 0.6, "dashArray": None, "weight": 2},
    "claimed": {"fillOpacity": 0.25, "dashArray": "3 3", "weight": 2},
    "disputed": {"fillOpacity": 0.15, "dashArray": "4 2", "weight": 2},
    "denied": {"fillOpacity": 0.0, "dashArray": "2 4", "weight": 2},
}
"""How status shows on a map: the weaker the claim, the emptier and more dashed the marker."""

CATEGORY_COLOURS: dict[str, str] = {
    "drone-production": "#b2182b",
    "drone-acquisition": "#ef8a62",
    "drone-use": "#762a83",
    "diplomacy": "#2166ac",
    "trade": "#1b7837",
    "military": "#4d4d4d",
    "conflict": "#e08214",
}
"""One colour per category, shared by maps and charts (colour-blind-safe diverging set)."""

# Popups are assembled from DOM nodes with textContent so that no property value
# is ever parsed as HTML; links take only the http(s) urls validation allowed.
POPUP_JS = """
function (feature, layer) {
  var p = feature.properties;
  var style = %(styles)s[p.status] || {};
  style.color = %(colours)s[p.category] || "#333";
  style.fillColor = style.color;
  if (layer.setStyle) { layer.setStyle(style); }
  var box = document.createElement("div");
  box.className = "dr-popup";
  var h = document.createElement("a");
  h.className = "dr-popup-title";
  h.href = "../" + p.url;
  h.target = "_top";
  h.textContent = p.title;
  box.appendChild(h);
  var meta = document.createElement("p");
  meta.textContent = p.date_display + " \\u00b7 " + p.status + (p.place ? " \\u00b7 " + p.place + " (" + p.precision + ")" : "");
  box.appendChild(meta);
  var summary = document.createElement("p");
  summary.textContent = p.summary;
  box.appendChild(summary);
  var list = document.createElement("ul");
  p.sources.forEach(function (s) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    if (/^https?:\\/\\//.test(s.url)) { a.href = s.url; }
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    a.textContent = s.title + " (" + s.publisher + ", " + s.date + ")";
    li.appendChild(a);
    list.appendChild(li);
  });
  box.appendChild(list);
  layer.bindPopup(box, {maxWidth: 320});
  layer.bindTooltip(document.createTextNode(p.title));
}
"""


def _popup_js() -> JsCode:
    return JsCode(
        POPUP_JS % {"styles": script_json(STATUS_STYLES), "colours": script_json(CATEGORY_COLOURS)}
    )


def _map_feature(event_id: str, data: Dataset) -> dict[str, Any] | None:
    event = data.events[event_id]
    point = data.coordinates(event)
    if point is None:
        return None
    props = event_properties(event_id, event, data)
    keep = (
        "id",
        "title",
        "date_display",
        "status",
        "category",
        "summary",
        "place",
        "precision",
        "sources",
        "url",
    )
    return {
        "type": "Feature",
        "id": event_id,
        "geometry": {"type": "Point", "coordinates": [round(point[1], 5), round(point[0], 5)]},
        "properties": {k: props[k] for k in keep},
    }


def regional_map(data: Dataset) -> str:
    """The regional drone race: every located event, one toggleable layer per category."""
    with counted_ids("regional"):
        fmap = new_map(center=(38.5, 66.0), zoom=5, title="The regional drone race: all events")
        by_category: dict[str, list[dict[str, Any]]] = {c: [] for c in CATEGORIES}
        for event_id, event in data.chronological():
            feature = _map_feature(event_id, data)
            if feature is not None:
                by_category[event.category].append(feature)
        popup = _popup_js()
        for category, features in by_category.items():
            if not features:
                continue
            folium.GeoJson(
                {"type": "FeatureCollection", "features": features},
                name=f"{category.replace('-', ' ').capitalize()} ({len(features)})",
                marker=folium.CircleMarker(radius=7),
                on_each_feature=popup,
            ).add_to(fmap)
        folium.LayerControl(collapsed=False).add_to(fmap)
        return render(fmap)


EMBEDS: dict[str, Embed] = {
    "map:regional": Embed(
        "map",
        "regional",
        "Map of the regional drone race: every located event",
        "Every event with a known location, one layer per category. Filled markers are "
        "confirmed or reported; hollow, dashed markers are claims.",
    ),
}
"""Every map a page can place with ``[[map NAME]]``."""


def render_all(data: Dataset) -> dict[str, str]:
    """Every map document, keyed by its site path."""
    return {"maps/regional.html": regional_map(data)}
