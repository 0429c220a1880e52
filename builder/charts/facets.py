"""Who and where an event concerns: the facets the timeline rows and filters use.

An event concerns a country when one of its actors (including who claims or
rejects it) is based there. Country names come from the table below, which
names states the way readers know them, or failing that from a state actor.
"""

from __future__ import annotations

from collections import Counter

from builder.schema import CATEGORIES, Event
from builder.validate import Dataset

COUNTRY_NAMES: dict[str, str] = {
    "AFG": "Afghanistan",
    "CHN": "China",
    "IND": "India",
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
"""Short names of the states the story touches, by ISO 3166-1 alpha-3 code."""

NO_COUNTRY = "Organisations only"
"""Row label for events whose actors have no country (e.g. only the CSTO or the UN)."""


def country_name(code: str, data: Dataset) -> str:
    """A readable name for an ISO alpha-3 code: the table, a state actor, or the code."""
    if code in COUNTRY_NAMES:
        return COUNTRY_NAMES[code]
    states = sorted(a.name for a in data.actors.values() if a.kind == "state" and a.country == code)
    return states[0] if states else code


def involved_actors(event: Event) -> list[str]:
    """Every actor id the event names, in the order first named, without repeats."""
    return list(dict.fromkeys([*event.actors, *event.claimed_by, *event.denied_by]))


def countries(event: Event, data: Dataset) -> list[str]:
    """ISO codes of the countries the event's actors are based in, sorted."""
    codes = {data.actors[a].country for a in involved_actors(event)}
    return sorted(c for c in codes if c)


def filter_key(event: Event, data: Dataset) -> str:
    """A space-padded token string ``charts.js`` matches filters against.

    ``c:`` marks the category, ``n:`` a country code and ``a:`` an actor id,
    e.g. `` c:trade n:IRN n:TJK a:iran a:tajikistan ``.
    """
    tokens = [f"c:{event.category}"]
    tokens += [f"n:{code}" for code in countries(event, data)]
    tokens += [f"a:{actor}" for actor in involved_actors(event)]
    return " " + " ".join(tokens) + " "


def filter_options(data: Dataset) -> list[dict[str, object]]:
    """The three filters (category, country, actor), each option with its event count."""
    by_category = Counter(ev.category for ev in data.events.values())
    by_country = Counter(c for ev in data.events.values() for c in countries(ev, data))
    by_actor = Counter(a for ev in data.events.values() for a in involved_actors(ev))
    return [
        {
            "token": "c",
            "label": "Category",
            "options": [
                [c, f"{c.replace('-', ' ').capitalize()} ({by_category[c]})"]
                for c in CATEGORIES
                if by_category[c]
            ],
        },
        {
            "token": "n",
            "label": "Country",
            "options": [
                [code, f"{country_name(code, data)} ({n})"]
                for code, n in sorted(by_country.items(), key=lambda kv: country_name(kv[0], data))
            ],
        },
        {
            "token": "a",
            "label": "Actor",
            "options": [
                [actor, f"{data.actors[actor].name} ({n})"]
                for actor, n in sorted(by_actor.items(), key=lambda kv: data.actors[kv[0]].name)
            ],
        },
    ]
