"""Validate all data at once and assemble the :class:`Dataset` the renderers use.

Validation runs in two passes. The schema pass checks each file on its own
(types, formats, unknown keys). The reference pass checks what only the whole
dataset can tell: that ids point at something, that precision is honest, that
claims say who claims them. Both passes collect problems; nothing stops early.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from builder.record import dates
from builder.record.area_check import check_areas
from builder.record.load import Problem, event_files, read_mapping
from builder.record.schema import (
    CLAIM_STATUSES,
    PRECISIONS,
    Actor,
    DroneSystem,
    Event,
    Indicator,
    Place,
    Source,
    Story,
)
from builder.record.source_addresses import needs_resolving

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

REGISTRIES: dict[str, type[BaseModel]] = {
    "sources.yaml": Source,
    "places.yaml": Place,
    "actors.yaml": Actor,
    "systems.yaml": DroneSystem,
    "indicators.yaml": Indicator,
}
"""The shared data files, each a mapping of id to entry, and the model of an entry."""


@dataclass(frozen=True)
class Dataset:
    """Everything the renderers need, validated and cross-checked."""

    events: dict[str, Event]
    sources: dict[str, Source]
    places: dict[str, Place] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    systems: dict[str, DroneSystem] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    story: Story | None = None
    """The scrolling story of ``data/story.yaml``; None when the file is absent."""

    def chronological(self) -> list[tuple[str, Event]]:
        """Events ordered by start date, then id, the order readers meet them in."""
        return list(self._chronological_pairs)

    @cached_property
    def _chronological_pairs(self) -> tuple[tuple[str, Event], ...]:
        # Built once: renderers ask ~40 times a build, and pairing 10,000 ids with their
        # events each time cost more than half a second.
        return tuple((event_id, self.events[event_id]) for event_id in self._chronological_ids)

    def events_of(self, actor_id: str) -> tuple[str, ...]:
        """Ids of the events an actor takes part in, claims or denies, oldest first."""
        return self._events_by_actor.get(actor_id, ())

    @cached_property
    def _events_by_actor(self) -> dict[str, tuple[str, ...]]:
        # One pass over the events: each actor page asks several times, and at
        # 10,000 events scanning them per question cost over a second a build.
        by_actor: dict[str, list[str]] = {}
        for event_id in self._chronological_ids:
            event = self.events[event_id]
            for actor_id in dict.fromkeys([*event.actors, *event.claimed_by, *event.denied_by]):
                by_actor.setdefault(actor_id, []).append(event_id)
        return {actor_id: tuple(ids) for actor_id, ids in by_actor.items()}

    @cached_property
    def _chronological_ids(self) -> tuple[str, ...]:
        # Sorted once per dataset: pages, charts and feeds ask for this order ~100 times.
        ordered = sorted(self.events.items(), key=lambda kv: (dates.start(kv[1].date), kv[0]))
        return tuple(event_id for event_id, _ in ordered)

    def coordinates(self, event: Event) -> tuple[float, float] | None:
        """Return (lat, lon) of an event, from its location or its place, if it has one."""
        if event.location is not None:
            return event.location.lat, event.location.lon
        if event.place is not None:
            place = self.places[event.place]
            return place.lat, place.lon
        return None

    def precision(self, event: Event) -> str | None:
        """Return the location precision of an event, or None when it has no location."""
        if event.precision is not None:
            return event.precision
        if event.place is not None:
            return self.places[event.place].precision
        return None


class InvalidData(Exception):
    """Raised when the data has problems; carries every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        """Keep the problems, sorted by file and field."""
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "file"


def _message(error: ErrorDetails, model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        allowed = ", ".join(model.model_fields)
        return f"is not a known field (allowed: {allowed})"
    message = error["msg"]
    message = message.removeprefix("Value error, ")
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        return f"{message}, got {error['input']!r}"
    if kind in ("literal_error", "enum"):
        return f"{message}, got {error['input']!r}"
    if kind == "string_pattern_mismatch" and error["loc"] and error["loc"][-1] != "date":
        return f"{message}; got {error['input']!r}"
    return message


def _schema_problems(
    exc: ValidationError, path: str, model: type[BaseModel], prefix: str = ""
) -> Iterator[Problem]:
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        # Nested models are named after the outer field in the error, so report the
        # location relative to the file while naming the model that rejected the key.
        owner = model
        for part in loc[:-1]:
            if isinstance(part, str) and owner is not None:
                annotation = owner.model_fields.get(part)
                inner = getattr(annotation, "annotation", None) if annotation else None
                owner = _model_of(inner) or owner
        name = _field_name(loc)
        yield Problem(path, f"{prefix}{name}" if prefix else name, _message(error, owner))


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found:
            return found
    return None


def _load_registry(
    data_dir: Path, name: str, model: type[BaseModel], root: str, problems: list[Problem]
) -> dict[str, Any]:
    path = data_dir / name
    shown = f"{root}/{name}"
    if not path.exists():
        return {}
    content, found = read_mapping(path, shown)
    problems.extend(found)
    entries: dict[str, Any] = {}
    for key, value in (content or {}).items():
        if not ID_RE.match(key):
            problems.append(
                Problem(shown, key, "id must be lowercase letters, digits and single hyphens")
            )
            continue
        if not isinstance(value, dict):
            problems.append(Problem(shown, key, "expected a mapping of fields"))
            continue
        try:
            entries[key] = model.model_validate(value)
        except ValidationError as exc:
            problems.extend(_schema_problems(exc, shown, model, prefix=f"{key}."))
    return entries


def _load_events(
    data_dir: Path, root: str, problems: list[Problem], rejected: dict[str, dict[str, Any]]
) -> dict[str, Event]:
    events: dict[str, Event] = {}
    for path in event_files(data_dir):
        shown = f"{root}/events/{path.name}"
        if path.suffix != ".yaml":
            problems.append(Problem(shown, "file", "event files end in .yaml; rename it"))
            continue
        if not ID_RE.match(path.stem):
            problems.append(
                Problem(shown, "file", "name must be lowercase letters, digits and hyphens")
            )
            continue
        content, found = read_mapping(path, shown)
        problems.extend(found)
        if content is None:
            continue
        try:
            events[path.stem] = Event.model_validate(content)
        except ValidationError as exc:
            problems.extend(_schema_problems(exc, shown, Event))
            rejected[shown] = content
    return events


REFERENCE_FIELDS = {
    "sources": "sources.yaml",
    "actors": "actors.yaml",
    "systems": "systems.yaml",
    "claimed_by": "actors.yaml",
    "denied_by": "actors.yaml",
}


def _reference_problems(path: str, content: dict[str, Any], data: Dataset) -> list[Problem]:
    # Works on raw mappings too: a file that failed the schema still gets its
    # references checked, so an editor sees every mistake in one run.
    registries: dict[str, Mapping[str, object]] = {
        "sources.yaml": data.sources,
        "actors.yaml": data.actors,
        "systems.yaml": data.systems,
    }
    found = []
    for name, file in REFERENCE_FIELDS.items():
        refs = content.get(name)
        if not isinstance(refs, list):
            continue
        for i, ref in enumerate(refs):
            if isinstance(ref, str) and ref not in registries[file]:
                found.append(
                    Problem(path, f"{name}[{i}]", f"unknown id '{ref}': not in data/{file}")
                )
    place = content.get("place")
    if isinstance(place, str) and place not in data.places:
        found.append(Problem(path, "place", f"unknown id '{place}': not in data/places.yaml"))
    found.extend(_date_basis_problems(path, content))
    return found


def _date_basis_problems(path: str, content: dict[str, Any]) -> list[Problem]:
    """Every date says how it is known: one source that states it, or how we inferred it."""
    stated_by = content.get("date_stated_by")
    inferred = content.get("date_inferred")
    if stated_by is not None and inferred is not None:
        return [
            Problem(
                path,
                "date_inferred",
                "give date_stated_by or date_inferred, not both: a source states the date, "
                "or we worked it out",
            )
        ]
    if stated_by is None and inferred is None:
        return [
            Problem(
                path,
                "date_stated_by",
                "say how the date is known: date_stated_by: <id of one of the event's "
                'sources whose text gives this date>, or date_inferred: "<how we worked it '
                'out>"',
            )
        ]
    sources = content.get("sources")
    if isinstance(stated_by, str) and isinstance(sources, list) and stated_by not in sources:
        return [
            Problem(
                path,
                "date_stated_by",
                f"'{stated_by}' is not one of this event's sources; name a source the event "
                "cites, or add it to sources",
            )
        ]
    return []


def _check_event(
    event_id: str, event: Event, data: Dataset, path: str, today: dt.date
) -> list[Problem]:
    found: list[Problem] = _reference_problems(path, event.model_dump(), data)
    for i, quote in enumerate(event.quotes):
        if quote.source not in data.sources:
            found.append(Problem(path, f"quotes[{i}].source", f"unknown id '{quote.source}'"))
        elif quote.source not in event.sources:
            found.append(
                Problem(path, f"quotes[{i}].source", "must also be listed in the event's sources")
            )

    if event.place is not None and event.location is not None:
        found.append(Problem(path, "location", "give either place or location, not both"))
    if event.location is not None and event.precision is None:
        found.append(Problem(path, "precision", "is required when location is given"))
    if event.place is None and event.location is None and event.precision is not None:
        found.append(Problem(path, "precision", "is set but the event has no place or location"))
    if event.place in data.places and event.precision is not None:
        place = data.places[event.place]
        if PRECISIONS.index(event.precision) < PRECISIONS.index(place.precision):
            found.append(
                Problem(
                    path,
                    "precision",
                    f"'{event.precision}' is finer than place '{event.place}' allows "
                    f"('{place.precision}'); an event cannot be more precise than its place",
                )
            )

    if event.end_date is not None and dates.end(event.end_date) < dates.start(event.date):
        found.append(Problem(path, "end_date", "is before date"))
    for name in ("date", "end_date"):
        value = getattr(event, name)
        if value is not None and dates.start(value) > today:
            found.append(Problem(path, name, f"'{value}' lies in the future"))

    if event.status in CLAIM_STATUSES and not event.claimed_by:
        found.append(
            Problem(
                path, "claimed_by", f"is required when status is '{event.status}': who says so?"
            )
        )
    if event.status in ("disputed", "denied") and not event.denied_by:
        found.append(
            Problem(
                path, "denied_by", f"is required when status is '{event.status}': who rejects it?"
            )
        )
    return found


def _check_source_addresses(data: Dataset, root: str) -> list[Problem]:
    """A shortened or reposted address stands only beside the original page it leads to.

    Only one of the article's footnotes may keep such an address (it records
    what the article printed); it then needs ``resolved_url``, the original page,
    or ``unresolved``, saying what was searched for and not found. A source we
    added must be the original page itself.
    """
    found = []
    path = f"{root}/sources.yaml"
    for key, source in data.sources.items():
        hidden = needs_resolving(str(source.url))
        if source.resolved_url is not None:
            behind = needs_resolving(str(source.resolved_url))
            if behind:
                found.append(
                    Problem(
                        path, f"{key}.resolved_url", f"{behind}; give the original publisher's page"
                    )
                )
            elif hidden is None:
                found.append(
                    Problem(
                        path,
                        f"{key}.resolved_url",
                        "is only for a url that is a shortened link or a repost; "
                        "put the page's own address in url",
                    )
                )
        if source.unresolved is not None:
            if source.resolved_url is not None:
                message = "give resolved_url or unresolved, not both: the page is found or not"
                found.append(Problem(path, f"{key}.unresolved", message))
            elif hidden is None:
                message = "is only for a shortened or reposted url whose original is not found"
                found.append(Problem(path, f"{key}.unresolved", message))
        if hidden and source.origin != "footnote":
            found.append(
                Problem(
                    path,
                    f"{key}.url",
                    f"{hidden}; a source that is not one of the article's footnotes must be "
                    "the original publisher's page, found and read",
                )
            )
        elif hidden and source.resolved_url is None and source.unresolved is None:
            found.append(
                Problem(
                    path,
                    f"{key}.url",
                    f"{hidden}: add resolved_url, the original page it leads to, read in full "
                    "(its title and publisher matching this entry); if you searched and cannot "
                    "find it, say what you looked for in unresolved",
                )
            )
    return found


def _check_systems(data: Dataset, root: str) -> list[Problem]:
    found = []
    for key, system in data.systems.items():
        refs = list(system.sources)
        refs += [f.source for f in (system.range_km, system.endurance_h) if f is not None]
        for ref in refs:
            if ref not in data.sources:
                found.append(Problem(f"{root}/systems.yaml", key, f"unknown source id '{ref}'"))
    return found


def _check_indicators(data: Dataset, root: str) -> list[Problem]:
    found = []
    path = f"{root}/indicators.yaml"
    for key, indicator in data.indicators.items():
        if indicator.source not in data.sources:
            found.append(Problem(path, f"{key}.source", f"unknown source id '{indicator.source}'"))
        is_change = indicator.unit == "percent"
        if is_change and (indicator.change_to is None or indicator.baseline is None):
            found.append(Problem(path, key, "a percentage change needs change_to and baseline"))
        if not is_change and (indicator.change_to or indicator.baseline):
            found.append(Problem(path, key, "change_to and baseline are for percentage changes"))
        if is_change and indicator.value <= -100:
            found.append(
                Problem(path, f"{key}.value", "a fall of 100 percent or more leaves nothing")
            )
        target = data.indicators.get(indicator.change_to) if indicator.change_to else None
        if indicator.change_to and target is None:
            found.append(Problem(path, f"{key}.change_to", f"unknown id '{indicator.change_to}'"))
        elif target is not None and target.unit == "percent":
            found.append(Problem(path, f"{key}.change_to", "must name a level, not a percentage"))
    return found


def load_dataset(data_dir: Path, *, root: str = "data", today: dt.date | None = None) -> Dataset:
    """Read, validate and cross-check everything under ``data_dir``.

    ``root`` is how paths are shown in problems. Raises :class:`InvalidData`
    with every problem found when anything is wrong.
    """
    today = today or dt.date.today()
    problems: list[Problem] = []
    registries = {
        name: _load_registry(data_dir, name, model, root, problems)
        for name, model in REGISTRIES.items()
    }
    if not (data_dir / "sources.yaml").exists():
        problems.append(Problem(f"{root}/sources.yaml", "file", "is missing"))
    rejected: dict[str, dict[str, Any]] = {}
    events = _load_events(data_dir, root, problems, rejected)
    data = Dataset(
        events=events,
        sources=registries["sources.yaml"],
        places=registries["places.yaml"],
        actors=registries["actors.yaml"],
        systems=registries["systems.yaml"],
        indicators=registries["indicators.yaml"],
    )
    for event_id, event in events.items():
        problems.extend(
            _check_event(event_id, event, data, f"{root}/events/{event_id}.yaml", today)
        )
    for path, content in rejected.items():
        problems.extend(_reference_problems(path, content, data))
    problems.extend(_check_source_addresses(data, root))
    problems.extend(_check_systems(data, root))
    problems.extend(_check_indicators(data, root))
    problems.extend(check_areas(data.places, data_dir, root))
    story, found = _load_story(data_dir, root, data)
    problems.extend(found)
    if problems:
        raise InvalidData(problems)
    return replace(data, story=story)


STORY_FILE = "story.yaml"
"""The story page's steps, under the data root."""

_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
# Links, images, reference definitions, raw HTML and attribute lists: the page links each
# step's events itself, and editor text must not bring markup of its own.
_STORY_MARKUP = re.compile(r"\]\(|^\s*\[[^\]^]+\]:|<[a-zA-Z/!?]|\{:", re.MULTILINE)


def _story_message(error: ErrorDetails) -> str | None:
    where = error["loc"][-1] if error["loc"] else None
    if error["type"] in ("too_short", "string_too_short", "missing"):
        if where == "events":
            return "a step needs at least one event id: the events its map shows"
        if where == "text":
            return "a step needs text: a few sentences in your own words, with footnotes"
        if where == "steps":
            return "the story needs at least one step"
    return None


def _load_story(data_dir: Path, root: str, data: Dataset) -> tuple[Story | None, list[Problem]]:
    """Read and check ``story.yaml``: schema first, then what only the whole dataset can tell.

    Steps are cross-checked from the raw file even when the schema refuses it,
    so an editor sees every mistake in one run.
    """
    path = data_dir / STORY_FILE
    shown = f"{root}/{STORY_FILE}"
    if not path.exists():
        return None, []
    content, problems = read_mapping(path, shown)
    if content is None:
        return None, problems
    story = None
    try:
        story = Story.model_validate(content)
    except ValidationError as exc:
        for problem, error in zip(
            _schema_problems(exc, shown, Story), exc.errors(include_url=False), strict=True
        ):
            message = _story_message(error)
            problems.append(Problem(shown, problem.field, message) if message else problem)
    steps = content.get("steps")
    if isinstance(steps, list):
        problems.extend(_check_story_steps(steps, shown, data))
    return (story if not problems else None), problems


def _check_story_steps(steps: list[Any], shown: str, data: Dataset) -> list[Problem]:
    found: list[Problem] = []
    first_with_id: dict[str, int] = {}
    first_with_events: dict[tuple[str, ...], int] = {}
    for n, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        at = f"steps[{n}]"
        step_id = step.get("id")
        if isinstance(step_id, str):
            if step_id in first_with_id:
                found.append(
                    Problem(
                        shown,
                        f"{at}.id",
                        f"duplicate step: '{step_id}' is already the id of "
                        f"steps[{first_with_id[step_id]}]; each step needs its own id",
                    )
                )
            else:
                first_with_id[step_id] = n
        events = step.get("events")
        if isinstance(events, list) and all(isinstance(e, str) for e in events) and events:
            for i, event_id in enumerate(events):
                if event_id not in data.events:
                    found.append(
                        Problem(
                            shown,
                            f"{at}.events[{i}]",
                            f"unknown event id '{event_id}': no data/events/{event_id}.yaml",
                        )
                    )
            known = [data.events[e] for e in events if e in data.events]
            if len(known) == len(events) and all(data.coordinates(e) is None for e in known):
                found.append(
                    Problem(
                        shown,
                        f"{at}.events",
                        "none of these events has a place or location, so the map has "
                        "nowhere to go; add an event that has one",
                    )
                )
            key = tuple(sorted(events))
            if key in first_with_events:
                found.append(
                    Problem(
                        shown,
                        f"{at}.events",
                        f"duplicate step: the same events as steps[{first_with_events[key]}]; "
                        "merge the two steps or give each its own events",
                    )
                )
            else:
                first_with_events[key] = n
        text = step.get("text")
        if isinstance(text, str) and text.strip():
            if _STORY_MARKUP.search(text):
                found.append(
                    Problem(
                        shown,
                        f"{at}.text",
                        "links, HTML and attribute lists are not allowed in a step's text; "
                        "the page links the step's events itself",
                    )
                )
            cited = _FOOTNOTE.findall(text)
            if not cited:
                found.append(
                    Problem(
                        shown,
                        f"{at}.text",
                        "cites no source; add a footnote whose label is a source id, "
                        "e.g. [^rferl-2022-05-24]",
                    )
                )
            for label in dict.fromkeys(cited):
                if label not in data.sources:
                    found.append(
                        Problem(
                            shown,
                            f"{at}.text",
                            f"cites [^{label}], which is not an id in data/sources.yaml",
                        )
                    )
    return found
