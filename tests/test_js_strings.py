"""The front-end scripts' words: one table per language, the same keys in each.

Every script in ``docs/assets/js`` asks for its words with ``t("key", "English")`` (or
``words(...)`` where ``t`` names something else) and falls back to the English it
carries. These tests read every such call and check that the key is a message with that
very English and a Russian text, that the keys the scripts build at run time (plural
forms, categories, statuses) all exist, and that the English and Russian tables written
into pages hold the same keys.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel import Locale

from builder.i18n import LANGUAGES
from builder.i18n.front import front_strings, strings_element
from builder.i18n.messages import MESSAGES
from builder.record.schema import CATEGORIES, STATUSES

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "docs/assets/js").glob("*.js"))

# t("key", "English" ...) or words("key", "English" ...): a literal key and literal English.
_CALL = re.compile(r'\b(?:t|words)\(\s*"([a-z][\w.-]*)"\s*,\s*("(?:[^"\\]|\\.)*")\s*[,)]', re.S)
# t(plural("base", n), ...): a key chosen by the count's plural form.
_PLURAL = re.compile(r'\bplural\(\s*"([a-z][\w.-]*)"')
# t("ui.chart.showing_all." + form, ...) in charts.js: the same, with the form found there.
_FORM_KEY = re.compile(r'\bt\(\s*"([a-z][\w.-]*\.)"\s*\+\s*form\b')

DYNAMIC_KEYS: dict[str, list[str]] = {
    "ui.category.": list(CATEGORIES),
    "status.": list(STATUSES),
    "map.precision.": ["exact", "locality", "district", "province", "region", "country"],
    "ui.map.area.": ["district", "province", "region", "country"],
    "ui.explore.known_to.": ["year", "month", "day"],
    "ui.explore.counts_hover.": ["1", "3", "6", "12"],
}
"""Keys the scripts build from a prefix and a value of the record: every value must have one."""


def _calls() -> list[tuple[str, str, str]]:
    found = []
    for script in SCRIPTS:
        source = script.read_text(encoding="utf-8")
        for key, english in _CALL.findall(source):
            found.append((script.name, key, json.loads(english)))
    return found


def _plural_bases() -> set[str]:
    bases = set()
    for script in SCRIPTS:
        source = script.read_text(encoding="utf-8")
        bases.update(_PLURAL.findall(source))
        bases.update(base.rstrip(".") for base in _FORM_KEY.findall(source))
    return bases


def test_the_scripts_ask_for_words() -> None:
    # Guards the tests below against a pattern that finds nothing.
    names = {name for name, _, _ in _calls()}
    assert {
        "map-layers.js",
        "explore.js",
        "chart-draw.js",
        "events-index.js",
        "basemap.js",
    } <= names
    assert len(_calls()) > 60
    assert {"ui.explore.events", "ui.chart.showing"} <= _plural_bases()


@pytest.mark.parametrize("call", _calls(), ids=lambda c: f"{c[0]}:{c[1]}")
def test_every_word_a_script_asks_for_is_a_message_with_the_same_english(call) -> None:
    _, key, english = call
    assert key in MESSAGES, f"{key} is not in builder/i18n/messages.py"
    assert MESSAGES[key]["en"] == english
    assert MESSAGES[key]["ru"]
    assert MESSAGES[key]["ru"] != english


def test_keys_built_at_run_time_exist_for_every_value() -> None:
    missing = [
        prefix + value
        for prefix, values in DYNAMIC_KEYS.items()
        for value in values
        if prefix + value not in MESSAGES
    ]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_counted_phrase_has_each_plural_form_of_each_language(lang) -> None:
    # Babel's CLDR plural rules: Russian has one, few, many and other; English one and other.
    forms = {*Locale.parse(lang).plural_form.tags, "other"}
    if lang == "ru":
        assert forms == {"one", "few", "many", "other"}
    missing = [
        f"{base}.{form}"
        for base in _plural_bases()
        for form in forms
        if f"{base}.{form}" not in MESSAGES
    ]
    assert missing == []


def test_the_english_and_russian_tables_hold_the_same_keys() -> None:
    english, russian = front_strings("en"), front_strings("ru")
    assert english.keys() == russian.keys()
    used = {key for _, key, _ in _calls()}
    assert used <= russian.keys()
    assert all(russian[key] for key in russian)


def test_pages_in_english_carry_no_table_and_russian_pages_carry_theirs() -> None:
    assert strings_element("en") == ""
    element = strings_element("ru")
    match = re.fullmatch(
        r'<script type="application/json" id="dr-strings">(.*)</script>', element, re.S
    )
    assert match is not None
    assert json.loads(match.group(1)) == front_strings("ru")


def test_the_scripts_category_names_are_the_pages_category_names() -> None:
    # One name per category on a page: the filters the page writes and the timeline and
    # legends the scripts draw must not call the same thing two names.
    for category in CATEGORIES:
        for lang in LANGUAGES:
            page = MESSAGES[f"category.{category}"][lang]
            assert MESSAGES[f"ui.category.{category}"][lang] == page[0].upper() + page[1:]
