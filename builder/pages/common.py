"""What every generated page shares: front matter, the way back to the site root, status wording."""

from __future__ import annotations

import json
import re

from babel import Locale
from pydantic import BaseModel

from builder.html.embeds import EmbedWords
from builder.html.sanitize import markdown_html, text
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.formats import display_date
from builder.i18n.localize import localized
from builder.i18n.messages import MESSAGES, message
from builder.record import dates
from builder.record.countries import country_name

ROOT_FROM_PAGE = "../../"
"""From a generated page at ``<folder>/<id>/`` back to the site root."""

STATUS_LABELS = {
    "confirmed": "Confirmed",
    "reported": "Reported, not independently confirmed",
    "claimed": "Claimed by one side, not verified",
    "disputed": "Disputed",
    "denied": "Claimed and denied",
}
"""How each status reads on a page."""


def front_matter(
    title: str, description: str, card: str | None = None, card_alt: str | None = None
) -> str:
    """YAML front matter with an escaped title and description (JSON strings are YAML), and
    the site path and description of the page's sharing ``card`` when it has its own."""
    short = " ".join(description.split())
    if len(short) > 200:
        short = short[:199].rsplit(" ", 1)[0] + "…"
    return (
        "---\n"
        f"title: {json.dumps(text(title), ensure_ascii=False)}\n"
        f"description: {json.dumps(text(short), ensure_ascii=False)}\n"
        + (f"card: {json.dumps(card)}\n" if card else "")
        + (f"card_alt: {json.dumps(text(card_alt), ensure_ascii=False)}\n" if card_alt else "")
        + "---\n\n"
    )


def words(key: str, lang: Language, **values: str) -> str:
    """The interface's words for ``key`` in ``lang`` (:mod:`builder.i18n.messages`), with
    ``values`` put in their ``{name}`` places."""
    said = message(key, lang)
    return said.format(**values) if values else said


def status_label(status: str, lang: Language) -> str:
    """How a status reads on a page in ``lang``: "Reported, not independently confirmed"."""
    return (
        STATUS_LABELS[status] if lang == DEFAULT_LANGUAGE else words(f"status.long.{status}", lang)
    )


def category_words(category: str, lang: Language) -> str:
    """A category as running text in ``lang``: "drone production", "производство дронов"."""
    return (
        category.replace("-", " ")
        if lang == DEFAULT_LANGUAGE
        else words(f"category.{category}", lang)
    )


def show_date(value: str, lang: Language) -> str:
    """A partial date at its own precision, the way ``lang`` writes it ("17 мая 2022 г.")."""
    return dates.display(value) if lang == DEFAULT_LANGUAGE else display_date(value, lang)


def country(code: str, lang: Language) -> str:
    """A country's name in ``lang`` from its ISO alpha-3 code; unknown codes stay codes."""
    if lang == DEFAULT_LANGUAGE:
        return country_name(code)
    return MESSAGES.get(f"country.{code}", {}).get(lang, code)


def record_text(record: BaseModel, field: str, lang: Language) -> str:
    """A record's plain text in ``lang``, escaped; English standing in for a missing
    translation is marked ``lang="en"`` so browsers and screen readers read it as English."""
    found = localized(record, field, lang)
    if found is None:
        return ""
    if found.lang == lang:
        return text(found.text)
    return f'<span lang="{found.lang}">{text(found.text)}</span>'


def record_markdown(record: BaseModel, field: str, lang: Language) -> str:
    """A record's Markdown text in ``lang`` as sanitised HTML; English standing in for a
    missing translation is wrapped in ``lang="en"`` under a short note saying so."""
    found = localized(record, field, lang)
    if found is None:
        return ""
    html = markdown_html(found.text)
    if found.lang == lang:
        return html
    note = f'<p class="dr-untranslated-note">{text(words("text.untranslated", lang))}</p>'
    return f'{note}<div lang="{found.lang}">{html}</div>'


def record_title(record: BaseModel, field: str, lang: Language) -> str:
    """A record's text in ``lang`` as plain (unescaped) text, English when untranslated:
    for front matter and attributes, which cannot carry a ``lang`` mark."""
    found = localized(record, field, lang)
    return found.text if found else ""


def embed_words(lang: Language) -> EmbedWords:
    """The words around an embedded map or chart, in ``lang``."""
    if lang == DEFAULT_LANGUAGE:
        return EmbedWords()
    return EmbedWords(
        kind={"map": words("embed.map", lang), "chart": words("embed.chart", lang)},
        credit_kind={
            "map": words("embed.credit.map", lang),
            "chart": words("embed.credit.chart", lang),
        },
        summary=words("embed.summary", lang),
        help=words("embed.help", lang),
        full_screen=words("embed.full_screen", lang),
    )


PLURAL_FORMS: dict[Language, tuple[str, ...]] = {
    "en": ("one", "other"),
    "ru": ("one", "few", "many", "other"),
}
"""The CLDR plural categories of each language, in the order a counted message lists its
forms, separated by ``|`` ("{n} событие|{n} события|{n} событий|{n} события")."""


def counted(count: int, key: str, lang: Language) -> str:
    """``count`` things in ``lang``, the noun in the form the number needs (CLDR's plural
    rules, from Babel): "1 событие", "3 события", "11 событий"."""
    forms = dict(zip(PLURAL_FORMS[lang], message(key, lang).split("|"), strict=True))
    return forms[Locale.parse(lang).plural_form(count)].format(n=count)


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def title_lang_attr(title: str, lang: Language) -> str:
    """The ``lang`` attribute for a source's title (kept in its own language) on a page in
    ``lang``: Latin-script titles are English in this record; a Cyrillic one (Russian,
    Kyrgyz) is left unmarked, for want of a language field on sources."""
    if lang == DEFAULT_LANGUAGE or _CYRILLIC.search(title):
        return ""
    return f" lang='{DEFAULT_LANGUAGE}'"
