"""The story page (``story/``): the steps of ``data/story.yaml`` beside a map that follows them.

The page is complete without JavaScript: every step is a section of text with
its date, its footnoted sources and links to the pages of the events it tells,
and a static figure of the story's map stands in for the live one. With
JavaScript, ``assets/js/story.js`` puts the story map document
(:mod:`builder.maps.story`) in a sticky frame, moves it as each step comes
into view and marks the step's place on a time strip.

The page contract, which tests and scripts rely on: each step is an element
with ``data-story-step`` (its id) and ``data-events`` (its event ids,
separated by spaces).
"""

from __future__ import annotations

import datetime as dt
import re

from builder.html.held_html import hold
from builder.html.sanitize import text
from builder.i18n import Language
from builder.i18n.formats import display_date
from builder.i18n.front import strings_element
from builder.i18n.localize import localized
from builder.i18n.messages import formatted
from builder.maps.areas import Geography
from builder.maps.story import STORY_MAP_PATH, StepView, step_views
from builder.maps.story_figure import FIGURE_HEIGHT, STORY_FIGURE_PATH, WIDTH
from builder.pages.common import front_matter
from builder.pages.explore import explore_link
from builder.record import dates
from builder.record.schema import StoryStep
from builder.record.validate import Dataset

STORY_PAGE = "story/index.md"
"""Docs path of the story page."""

STORY_SCRIPT = "assets/js/story.js"
"""Site path of the script that drives the map; only the story page loads it."""

STRIP_FIRST_YEAR = 2015
"""First year on the time strip."""

STRIP_LAST_YEAR = 2022
"""Last year on the time strip (it runs to the end of that year)."""

PREFIX = "../"
"""From the story page (``story/``) back to the site root."""

_FOOTNOTE = re.compile(r"\[\^([a-z0-9]+(?:-[a-z0-9]+)*)\]")


def step_markdown(value: str) -> str:
    """A step's text as Markdown that can carry emphasis and footnotes and nothing else.

    HTML is escaped, and the brackets and braces that would start a link or an
    attribute list are escaped too, except in ``[^source-id]`` footnotes.
    """
    pieces = []
    last = 0
    for match in _FOOTNOTE.finditer(value):
        pieces.append(_escape(value[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_escape(value[last:]))
    return " ".join("".join(pieces).split())


def _escape(value: str) -> str:
    escaped = text(value)
    for char in "[]{}()!":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def strip_position(day: dt.date) -> float:
    """Where a day falls on the time strip, from 0 (1 January of the first year) to 1 (the end)."""
    first = dt.date(STRIP_FIRST_YEAR, 1, 1)
    last = dt.date(STRIP_LAST_YEAR + 1, 1, 1)
    share = (day - first).days / (last - first).days
    return round(min(1.0, max(0.0, share)), 4)


def _date(value: str, lang: Language) -> str:
    return dates.display(value) if lang == "en" else display_date(value, lang)


def _say(key: str, lang: Language, **values: object) -> str:
    # Our own words, trusted: written into the page as they are, like the English was.
    return formatted(f"story.{key}", lang, **values)


def when(view: StepView, lang: Language = "en") -> str:
    """The step's dates as readers see them: one date, or the first to the last."""
    if view.start == view.end:
        return _date(view.start, lang)
    return _say("when", lang, first=_date(view.start, lang), last=_date(view.end, lang))


def _lang_attribute(found_lang: str, lang: Language) -> str:
    # Text nobody has translated yet is English on a page in another language: say so.
    return f' lang="{found_lang}"' if found_lang != lang else ""


def step_explore_link(view: StepView) -> str:
    """The explore page at the step's period, its first located event chosen."""
    return explore_link(
        PREFIX, start=view.start, end=view.end, event=view.events[0] if view.events else None
    )


def _event_link(event_id: str, data: Dataset, lang: Language) -> str:
    event = data.events[event_id]
    title = localized(event, "title", lang)
    shown, found_lang = (title.text, title.lang) if title else (event.title, "en")
    return (
        f'<li><a href="{PREFIX}events/{event_id}/"{_lang_attribute(found_lang, lang)}>'
        f"{text(shown)}</a> "
        f'<span class="dr-story-event-date">({_date(event.date, lang)})</span>'
        "</li>"
    )


def _step(step: StoryStep, view: StepView, data: Dataset, lang: Language = "en") -> str:
    links = "".join(_event_link(event_id, data, lang) for event_id in step.events)
    title = localized(step, "title", lang)
    words = localized(step, "text", lang)
    body = step_markdown(words.text if words else step.text)
    if words is not None and words.lang != lang:
        body = f'<div lang="{words.lang}" markdown="block">\n\n{body}\n\n</div>'
    if title is not None:
        heading = (
            f'<h2 class="dr-story-title"{_lang_attribute(title.lang, lang)}>'
            f"{text(title.text)}</h2>\n\n"
        )
    else:
        heading = ""
    return (
        f'<section class="dr-story-step" id="{step.id}" data-story-step="{step.id}" '
        f'data-events="{" ".join(step.events)}" '
        f'data-from="{strip_position(dates.start(view.start))}" '
        f'data-to="{strip_position(dates.end(view.end))}" '
        f'data-explore="{text(step_explore_link(view))}" tabindex="-1" markdown="block">\n\n'
        f'<p class="dr-story-when"><time datetime="{view.start}">{text(when(view, lang))}</time>'
        "</p>\n\n"
        f"{heading}"
        f"{body}\n\n"
        f'<p class="dr-story-events-label">{_say("events_label", lang)}</p>\n\n'
        f'<ul class="dr-story-events">{links}</ul>\n\n'
        "</section>\n\n"
    )


def _time_strip() -> str:
    years = "".join(
        f'<li data-year="{year}">{year}</li>'
        for year in range(STRIP_FIRST_YEAR, STRIP_LAST_YEAR + 1)
    )
    return (
        '<div class="dr-timestrip" aria-hidden="true">'
        '<div class="dr-timestrip-track"><span class="dr-timestrip-span"></span></div>'
        f'<ol class="dr-timestrip-years">{years}</ol></div>'
    )


def story_page(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The Markdown of the story page, its interface in ``lang`` (``story.`` messages) and its
    steps' text in ``lang`` where the data has it (English, marked as such, where not)."""
    story = data.story
    found_title = localized(story, "title", lang) if story else None
    title = found_title.text if found_title else _say("no_story_title", lang)
    head = front_matter(title, _say("description", lang))
    # Full width: the map needs the room the sidebars would take.
    head = head.replace("---\n\n", "hide:\n  - navigation\n  - toc\n---\n\n", 1)
    if story is None:
        return head + f"# {title}\n\n{_say('no_story', lang)}\n"
    views = {view.id: view for view in step_views(data, geography)}
    steps = "".join(_step(step, views[step.id], data, lang) for step in story.steps)
    found_intro = localized(story, "intro", lang)
    intro = (
        f'<p class="dr-story-intro"{_lang_attribute(found_intro.lang, lang)}>'
        f"{text(found_intro.text)}</p>\n\n"
        if found_intro
        else ""
    )
    maps_link = f'<a href="{PREFIX}maps/">'
    figure = (
        f'<noscript><figure class="dr-story-static"><img src="{PREFIX}{STORY_FIGURE_PATH}" '
        f'alt="{_say("figure_alt", lang)}" '
        f'width="{WIDTH}" height="{FIGURE_HEIGHT}">'
        f"<figcaption>{_say('figure_caption', lang, link=maps_link, end='</a>')}"
        "</figcaption></figure></noscript>"
    )
    stage = (
        '<div class="dr-story-stage">'
        f'<div class="dr-story-map" data-map-src="{PREFIX}{STORY_MAP_PATH}" '
        f'data-map-title="{_say("map_title", lang)}">'
        f"{figure}"
        '<div class="dr-story-controls">'
        # story.js points it at the step being read and shows it.
        f'<a class="dr-story-explore md-button" href="{PREFIX}explore/" hidden>'
        f"{_say('explore', lang)}</a></div></div>"
        f"{_time_strip()}</div>"
    )
    title_lang = _lang_attribute(found_title.lang, lang) if found_title else ""
    heading = f"# {text(title)}" + (f" {{{title_lang.strip()}}}" if title_lang else "")
    return (
        head
        # The scripts' words, kept out of Markdown and of the search index.
        + (hold(strings_element(lang), indexed=False) + "\n\n" if lang != "en" else "")
        + f"{heading}\n\n"
        + intro
        + '<div class="dr-story" data-story markdown="block">\n\n'
        + stage
        + "\n\n"
        + '<div class="dr-story-steps" markdown="block">\n\n'
        + steps
        + "</div>\n\n</div>\n\n"
        + f'<script src="{PREFIX}{STORY_SCRIPT}"></script>\n'
    )
