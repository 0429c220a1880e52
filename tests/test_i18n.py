"""The language layer: Russian dates and numbers from CLDR, fallbacks marked, no missing words."""

from __future__ import annotations

from builder.i18n import LANGUAGES
from builder.i18n.formats import display_date, display_number, display_short_day
from builder.i18n.localize import localized
from builder.i18n.messages import MESSAGES
from builder.record.schema import Place


def test_russian_dates_read_the_russian_way_at_their_own_precision() -> None:
    assert display_date("2022-05-17", "ru") == "17 мая 2022 г."
    assert display_date("2022-05", "ru") == "май 2022 г."
    assert display_date("2022", "ru") == "2022 г."
    assert display_date("2022-05-17", "en") == "17 May 2022"
    assert display_date("2022-05", "en") == "May 2022"


def test_russian_numbers_group_thousands_with_a_no_break_space() -> None:
    assert display_number(1300, "ru") == "1\u00a0300"
    assert display_number(1300, "en") == "1,300"


def test_a_missing_translation_falls_back_to_english_and_says_so() -> None:
    place = Place(name="Dushanbe", country="TJK", lat=38.5, lon=68.7, precision="locality")
    assert localized(place, "name", "ru") == ("Dushanbe", "en")
    named = place.model_copy(update={"name_ru": "Душанбе"})
    assert localized(named, "name", "ru") == ("Душанбе", "ru")
    assert localized(named, "name", "en") == ("Dushanbe", "en")


def test_every_interface_message_exists_in_every_language() -> None:
    missing = [
        f"{key}: {lang}"
        for key, texts in MESSAGES.items()
        for lang in LANGUAGES
        if not texts.get(lang)
    ]
    assert missing == []


def test_a_narrow_column_abbreviates_the_month_the_russian_way() -> None:
    import datetime as dt

    assert display_short_day(dt.date(2024, 3, 5), "ru") == "5 мар. 2024 г."
    assert display_short_day(dt.date(2024, 3, 5), "en") == "5 Mar 2024"
