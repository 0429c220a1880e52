"""Geometry: the border's measures, polygons, line simplification, TopoJSON, the basemap file.

Layer 0 of the pipeline: pure functions over coordinates and the derived files in
``data/geo/``; imports nothing else of the builder.
"""
