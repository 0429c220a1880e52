"""What the build keeps outside its own memory.

The build cache: outputs of a stage reused when a hash of that stage's inputs is
unchanged (:mod:`builder.cache.store`), and finished pages and conversions from Markdown
(:mod:`builder.cache.pages`). The pipeline decides what a stage's inputs are
(:mod:`builder.pipeline`); this package only hashes and keeps. Within one build, pages'
HTML waits on disk between MkDocs' two passes (:mod:`builder.cache.spill`) and freed
memory goes back to the system (:mod:`builder.cache.memory`).
"""

from builder.cache.store import BuildCache, code_version, digest

__all__ = ["BuildCache", "code_version", "digest"]
