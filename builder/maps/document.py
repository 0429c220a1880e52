"""Assemble one map document: set-up call, layers, layer switcher, legend, finish call.

Order matters in the rendered script: ``DR.setup`` must run before any layer
is built and ``DR.finish`` after the layer switcher exists, so every map goes
through :func:`assemble`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from builder.html.sanitize import text
from builder.i18n import Language
from builder.maps.areas import Geography, province_features
from builder.maps.features import collection, lookup_tables, map_collection
from builder.maps.style import BORDER_STYLE, PROVINCE_STYLE
from builder.maps.words import number, say
from builder.record.validate import Dataset


@dataclass(frozen=True)
class LayerSpec:
    """One layer of a map: which ``map-layers.js`` builder draws it, from what data."""

    factory: str
    """``events``, ``shapes`` or ``labels``."""
    name: str
    """Name in the layer switcher (plain text)."""
    data: Any
    """The builder's input: a FeatureCollection for ``events``, a spec for the others."""
    show: bool = True
    """Whether the layer is on when the map opens."""
    control: bool = True
    """Whether readers can switch it off."""


@dataclass(frozen=True)
class MapSpec:
    """Everything one map document shows."""

    title: str
    """Document title and the map's accessible name."""
    center: tuple[float, float]
    """Initial centre before the view is fitted to ``bounds``."""
    zoom: int
    """Initial zoom before the view is fitted to ``bounds``."""
    bounds: list[list[float]]
    """[[south, west], [north, east]] of the map's subject: always wholly in the opening view."""
    layers: list[LayerSpec]
    """Layers in drawing order (later on top)."""
    legend: str
    """Legend HTML, already escaped (see :mod:`builder.maps.legend`)."""
    max_zoom: int = 8
    """Closest zoom the fitted view may use."""
    extra_html: list[str] = field(default_factory=list)
    """Further trusted, escaped HTML for the document body."""
    when_near: bool = True
    """Build the map only once its frame nears the reader's screen (see :func:`render`).
    Off for a map a page drives from its first moment, like the story map."""
    lang: Language = "en"
    """The language of every word above, and of the document."""


def provinces_layer(
    geography: Geography, name: str | None = None, lang: Language = "en"
) -> LayerSpec:
    """Context outlines of the provinces named in the story, labelled on hover."""
    return LayerSpec(
        "shapes",
        name if name is not None else say("map.layer.provinces", lang),
        {
            "geojson": collection(province_features(geography, lang)),
            "style": PROVINCE_STYLE,
            "className": "dr-province",
        },
    )


RIVER_NOTE = "for most of its length, the Panj and Amu Darya rivers"
"""What the border line is on the ground, said wherever the line is named on a map."""


def border_layer(
    geography: Geography, label: str, *, permanent_label: bool = False, lang: Language = "en"
) -> LayerSpec:
    """The Afghanistan–Tajikistan border line, with ``label`` as its tooltip.

    A tooltip shown on hover or focus also says that the line is, for most of its
    length, the Panj and Amu Darya rivers (a permanent label stays short: the
    basemap names both rivers along the line from zoom 6 on).
    """
    shown = label if permanent_label else say("map.border.river_note", lang, label=label)
    return LayerSpec(
        "shapes",
        say("map.border", lang),
        {
            "geojson": geography.border_collection(shown),
            "style": BORDER_STYLE,
            "className": "dr-border",
            "permanentLabels": permanent_label,
            "labelDirection": "top",
        },
    )


def frontier_layer(geography: Geography, lang: Language = "en") -> LayerSpec:
    """Every border line in ``data/geo/`` (Tajik, Uzbek, Turkmen), each named on hover."""
    return LayerSpec(
        "shapes",
        say("map.layer.northern_borders", lang),
        {
            "geojson": geography.border_lines(say("map.border.scale_note", lang), lang),
            "style": BORDER_STYLE,
            "className": "dr-border",
        },
    )


def events_layer(
    name: str, features: list[dict[str, Any]], *, show: bool = True, lang: Language = "en"
) -> LayerSpec:
    """A layer of event features, named with how many events it holds."""
    count = number(len(features), lang)
    named = say("map.layer.events", lang, name=name, count=count)
    return LayerSpec("events", named, map_collection(features), show=show)


def _legend_word(legend: str, lang: Language) -> str:
    # A folded legend reads "Legend: <title>" on a phone; the word comes from the stylesheet
    # (map-layout.css), which takes another language's from this attribute.
    if lang == "en" or "<summary>" not in legend:
        return legend
    word = text(say("map.legend.word", lang))
    return legend.replace("<summary>", f'<summary data-legend-word="{word}">', 1)


def assemble(spec: MapSpec, data: Dataset, geography: Geography) -> str:
    """Render ``spec`` to a standalone HTML document (call inside ``counted_ids``)."""
    # Folium loads only when a map is rendered: a build whose maps are all cached never pays
    # for its import (a fifth of a second).
    from builder.maps.base import (
        DataLayer,
        MapCall,
        add_html,
        add_layer_control,
        new_map,
        render,
    )

    fmap = new_map(center=spec.center, zoom=spec.zoom, title=spec.title, lang=spec.lang)
    features = [
        f for layer in spec.layers if layer.factory == "events" for f in layer.data["features"]
    ]
    view = {"bounds": spec.bounds, "maxZoom": spec.max_zoom}
    MapCall("setup", {**lookup_tables(features, data, geography), "view": view}).add_to(fmap)
    for layer in spec.layers:
        DataLayer(
            layer.factory, layer.data, layer.name, show=layer.show, control=layer.control
        ).add_to(fmap)
    add_layer_control(fmap)
    add_html(fmap, _legend_word(spec.legend, spec.lang))
    for html in spec.extra_html:
        add_html(fmap, html)
    MapCall("finish", {"label": spec.title, **view}).add_to(fmap)
    return render(fmap, when_near=spec.when_near, lang=spec.lang)
