"""The editors' data contract: one pydantic model per kind of data file.

Every field is described where it is declared; those descriptions are the
editors' field reference (exported to JSON Schema and rendered in the guide).
Unknown keys are rejected so that a typo never silently drops a fact.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AnyUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from builder.record.dates import PartialDate
from builder.record.source_addresses import address_problem

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=80),
]
"""Lowercase letters, digits and single hyphens, e.g. ``ababil-2`` or ``rferl-2022-05-24``."""

_ID_SCHEMA = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80}

AreaIds = Annotated[
    list[Identifier],
    BeforeValidator(lambda value: [value] if isinstance(value, str) else value),
    Field(min_length=1),
    WithJsonSchema({"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA, "minItems": 1}]}),
]
"""One id or a list of ids of features in ``data/geo/``; one id is read as a list of one."""

Status = Literal["confirmed", "reported", "claimed", "disputed", "denied"]
"""How well an event is established, from firmest to weakest."""

STATUSES: tuple[str, ...] = ("confirmed", "reported", "claimed", "disputed", "denied")
"""Every status, in the order readers see them explained."""

Category = Literal[
    "drone-production",
    "drone-acquisition",
    "drone-use",
    "diplomacy",
    "trade",
    "military",
    "conflict",
]
"""The thread of the story an event belongs to."""

CATEGORIES: tuple[str, ...] = (
    "drone-production",
    "drone-acquisition",
    "drone-use",
    "diplomacy",
    "trade",
    "military",
    "conflict",
)
"""Every category, in display order."""

LocationPrecision = Literal["exact", "locality", "district", "province", "region", "country"]
"""How precisely a point is known, from a known site to a whole country."""

PRECISIONS: tuple[str, ...] = ("exact", "locality", "district", "province", "region", "country")
"""Every location precision, from finest to coarsest."""

SourceOrigin = Literal["article", "footnote", "added"]
"""Where a source comes from: the article itself, one of its footnotes, or added by us."""

SOURCE_ORIGINS: tuple[str, ...] = ("article", "footnote", "added")
"""Every source origin, in the order the Sources page lists them."""

CLAIM_STATUSES = frozenset({"claimed", "disputed", "denied"})
"""Statuses that need a ``claimed_by``: somebody said it and it is not settled."""


UNSHOWN_RU = (
    " No page shows this note yet, in English or in Russian; make check lists it as "
    "untranslated while it is missing."
)
"""Ends the description of a ``*_ru`` field whose English text the site does not show."""

RU_FALLBACK = (
    " The Russian edition (ru/) shows it; without it that page shows the English text, "
    "marked as English, and make check lists it as untranslated."
)
"""Appended to the description of every ``*_ru`` field the site shows: what happens when it is
missing."""


def _translations_have_originals(record: BaseModel, fields: tuple[str, ...]) -> None:
    """Refuse a ``<field>_ru`` whose English ``<field>`` is missing.

    The pages show a translation only where the English text shows, so a lone
    Russian text would silently go unseen (or, for a date note, contradict a date
    that a source states).
    """
    for field in fields:
        if getattr(record, f"{field}_ru") is not None and getattr(record, field) is None:
            raise ValueError(f"{field}_ru is given without {field}: write the English first")


class Strict(BaseModel):
    """Base for every data model: unknown keys are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Coordinates(Strict):
    """A WGS84 point."""

    lat: float = Field(ge=-90, le=90, description="Latitude in decimal degrees, -90 to 90.")
    lon: float = Field(ge=-180, le=180, description="Longitude in decimal degrees, -180 to 180.")


def _http_only(url: AnyUrl) -> AnyUrl:
    if url.scheme not in ("http", "https"):
        raise ValueError(f"url must start with http:// or https://, not {url.scheme}:")
    return url


class Source(Strict):
    """A published source that events cite, one entry of ``data/sources.yaml``."""

    title: str = Field(min_length=1, description="The source's title as published.")
    publisher: str = Field(min_length=1, description="Outlet or organisation that published it.")
    author: str | None = Field(default=None, description="Author(s), if credited.")
    date: PartialDate = Field(description="Publication date, as precise as the source gives it.")
    url: AnyUrl = Field(
        description=(
            "Where to read it: the public http:// or https:// address a reader can open, "
            "with no port (such as :443), no preview or staging host of a publishing system "
            "and no tracking parameters (utm_..., fbclid, Forbes's sh=). For one of the "
            "article's footnotes, the address the footnote printed, even when it is a "
            "shortened link or a copy on another site: then give resolved_url too."
        )
    )
    resolved_url: AnyUrl | None = Field(
        default=None,
        description=(
            "Where a shortened link (bit.ly and the like) or a repost leads: the original "
            "publisher's own page, found and read in the stored pages (its title and "
            "publisher match this entry). Required when url is a shortener or a known "
            "repost site. Footnotes and the Sources page show this page first and the "
            "printed address after it."
        ),
    )
    unresolved: str | None = Field(
        default=None,
        min_length=10,
        description=(
            "Only for one of the article's footnotes whose url is a shortened link or a "
            "repost and whose original page we have not found: what we searched for and did "
            "not find (plain text). Footnotes and the Sources page then say that the address "
            "is unresolved. Replace it with resolved_url once the original page is found and "
            "read."
        ),
    )
    unresolved_ru: str | None = Field(
        default=None,
        min_length=10,
        description="What we searched for and did not find, in Russian (plain text)." + RU_FALLBACK,
    )
    origin: SourceOrigin = Field(
        default="added",
        description=(
            "Where the source comes from: article (the article this site explains), footnote "
            "(one of the article's numbered footnotes; give its number in footnote) or added "
            "(a page we read ourselves and added to date, confirm or extend the record). Write "
            "it on every entry; when left out it is read as added. The Sources page groups the "
            "bibliography by it."
        ),
    )
    footnote: int | None = Field(
        default=None,
        ge=1,
        le=99,
        description="The number of the article's footnote this source is, if it is one.",
    )
    note: str | None = Field(
        default=None, description="Anything a reader should know about this source."
    )
    note_ru: str | None = Field(
        default=None,
        min_length=1,
        description="The note in Russian; the source's title stays in its own language."
        + RU_FALLBACK,
    )

    @field_validator("url", "resolved_url", mode="before")
    @classmethod
    def _address_is_public(cls, url: object) -> object:
        # Before parsing: the URL type drops a default port such as :443 without a word.
        if isinstance(url, str):
            problem = address_problem(url)
            if problem:
                raise ValueError(problem)
        return url

    @field_validator("url", "resolved_url")
    @classmethod
    def _url_is_web(cls, url: AnyUrl | None) -> AnyUrl | None:
        return None if url is None else _http_only(url)

    @model_validator(mode="after")
    def _origin_matches_footnote(self) -> Source:
        if self.origin == "footnote" and self.footnote is None:
            raise ValueError("origin is footnote, so footnote must give the footnote's number")
        if self.origin != "footnote" and self.footnote is not None:
            raise ValueError(
                f"footnote is {self.footnote}, so origin must be footnote, not {self.origin}"
            )
        return self

    @model_validator(mode="after")
    def _russian_beside_english(self) -> Source:
        _translations_have_originals(self, ("note", "unresolved"))
        return self


class Place(Strict):
    """A named place in the gazetteer ``data/places.yaml``."""

    name: str = Field(min_length=1, description="The place's name as readers know it.")
    name_ru: str | None = Field(
        default=None,
        min_length=1,
        description="The place's name in Russian, as Russian-language media write it (Душанбе)."
        + RU_FALLBACK,
    )
    country: str = Field(
        pattern=r"^[A-Z]{3}$",
        description="ISO 3166-1 alpha-3 code of the country it lies in, e.g. TJK.",
    )
    lat: float = Field(ge=-90, le=90, description="Latitude of the representative point.")
    lon: float = Field(ge=-180, le=180, description="Longitude of the representative point.")
    precision: LocationPrecision = Field(
        description=(
            "How precisely the point stands for where things happened: exact (a known site), "
            "locality (a town or city), district, province, region (a border stretch or "
            "several provinces) or country."
        )
    )
    note: str | None = Field(
        default=None,
        description="Why the point is where it is, and what is not known about the exact site.",
    )
    note_ru: str | None = Field(
        default=None, min_length=1, description="The note in Russian." + UNSHOWN_RU
    )
    area: AreaIds | None = Field(
        default=None,
        description=(
            "The shape that stands for the place on the maps, for a place known only to a "
            "district, province, region or country: the id of a feature in data/geo/ (a "
            "province such as badakhshan, a border line such as afghanistan-tajikistan, or for a "
            "country place its own country's outline such as country-tkm), or a list of ids "
            "whose shapes together stand for it. Provinces and countries are drawn as their "
            "outline, border lines as a band along them; name only polygons or only lines. "
            "Without an area such a place is drawn as a circle sized by its precision. The ids "
            "are listed in data/geo/PROVENANCE.md."
        ),
    )

    @model_validator(mode="after")
    def _russian_beside_english(self) -> Place:
        _translations_have_originals(self, ("note",))
        return self


class Actor(Strict):
    """A state, armed group or organisation in ``data/actors.yaml``."""

    name: str = Field(min_length=1, description="Name as readers know it.")
    name_ru: str | None = Field(
        default=None, min_length=1, description="Name in Russian." + RU_FALLBACK
    )
    kind: Literal["state", "armed-group", "organisation", "media", "person"] = Field(
        description="What sort of actor this is."
    )
    country: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{3}$",
        description="ISO 3166-1 alpha-3 code, for states and actors based in one country.",
    )
    summary: str | None = Field(
        default=None, description="One or two sentences (Markdown) on its role in the story."
    )
    summary_ru: str | None = Field(
        default=None, description="The summary in Russian (Markdown)." + RU_FALLBACK
    )


class Figure(Strict):
    """A number with its unit and its source."""

    value: float = Field(description="The number as the source gives it.")
    unit: str = Field(min_length=1, description="Unit, e.g. km, h, fighters, USD.")
    source: Identifier = Field(description="Id of the source in data/sources.yaml that gives it.")


class DroneSystem(Strict):
    """An unmanned aircraft type in ``data/systems.yaml``."""

    name: str = Field(min_length=1, description="Designation, e.g. Bayraktar TB2.")
    name_ru: str | None = Field(
        default=None,
        min_length=1,
        description="Designation in Russian, e.g. Байрактар TB2." + RU_FALLBACK,
    )
    maker: str = Field(min_length=1, description="Manufacturer or design bureau.")
    maker_ru: str | None = Field(
        default=None,
        min_length=1,
        description=(
            "The maker in Russian, as Russian-language media name it (a brand may keep its "
            "Latin letters, as the record's Russian text keeps Baykar and Turkish Aerospace)."
            + RU_FALLBACK
        ),
    )
    origin: str = Field(pattern=r"^[A-Z]{3}$", description="ISO alpha-3 code of its country.")
    role: str = Field(min_length=1, description="What it is used for, in plain words.")
    role_ru: str | None = Field(
        default=None, min_length=1, description="The role in Russian." + RU_FALLBACK
    )
    range_km: Figure | None = Field(default=None, description="Operational range in km.")
    endurance_h: Figure | None = Field(default=None, description="Flight time in hours.")
    sources: list[Identifier] = Field(
        default_factory=list, description="Sources for the description of this system."
    )


class Quote(Strict):
    """An attributed quotation, kept word for word in quotation marks."""

    text: str = Field(min_length=1, description="The words quoted, exactly as published.")
    by: str = Field(min_length=1, description="Who said it, with their role.")
    by_ru: str | None = Field(
        default=None,
        min_length=1,
        description=(
            "Who said it, with their role, in Russian. The quoted words themselves stay as "
            "published."
        )
        + RU_FALLBACK,
    )
    source: Identifier = Field(description="Id of the source that reports the quote.")


TIMELINE_LABEL_MAX = 24
"""Longest timeline label: short enough to place a label on a phone's 200-pixel plot."""


class Event(Strict):
    """One event, one file: ``data/events/<id>.yaml``. The file name is the event's id."""

    title: str = Field(min_length=3, max_length=160, description="A short headline, no period.")
    title_ru: str | None = Field(
        default=None,
        min_length=3,
        max_length=160,
        description="The headline in Russian, no period." + RU_FALLBACK,
    )
    timeline_label: str | None = Field(
        default=None,
        min_length=3,
        max_length=TIMELINE_LABEL_MAX,
        description=(
            "Only for the story's key events: a few words (at most 24 characters, e.g. "
            "'Taliban take Kabul') that the timeline writes beside the event's marker, so "
            "readers see it without hovering. Where labels would collide the chart keeps "
            "confirmed events before reported ones, then the earlier ones, and drops the rest."
        ),
    )
    timeline_label_ru: str | None = Field(
        default=None,
        min_length=3,
        max_length=TIMELINE_LABEL_MAX,
        description="The timeline label in Russian, at most 24 characters." + RU_FALLBACK,
    )
    date: PartialDate = Field(
        description=(
            "When it happened, at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. "
            "Quote it ('2022-05') so YAML keeps it as text."
        )
    )
    end_date: PartialDate | None = Field(
        default=None, description="For something that lasted: when it ended (same format)."
    )
    date_stated_by: Identifier | None = Field(
        default=None,
        description=(
            "How the date is known, when a source states it: the id of one of this event's "
            "own sources whose text gives this date at the precision written in date (and "
            "end_date, if any), e.g. 'on 17 May' for a day, 'in May 2022' for a month. A "
            "source's publication date alone does not count, nor a weekday ('on Sunday'), "
            "'last year' or 'this month': those are dates we work out, so use date_inferred. "
            "Give date_stated_by or date_inferred, never both."
        ),
    )
    date_inferred: str | None = Field(
        default=None,
        min_length=10,
        description=(
            "How we worked the date out, when no source states it, in a sentence a reader "
            "can check (plain text), e.g. 'From the weekday: the report of Tuesday 17 "
            "October 2023 places it on the Sunday before.' or 'The publication date of the "
            "first report; the sources give no day.' Give date_stated_by or date_inferred, "
            "never both."
        ),
    )
    date_inferred_ru: str | None = Field(
        default=None,
        min_length=10,
        description=(
            "How we worked the date out, in Russian (plain text), with dates as Russian "
            "writes them (17 мая 2022 г.)."
        )
        + RU_FALLBACK,
    )
    summary: str = Field(
        min_length=10,
        description="What happened, in two to five sentences of your own words (Markdown).",
    )
    summary_ru: str | None = Field(
        default=None,
        min_length=10,
        description=(
            "The summary in Russian, written as a Russian-speaking editor would (Markdown), "
            "not word for word."
        )
        + RU_FALLBACK,
    )
    status: Status = Field(
        description=(
            "confirmed: established by official or several independent sources; "
            "reported: published by credible media, not independently confirmed; "
            "claimed: asserted by one party, not verified; "
            "disputed: asserted by one party and contested by another; "
            "denied: asserted and explicitly rejected by the party concerned."
        )
    )
    category: Category = Field(description="The thread of the story the event belongs to.")
    sources: list[Identifier] = Field(
        min_length=1, description="Ids of data/sources.yaml entries that support this event."
    )
    place: Identifier | None = Field(
        default=None, description="Id of a data/places.yaml entry, if the event has a place."
    )
    location: Coordinates | None = Field(
        default=None, description="Coordinates, when the place is not in the gazetteer."
    )
    precision: LocationPrecision | None = Field(
        default=None,
        description=(
            "How precise the location is. Required with location; with place it defaults to "
            "the place's precision and may only be coarser."
        ),
    )
    actors: list[Identifier] = Field(
        default_factory=list, description="Ids of data/actors.yaml entries involved."
    )
    systems: list[Identifier] = Field(
        default_factory=list, description="Ids of data/systems.yaml drone systems involved."
    )
    claimed_by: list[Identifier] = Field(
        default_factory=list,
        description="Actor ids of who asserts it; required for claimed, disputed and denied.",
    )
    denied_by: list[Identifier] = Field(
        default_factory=list, description="Actor ids of who rejects or contests the claim."
    )
    response: str | None = Field(
        default=None,
        description="What the other side said or did in reply, in your own words (Markdown).",
    )
    response_ru: str | None = Field(
        default=None, min_length=1, description="The response in Russian (Markdown)." + RU_FALLBACK
    )
    quotes: list[Quote] = Field(default_factory=list, description="Attributed quotations.")
    tags: list[Identifier] = Field(default_factory=list, description="Free keywords.")

    @field_validator("sources", "actors", "systems", "claimed_by", "denied_by", "tags")
    @classmethod
    def _no_repeats(cls, ids: list[str]) -> list[str]:
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"lists {', '.join(repeated)} more than once")
        return ids

    @model_validator(mode="after")
    def _russian_beside_english(self) -> Event:
        _translations_have_originals(self, ("date_inferred", "response"))
        return self


IndicatorBound = Literal["exact", "about", "more-than", "at-least", "less-than", "at-most"]
"""How a source qualifies a number: 'over 75 percent' is ``more-than`` 75."""


class Indicator(Strict):
    """A published figure the charts draw, one entry of ``data/indicators.yaml``.

    Only figures a source states go here. Values that follow from them (such as
    the 2021 trade that a target and its percentage rise imply) are computed by
    the builder and labelled as derived, never typed in.
    """

    label: str = Field(
        min_length=1,
        description="What the figure measures, in plain words, e.g. 'Yearly trade target'.",
    )
    label_ru: str | None = Field(
        default=None,
        min_length=1,
        description="What the figure measures, in Russian; the charts show it." + RU_FALLBACK,
    )
    value: float = Field(description="The number exactly as the source gives it.")
    unit: Literal["million USD", "percent"] = Field(
        description="Unit of the value: 'million USD' for money, 'percent' for a change."
    )
    bound: IndicatorBound = Field(
        default="exact",
        description=(
            "How the source qualifies the number: exact, about, more-than ('over 75 percent'), "
            "at-least, less-than or at-most."
        ),
    )
    stated: PartialDate = Field(
        description="When the figure was announced or published, as precise as known."
    )
    change_to: Identifier | None = Field(
        default=None,
        description=(
            "For a percentage change only: id of the indicator (in this file) that is the new "
            "level the change leads to, e.g. the $500 million target."
        ),
    )
    baseline: PartialDate | None = Field(
        default=None,
        description=(
            "For a percentage change only: the period the change is measured from, e.g. '2021'."
        ),
    )
    source: Identifier = Field(description="Id of the data/sources.yaml entry that gives it.")
    note: str | None = Field(
        default=None, description="What a reader should know about the figure (plain text)."
    )
    note_ru: str | None = Field(
        default=None, min_length=1, description="The note in Russian (plain text)." + UNSHOWN_RU
    )

    @model_validator(mode="after")
    def _russian_beside_english(self) -> Indicator:
        _translations_have_originals(self, ("note",))
        return self


StoryLayer = Literal["range-ring", "border", "northern-borders", "provinces"]
"""Context layers a story step may show on the story map, beside its events."""

STORY_LAYERS: tuple[str, ...] = ("range-ring", "border", "northern-borders", "provinces")
"""Every story-map context layer, in drawing order."""


class StoryStep(Strict):
    """One step of the scrolling story: a few sentences and the events the map moves to."""

    id: Identifier = Field(
        description=(
            "A short name for the step, unique in the file, e.g. factory-opens. It is the "
            "step's address on the story page (story/#factory-opens)."
        )
    )
    title: str | None = Field(
        default=None,
        min_length=3,
        max_length=100,
        description="An optional headline for the step, no period.",
    )
    title_ru: str | None = Field(
        default=None,
        min_length=3,
        max_length=100,
        description="The step's headline in Russian, no period." + RU_FALLBACK,
    )
    events: list[Identifier] = Field(
        min_length=1,
        description=(
            "Ids of the events (file names in data/events/, without .yaml) the step tells. "
            "The map frames these events from their places and precision, highlights them and "
            "the step links to each event's page; at least one must have a place."
        ),
    )
    text: str = Field(
        min_length=10,
        description=(
            "What the step says, in a few sentences of your own words (Markdown: emphasis "
            "only, no links or HTML). Cite each claim with a footnote, as chapters do: the "
            "id of a source in data/sources.yaml between [^ and ], right after the claim."
        ),
    )
    text_ru: str | None = Field(
        default=None,
        min_length=10,
        description=(
            "What the step says, in Russian, with the same footnotes as text." + RU_FALLBACK
        ),
    )
    layers: list[StoryLayer] = Field(
        default_factory=lambda: list[StoryLayer](["border"]),
        description=(
            "Which context layers the map shows with the step's events: range-ring (the "
            "drone's reach around its factory; the map then frames the whole ring too), border "
            "(the Afghanistan–Tajikistan border), northern-borders (all of Afghanistan's "
            "northern borders) and provinces (the Afghan provinces named in the story). "
            "Without it: the border alone; an empty list [] shows none."
        ),
    )

    @field_validator("events", "layers")
    @classmethod
    def _no_repeats(cls, ids: list[str]) -> list[str]:
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"lists {', '.join(repeated)} more than once")
        return ids


class Story(Strict):
    """The scrolling story on the story page, ``data/story.yaml``: steps in reading order."""

    title: str = Field(
        min_length=3, max_length=120, description="The story page's headline, no period."
    )
    title_ru: str | None = Field(
        default=None,
        min_length=3,
        max_length=120,
        description="The story page's headline in Russian." + RU_FALLBACK,
    )
    intro: str | None = Field(
        default=None,
        description="One or two sentences (plain text) shown under the headline.",
    )
    intro_ru: str | None = Field(
        default=None, description="The introduction in Russian (plain text)." + RU_FALLBACK
    )
    steps: list[StoryStep] = Field(
        min_length=1,
        description=(
            "The steps in the order readers scroll through them (eight to twelve read best). "
            "Reorder, add or remove steps here; nothing else needs to change."
        ),
    )
