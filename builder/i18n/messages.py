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
    "footer.made_with": {"en": "Made with", "ru": "Сделано на"},
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
        "ru": "В хронике {count}, сначала самые ранние; сортировка по столбцу "
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
    "count.events": {
        "en": "{n} event|{n} events",
        "ru": "{n} событие|{n} события|{n} событий|{n} события",
    },
    "count.shared_events": {
        "en": "{n} shared event|{n} shared events",
        "ru": "{n} общее событие|{n} общих события|{n} общих событий|{n} общего события",
    },
    "actor.kind.state": {"en": "State", "ru": "Государство"},
    "actor.kind.armed-group": {"en": "Armed group", "ru": "Вооружённая группировка"},
    "actor.kind.organisation": {"en": "Organisation", "ru": "Организация"},
    "actor.kind.person": {"en": "Person", "ru": "Человек"},
    "actor.kind.media": {"en": "Media", "ru": "СМИ"},
    "actor.kinds.state": {"en": "States", "ru": "Государства"},
    "actor.kinds.armed-group": {"en": "Armed groups", "ru": "Вооружённые группировки"},
    "actor.kinds.organisation": {"en": "Organisations", "ru": "Организации"},
    "actor.kinds.person": {"en": "People", "ru": "Люди"},
    "actor.kinds.media": {"en": "Media", "ru": "СМИ"},
    "actor.description": {
        "en": "{name} in the drone race record.",
        "ru": "{name} в хронике гонки дронов.",
    },
    "actor.role": {"en": "Role", "ru": "Роль"},
    "actor.role.claims": {"en": "makes the claim", "ru": "утверждает"},
    "actor.role.denies": {"en": "rejects the claim", "ru": "отрицает"},
    "actor.events": {"en": "Events", "ru": "События"},
    "actor.no_events": {
        "en": "No event in the record names this actor yet.",
        "ru": "Ни одно событие хроники пока не называет этого участника.",
    },
    "actor.drones": {"en": "Drones", "ru": "Дроны"},
    "actor.no_drones": {
        "en": "No drone system is tied to this actor in the record.",
        "ru": "В хронике с этим участником не связана ни одна беспилотная система.",
    },
    "actor.made_in": {"en": "Made in {country}", "ru": "Производство: {country}"},
    "actor.in_events": {"en": "In its events", "ru": "В его событиях"},
    "actor.relations": {"en": "Relations", "ru": "Связи"},
    "actor.relations_intro": {
        "en": "Actors that appear in the same events, most often first.",
        "ru": "Участники тех же событий, сначала самые частые.",
    },
    "actor.no_relations": {
        "en": "No other actor shares an event with this one.",
        "ru": "Ни один другой участник не делит с этим ни одного события.",
    },
    "actor.all": {"en": "Countries and actors", "ru": "Страны и участники"},
    "actor.back": {"en": "All countries and actors", "ru": "Все страны и участники"},
    "actor.index_description": {
        "en": "The states, armed groups and organisations in the drone race record, "
        "each with its events, its drones and its relations.",
        "ru": "Государства, вооружённые группировки и организации в хронике гонки дронов: у "
        "каждого его события, дроны и связи.",
    },
    "actor.index_intro": {
        "en": "Every state, armed group, organisation and person named in the record. "
        "Each page lists the actor's events, the drones tied to it and the actors it "
        "appears with.",
        "ru": "Все государства, вооружённые группировки, организации и люди, названные в "
        "хронике. На странице каждого — его события, связанные с ним дроны и участники, "
        "с которыми он появляется.",
    },
    "drones.title": {"en": "Drone systems", "ru": "Беспилотные системы"},
    "drones.description": {
        "en": "The drones in the record: who makes them, what they do, the figures the sources "
        "give and the events they appear in.",
        "ru": "Дроны в хронике: кто их делает, для чего они, какие цифры дают источники и в "
        "каких событиях они появляются.",
    },
    "drones.intro": {
        "en": "Each drone type named in the record, with the figures a listed source gives and "
        "nothing more. A missing figure means no source in the record states it.",
        "ru": "Каждый тип дрона, названный в хронике, с цифрами из указанных источников и "
        "ничем сверх того. Если цифры нет, её не называет ни один источник хроники.",
    },
    "drones.maker": {"en": "Maker", "ru": "Производитель"},
    "drones.role": {"en": "Role", "ru": "Назначение"},
    "drones.origin": {"en": "Origin", "ru": "Страна происхождения"},
    "drones.range": {"en": "Range", "ru": "Дальность"},
    "drones.endurance": {"en": "Flight time", "ru": "Время полёта"},
    "drones.source": {"en": "[source]", "ru": "[источник]"},
    "unit.km": {"en": "km", "ru": "км"},
    "unit.hours": {"en": "hours", "ru": "ч"},
    "sources.unresolved": {
        "en": "a shortened or reposted address: we have not found the original page",
        "ru": "сокращённый или перепечатанный адрес: исходную страницу мы не нашли",
    },
    "sources.printed": {"en": "printed in the article as", "ru": "в статье напечатано как"},
    "sources.cited_as": {"en": "cited as", "ru": "цитируется как"},
    "sources.footnote": {"en": "Footnote", "ru": "Сноска"},
    "sources.not_found": {"en": "Not found:", "ru": "Не найдено:"},
    "sources.cited_by": {"en": "Cited by:", "ru": "Ссылаются:"},
    "sources.states_date": {"en": "States the date of:", "ru": "Называет дату событий:"},
    "sources.description": {
        "en": "The full bibliography: the article, its footnotes and {added} sources we added, "
        "each with the events that cite it.",
        "ru": "Полный список источников: статья, её сноски и добавленные нами источники "
        "({added}), у каждого — события, которые на него ссылаются.",
    },
    "sources.intro": {
        "en": "Every source the record cites: {sources} in all, grouped by where it "
        "comes from: the article itself, its {footnotes} footnotes, and "
        "{added} pages we added. Each entry lists the events that rest on it. Titles and "
        "addresses are given as the sources publish them; where the article printed a "
        "shortened link or a copy on another site, the original page comes first.",
        "ru": "Все источники, на которые ссылается хроника (всего {sources}), по "
        "происхождению: сама статья, её сноски ({footnotes}) и добавленные нами страницы "
        "({added}). У каждой записи указаны события, которые на неё опираются. Заголовки и "
        "адреса даны так, как их публикуют источники, на языке оригинала; если статья "
        "напечатала сокращённую ссылку или копию на другом сайте, первой идёт исходная "
        "страница.",
    },
    "sources.dates": {
        "en": "**How the dates are known.** Of the {events} events, {stated} have a date "
        "that one of their sources states in its text, and {inferred} a date we worked out "
        "(from a weekday, a report's publication date, or the span a source implies); each "
        "event page says which, and the "
        "[methodology](methodology.md#dates) explains the difference.",
        "ru": "**Откуда известны даты.** Из событий хроники ({events}) у {stated} дату прямо "
        "называет один из источников, а у {inferred} дату вывели мы (по дню недели, дате "
        "публикации сообщения или сроку, который подразумевает источник); страница "
        "каждого события говорит, какой это случай, а "
        "[методология](methodology.md#dates) объясняет разницу.",
    },
    "sources.article.heading": {"en": "The article", "ru": "Статья"},
    "sources.footnote.heading": {"en": "The article's footnotes", "ru": "Сноски статьи"},
    "sources.footnote.intro": {
        "en": "Numbered as in the article. Footnotes 2 and 21 read “Ibid.” and point to the "
        "entry before them.",
        "ru": "Нумерация как в статье. Сноски 2 и 21 гласят «Ibid.» («там же») и отсылают к "
        "предыдущей записи.",
    },
    "sources.added.heading": {"en": "Sources we added", "ru": "Добавленные нами источники"},
    "sources.added.intro": {
        "en": "Pages the article does not cite, which we read ourselves at their original "
        "publisher to date events the article leaves vague and to carry the record past "
        "August 2022. Oldest first. How they are chosen is explained in the "
        "[methodology](methodology.md#sources-we-added).",
        "ru": "Страницы, на которые статья не ссылается: мы сами прочли их у первоначального "
        "издателя, чтобы датировать события, которые статья оставляет неопределёнными, и "
        "продолжить хронику после августа 2022 года. Сначала самые ранние. Как их выбирают, "
        "объясняет [методология](methodology.md#sources-we-added).",
    },
    "story.title": {"en": "The story", "ru": "История"},
    "story.description": {
        "en": "The drone race in Central Asia told step by step, with a map that follows the "
        "reader to each step's events and links to every source.",
        "ru": "Гонка дронов в Центральной Азии шаг за шагом: карта следует за читателем к "
        "событиям каждого шага, у каждого утверждения есть ссылка на источник.",
    },
    "story.empty": {
        "en": "The story has no steps yet: see `data/story.yaml`.",
        "ru": "В истории пока нет шагов: см. `data/story.yaml`.",
    },
    "story.events_label": {"en": "The events in this step:", "ru": "События этого шага:"},
    "story.maps_page": {"en": "maps page", "ru": "странице карт"},
    "story.figure_alt": {
        "en": "Map of the region: Iran, Afghanistan and the five Central Asian republics, "
        "with the places of the story's events, the Afghanistan–Tajikistan border and the "
        "drone's range ring around Dushanbe",
        "ru": "Карта региона: Иран, Афганистан и пять республик Центральной Азии, места "
        "событий истории, афгано-таджикская граница и круг дальности дрона вокруг Душанбе",
    },
    "story.figure_caption": {
        "en": "The places of the story. The live map that follows each step needs "
        "JavaScript; the {maps} lists every map with a text version.",
        "ru": "Места событий истории. Живой карте, которая следует за каждым шагом, нужен "
        "JavaScript; на {maps} есть все карты с текстовыми версиями.",
    },
    "story.map_title": {
        "en": "Story map: it moves to the events of the step you are reading",
        "ru": "Карта истории: она переходит к событиям шага, который вы читаете",
    },
    "story.explore": {"en": "Explore the map", "ru": "Исследовать карту"},
    "explore.title": {"en": "Explore the record", "ru": "Исследовать хронику"},
    "explore.description": {
        "en": "Every event of the drone race on one map and one timeline that move together: "
        "choose a period, filter by category, actor or status, play it through, share the view.",
        "ru": "Все события гонки дронов на одной карте и одной шкале времени, которые "
        "движутся вместе: выберите период, отфильтруйте по теме, участнику или статусу, "
        "проиграйте его во времени, поделитесь видом.",
    },
    "explore.in_period": {"en": " in the period", "ru": " за период"},
    "explore.filters": {"en": "Filters", "ru": "Фильтры"},
    "explore.actor": {"en": "Actor", "ru": "Участник"},
    "explore.every_actor": {"en": "Every actor", "ru": "Все участники"},
    "explore.status": {"en": "Status of the claim", "ru": "Статус утверждения"},
    "explore.status.confirmed": {"en": "Confirmed", "ru": "Подтверждено"},
    "explore.status.reported": {"en": "Reported", "ru": "Сообщается"},
    "explore.status.claimed": {"en": "Claimed by one side", "ru": "Заявлено одной стороной"},
    "explore.status.disputed": {"en": "Disputed", "ru": "Оспаривается"},
    "explore.status.denied": {"en": "Claimed and denied", "ru": "Заявлено и опровергнуто"},
    "explore.hint_weak": {
        "en": "The emptier and more dashed a mark, the weaker the claim",
        "ru": "Чем пустее и пунктирнее отметка, тем слабее утверждение",
    },
    "explore.hint_statuses": {"en": "what each status means", "ru": "что значит каждый статус"},
    "explore.hint_counts": {
        "en": "Numbers count the events of the period that the other filters keep; a group "
        "with nothing ticked keeps them all.",
        "ru": "Числа — это события периода, которые оставляют остальные фильтры; группа без "
        "отметок оставляет все.",
    },
    "explore.period": {"en": "Period", "ru": "Период"},
    "explore.play": {"en": "Play", "ru": "Воспроизвести"},
    "explore.play_as": {"en": "Play as", "ru": "Как воспроизводить:"},
    "explore.window": {
        "en": "a six-month window moving on",
        "ru": "окно в шесть месяцев, сдвигающееся вперёд",
    },
    "explore.grow": {
        "en": "a growing period from the first event",
        "ru": "период, растущий от первого события",
    },
    "explore.speed": {"en": "Speed", "ru": "Скорость"},
    "explore.slow": {"en": "Slow", "ru": "Медленно"},
    "explore.normal": {"en": "Normal", "ru": "Обычно"},
    "explore.fast": {"en": "Fast", "ru": "Быстро"},
    "explore.play_note": {
        "en": "A month a step; stretches with no events are skipped.",
        "ru": "Один шаг — один месяц; отрезки без событий пропускаются.",
    },
    "explore.start": {"en": "Start of the period", "ru": "Начало периода"},
    "explore.end": {"en": "End of the period", "ru": "Конец периода"},
    "explore.from": {"en": "From", "ru": "С"},
    "explore.to": {"en": "To", "ru": "По"},
    "explore.all_dates": {"en": "All dates", "ru": "Все даты"},
    "explore.list": {"en": "List", "ru": "Список"},
    "explore.frame": {
        "en": "Frame the map on these events",
        "ru": "Показать на карте эти события",
    },
    "explore.reset": {"en": "Show everything", "ru": "Показать всё"},
    "explore.copy": {"en": "Copy link", "ru": "Копировать ссылку"},
    "explore.map_title": {
        "en": "Map of the events in view; the list beside it names the same events",
        "ru": "Карта видимых событий; список рядом называет те же события",
    },
    "explore.in_view": {"en": "Events in view", "ru": "Видимые события"},
    "explore.keys": {
        "en": "↑ and ↓ move through the list, Enter opens an event; ← and → go to the "
        "previous or next event; Escape closes the card.",
        "ru": "↑ и ↓ — по списку, Enter открывает событие; ← и → — к предыдущему или "
        "следующему событию; Escape закрывает карточку.",
    },
    "explore.timeline_hint": {
        "en": "Drag across the timeline to choose a period; click a mark to open its event; "
        "double-click to show all dates.",
        "ru": "Проведите по шкале времени, чтобы выбрать период; щёлкните отметку, чтобы "
        "открыть событие; двойной щелчок показывает все даты.",
    },
    "explore.noscript": {
        "en": "This page puts the record's {count} events on one map and one timeline "
        "that move together: choose a period, narrow it by category, actor or how well "
        "a claim is established, and play the years through. It needs JavaScript, "
        "which is off or did not load.",
        "ru": "Эта страница показывает события хроники ({count}) на одной карте и одной "
        "шкале времени, которые движутся вместе: выберите период, сузьте его по теме, "
        "участнику или надёжности утверждения и проиграйте годы. Ей нужен JavaScript, "
        "а он выключен или не загрузился.",
    },
    "explore.noscript_list": {
        "en": "The same record is here without it:",
        "ru": "Та же хроника без него:",
    },
    "explore.noscript_events": {
        "en": "every event from {first} to {last} in one table, each with its page and sources;",
        "ru": "все события с {first} по {last} в одной таблице, у каждого своя страница и "
        "источники;",
    },
    "explore.maps": {"en": "Maps", "ru": "Карты"},
    "explore.noscript_maps": {
        "en": "the {located} events with a known place, with a text version of each map;",
        "ru": "события с известным местом ({located}), у каждой карты есть текстовая версия;",
    },
    "explore.downloads": {"en": "Downloads", "ru": "Данные"},
    "explore.noscript_downloads": {
        "en": "the record as CSV and GeoJSON.",
        "ru": "хроника в форматах CSV и GeoJSON.",
    },
    "explore.the_start": {"en": "the start", "ru": "начала"},
    "explore.today": {"en": "today", "ru": "сегодня"},
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
