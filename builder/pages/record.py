"""The sentence that dates an event's entry into the record, for its page and its feed entry."""

from __future__ import annotations

import datetime as dt

from builder.record import dates
from builder.record.record_dates import RecordDates


def _day(moment: dt.datetime) -> str:
    day = moment.astimezone(dt.UTC).date().isoformat()
    return f"<time datetime='{day}'>{dates.display(day)}</time>"


def record_sentence(record: RecordDates) -> str:
    """ "Added to the record on D Month YYYY[, last changed on D Month YYYY]." as HTML."""
    if record.approximate:
        return (
            f"Added to the record around {_day(record.added)} (approximate: this copy "
            "was built without the history of the event's file)."
        )
    if record.changed_later:
        return (
            f"Added to the record on {_day(record.added)}, last changed on {_day(record.changed)}."
        )
    return f"Added to the record on {_day(record.added)}."
