"""The interface's own words in every language, by key.

Each key names what the words are for (``status.confirmed``, ``map.legend.title``),
and every entry has every language: ``tests/test_i18n.py`` refuses a missing one.
"""

from __future__ import annotations

from builder.i18n import Language

MESSAGES: dict[str, dict[Language, str]] = {
    "status.confirmed": {"en": "confirmed", "ru": "подтверждено"},
    "status.reported": {"en": "reported", "ru": "сообщается"},
    "status.claimed": {"en": "claimed", "ru": "заявлено"},
    "status.disputed": {"en": "disputed", "ru": "оспаривается"},
    "status.denied": {"en": "denied", "ru": "опровергнуто"},
    "language.english": {"en": "English", "ru": "английский"},
    "language.russian": {"en": "Russian", "ru": "русский"},
    # ru-core: the generated pages, the feed, the editions' switch (builder/pages, overrides/).
    "feed.title": {"en": "{site}: events", "ru": "{site}: события"},
    "feed.link_title": {"en": "{site}: events", "ru": "{site}: события"},
    "feed.subtitle": {
        "en": "New and updated events in the sourced record of the drone race.",
        "ru": "Новые и обновлённые события хроники гонки дронов, у каждого есть источник.",
    },
    "feed.editors": {"en": "{site} editors", "ru": "Редакция «{site}»"},
    "switch.title": {"en": "This page in English", "ru": "Эта страница на русском"},
    "page.untranslated": {
        "en": "This page is not translated yet: it is shown in English.",
        "ru": "Эта страница ещё не переведена: ниже текст на английском.",
    },
    "text.untranslated": {
        "en": "text in English only for now",
        "ru": "текст пока только на английском",
    },
    "status.long.confirmed": {"en": "Confirmed", "ru": "Подтверждено"},
    "status.long.reported": {
        "en": "Reported, not independently confirmed",
        "ru": "Сообщается, независимо не подтверждено",
    },
    "status.long.claimed": {
        "en": "Claimed by one side, not verified",
        "ru": "Заявлено одной стороной, не проверено",
    },
    "status.long.disputed": {"en": "Disputed", "ru": "Оспаривается"},
    "status.long.denied": {"en": "Claimed and denied", "ru": "Заявлено и опровергнуто"},
    "category.drone-production": {"en": "drone production", "ru": "производство дронов"},
    "category.drone-acquisition": {"en": "drone acquisition", "ru": "закупка дронов"},
    "category.drone-use": {"en": "drone use", "ru": "применение дронов"},
    "category.diplomacy": {"en": "diplomacy", "ru": "дипломатия"},
    "category.trade": {"en": "trade", "ru": "торговля"},
    "category.military": {"en": "military", "ru": "военные дела"},
    "category.conflict": {"en": "conflict", "ru": "конфликт"},
    "date.precision.day": {"en": "(known to the day)", "ru": "(с точностью до дня)"},
    "date.precision.month": {"en": "(known to the month)", "ru": "(с точностью до месяца)"},
    "date.precision.year": {"en": "(known to the year)", "ru": "(с точностью до года)"},
    "date.range": {"en": "{start} to {end}", "ru": "с {start} по {end}"},
    "date.stated_by": {"en": "Date as given by {source}.", "ru": "Дата по сообщению: {source}."},
    "date.inferred": {"en": "Date inferred:", "ru": "Дата выведена нами:"},
    "where.precision.exact": {
        "en": "(location known to the exact)",
        "ru": "(место известно точно)",
    },
    "where.precision.locality": {
        "en": "(location known to the locality)",
        "ru": "(место известно с точностью до населённого пункта)",
    },
    "where.precision.district": {
        "en": "(location known to the district)",
        "ru": "(место известно с точностью до района)",
    },
    "where.precision.province": {
        "en": "(location known to the province)",
        "ru": "(место известно с точностью до провинции)",
    },
    "where.precision.region": {
        "en": "(location known to the region)",
        "ru": "(место известно с точностью до региона)",
    },
    "where.precision.country": {
        "en": "(location known to the country)",
        "ru": "(место известно с точностью до страны)",
    },
    "where.none": {
        "en": "No single place: the event has no location.",
        "ru": "Единого места нет: у события нет координат.",
    },
    "event.date": {"en": "Date", "ru": "Дата"},
    "event.status": {"en": "Status", "ru": "Статус"},
    "event.category": {"en": "Category", "ru": "Тема"},
    "event.where": {"en": "Where", "ru": "Где"},
    "event.countries": {"en": "Countries", "ru": "Страны"},
    "event.actors": {"en": "Actors", "ru": "Участники"},
    "event.help": {"en": "what this means", "ru": "что это значит"},
    "event.claimed_by": {"en": "Who says so", "ru": "Кто это утверждает"},
    "event.denied_by": {"en": "Who rejects it", "ru": "Кто это отрицает"},
    "event.response": {"en": "Response", "ru": "Ответ"},
    "event.map_title": {
        "en": "Map: where “{title}” took place",
        "ru": "Карта: где произошло «{title}»",
    },
    "event.explore": {
        "en": "Explore the record around this event",
        "ru": "Исследовать хронику вокруг этого события",
    },
    "event.explore_rest": {
        "en": ": on one map and timeline with every other event, filtered and played "
        "through time as you choose.",
        "ru": ": на одной карте и шкале времени со всеми другими событиями, с фильтрами и "
        "воспроизведением во времени.",
    },
    "event.systems": {"en": "Drone systems", "ru": "Беспилотные системы"},
    "event.sources": {"en": "Sources", "ru": "Источники"},
    "event.bibliography": {"en": "[bibliography]", "ru": "[в списке источников]"},
    "event.bibliography_title": {"en": "In the bibliography", "ru": "В списке источников"},
    "event.previous": {"en": "Previous event", "ru": "Предыдущее событие"},
    "event.next": {"en": "Next event", "ru": "Следующее событие"},
    "event.all": {"en": "All events", "ru": "Все события"},
    "event.pager": {"en": "Events in time", "ru": "События по времени"},
    "event.edit": {
        "en": "Edit this event's data file (data/events/{id}.yaml)",
        "ru": "Изменить файл данных события (data/events/{id}.yaml)",
    },
    "event.history": {"en": "History of the file", "ru": "История файла"},
    "event.how_to_edit": {"en": "How to edit", "ru": "Как редактировать"},
    "record.added": {
        "en": "Added to the record on {added}.",
        "ru": "Добавлено в хронику {added}.",
    },
    "record.changed": {
        "en": "Added to the record on {added}, last changed on {changed}.",
        "ru": "Добавлено в хронику {added}, последнее изменение {changed}.",
    },
    "record.approximate": {
        "en": "Added to the record around {added} (approximate: this copy was built without "
        "the history of the event's file).",
        "ru": "Добавлено в хронику около {added} (приблизительно: эта копия собрана без "
        "истории файла события).",
    },
    "index.title": {"en": "All events", "ru": "Все события"},
    "index.description": {
        "en": "All {count} events in the record, with date, countries, category and status; "
        "sort and filter them, or open each for its sources.",
        "ru": "Все события хроники ({count}) с датой, странами, темой и статусом: сортируйте, "
        "фильтруйте, открывайте каждое с его источниками.",
    },
    "index.intro": {
        "en": "The record holds {count} events, listed oldest first; sort by *Added* to see "
        "the latest additions to the record. Each title opens the "
        "event's page with its sources. Status says how well an event is established "
        "([methodology](../reference/methodology.md#status)). The same list is available as "
        "[CSV and GeoJSON](../reference/downloads.md) and as an "
        "[Atom feed](../feed.xml).",
        "ru": "В хронике {count} событий, сначала самые ранние; сортировка по столбцу "
        "*Добавлено* покажет последние дополнения. Каждый заголовок открывает страницу "
        "события с его источниками. Статус говорит, насколько событие установлено "
        "([методология](../reference/methodology.md#status)). Тот же список есть в "
        "[CSV и GeoJSON](../reference/downloads.md) и в виде "
        "[ленты Atom](../feed.xml).",
    },
    "index.caption": {
        "en": "Every event in the record, oldest first",
        "ru": "Все события хроники, сначала самые ранние",
    },
    "index.event": {"en": "Event", "ru": "Событие"},
    "index.added": {"en": "Added", "ru": "Добавлено"},
    "index.approximate": {"en": " (approx.)", "ru": " (прибл.)"},
    "embed.map": {"en": "map", "ru": "карту"},
    "embed.chart": {"en": "chart", "ru": "график"},
    "embed.credit.map": {"en": "Map", "ru": "Карта"},
    "embed.credit.chart": {"en": "Chart", "ru": "График"},
    "embed.summary": {"en": "Embed this {kind}", "ru": "Встроить {kind} на свой сайт"},
    "embed.help": {
        "en": "Copy this code into your page to show the {kind} there; it credits and links "
        "back to this page.",
        "ru": "Скопируйте этот код на свою страницу, чтобы показать там {kind}; он указывает "
        "авторство и ссылается на эту страницу.",
    },
    "embed.full_screen": {"en": "Open the map full screen", "ru": "Открыть карту на весь экран"},
    "country.AFG": {"en": "Afghanistan", "ru": "Афганистан"},
    "country.CHN": {"en": "China", "ru": "Китай"},
    "country.IRN": {"en": "Iran", "ru": "Иран"},
    "country.ISR": {"en": "Israel", "ru": "Израиль"},
    "country.KAZ": {"en": "Kazakhstan", "ru": "Казахстан"},
    "country.KGZ": {"en": "Kyrgyzstan", "ru": "Кыргызстан"},
    "country.LBN": {"en": "Lebanon", "ru": "Ливан"},
    "country.PAK": {"en": "Pakistan", "ru": "Пакистан"},
    "country.RUS": {"en": "Russia", "ru": "Россия"},
    "country.TJK": {"en": "Tajikistan", "ru": "Таджикистан"},
    "country.TKM": {"en": "Turkmenistan", "ru": "Туркменистан"},
    "country.TUR": {"en": "Turkey", "ru": "Турция"},
    "country.USA": {"en": "United States", "ru": "США"},
    "country.UZB": {"en": "Uzbekistan", "ru": "Узбекистан"},
}
"""Interface text by key, then by language."""


def message(key: str, lang: Language) -> str:
    """The words for ``key`` in ``lang``; a ``KeyError`` for a key nobody wrote."""
    return MESSAGES[key][lang]
