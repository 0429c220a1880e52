"""Partial dates: a year, a month or a day, kept at the precision an editor wrote.

An event known only to the month is not the first of that month. Every date in
the data is a string ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; this module
parses, checks and spans such strings without inventing precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_DATE_RE = re.compile(DATE_PATTERN)

Precision = Literal["year", "month", "day"]
"""How much of a partial date is known."""

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _coerce(value: object) -> object:
    # YAML turns an unquoted 2022-05-17 into a date and 2022 into an int; both
    # are what the editor meant, so accept them as the string they wrote.
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    return value


def _check(value: str) -> str:
    if not _DATE_RE.match(value):
        raise ValueError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"'{value}' has month {parts[1]:02d}; months run from 01 to 12")
    if len(parts) == 3:
        last = calendar.monthrange(parts[0], parts[1])[1]
        if not 1 <= parts[2] <= last:
            raise ValueError(f"'{value}' has day {parts[2]:02d}; that month has {last} days")
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_coerce),
    Field(
        pattern=DATE_PATTERN,
        examples=["2022-05-17", "2021-08", "1991"],
        description="A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
    AfterValidator(_check),
]
"""A validated partial date string: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


def precision(value: str) -> Precision:
    """Return how precise a partial date is: ``year``, ``month`` or ``day``."""
    return ("year", "month", "day")[value.count("-")]


def start(value: str) -> dt.date:
    """Return the first day a partial date may mean."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def end(value: str) -> dt.date:
    """Return the last day a partial date may mean."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts)


def display(value: str) -> str:
    """Format a partial date for readers without adding precision: ``17 May 2022``, ``May 2022``."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTH_NAMES[parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"
