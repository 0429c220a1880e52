"""The border: the Afghanistan–Tajikistan line from Natural Earth, its length, and what happened along it.

The length shown is measured on the very line drawn (``builder.geometry.geo``), beside
the article's and the official figure, with why they differ.
"""

from __future__ import annotations

from builder.geometry import geo
from builder.i18n import Language
from builder.maps import text as tv
from builder.maps.areas import Geography, near_border
from builder.maps.document import (
    LayerSpec,
    MapSpec,
    assemble,
    border_layer,
    events_layer,
    provinces_layer,
)
from builder.maps.features import bounds, feature_points, located_features
from builder.maps.label import band_label
from builder.maps.legend import (
    Swatch,
    category_swatches,
    legend_html,
    precision_swatches,
    status_swatches,
)
from builder.maps.style import BORDER_STYLE
from builder.maps.words import number, say
from builder.record.validate import Dataset

BORDER_BAND_KM = 100
"""Events placed within this distance of the border line count as happening along it."""


def border_events(data: Dataset, geography: Geography) -> list[str]:
    """Ids of located events near the border, excluding those known only to a whole country."""
    found = []
    for event_id, event in data.chronological():
        point = data.coordinates(event)
        if point is None or data.precision(event) == "country":
            continue
        if near_border(point, BORDER_BAND_KM, geography):
            found.append(event_id)
    return found


def measured_km(geography: Geography) -> float | None:
    """The length of the line drawn, as the site states it; None without a border file."""
    return geo.measured_figure(geography.border).km if geography.has_border else None


def length_label(geography: Geography, lang: Language = "en") -> str:
    """The line's label: its measured length beside the article's figure."""
    measured = measured_km(geography)
    drawn = (
        say("map.border.drawn_here", lang, km=number(measured, lang))
        if measured
        else say("map.border.line_missing", lang)
    )
    article = number(geo.ARTICLE_FIGURE.km, lang)
    return say("map.border.length_label", lang, drawn=drawn, article=article)


def why_they_differ(measured: float | None, lang: Language = "en") -> str:
    """:func:`builder.geometry.geo.why_they_differ` in ``lang``."""
    if lang == "en":
        return geo.why_they_differ(measured)
    about = say("map.border.about", lang, km=number(measured, lang)) if measured is not None else ""
    return say("map.border.why", lang, measured=about)


def length_marker(geography: Geography, lang: Language = "en") -> LayerSpec:
    """The line's lengths as a map label near the middle of the line, placed before any other."""
    lat, lon = band_label([geography.border_latlngs])
    measured = measured_km(geography)
    return LayerSpec(
        "labels",
        say("map.border.layer_length", lang),
        {
            "items": [
                {
                    "lat": lat,
                    "lon": lon,
                    "heading": say("map.border", lang),
                    "lines": [
                        say("map.border.drawn_here", lang, km=number(measured or 0, lang)),
                        say(
                            "map.border.article_says", lang, km=number(geo.ARTICLE_FIGURE.km, lang)
                        ),
                    ],
                }
            ],
            "side": "top",
            "priority": 2,
        },
        control=False,
    )


def border_spec(data: Dataset, geography: Geography, lang: Language = "en") -> MapSpec:
    """The border line, labelled with its lengths, and the events along it."""
    features = located_features(data, geography, border_events(data, geography), lang)
    measured = measured_km(geography)
    drawn = (
        say("map.border.drawn", lang, km=number(measured, lang))
        if measured
        else say("map.border.no_line", lang)
    )
    categories = sorted({f["properties"]["category"] for f in features})
    border_swatch = Swatch(
        "line", BORDER_STYLE["color"], say("map.border.swatch", lang, drawn=drawn)
    )
    legend = legend_html(
        say("map.border.legend_title", lang),
        [
            (say("map.legend.lines", lang), [border_swatch]),
            (say("map.legend.by_category", lang), category_swatches(categories, lang)),
            (say("map.legend.status", lang), status_swatches(lang=lang)),
            (say("map.legend.precision", lang), precision_swatches(countries=False, lang=lang)),
        ],
        [why_they_differ(measured, lang)],
    )
    spec = MapSpec(
        title=say("map.border.title", lang, drawn=drawn),
        center=(37.9, 70.5),
        zoom=6,
        # The whole line and every event along it.
        bounds=bounds(
            [*((lat, lon) for lat, lon in geography.border_latlngs), *feature_points(features)],
            pad_km=40,
        ),
        legend=legend,
        lang=lang,
        layers=[
            provinces_layer(geography, say("map.layer.border_provinces", lang), lang),
            border_layer(geography, length_label(geography, lang), lang=lang),
            events_layer(say("map.border.layer_events", lang), features, lang=lang),
            *([length_marker(geography, lang)] if geography.has_border else []),
        ],
    )
    return spec


def border_map(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The border map document (see :func:`border_spec`)."""
    return assemble(border_spec(data, geography, lang), data, geography)


_FIGURE_MESSAGES = (
    "map.border.figure.article",
    "map.border.figure.official",
    "map.border.figure.measured",
)
"""The label and note of each figure of :func:`builder.geometry.geo.border_figures`, in order,
for languages other than English."""


def text_version(data: Dataset, geography: Geography, prefix: str, lang: Language = "en") -> str:
    """The border's published and measured lengths, and the events along it."""
    figures = (
        geo.border_figures(geography.border) if geography.has_border else list(geo.BORDER_FIGURES)
    )
    rows: list[list[tv.Cell]] = []
    for i, f in enumerate(figures):
        label, note = f.label, f.note
        if lang != "en":
            label = say(f"{_FIGURE_MESSAGES[i]}.label", lang)
            note = say(f"{_FIGURE_MESSAGES[i]}.note", lang)
        length = number(f.km, lang, decimals=0 if f.km.is_integer() else 1)
        rows.append(
            [
                label,
                say("map.km", lang, km=length),
                data.sources[f.source].title if f.source in data.sources else "",
                note,
            ]
        )
    features = located_features(data, geography, border_events(data, geography), lang)
    headers = [
        say(f"map.border.text_{column}", lang) for column in ("figure", "length", "source", "note")
    ]
    return tv.wrap(
        say("map.border.text", lang),
        tv.table(say("map.border.text_caption", lang), headers, rows)
        + tv.paragraph(why_they_differ(measured_km(geography), lang))
        + tv.events_table(
            say("map.border.text_events", lang, km=BORDER_BAND_KM, count=len(features)),
            features,
            prefix,
            lang,
        ),
    )
