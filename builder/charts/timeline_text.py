"""The timeline in words: a summary computed from the data, and its data table.

Up to :data:`TABLE_LIMIT` events the table lists every event; beyond that it
counts events by year and category and links to the events index, which
lists them all, so the timeline page stays light at any size of dataset.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from builder.charts.alternative import Alternative, Link, Table
from builder.charts.style import date_text, is_exact_day, label, status_text
from builder.downloads.exports import event_url
from builder.i18n import Language
from builder.i18n.messages import counted, formatted
from builder.maps.words import name
from builder.record import dates
from builder.record.schema import CATEGORIES
from builder.record.validate import Dataset

TABLE_LIMIT = 300
"""Above this many events the table counts them instead of listing them."""

TAKEOVER = dt.date(2021, 8, 1)
"""The month the Taliban took Kabul, the story's turning point."""

EVENTS_INDEX = "events/"
"""Site path of the page that lists every event."""


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def timeline_summary(data: Dataset, lang: Language = "en") -> str:
    """One paragraph of plain text on what the timeline shows."""
    events = list(data.events.values())
    if not events:
        return formatted("chart.timeline.empty", lang)
    first = min(dates.start(ev.date) for ev in events)
    last = max(dates.start(ev.date) for ev in events)
    after = sum(dates.start(ev.date) >= TAKEOVER for ev in events)
    by_category: Counter[str] = Counter(ev.category for ev in events)
    busiest = max(CATEGORIES, key=lambda c: (by_category[c], -CATEGORIES.index(c)))
    by_status: Counter[str] = Counter(ev.status for ev in events)
    doubtful = by_status["claimed"] + by_status["disputed"] + by_status["denied"]
    spans = sum(not is_exact_day(ev) for ev in events)
    if lang != "en":
        return formatted(
            "chart.timeline.summary",
            lang,
            events=counted("chart.count.events", len(events), lang),
            first=first.year,
            last=last.year,
            after=after,
            busiest=label(busiest, lang),
            busiest_count=counted("chart.count.events", by_category[busiest], lang),
            confirmed=by_status["confirmed"],
            reported=by_status["reported"],
            doubtful=doubtful,
            spans=spans,
        )
    return (
        f"The timeline places {_plural(len(events), 'event')} between {first.year} and "
        f"{last.year}; {after:,} of them are dated August 2021 or later, after the Taliban "
        f"took Kabul. The largest thread is {label(busiest).lower()}, with "
        f"{_plural(by_category[busiest], 'event')}. {by_status['confirmed']:,} events are "
        f"confirmed, {by_status['reported']:,} reported by the media and {doubtful:,} only "
        f"claimed, disputed or denied. {spans:,} are known only to the month or the year, "
        f"or lasted a while, and are drawn as bars over the whole period they may mean."
    )


def _event_table(data: Dataset, lang: Language = "en") -> Table:
    rows = tuple(
        (
            date_text(ev, lang),
            Link(name(ev, lang, "title"), event_url(eid)),
            label(ev.category, lang),
            status_text(ev, data, lang),
            ", ".join(name(data.actors[a], lang) for a in ev.actors),
        )
        for eid, ev in data.chronological()
    )
    return Table(
        caption=formatted("chart.timeline.table", lang),
        columns=tuple(
            formatted(f"chart.column.{c}", lang)
            for c in ("date", "event", "theme", "status", "actors")
        ),
        rows=rows,
        indexed=False,
    )


def _count_table(data: Dataset, lang: Language = "en") -> Table:
    counts: Counter[tuple[int, str]] = Counter(
        (dates.start(ev.date).year, ev.category) for ev in data.events.values()
    )
    years = sorted({year for year, _ in counts})
    present = [c for c in CATEGORIES if any(cat == c for _, cat in counts)]
    if lang != "en":
        return Table(
            caption=formatted("chart.timeline.counts", lang),
            columns=(formatted("chart.column.year", lang), *(label(c, lang) for c in present)),
            rows=tuple((str(year), *(str(counts[(year, c)]) for c in present)) for year in years),
            note=formatted(
                "chart.timeline.counts_note",
                lang,
                events=counted("chart.count.events", len(data.events), lang),
            ),
            more=Link(formatted("chart.timeline.see_all", lang, n=len(data.events)), EVENTS_INDEX),
        )
    rows = tuple((str(year), *(f"{counts[(year, c)]:,}" for c in present)) for year in years)
    return Table(
        caption="events per year and theme",
        columns=("Year", *(label(c) for c in present)),
        rows=rows,
        note=(
            f"With {len(data.events):,} events, this table counts them by the year they "
            "start in rather than listing each one."
        ),
        more=Link(f"See all {len(data.events):,} events on the events index", EVENTS_INDEX),
    )


def timeline_alternative(data: Dataset, lang: Language = "en") -> Alternative:
    """The timeline's summary and data table, in ``lang``."""
    table = (
        _event_table(data, lang) if len(data.events) <= TABLE_LIMIT else _count_table(data, lang)
    )
    return Alternative(summary=timeline_summary(data, lang), table=table)
