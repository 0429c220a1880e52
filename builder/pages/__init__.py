"""Page generators: data in, Markdown (or XML) strings out, one module per kind of page.

``events`` (a page per event), ``actors`` (a page per country or actor and their
index), ``events_index`` (the sortable list of all events), ``bibliography``
(the Sources page and chapter footnotes), ``drones`` (drone systems),
``feed`` (the Atom feed), ``field_reference`` (the editors' field reference),
``story`` (the scrolling story page);
``common`` holds what they share.
"""
