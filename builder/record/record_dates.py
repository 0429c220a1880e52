"""When each event entered the record and when it last changed, from the repository's history.

Newsrooms date every item twice, when it was published and when it last
changed. Here both dates come from git: the MkDocs hook runs one ``git log``
per build (:func:`git_log_command`) and hands its output to
:func:`parse_git_log`; this module only parses text, so it stays pure.

Where there is no history (a tarball, an uncommitted file) or only part of it
(a shallow clone, whose oldest commit seems to add every file), the dates fall
back to ``SOURCE_DATE_EPOCH``, the same for every build of a commit, and are
marked approximate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

EVENTS_PATH = "data/events/"
"""The events folder, relative to the repository root, as git names it."""

FALLBACK_EPOCH = 1660435200
"""14 August 2022, the article's date: the fallback when ``SOURCE_DATE_EPOCH`` is unset too."""

_COMMIT = "\x1e"
_FIELD = "\x1f"


def git_log_command(events_path: str = EVENTS_PATH) -> list[str]:
    """The one ``git`` command a build runs: each commit's time, its marks and the files it adds or changes."""
    return [
        "git",
        # Output the parser understands whatever the user's configuration says.
        "-c",
        "log.showSignature=false",
        "-c",
        "core.quotepath=on",
        "log",
        f"--format={_COMMIT}%ct{_FIELD}%D",
        "--name-status",
        "--diff-filter=AM",
        "--no-renames",
        # A merge that resolved a conflict in an event file changed it; plain merges did not.
        "--cc",
        # Paths relative to the project, should it sit inside a larger repository.
        "--relative",
        "--",
        events_path,
    ]


def epoch_datetime(seconds: int) -> dt.datetime:
    """A Unix time as an aware UTC datetime."""
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


@dataclass(frozen=True)
class RecordDates:
    """When one event entered the record and when its file last changed."""

    added: dt.datetime
    """Time of the commit that added the event's file."""
    changed: dt.datetime
    """Time of the latest commit that added or changed it."""
    approximate: bool = False
    """True when the history did not say: both dates are the build's fallback."""

    @property
    def changed_later(self) -> bool:
        """Whether the file changed on a later day than the one it was added."""
        return self.changed.date() != self.added.date()


@dataclass(frozen=True)
class RecordHistory:
    """The dates of every event the history knows, and the fallback for the others."""

    fallback: dt.datetime
    """What an event without history is dated (``SOURCE_DATE_EPOCH``)."""
    known: Mapping[str, RecordDates] = field(default_factory=dict)
    """Dates by event id, for files the history shows being added."""

    def of(self, event_id: str) -> RecordDates:
        """The dates of ``event_id``; approximate ones when the history does not know it."""
        found = self.known.get(event_id)
        if found is not None:
            return found
        return RecordDates(self.fallback, self.fallback, approximate=True)

    def approximate(self, event_ids: Iterable[str]) -> list[str]:
        """Those of ``event_ids`` whose dates are the fallback, sorted."""
        return sorted(i for i in event_ids if i not in self.known)


def no_history(fallback_epoch: int = FALLBACK_EPOCH) -> RecordHistory:
    """Dates for a build without history: every event at ``fallback_epoch``, approximate."""
    return RecordHistory(epoch_datetime(fallback_epoch))


def parse_git_log(
    output: str | None, fallback_epoch: int, events_path: str = EVENTS_PATH
) -> RecordHistory:
    """Read the output of :func:`git_log_command` (newest commit first) into dates per event.

    ``None`` (git missing, not a repository) gives :func:`no_history`. A file
    whose earliest commit is a shallow clone's cut-off ("grafted") was not
    necessarily added there: its dates are left to the fallback.
    """
    if output is None:
        return no_history(fallback_epoch)
    changed: dict[str, dt.datetime] = {}
    added: dict[str, dt.datetime | None] = {}
    for block in output.split(_COMMIT)[1:]:
        header, _, files = block.partition("\n")
        seconds, _, marks = header.partition(_FIELD)
        when = epoch_datetime(int(seconds))
        grafted = "grafted" in (m.strip() for m in marks.split(","))
        for line in files.splitlines():
            path = line.partition("\t")[2]
            if not path.startswith(events_path) or not path.endswith(".yaml"):
                continue
            event_id = path[len(events_path) : -len(".yaml")]
            if "/" in event_id:
                continue
            changed.setdefault(event_id, when)
            # Older commits come later in the log: the last one seen is the earliest.
            added[event_id] = None if grafted else when
    known = {
        event_id: RecordDates(when, changed[event_id])
        for event_id, when in added.items()
        if when is not None
    }
    return RecordHistory(epoch_datetime(fallback_epoch), known)
