"""Country names and the countries an event concerns, for filters and actor pages.

The data records countries as ISO 3166-1 alpha-3 codes; readers see names.
An event concerns the country it happened in and the countries of the states
and armed groups taking part in it.
"""

from __future__ import annotations

from builder.record.schema import Event
from builder.record.validate import Dataset

COUNTRY_NAMES: dict[str, str] = {
    "AFG": "Afghanistan",
    "CHN": "China",
    "IRN": "Iran",
    "ISR": "Israel",
    "KAZ": "Kazakhstan",
    "KGZ": "Kyrgyzstan",
    "LBN": "Lebanon",
    "PAK": "Pakistan",
    "RUS": "Russia",
    "TJK": "Tajikistan",
    "TKM": "Turkmenistan",
    "TUR": "Turkey",
    "USA": "United States",
    "UZB": "Uzbekistan",
}
"""Short English names of the countries in the story; unknown codes are shown as the code."""

COUNTRY_ACTOR_KINDS = frozenset({"state", "armed-group"})
"""Actor kinds whose country an event is said to concern."""


def country_name(code: str) -> str:
    """Return the readers' name of an ISO alpha-3 code, or the code itself if unknown."""
    return COUNTRY_NAMES.get(code, code)


def event_countries(event: Event, data: Dataset) -> list[str]:
    """Return the ISO codes an event concerns, sorted by country name."""
    codes: set[str] = set()
    if event.place is not None:
        codes.add(data.places[event.place].country)
    for actor_id in event.actors:
        actor = data.actors[actor_id]
        if actor.kind in COUNTRY_ACTOR_KINDS and actor.country:
            codes.add(actor.country)
    return sorted(codes, key=country_name)
