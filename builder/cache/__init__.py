"""The build cache: outputs of a stage reused when a hash of that stage's inputs is unchanged.

See :mod:`builder.cache.store`. The pipeline decides what a stage's inputs are
(:mod:`builder.pipeline`); this package only hashes and keeps.
"""

from builder.cache.store import BuildCache, code_version, digest

__all__ = ["BuildCache", "code_version", "digest"]
