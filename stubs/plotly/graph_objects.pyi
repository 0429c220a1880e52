"""The part of ``plotly.graph_objects`` the builder uses (plotly ships no types)."""

from collections.abc import Mapping, Sequence

class BaseTraceType:
    """A validated trace; the builder reads back only its data arrays."""

    x: Sequence[object]
    y: Sequence[float]

class Bar(BaseTraceType):
    def __init__(self, **properties: object) -> None: ...

class Scatter(BaseTraceType):
    def __init__(self, **properties: object) -> None: ...

Trace = BaseTraceType | Mapping[str, object]
"""A trace object, or the same properties as a plain dict (plotly validates both)."""

class Figure:
    data: tuple[BaseTraceType, ...]
    def __init__(
        self,
        data: Sequence[Trace] | None = None,
        layout: Mapping[str, object] | None = None,
    ) -> None: ...
    def add_trace(self, trace: Trace) -> Figure: ...
    def update_layout(
        self, dict1: Mapping[str, object] | None = None, **kwargs: object
    ) -> Figure: ...
    def update_yaxes(
        self, patch: Mapping[str, object] | None = None, **kwargs: object
    ) -> Figure: ...
