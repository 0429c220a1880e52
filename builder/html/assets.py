"""Front-end libraries the site serves itself, copied from ``node_modules``.

Leaflet, topojson-client and plotly.js come from the npm registry at set-up (``npm ci``); the
build copies the few files the pages use under ``assets/vendor/`` so that no
reader's browser asks a third-party host for code or styles.
"""

from __future__ import annotations

from pathlib import Path

VENDOR_FILES: dict[str, str] = {
    "assets/vendor/leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "assets/vendor/leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "assets/vendor/leaflet/images/layers.png": "leaflet/dist/images/layers.png",
    "assets/vendor/leaflet/images/layers-2x.png": "leaflet/dist/images/layers-2x.png",
    "assets/vendor/leaflet/images/marker-icon.png": "leaflet/dist/images/marker-icon.png",
    "assets/vendor/leaflet/images/marker-icon-2x.png": "leaflet/dist/images/marker-icon-2x.png",
    "assets/vendor/leaflet/images/marker-shadow.png": "leaflet/dist/images/marker-shadow.png",
    "assets/vendor/leaflet/LICENSE": "leaflet/LICENSE",
    "assets/vendor/topojson-client/topojson-client.min.js": (
        "topojson-client/dist/topojson-client.min.js"
    ),
    "assets/vendor/topojson-client/LICENSE": "topojson-client/LICENSE",
    "assets/vendor/rbush/rbush.min.js": "rbush/rbush.min.js",
    "assets/vendor/rbush/LICENSE": "rbush/LICENSE",
    "assets/vendor/plotly/plotly-basic.min.js": "plotly.js-basic-dist-min/plotly-basic.min.js",
    "assets/vendor/plotly/LICENSE": "plotly.js-basic-dist-min/LICENSE",
}
"""Site path of each served file -> its path inside ``node_modules``."""


PLOTLY_LOCALES: dict[str, str] = {"ru": "plotly.js-locales/ru.js"}
"""Plotly's locale of each language other than English -> its file inside ``node_modules``
(npm ``plotly.js-locales``: modebar words, month names, decimal and thousands separators)."""

PLOTLY_LOCALE_PATH = "assets/vendor/plotly/locale-{lang}.js"
"""Site path of a language's Plotly locale script; ``charts.js`` finds it beside plotly.js
(named without "plotly": the one file so named is the bundle itself)."""

PLOTLY_LOCALES_LICENSE = ("assets/vendor/plotly-locales/LICENSE", "plotly.js-locales/LICENSE")
"""The locales package's licence, served beside the locales."""

LOCALE_GLOBAL = "drPlotlyLocales"
"""The global object a served locale script adds its locale to, by name, for ``charts.js``."""


def browser_locale(source: str) -> str:
    """A locale file of ``plotly.js-locales`` (a CommonJS module) as a browser script.

    The package ships each locale as ``module.exports = {...}``; the script gives that code
    a ``module`` of its own and files the locale under ``window.drPlotlyLocales[name]``,
    where ``charts.js`` registers it with Plotly on a page in that language.
    """
    return (
        "(function () {\n"
        "var module = { exports: {} };\n"
        f"{source}\n"
        f"window.{LOCALE_GLOBAL} = window.{LOCALE_GLOBAL} || {{}};\n"
        f"window.{LOCALE_GLOBAL}[module.exports.name] = module.exports;\n"
        "})();\n"
    )


class MissingAssets(FileNotFoundError):
    """``node_modules`` lacks files the site serves; ``npm ci`` has not run."""


def vendor_files(node_modules: Path) -> dict[str, bytes]:
    """Read every served front-end file; raise :class:`MissingAssets` naming what is absent."""
    wanted = [*VENDOR_FILES.values(), *PLOTLY_LOCALES.values(), PLOTLY_LOCALES_LICENSE[1]]
    missing = [src for src in wanted if not (node_modules / src).is_file()]
    if missing:
        raise MissingAssets(
            f"{node_modules}: missing {', '.join(missing)}; run `make setup` (npm ci) first"
        )
    files = {dest: (node_modules / src).read_bytes() for dest, src in VENDOR_FILES.items()}
    for lang, src in PLOTLY_LOCALES.items():
        script = browser_locale((node_modules / src).read_text(encoding="utf-8"))
        files[PLOTLY_LOCALE_PATH.format(lang=lang)] = script.encode("utf-8")
    files[PLOTLY_LOCALES_LICENSE[0]] = (node_modules / PLOTLY_LOCALES_LICENSE[1]).read_bytes()
    return files
