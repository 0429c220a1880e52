"""The builder: curated event data in, explainer pages, maps and timelines out.

The package reads as the pipeline it runs: :mod:`builder.record.load` reads files,
:mod:`builder.record.validate` checks them into a :class:`~builder.record.validate.Dataset`,
the render modules turn that into strings, and :mod:`builder.pipeline` collects
every output file. Only :mod:`builder.mkdocs_hook` knows about MkDocs.
"""
