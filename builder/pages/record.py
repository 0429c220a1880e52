"""The sentence that dates an event's entry into the record, for its page and its feed entry."""

from __future__ import annotations

import datetime as dt

from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.formats import display_day
from builder.i18n.messages import message
from builder.record import dates
from builder.record.record_dates import RecordDates


def _day(moment: dt.datetime, lang: Language) -> str:
    day = moment.astimezone(dt.UTC).date()
    shown = dates.display(day.isoformat()) if lang == DEFAULT_LANGUAGE else display_day(day, lang)
    return f"<time datetime='{day.isoformat()}'>{shown}</time>"


def record_sentence(record: RecordDates, lang: Language = DEFAULT_LANGUAGE) -> str:
    """ "Added to the record on D Month YYYY[, last changed on D Month YYYY]." as HTML, in
    ``lang``."""
    if record.approximate:
        return message("record.approximate", lang).format(added=_day(record.added, lang))
    if record.changed_later:
        return message("record.changed", lang).format(
            added=_day(record.added, lang), changed=_day(record.changed, lang)
        )
    return message("record.added", lang).format(added=_day(record.added, lang))
