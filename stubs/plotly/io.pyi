"""The part of ``plotly.io`` the builder uses (plotly ships no types)."""

from collections.abc import Mapping

from plotly.graph_objects import Figure

def to_json(
    fig: Figure | Mapping[str, object],
    validate: bool = True,
    pretty: bool = False,
    remove_uids: bool = True,
    engine: str | None = None,
) -> str: ...
