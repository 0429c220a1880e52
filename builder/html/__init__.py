"""HTML: making editor text safe, and finishing the pages MkDocs writes.

Layer 0 of the pipeline, so every renderer may use it: ``sanitize``, ``held_html``
and ``search`` serve the renderers; ``embeds`` expands map and chart directives;
``csp``, ``preload``, ``footnote_marks``, ``theme_fixes`` and ``chapter_layout``
post-process finished pages; ``assets`` copies the front-end libraries. Imports
nothing else of the builder.
"""
