"""The record: read the data files, check them, and assemble the :class:`Dataset`.

Layer 1 of the pipeline. ``load`` turns bytes into mappings, ``schema`` is the
editors' contract, ``validate`` collects every problem and builds the dataset;
``source_addresses`` says whether a source's address is public and canonical;
``dates``, ``countries``, ``area_check``, ``record_dates`` and ``record_span``
are the facts about the record the rest of the builder asks for. It may use
:mod:`builder.geometry` and :mod:`builder.html`, never a layer above.
"""
