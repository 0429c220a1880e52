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

from builder.html.sanitize import text
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.localize import localized
from builder.maps.areas import Geography
from builder.maps.story import STORY_MAP_PATH, StepView, step_views
from builder.maps.story_figure import FIGURE_HEIGHT, STORY_FIGURE_PATH, WIDTH
from builder.pages.common import front_matter, record_text, record_title, show_date, words
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


def when(view: StepView, lang: Language = DEFAULT_LANGUAGE) -> str:
    """The step's dates as readers see them: one date, or the first to the last."""
    if view.start == view.end:
        return show_date(view.start, lang)
    return words(
        "date.range", lang, start=show_date(view.start, lang), end=show_date(view.end, lang)
    )


def step_explore_link(view: StepView) -> str:
    """The explore page at the step's period, its first located event chosen."""
    return explore_link(
        PREFIX, start=view.start, end=view.end, event=view.events[0] if view.events else None
    )


def _step_text(step: StoryStep, lang: Language) -> str:
    found = localized(step, "text", lang)
    if found is None:
        return ""
    if found.lang == lang:
        return step_markdown(found.text)
    # No translation yet: the English text, marked as such (its footnotes still work).
    note = words("text.untranslated", lang)
    return (
        f'<p class="dr-untranslated-note">{text(note)}</p>\n\n'
        f'<div lang="{found.lang}" markdown="block">\n\n{step_markdown(found.text)}\n\n</div>'
    )


def _step(step: StoryStep, view: StepView, data: Dataset, lang: Language) -> str:
    links = "".join(
        f'<li><a href="{PREFIX}events/{event_id}/">'
        f"{record_text(data.events[event_id], 'title', lang)}</a> "
        f'<span class="dr-story-event-date">({show_date(data.events[event_id].date, lang)})</span>'
        "</li>"
        for event_id in step.events
    )
    heading = (
        f'<h2 class="dr-story-title">{record_text(step, "title", lang)}</h2>\n\n'
        if step.title
        else ""
    )
    return (
        f'<section class="dr-story-step" id="{step.id}" data-story-step="{step.id}" '
        f'data-events="{" ".join(step.events)}" '
        f'data-from="{strip_position(dates.start(view.start))}" '
        f'data-to="{strip_position(dates.end(view.end))}" '
        f'data-explore="{text(step_explore_link(view))}" tabindex="-1" markdown="block">\n\n'
        f'<p class="dr-story-when"><time datetime="{view.start}">{text(when(view, lang))}</time>'
        "</p>\n\n"
        f"{heading}"
        f"{_step_text(step, lang)}\n\n"
        f'<p class="dr-story-events-label">{words("story.events_label", lang)}</p>\n\n'
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


def story_page(data: Dataset, geography: Geography, lang: Language = DEFAULT_LANGUAGE) -> str:
    """The Markdown of the story page in ``lang``."""
    story = data.story
    head = front_matter(
        record_title(story, "title", lang) if story else words("story.title", lang),
        words("story.description", lang),
    )
    # Full width: the map needs the room the sidebars would take.
    head = head.replace("---\n\n", "hide:\n  - navigation\n  - toc\n---\n\n", 1)
    if story is None:
        return head + f"# {words('story.title', lang)}\n\n{words('story.empty', lang)}\n"
    views = {view.id: view for view in step_views(data, geography)}
    steps = "".join(_step(step, views[step.id], data, lang) for step in story.steps)
    intro = (
        f'<p class="dr-story-intro">{record_text(story, "intro", lang)}</p>\n\n'
        if story.intro
        else ""
    )
    maps_link = f'<a href="{PREFIX}maps/">{words("story.maps_page", lang)}</a>'
    figure = (
        f'<noscript><figure class="dr-story-static"><img src="{PREFIX}{STORY_FIGURE_PATH}" '
        f'alt="{text(words("story.figure_alt", lang))}" '
        f'width="{WIDTH}" height="{FIGURE_HEIGHT}">'
        f"<figcaption>{words('story.figure_caption', lang, maps=maps_link)}"
        "</figcaption></figure></noscript>"
    )
    stage = (
        '<div class="dr-story-stage">'
        f'<div class="dr-story-map" id="dr-story-map" data-map-src="{PREFIX}{STORY_MAP_PATH}" '
        f'data-map-title="{text(words("story.map_title", lang))}">'
        f"{figure}"
        '<div class="dr-story-controls">'
        # story.js points it at the step being read and shows it.
        f'<a class="dr-story-explore md-button" href="{PREFIX}explore/" hidden>'
        f"{words('story.explore', lang)}</a></div></div>"
        f"{_time_strip()}</div>"
    )
    return (
        head
        + f"# {record_text(story, 'title', lang)}\n\n"
        + intro
        + '<div class="dr-story" data-story markdown="block">\n\n'
        + stage
        + "\n\n"
        + '<div class="dr-story-steps" markdown="block">\n\n'
        + steps
        + "</div>\n\n</div>\n\n"
        # After the last step: above the story it pushed the first step off a phone's
        # first screen; here, opened, it pushes nothing the reader is reading.
        + "[[embed map story]]\n\n"
        + f'<script src="{PREFIX}{STORY_SCRIPT}"></script>\n'
    )
