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


class MissingAssets(FileNotFoundError):
    """``node_modules`` lacks files the site serves; ``npm ci`` has not run."""


def vendor_files(node_modules: Path) -> dict[str, bytes]:
    """Read every served front-end file; raise :class:`MissingAssets` naming what is absent."""
    missing = [src for src in VENDOR_FILES.values() if not (node_modules / src).is_file()]
    if missing:
        raise MissingAssets(
            f"{node_modules}: missing {', '.join(missing)}; run `make setup` (npm ci) first"
        )
    return {dest: (node_modules / src).read_bytes() for dest, src in VENDOR_FILES.items()}
