"""Downloads: the record as GeoJSON and CSV, and the editors' contract as JSON Schema.

Layer 2 of the pipeline: reads the validated :mod:`builder.record`; the charts and
pages above it reuse its rows.
"""
