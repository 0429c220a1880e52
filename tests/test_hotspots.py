"""Former hotspots of a 10,000-event build stay fixed, and the fixes change no output."""

from __future__ import annotations

from conftest import ROOT

from builder.html import sanitize
from builder.record import dates
from builder.record.validate import load_dataset


def test_chronological_order_is_sorted_once_per_dataset(monkeypatch) -> None:
    data = load_dataset(ROOT / "data")
    calls = []
    real_start = dates.start
    monkeypatch.setattr(dates, "start", lambda value: calls.append(value) or real_start(value))
    first = data.chronological()
    parsed = len(calls)
    assert parsed == len(data.events)
    for _ in range(3):
        assert data.chronological() == first
    assert len(calls) == parsed
    starts = [real_start(event.date) for _, event in first]
    assert starts == sorted(starts)


def test_the_shared_markdown_parser_carries_nothing_from_one_text_to_the_next() -> None:
    # A reference definition in one summary must not resolve a link in another.
    sanitize.markdown_html("See [the report][r].\n\n[r]: https://example.org/report")
    later = sanitize.markdown_html("See [the report][r].")
    assert "href" not in later
    assert sanitize.markdown_html("*a*") == "<p><em>a</em></p>"
