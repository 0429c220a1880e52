"""How the map scripts fit together: one collision index per map, hooks instead of wrappers.

Read from the scripts' source: the browser tests show the labels placed and the
story map moving; these show each job done in the one place that should do it.
"""

from __future__ import annotations

import re
from pathlib import Path

JS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "js"

REPLACES_A_DR_FUNCTION = re.compile(r"\bDR(\.\w+|\[[^\]]+\])\s*=(?!=)")
"""An assignment to a member of ``window.DR`` (``DR.finish = ...``, ``DR[name] = ...``)."""


def source(name: str) -> str:
    return (JS / name).read_text(encoding="utf-8")


def test_only_map_layers_defines_the_dr_functions():
    # story-map.js once wrapped DR.finish and DR's layer builders; it now uses DR.on.
    replacing = {
        path.name: REPLACES_A_DR_FUNCTION.findall(path.read_text(encoding="utf-8"))
        for path in sorted(JS.glob("*.js"))
        if path.name != "map-layers.js"
    }
    # Setting the story map's or the explore map's own API on DR replaces none of its functions.
    own_apis = {".storyMap", ".exploreMap"}
    replacing = {name: [m for m in found if m not in own_apis] for name, found in replacing.items()}
    assert {name: found for name, found in replacing.items() if found} == {}


def test_the_story_map_extends_the_map_through_hooks():
    story = source("story-map.js")
    assert 'DR.on("layer"' in story
    assert 'DR.on("finished"' in story
    layers = source("map-layers.js")
    assert 'emit("finished"' in layers
    assert 'emit("layer"' in layers


def test_place_names_and_map_labels_share_one_collision_index():
    basemap = source("basemap.js")
    # The basemap keeps no collision test of its own: no box overlap, no R-tree.
    assert "RBush" not in basemap
    assert not re.search(r"function\s+overlap", basemap)
    assert "DRLabels.addContext" in basemap
    labels = source("labels.js")
    assert labels.count("new window.RBush()") == 1
    assert "_drContext" in labels
