"""Who and where an event concerns: the facets the timeline rows and filters use.

Countries and their names come from :mod:`builder.record.countries`, so the timeline
filters agree with the events index and the actor pages: an event concerns the
country it happened in and those of the states and armed groups taking part.
"""

from __future__ import annotations

from collections import Counter

from builder.i18n import Language
from builder.i18n.geonames import country_name as local_country_name
from builder.i18n.messages import formatted
from builder.maps.words import category, name
from builder.record import countries as countries_module
from builder.record.countries import country_name
from builder.record.schema import CATEGORIES, Event
from builder.record.validate import Dataset

NO_COUNTRY = "Organisations only"
"""Row label for events whose actors have no country (e.g. only the CSTO or the UN)."""


def involved_actors(event: Event) -> list[str]:
    """Every actor id the event names, in the order first named, without repeats."""
    return list(dict.fromkeys([*event.actors, *event.claimed_by, *event.denied_by]))


def countries(event: Event, data: Dataset) -> list[str]:
    """ISO codes of the countries the event concerns, as the rest of the site reckons them."""
    return countries_module.event_countries(event, data)


def filter_key(event: Event, data: Dataset) -> str:
    """A space-padded token string ``charts.js`` matches filters against.

    ``c:`` marks the category, ``n:`` a country code and ``a:`` an actor id,
    e.g. `` c:trade n:IRN n:TJK a:iran a:tajikistan ``.
    """
    tokens = [f"c:{event.category}"]
    tokens += [f"n:{code}" for code in countries(event, data)]
    tokens += [f"a:{actor}" for actor in involved_actors(event)]
    return " " + " ".join(tokens) + " "


def filter_options(data: Dataset, lang: Language = "en") -> list[dict[str, object]]:
    """The three filters (category, country, actor), each option with its event count.

    Labels, and the order of countries and actors, follow ``lang``.
    """
    if lang != "en":
        return _local_filter_options(data, lang)
    by_category: Counter[str] = Counter(ev.category for ev in data.events.values())
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
                [code, f"{country_name(code)} ({n})"]
                for code, n in sorted(by_country.items(), key=lambda kv: country_name(kv[0]))
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


def _local_filter_options(data: Dataset, lang: Language) -> list[dict[str, object]]:
    by_category: Counter[str] = Counter(ev.category for ev in data.events.values())
    by_country = Counter(c for ev in data.events.values() for c in countries(ev, data))
    by_actor = Counter(a for ev in data.events.values() for a in involved_actors(ev))
    country_names = {code: local_country_name(code, lang) for code in by_country}
    actor_names = {actor: name(data.actors[actor], lang) for actor in by_actor}
    return [
        {
            "token": "c",
            "label": formatted("chart.filter.category", lang),
            "options": [
                [c, f"{category(c, lang)} ({by_category[c]})"] for c in CATEGORIES if by_category[c]
            ],
        },
        {
            "token": "n",
            "label": formatted("chart.filter.country", lang),
            "options": [
                [code, f"{country_names[code]} ({n})"]
                for code, n in sorted(by_country.items(), key=lambda kv: country_names[kv[0]])
            ],
        },
        {
            "token": "a",
            "label": formatted("chart.filter.actor", lang),
            "options": [
                [actor, f"{actor_names[actor]} ({n})"]
                for actor, n in sorted(by_actor.items(), key=lambda kv: actor_names[kv[0]])
            ],
        },
    ]
