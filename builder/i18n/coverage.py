"""How much of the record and of the hand-written pages has its text in a language.

Untranslated text never stops a build: a page shows the English text marked as
English. ``make check`` lists what is missing as a note, and the build prints the
share translated.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel

from builder.i18n import Language
from builder.record.validate import Dataset


class Share(NamedTuple):
    """How many of ``total`` things are translated."""

    done: int
    total: int

    def __str__(self) -> str:
        return f"{self.done} of {self.total}"


EVENT_FIELDS = ("title", "timeline_label", "summary", "date_inferred", "response")
"""An event's texts that each language has its own field for (a quote's ``by`` too, but
not its words, which stay as they were said)."""

SOURCE_FIELDS = ("note", "unresolved")
"""A source's own texts that each language has its own field for; its title stays in the
language it was published in."""

PLACE_FIELDS = ("name", "note")
"""A place's texts that each language has its own field for."""

INDICATOR_FIELDS = ("label", "note")
"""A published figure's texts that each language has its own field for."""


def missing_fields(record: BaseModel, fields: tuple[str, ...], lang: Language) -> list[str]:
    """The ``<field>_<lang>`` fields a record leaves empty while it has the English text."""
    return [
        f"{field}_{lang}"
        for field in fields
        if getattr(record, field, None) and not getattr(record, f"{field}_{lang}", None)
    ]


def event_translated(event: BaseModel, lang: Language) -> bool:
    """Whether an event has its title and summary in ``lang`` (what its page shows)."""
    return not missing_fields(event, ("title", "summary"), lang)


def events_share(data: Dataset, lang: Language) -> Share:
    """How many events have their title and summary in ``lang``."""
    done = sum(1 for event in data.events.values() if event_translated(event, lang))
    return Share(done, len(data.events))


def untranslated_records(data: Dataset, lang: Language) -> list[str]:
    """Every record with text not yet in ``lang``, as ``path: id: fields`` lines."""
    lines: list[str] = []

    def note(path: str, key: str, record: BaseModel, fields: tuple[str, ...]) -> None:
        missing = missing_fields(record, fields, lang)
        if missing:
            lines.append(f"{path}: {key}: {', '.join(missing)}")

    for event_id in sorted(data.events):
        event = data.events[event_id]
        path = f"data/events/{event_id}.yaml"
        note(path, event_id, event, EVENT_FIELDS)
        for i, quote in enumerate(event.quotes):
            note(path, f"{event_id}: quotes[{i}]", quote, ("by",))
    for source_id in sorted(data.sources):
        note("data/sources.yaml", source_id, data.sources[source_id], SOURCE_FIELDS)
    for place_id in sorted(data.places):
        note("data/places.yaml", place_id, data.places[place_id], PLACE_FIELDS)
    for indicator_id in sorted(data.indicators):
        note("data/indicators.yaml", indicator_id, data.indicators[indicator_id], INDICATOR_FIELDS)
    for actor_id in sorted(data.actors):
        note("data/actors.yaml", actor_id, data.actors[actor_id], ("name", "summary"))
    for system_id in sorted(data.systems):
        note("data/systems.yaml", system_id, data.systems[system_id], ("name", "maker", "role"))
    if data.story is not None:
        note("data/story.yaml", "story", data.story, ("title", "intro"))
        for step in data.story.steps:
            note("data/story.yaml", f"steps: {step.id}", step, ("title", "text"))
    return lines


def untranslated_pages(docs_dir: Path, lang: Language) -> list[str]:
    """The hand-written pages (``docs/<path>.md``) without ``docs/<lang>/<path>.md``."""
    pages = sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if not path.relative_to(docs_dir).as_posix().startswith((f"{lang}/", "includes/"))
    )
    return [f"docs/{page}" for page in pages if not (docs_dir / lang / page).is_file()]


def pages_share(docs_dir: Path, lang: Language) -> Share:
    """How many hand-written pages have their ``lang`` twin."""
    total = sum(
        1
        for path in docs_dir.rglob("*.md")
        if not path.relative_to(docs_dir).as_posix().startswith((f"{lang}/", "includes/"))
    )
    return Share(total - len(untranslated_pages(docs_dir, lang)), total)
