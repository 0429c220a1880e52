"""Our own notes in the Russian edition: how a date was worked out, the other side's
response, who said a quote, our notes on sources, places and published figures.

Each has a ``*_ru`` field beside the English one. Where it is written, the Russian page
shows it as Russian; where it is missing, the English stands in, marked ``lang="en"``,
and ``make check`` lists it as a note. The page tests render the minimal fixture with a
translation added or taken away; the data tests read the data files as written (with
PyYAML, not through the builder); the site tests read the real strict build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from site_html import Node, page, parse

from builder.charts.trade import trade_alternative
from builder.html.held_html import release_all
from builder.i18n.coverage import untranslated_records
from builder.pages import bibliography
from builder.pages import events as event_pages
from builder.record.schema import Quote
from builder.record.validate import Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/minimal"
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
ENGLISH_DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{4}\b"
)
"""A date written the English way ("17 May", "May 2022"), which Russian text must not use."""


def _fixture() -> Dataset:
    return load_dataset(FIXTURE / "data")


def _russian_page(data: Dataset, event_id: str) -> Node:
    markdown = event_pages.event_page(event_id, data, None, None, lang="ru")
    return parse(release_all(markdown.split("---\n\n", 1)[1]))


def _same_words(text: str) -> str:
    return " ".join(text.split())


def _marked_english(node: Node) -> list[Node]:
    return [n for n in node.iter() if n.attrs.get("lang") == "en"]


def _response(doc: Node) -> Node:
    (claim,) = doc.find_all("dl", class_="dr-claim")
    terms = claim.find_all("dt")
    (answer,) = [dt for dt in terms if dt.text() == "Ответ"]
    return claim.find_all("dd")[terms.index(answer)]


# Event pages, rendered from the fixture.


def test_a_russian_date_note_shows_as_russian_with_no_english_mark() -> None:
    data = _fixture()
    russian = "Месяц публикации журнала; своей даты он не приводит."
    event = data.events["border-claim"]
    data.events["border-claim"] = event.model_copy(update={"date_inferred_ru": russian})
    (basis,) = _russian_page(data, "border-claim").find_all("span", class_="dr-date-basis")
    assert russian in basis.text()
    assert event.date_inferred is not None
    assert event.date_inferred not in basis.text()
    assert _marked_english(basis) == []


def test_a_missing_russian_date_note_shows_the_english_marked_english() -> None:
    data = _fixture()
    english = data.events["border-claim"].date_inferred
    (basis,) = _russian_page(data, "border-claim").find_all("span", class_="dr-date-basis")
    (marked,) = _marked_english(basis)
    assert marked.text() == english


def test_a_missing_russian_response_shows_the_english_marked_english() -> None:
    data = _fixture()
    assert data.events["border-claim"].response_ru is None
    answer = _response(_russian_page(data, "border-claim"))
    assert answer.attrs.get("lang") == "en"
    assert answer.text() == data.events["border-claim"].response


def test_a_russian_response_shows_as_russian_with_no_english_mark() -> None:
    data = _fixture()
    russian = "Другая сторона назвала это утверждение ложью."
    event = data.events["border-claim"]
    data.events["border-claim"] = event.model_copy(update={"response_ru": russian})
    answer = _response(_russian_page(data, "border-claim"))
    assert answer.text() == russian
    assert _marked_english(answer) == []


def test_a_quote_keeps_its_words_while_who_said_it_reads_in_russian() -> None:
    data = _fixture()
    quote = Quote(text="We opened it today.", by="A minister", source="wire-2022")
    event = data.events["factory-opens"]
    data.events["factory-opens"] = event.model_copy(update={"quotes": [quote]})
    (untranslated,) = _russian_page(data, "factory-opens").find_all("blockquote")
    (by,) = untranslated.find_all("footer")
    assert [n.text() for n in _marked_english(by)] == ["A minister"]

    translated = quote.model_copy(update={"by_ru": "Министр"})
    data.events["factory-opens"] = event.model_copy(update={"quotes": [translated]})
    (shown,) = _russian_page(data, "factory-opens").find_all("blockquote")
    (words,) = shown.find_all("p")
    assert words.attrs.get("lang") == "en"
    assert "We opened it today." in words.text()
    (by,) = shown.find_all("footer")
    assert by.text() == "Министр"
    assert _marked_english(by) == []


# The sources page, rendered from the fixture.


def test_a_sources_note_and_search_read_in_russian_where_written_else_marked_english() -> None:
    data = _fixture()
    data.sources["journal-2021"] = data.sources["journal-2021"].model_copy(
        update={"note": "A journal we read ourselves.", "note_ru": "Журнал, прочитанный нами."}
    )
    data.sources["wire-2022"] = data.sources["wire-2022"].model_copy(
        update={"note": "Printed in the footnote as given."}
    )
    doc = parse(release_all(bibliography.bibliography(data, lang="ru")))
    (journal,) = doc.find_all("li", id="journal-2021")
    (note,) = journal.find_all("span", class_="dr-note")
    assert note.text() == "Журнал, прочитанный нами."
    assert _marked_english(note) == []
    (wire,) = doc.find_all("li", id="wire-2022")
    (note,) = wire.find_all("span", class_="dr-note")
    assert note.attrs.get("lang") == "en"
    assert note.text() == "Printed in the footnote as given."


# make check, on the fixture.


def test_make_check_lists_missing_russian_notes_without_failing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(FIXTURE), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    notes = [line for line in result.stdout.splitlines() if line.startswith("NOTE: not yet in ru")]
    (claim,) = [line for line in notes if "events/border-claim.yaml" in line]
    assert "date_inferred_ru" in claim
    assert "response_ru" in claim
    (place,) = [line for line in notes if "data/places.yaml: dushanbe" in line]
    assert "note_ru" in place


def test_a_translated_note_leaves_the_untranslated_list() -> None:
    data = _fixture()
    event = data.events["border-claim"]
    data.events["border-claim"] = event.model_copy(
        update={"response_ru": "Другая сторона назвала это ложью."}
    )
    (claim,) = [line for line in untranslated_records(data, "ru") if "border-claim" in line]
    assert "response_ru" not in claim
    assert "date_inferred_ru" in claim


# The trade chart's table, from the real data.


def test_the_trade_table_labels_a_figure_in_russian_or_marks_the_english() -> None:
    data = load_dataset(ROOT / "data")
    raw = yaml.safe_load((ROOT / "data/indicators.yaml").read_text(encoding="utf-8"))
    labels = [row[0] for row in trade_alternative(data, "ru").table.rows]
    for indicator in raw.values():
        assert indicator["label_ru"] in labels

    target = next(iter(raw))
    data.indicators[target] = data.indicators[target].model_copy(update={"label_ru": None})
    rows = trade_alternative(data, "ru").table.rows
    (fallback,) = [row[0] for row in rows if getattr(row[0], "label", None) == raw[target]["label"]]
    assert getattr(fallback, "lang", None) == "en"


# Every current instance has its Russian text.


def _raw(path: str) -> dict:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def _pairs() -> list[tuple[str, str, str]]:
    """Every English note of ours in the data, with its Russian twin (or ``""``), as
    ``(where, English, Russian)``."""
    found = []
    for path in sorted((ROOT / "data/events").glob("*.yaml")):
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field in ("date_inferred", "response"):
            if field in event:
                found.append((f"{path.stem}.{field}", event[field], event.get(f"{field}_ru", "")))
        for i, quote in enumerate(event.get("quotes", [])):
            found.append((f"{path.stem}.quotes[{i}].by", quote["by"], quote.get("by_ru", "")))
    for file, fields in (
        ("data/sources.yaml", ("note", "unresolved")),
        ("data/places.yaml", ("note",)),
        ("data/indicators.yaml", ("label", "note")),
    ):
        for key, entry in _raw(file).items():
            for field in fields:
                if field in entry:
                    found.append(
                        (f"{file}: {key}.{field}", entry[field], entry.get(f"{field}_ru", ""))
                    )
    return found


def test_every_note_of_ours_in_the_data_has_its_russian_text() -> None:
    pairs = _pairs()
    # The data as it stands: 38 date notes, 4 responses and some of every other kind.
    assert sum(1 for where, _, _ in pairs if where.endswith(".date_inferred")) >= 38
    assert sum(1 for where, _, _ in pairs if where.endswith(".response")) >= 4
    missing = [where for where, _, russian in pairs if not russian]
    assert missing == []
    not_russian = [where for where, _, russian in pairs if not CYRILLIC.search(russian)]
    assert not_russian == []


def test_russian_notes_write_dates_the_russian_way() -> None:
    english_dates = [
        (where, match.group(0))
        for where, _, russian in _pairs()
        for match in ENGLISH_DATE.finditer(russian)
    ]
    assert english_dates == []


# The real build.


def test_russian_event_pages_show_each_date_note_and_response_in_russian(
    built_site: Path,
) -> None:
    for path in sorted((ROOT / "data/events").glob("*.yaml")):
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "date_inferred" not in event and "response" not in event:
            continue
        doc = page(built_site, f"ru/events/{path.stem}/")
        if "date_inferred" in event:
            basis = doc.find("span", class_="dr-date-basis")
            assert _same_words(event["date_inferred_ru"]) in basis.text(), path.stem
            assert _marked_english(basis) == [], path.stem
        if "response" in event:
            answer = _response(doc)
            assert answer.text() == _same_words(event["response_ru"]), path.stem
            assert _marked_english(answer) == [], path.stem


def test_the_russian_sources_page_marks_none_of_our_notes_as_english(built_site: Path) -> None:
    doc = page(built_site, "ru/reference/sources/")
    for key, source in _raw("data/sources.yaml").items():
        entry = doc.find("li", id=key)
        notes = entry.find_all("span", class_="dr-note")
        shown = " ".join(n.text() for n in notes)
        for field in ("note", "unresolved"):
            if field in source:
                assert _same_words(source[f"{field}_ru"]) in shown, (key, field)
        assert [n for note in notes for n in _marked_english(note)] == [], key
