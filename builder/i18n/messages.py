"""The interface's own words in every language, by key.

Each key names what the words are for (``status.confirmed``, ``map.legend.title``),
and every entry has every language: ``tests/test_i18n.py`` refuses a missing one.
"""

from __future__ import annotations

from babel import Locale

from builder.i18n import Language
from builder.i18n.formats import display_number

MESSAGES: dict[str, dict[Language, str]] = {
    "status.confirmed": {"en": "confirmed", "ru": "подтверждено"},
    "status.reported": {"en": "reported", "ru": "сообщается"},
    "status.claimed": {"en": "claimed", "ru": "заявлено"},
    "status.disputed": {"en": "disputed", "ru": "оспаривается"},
    "status.denied": {"en": "denied", "ru": "опровергнуто"},
    # Categories, shared by maps, charts and the front-end scripts.
    "ui.category.drone-production": {"en": "Drone production", "ru": "Производство дронов"},
    "ui.category.drone-acquisition": {"en": "Drone acquisition", "ru": "Закупка дронов"},
    "ui.category.drone-use": {"en": "Drone use", "ru": "Применение дронов"},
    "ui.category.diplomacy": {"en": "Diplomacy", "ru": "Дипломатия"},
    "ui.category.trade": {"en": "Trade", "ru": "Торговля"},
    "ui.category.military": {"en": "Military", "ru": "Военные дела"},
    "ui.category.conflict": {"en": "Conflict", "ru": "Конфликт"},
    # Front-end words (ui.*): docs/assets/js reads them through t(key, english); the English
    # here is the same the scripts carry (tests/test_js_strings.py).
    "ui.map.claimed_by": {"en": ": claimed by ", "ru": ": заявляет "},
    "ui.map.disputed_by": {"en": "; disputed by ", "ru": "; оспаривает "},
    "ui.map.denied_by": {"en": "; denied by ", "ru": "; опровергает "},
    "ui.map.date": {"en": "Date", "ru": "Дата"},
    "ui.map.status": {"en": "Status", "ru": "Статус"},
    "ui.map.where": {"en": "Where", "ru": "Где"},
    "ui.map.sources": {"en": "Sources", "ru": "Источники"},
    "ui.map.loading": {
        "en": "Loading summary and sources\u2026",
        "ru": "Загружаем описание и источники\u2026",
    },
    "ui.map.details_failed": {
        "en": "Open the event page for its summary and sources.",
        "ru": "Описание и источники — на странице события.",
    },
    "ui.map.pager": {
        "en": "{index} of {count} events here",
        "ru": "{index} из {count} в этом месте",
    },
    "ui.map.previous": {"en": "\u2039 Previous", "ru": "\u2039 Назад"},
    "ui.map.next": {"en": "Next \u203a", "ru": "Далее \u203a"},
    "ui.map.keys": {
        "en": ". Arrow keys pan the map, plus and minus zoom.",
        "ru": ". Стрелки сдвигают карту, плюс и минус меняют масштаб.",
    },
    "ui.map.unit_km": {"en": "km", "ru": "км"},
    "ui.map.unit_m": {"en": "m", "ru": "м"},
    "ui.map.zoom_in": {"en": "Zoom in", "ru": "Приблизить"},
    "ui.map.zoom_out": {"en": "Zoom out", "ru": "Отдалить"},
    "ui.map.layers": {"en": "Layers", "ru": "Слои"},
    "ui.map.leaflet": {
        "en": "A JavaScript library for interactive maps",
        "ru": "Библиотека JavaScript для интерактивных карт",
    },
    "ui.map.close_popup": {"en": "Close popup", "ru": "Закрыть"},
    "ui.map.locator_failed": {
        "en": "The event location could not be loaded.",
        "ru": "Не удалось загрузить место события.",
    },
    "ui.map.locator_none": {
        "en": "This event has no location on the map.",
        "ru": "У этого события нет места на карте.",
    },
    "ui.map.locator_no_event": {"en": "No event chosen.", "ru": "Событие не выбрано."},
    "ui.map.locator_area": {
        "en": "approximate: stands for the whole {precision}",
        "ru": "приблизительно: обозначает {precision}",
    },
    "ui.map.area.district": {"en": "district", "ru": "весь район"},
    "ui.map.area.province": {"en": "province", "ru": "всю провинцию"},
    "ui.map.area.region": {"en": "region", "ru": "весь регион"},
    "ui.map.area.country": {"en": "country", "ru": "всю страну"},
    "ui.map.location": {"en": "Location", "ru": "Место"},
    "ui.map.basemap_credit": {
        "en": "Basemap: Natural Earth (public domain)",
        "ru": "Natural Earth (общественное достояние)",
    },
    # Charts (builder/charts): axes, legends, hover text, buttons' labels.
    "chart.date_range": {"en": "{first} to {last}", "ru": "{first} — {last}"},
    "chart.day_unknown": {"en": " (day not known)", "ru": " (день неизвестен)"},
    "chart.month_unknown": {"en": " (month not known)", "ru": " (месяц неизвестен)"},
    "chart.status_by": {"en": "by {names}", "ru": "— {names}"},
    "chart.status_rejected": {"en": "; rejected by {names}", "ru": "; опровергает: {names}"},
    "chart.no_country": {"en": "Organisations only", "ru": "Только организации"},
    "chart.range.since_2015": {"en": "Since 2015", "ru": "С 2015 года"},
    "chart.range.whole": {"en": "The whole story", "ru": "Вся история"},
    "chart.range.2015_2016": {"en": "2015–2016", "ru": "2015–2016"},
    "chart.range.august_2021": {"en": "August 2021 onward", "ru": "С августа 2021 года"},
    "chart.view.theme": {"en": "By theme", "ru": "По темам"},
    "chart.view.country": {"en": "By country", "ru": "По странам"},
    "chart.noun.events": {"en": "events", "ru": "событий"},
    "chart.filter.category": {"en": "Category", "ru": "Категория"},
    "chart.filter.country": {"en": "Country", "ru": "Страна"},
    "chart.filter.actor": {"en": "Actor", "ru": "Участник"},
    "chart.inventory.acquired": {"en": "acquired from {supplier}", "ru": "закуплен у: {supplier}"},
    "chart.inventory.produced_with": {
        "en": "produced with technology from {supplier}",
        "ru": "производится по технологии: {supplier}",
    },
    "chart.inventory.produced_home": {"en": "produced at home", "ru": "собственное производство"},
    "chart.inventory.home_production": {"en": "Home production", "ru": "Собственное производство"},
    "chart.inventory.from": {"en": "From {country}", "ru": "Поставщик: {country}"},
    "chart.inventory.made_at_home": {"en": "made at home", "ru": "своё производство"},
    "chart.inventory.from_short": {"en": "from {country}", "ru": "поставщик: {country}"},
    "chart.inventory.maker": {"en": "Maker", "ru": "Производитель"},
    "chart.trade.bound.about": {"en": "about ", "ru": "около "},
    "chart.trade.bound.more-than": {"en": "over ", "ru": "более "},
    "chart.trade.bound.at-least": {"en": "at least ", "ru": "не менее "},
    "chart.trade.bound.less-than": {"en": "under ", "ru": "менее "},
    "chart.trade.bound.at-most": {"en": "at most ", "ru": "не более "},
    "chart.trade.money": {"en": "{bound}${value} million", "ru": "{bound}{value} млн долларов"},
    "chart.trade.derived_label": {
        "en": "Trade in {year} (derived)",
        "ru": "{year} (расчёт)",
    },
    "chart.trade.target": {"en": "Target, pledged {date}", "ru": "Цель ({date})"},
    "chart.trade.derived": {"en": "Derived: {arithmetic}", "ru": "Расчёт: {arithmetic}"},
    "chart.trade.note": {
        "en": "{change} ({source})<br>{derived}",
        "ru": "{change}<br>({source})<br>{derived}",
    },
    "chart.trade.derived_name": {"en": "Derived from the figures", "ru": "Рассчитано по цифрам"},
    "chart.trade.source": {"en": "Source: {source}", "ru": "Источник: {source}"},
    "chart.trade.stated_name": {"en": "Stated by a source", "ru": "Названо источником"},
    "chart.trade.none": {
        "en": "No trade figures are recorded yet.",
        "ru": "Данных о торговле пока нет.",
    },
    "chart.trade.axis": {"en": "Million US dollars a year", "ru": "Млн долларов США в год"},
    "chart.credit": {"en": "sourced events, CC BY 4.0", "ru": "события с источниками, CC BY 4.0"},
    # The charts' text (builder/charts: summaries, tables, the status key).
    "chart.data_table": {"en": "Data table", "ru": "Таблица данных"},
    "chart.count.events.one": {"en": "{n} event", "ru": "{n} событие"},
    "chart.count.events.few": {"en": "{n} events", "ru": "{n} события"},
    "chart.count.events.many": {"en": "{n} events", "ru": "{n} событий"},
    "chart.count.events.other": {"en": "{n} events", "ru": "{n} события"},
    "chart.count.states.one": {"en": "{n} state", "ru": "{n} страну"},
    "chart.count.states.few": {"en": "{n} states", "ru": "{n} страны"},
    "chart.count.states.many": {"en": "{n} states", "ru": "{n} стран"},
    "chart.count.states.other": {"en": "{n} states", "ru": "{n} страны"},
    "chart.count.systems.one": {"en": "{n} drone system", "ru": "{n} моделью беспилотника"},
    "chart.count.systems.few": {"en": "{n} drone systems", "ru": "{n} моделями беспилотников"},
    "chart.count.systems.many": {"en": "{n} drone systems", "ru": "{n} моделями беспилотников"},
    "chart.count.systems.other": {"en": "{n} drone systems", "ru": "{n} модели беспилотника"},
    "chart.timeline.empty": {
        "en": "The timeline is empty: the dataset has no events yet.",
        "ru": "Хронология пуста: в данных пока нет событий.",
    },
    "chart.timeline.summary": {
        "en": "The timeline places {events} between {first} and {last}; {after} of them are "
        "dated August 2021 or later, after the Taliban took Kabul. The largest thread is "
        "{busiest}, with {busiest_count}. {confirmed} events are confirmed, {reported} reported "
        "by the media and {doubtful} only claimed, disputed or denied. {spans} are known only "
        "to the month or the year, or lasted a while, and are drawn as bars over the whole "
        "period they may mean.",
        "ru": "На шкале {events} с {first} по {last} год; из них датированы августом 2021 года "
        "или позже, после взятия Кабула «Талибаном»: {after}. Больше всего событий в теме "
        "«{busiest}»: {busiest_count}. Подтверждено: {confirmed}; сообщено СМИ: {reported}; "
        "лишь заявлено, оспаривается или опровергнуто: {doubtful}. Известных только с "
        "точностью до месяца или года либо длившихся какое-то время: {spans}; они показаны "
        "полосами на весь период, который может означать их дата.",
    },
    "chart.timeline.table": {
        "en": "every event on the timeline, oldest first",
        "ru": "все события хронологии, от ранних к поздним",
    },
    "chart.timeline.counts": {"en": "events per year and theme", "ru": "события по годам и темам"},
    "chart.timeline.counts_note": {
        "en": "With {events}, this table counts them by the year they start in rather than "
        "listing each one.",
        "ru": "В данных {events}, поэтому таблица считает их по году начала, а не перечисляет "
        "каждое.",
    },
    "chart.timeline.see_all": {
        "en": "See all {n} events on the events index",
        "ru": "Все события ({n}) — в указателе событий",
    },
    "chart.column.date": {"en": "Date", "ru": "Дата"},
    "chart.column.event": {"en": "Event", "ru": "Событие"},
    "chart.column.theme": {"en": "Theme", "ru": "Тема"},
    "chart.column.status": {"en": "Status", "ru": "Статус"},
    "chart.column.actors": {"en": "Actors", "ru": "Участники"},
    "chart.column.year": {"en": "Year", "ru": "Год"},
    "chart.column.state": {"en": "State", "ru": "Страна"},
    "chart.column.system": {"en": "System", "ru": "Модель"},
    "chart.column.maker": {"en": "Maker", "ru": "Производитель"},
    "chart.column.how": {"en": "How", "ru": "Как"},
    "chart.column.when": {"en": "When", "ru": "Когда"},
    "chart.column.figure": {"en": "Figure", "ru": "Показатель"},
    "chart.column.value": {"en": "Value", "ru": "Значение"},
    "chart.column.kind": {"en": "Kind", "ru": "Тип"},
    "chart.column.source": {"en": "Source or arithmetic", "ru": "Источник или расчёт"},
    "chart.inventory.empty": {
        "en": "No drone acquisition or production with a named system is recorded yet.",
        "ru": "Закупок или производства беспилотников с названной моделью в данных пока нет.",
    },
    "chart.inventory.summary": {
        "en": "The chart links {states} to {systems} through {events}.",
        "ru": "График связывает {states} с {systems} через {events}.",
    },
    "chart.inventory.table": {
        "en": "which state got or made which drone, when and from whom",
        "ru": "какая страна получила или произвела какой беспилотник, когда и у кого",
    },
    "chart.trade.stated": {"en": "stated ({date})", "ru": "названо ({date})"},
    "chart.trade.kind_derived": {"en": "derived", "ru": "расчёт"},
    "chart.trade.table": {
        "en": "trade figures, stated and derived",
        "ru": "цифры торговли: названные и рассчитанные",
    },
    "chart.trade.summary": {
        "en": "According to {source}, the two governments pledged in {pledged} to reach "
        "{target} of trade a year. {change_source} puts that at {change} percent above "
        "{baseline}, so {baseline} trade must have been {derived}: {arithmetic}. That "
        "{baseline} figure is our arithmetic on the published numbers, not a value any "
        "source states.",
        "ru": "По данным {source}, правительства двух стран пообещали (дата: {pledged}) "
        "довести торговлю до {target} в год. По данным {change_source}, это рост {change} % по "
        "сравнению с {baseline}, значит, в {baseline} торговля составляла {derived}: "
        "{arithmetic}. Цифра за {baseline} — наш расчёт по опубликованным данным, а не "
        "значение из какого-либо источника.",
    },
    "chart.key.confirmed": {
        "en": "established by officials or several independent sources",
        "ru": "установлено официальными лицами или несколькими независимыми источниками",
    },
    "chart.key.reported": {
        "en": "published by credible media, not independently confirmed",
        "ru": "опубликовано надёжными СМИ, независимо не подтверждено",
    },
    "chart.key.claimed": {
        "en": "asserted by one party only",
        "ru": "утверждает только одна сторона",
    },
    "chart.key.disputed": {
        "en": "asserted by one party and contested by another",
        "ru": "одна сторона утверждает, другая оспаривает",
    },
    "chart.key.denied": {
        "en": "asserted and rejected by the party concerned",
        "ru": "утверждается, но отвергнуто той стороной, о которой идёт речь",
    },
    "chart.key.bar": {"en": "Bar", "ru": "Полоса"},
    "chart.key.bar_meaning": {
        "en": "the date is known only to the month or year, or the event lasted; the marker "
        "sits mid-way and is not an exact day",
        "ru": "дата известна только с точностью до месяца или года либо событие длилось; "
        "метка стоит посередине и не означает точный день",
    },
    "chart.key.label": {"en": "Key to the marks", "ru": "Условные обозначения"},
    # The link past every map and chart on a page (builder/html/embeds.py).
    "ui.embed.skip_map": {"en": "Skip the map", "ru": "Пропустить карту"},
    "ui.embed.skip_chart": {"en": "Skip the chart", "ru": "Пропустить график"},
    # The charts' script (charts.js, chart-labels.js).
    "ui.chart.view_failed": {
        "en": "This view could not be drawn ({error}).",
        "ru": "Не удалось построить этот вид ({error}).",
    },
    "ui.chart.showing_all.one": {
        "en": "Showing all {total} events.",
        "ru": "Показано {total} событие.",
    },
    "ui.chart.showing_all.few": {
        "en": "Showing all {total} events.",
        "ru": "Показаны все {total} события.",
    },
    "ui.chart.showing_all.many": {
        "en": "Showing all {total} events.",
        "ru": "Показаны все {total} событий.",
    },
    "ui.chart.showing_all.other": {
        "en": "Showing all {total} events.",
        "ru": "Показаны все {total} события.",
    },
    "ui.chart.showing.one": {
        "en": "Showing {count} of {total} events.",
        "ru": "Показано {count} из {total} события.",
    },
    "ui.chart.showing.few": {
        "en": "Showing {count} of {total} events.",
        "ru": "Показано {count} из {total} событий.",
    },
    "ui.chart.showing.many": {
        "en": "Showing {count} of {total} events.",
        "ru": "Показано {count} из {total} событий.",
    },
    "ui.chart.showing.other": {
        "en": "Showing {count} of {total} events.",
        "ru": "Показано {count} из {total} событий.",
    },
    "ui.chart.all": {"en": "All", "ru": "Все"},
    "ui.chart.reset": {"en": "Show everything", "ru": "Показать всё"},
    "ui.chart.period": {"en": "Period", "ru": "Период"},
    "ui.chart.rows": {"en": "Rows", "ru": "Строки"},
    "ui.chart.failed": {
        "en": "The chart could not be drawn ({error}). The table below holds the same information.",
        "ru": "Не удалось построить график ({error}). Те же данные — в таблице ниже.",
    },
    # The explore page's script (explore.js).
    "ui.explore.period": {"en": "{from} to {to}", "ru": "с {from} по {to}"},
    "ui.explore.period_from": {"en": "from {date}", "ru": "начиная с: {date}"},
    "ui.explore.period_to": {"en": "up to {date}", "ru": "до: {date}"},
    "ui.explore.all_dates": {"en": "all dates", "ru": "за всё время"},
    "ui.explore.and": {"en": "and", "ru": "и"},
    "ui.explore.or": {"en": "or", "ru": "или"},
    "ui.explore.no_events": {"en": "No events", "ru": "Событий нет"},
    "ui.explore.events.one": {"en": "{n} event", "ru": "{n} событие"},
    "ui.explore.events.few": {"en": "{n} events", "ru": "{n} события"},
    "ui.explore.events.many": {"en": "{n} events", "ru": "{n} событий"},
    "ui.explore.events.other": {"en": "{n} events", "ru": "{n} события"},
    "ui.explore.only": {"en": "{list} only", "ru": "только {list}"},
    "ui.explore.involving": {"en": "involving {list}", "ru": "с участием: {list}"},
    "ui.explore.widen": {
        "en": " Widen the period or clear a filter.",
        "ru": " Расширьте период или снимите фильтр.",
    },
    "ui.explore.unplaced.one": {
        "en": " {n} has no known place and is in the list only.",
        "ru": " У {n} события нет известного места: оно только в списке.",
    },
    "ui.explore.unplaced.few": {
        "en": " {n} have no known place and are in the list only.",
        "ru": " У {n} событий нет известного места: они только в списке.",
    },
    "ui.explore.unplaced.many": {
        "en": " {n} have no known place and are in the list only.",
        "ru": " У {n} событий нет известного места: они только в списке.",
    },
    "ui.explore.unplaced.other": {
        "en": " {n} have no known place and are in the list only.",
        "ru": " У {n} события нет известного места: они только в списке.",
    },
    "ui.explore.open": {"en": " Open: {title}.", "ru": " Открыто: {title}."},
    "ui.explore.counts_hover.1": {
        "en": "%{y} {category} events in the month from {when}",
        "ru": "{category}: %{y} (месяц: {when})",
    },
    "ui.explore.counts_hover.3": {
        "en": "%{y} {category} events in the quarter from {when}",
        "ru": "{category}: %{y} (квартал, начало: {when})",
    },
    "ui.explore.counts_hover.6": {
        "en": "%{y} {category} events in the half-year from {when}",
        "ru": "{category}: %{y} (полугодие, начало: {when})",
    },
    "ui.explore.counts_hover.12": {
        "en": "%{y} {category} events in the year from {when}",
        "ru": "{category}: %{y} (год, начало: {when})",
    },
    "ui.explore.date_range": {"en": "{first} to {last}", "ru": "{first} — {last}"},
    "ui.explore.no_place": {"en": " · no known place", "ru": " · место неизвестно"},
    "ui.explore.in_view.one": {"en": "{n} event in view", "ru": "{n} событие в выборке"},
    "ui.explore.in_view.few": {"en": "{n} events in view", "ru": "{n} события в выборке"},
    "ui.explore.in_view.many": {"en": "{n} events in view", "ru": "{n} событий в выборке"},
    "ui.explore.in_view.other": {"en": "{n} events in view", "ru": "{n} события в выборке"},
    "ui.explore.close": {"en": "Close", "ru": "Закрыть"},
    "ui.explore.close_label": {"en": "Close the card (Escape)", "ru": "Закрыть карточку (Escape)"},
    "ui.explore.known_to.year": {"en": "known to the year", "ru": "известен только год"},
    "ui.explore.known_to.month": {"en": "known to the month", "ru": "известен только месяц"},
    "ui.explore.known_to.day": {"en": "known to the day", "ru": "известен день"},
    "ui.explore.claimed_by": {"en": "; claimed by ", "ru": "; заявляет: "},
    "ui.explore.disputed_by": {"en": "; disputed by ", "ru": "; оспаривает: "},
    "ui.explore.denied_by": {"en": "; denied by ", "ru": "; опровергает: "},
    "ui.explore.unnamed_point": {
        "en": "A point without a named place",
        "ru": "Точка без названия места",
    },
    "ui.explore.not_on_map": {
        "en": "No single place: this event is not on the map",
        "ru": "Нет единого места: событие не показано на карте",
    },
    "ui.explore.date": {"en": "Date", "ru": "Дата"},
    "ui.explore.status": {"en": "Status", "ru": "Статус"},
    "ui.explore.place": {"en": "Place", "ru": "Место"},
    "ui.explore.outside": {
        "en": "Outside the period or filters you chose; shown because it is the chosen event.",
        "ru": "Вне выбранного периода или фильтров; показано, потому что это выбранное событие.",
    },
    "ui.explore.sources": {"en": "Sources", "ru": "Источники"},
    "ui.explore.previous": {"en": "← Previous", "ru": "← Предыдущее"},
    "ui.explore.next": {"en": "Next →", "ru": "Следующее →"},
    "ui.explore.event_page": {"en": "The event's page", "ru": "Страница события"},
    "ui.explore.first_event": {"en": ", the first event", "ru": ", первое событие"},
    "ui.explore.latest_event": {"en": ", the latest event", "ru": ", последнее событие"},
    "ui.explore.played": {"en": "Played to the end. ", "ru": "Показано до конца. "},
    "ui.explore.pause": {"en": "Pause", "ru": "Пауза"},
    "ui.explore.play": {"en": "Play", "ru": "Воспроизвести"},
    "ui.explore.paused": {"en": "Paused. ", "ru": "Пауза. "},
    "ui.explore.copied": {"en": "Link copied.", "ru": "Ссылка скопирована."},
    "ui.explore.copy_this": {"en": "Copy this link: {url}", "ru": "Скопируйте ссылку: {url}"},
    "ui.explore.timeline_failed": {
        "en": "The timeline could not be drawn; the slider and the list show the same period.",
        "ru": "Не удалось построить шкалу времени; ползунок и список показывают тот же период.",
    },
    "ui.explore.record_failed": {
        "en": "The record could not be loaded ({error}). The events index lists every event.",
        "ru": "Не удалось загрузить хронику ({error}). Все события есть в указателе событий.",
    },
    # The events index's script (events-index.js) and the story's (story.js).
    "ui.index.country": {"en": "Country", "ru": "Страна"},
    "ui.index.category": {"en": "Category", "ru": "Категория"},
    "ui.index.status": {"en": "Status", "ru": "Статус"},
    "ui.index.all": {"en": "All", "ru": "Все"},
    "ui.index.sort_by": {"en": "Sort by {column}", "ru": "Сортировать: {column}"},
    "ui.index.filter": {"en": "Filter the events", "ru": "Отбор событий"},
    "ui.index.show_all": {"en": "Show all", "ru": "Показать все"},
    "ui.story.map": {"en": "Story map", "ru": "Карта истории"},
    # Maps (builder/maps): layer names, legends, titles, popups. "{name}" style fields
    # are filled by builder.i18n.messages.formatted.
    "map.tiles": {
        "en": "Street map (loads tiles from openstreetmap.org)",
        "ru": "Карта улиц (загружает тайлы с openstreetmap.org)",
    },
    "map.layer.provinces": {"en": "Afghan provinces", "ru": "Провинции Афганистана"},
    "map.layer.border_provinces": {
        "en": "Afghan provinces on the border",
        "ru": "Приграничные провинции Афганистана",
    },
    "map.province": {"en": "{name} province", "ru": "провинция {name}"},
    "map.province.AF.BD": {"en": "Badakhshan", "ru": "Бадахшан"},
    "map.province.AF.KZ": {"en": "Kunduz", "ru": "Кундуз"},
    "map.province.AF.TK": {"en": "Takhar", "ru": "Тахар"},
    "map.border": {"en": "Afghanistan–Tajikistan border", "ru": "Афгано-таджикская граница"},
    "map.border.afghanistan-tajikistan": {
        "en": "Afghanistan–Tajikistan border",
        "ru": "Афгано-таджикская граница",
    },
    "map.border.afghanistan-uzbekistan": {
        "en": "Afghanistan–Uzbekistan border",
        "ru": "Афгано-узбекская граница",
    },
    "map.border.afghanistan-turkmenistan": {
        "en": "Afghanistan–Turkmenistan border",
        "ru": "Афгано-туркменская граница",
    },
    "map.border.river_note": {
        "en": "{label}: for most of its length, the Panj and Amu Darya rivers",
        "ru": "{label}: на большей части — реки Пяндж и Амударья",
    },
    "map.layer.northern_borders": {
        "en": "Afghanistan's northern borders",
        "ru": "Северные границы Афганистана",
    },
    "map.border.scale_note": {
        "en": " (Natural Earth 1:10m line)",
        "ru": " (линия Natural Earth, масштаб 1:10 млн)",
    },
    "map.layer.events": {"en": "{name} ({count})", "ru": "{name} ({count})"},
    "map.legend.word": {"en": "Legend", "ru": "Легенда"},
    "map.legend.status": {"en": "How firm each report is", "ru": "Насколько надёжно сообщение"},
    "map.legend.precision": {"en": "How precise each place is", "ru": "Насколько точно место"},
    "map.legend.by_category": {"en": "Events by category", "ru": "События по категориям"},
    "map.legend.lines": {"en": "Lines", "ru": "Линии"},
    "map.legend.on_the_map": {"en": "On the map", "ru": "На карте"},
    "map.legend.colours": {"en": "Colours", "ru": "Цвета"},
    "map.status_meaning.confirmed": {
        "en": "Confirmed: solid outline, filled",
        "ru": "Подтверждено: сплошной контур, заливка",
    },
    "map.status_meaning.reported": {
        "en": "Reported: solid outline, half filled",
        "ru": "Сообщается: сплошной контур, полупрозрачная заливка",
    },
    "map.status_meaning.claimed": {
        "en": "Claimed by one side: dashed outline, faint fill",
        "ru": "Заявлено одной стороной: пунктирный контур, бледная заливка",
    },
    "map.status_meaning.disputed": {
        "en": "Disputed: dashed outline, fainter fill",
        "ru": "Оспаривается: пунктирный контур, ещё более бледная заливка",
    },
    "map.status_meaning.denied": {
        "en": "Claimed and denied: dotted outline, no fill",
        "ru": "Заявлено и опровергнуто: точечный контур, без заливки",
    },
    "map.precision_swatch.pin": {
        "en": "A site or a town: the point stands for the whole town",
        "ru": "Объект или город: точка обозначает весь город",
    },
    "map.precision_swatch.area": {
        "en": "Known only to a district, province or region: drawn as that area",
        "ru": "Известен только район, провинция или регион: показана вся эта территория",
    },
    "map.precision_swatch.country": {
        "en": "Known only to the country: the whole country, lightly shaded, dashed edge",
        "ru": "Известна только страна: вся страна, светлая заливка, пунктирный край",
    },
    "map.precision.exact": {"en": "exact site", "ru": "точное место"},
    "map.precision.locality": {
        "en": "the point stands for the whole town or city",
        "ru": "точка обозначает весь город или посёлок",
    },
    "map.precision.district": {
        "en": "approximate: somewhere in this district",
        "ru": "приблизительно: где-то в этом районе",
    },
    "map.precision.province": {
        "en": "approximate: somewhere in this province",
        "ru": "приблизительно: где-то в этой провинции",
    },
    "map.precision.region": {
        "en": "approximate: somewhere in this region",
        "ru": "приблизительно: где-то в этом регионе",
    },
    "map.precision.country": {
        "en": "approximate: somewhere in this country",
        "ru": "приблизительно: где-то в этой стране",
    },
    "map.precision.in_country": {
        "en": "approximate: somewhere in {country}; the shaded outline is the whole country",
        "ru": "приблизительно: где-то в стране ({country}); заштрихован контур всей страны",
    },
    "map.and": {"en": " and ", "ru": " и "},
    "map.date_range": {"en": "{first} to {last}", "ru": "{first} — {last}"},
    "map.km": {"en": "{km} km", "ru": "{km}\u00a0км"},
    "map.where": {"en": "{name} ({precision})", "ru": "{name} ({precision})"},
    # Captions of the maps and charts pages place (builder/maps and builder/charts EMBEDS).
    "map.embed.factory.title": {
        "en": "Map: the Ababil-2 drone factory in Dushanbe and its 200 km reach",
        "ru": "Карта: завод беспилотников «Абабиль-2» в Душанбе и его дальность 200 км",
    },
    "map.embed.factory.description": {
        "en": "The factory's location and a ring 200 km around it, the drone's range as reported. "
        "Distances to nearby places are labelled.",
        "ru": "Место завода и круг радиусом 200 км — заявленная дальность беспилотника. "
        "Подписаны расстояния до ближайших мест.",
    },
    "map.embed.border.title": {
        "en": "Map: the Afghanistan–Tajikistan border and the events along it",
        "ru": "Карта: афгано-таджикская граница и события вдоль неё",
    },
    "map.embed.border.description": {
        "en": "The border as drawn from Natural Earth data, with its measured length beside the "
        "published figures, and every event placed within 100 km of it.",
        "ru": "Граница по данным Natural Earth, её измеренная длина рядом с опубликованными "
        "цифрами и все события в пределах 100 км от неё.",
    },
    "map.embed.deployments.title": {
        "en": "Map: Taliban deployments on the northern border and the claims about them",
        "ru": "Карта: силы «Талибана» на северной границе и заявления о них",
    },
    "map.embed.deployments.description": {
        "en": "Areas show where forces were sent or camps were alleged; a denied claim is dotted "
        "and empty, a reported move solid.",
        "ru": "Области показывают, куда перебрасывали силы и где, по заявлениям, были лагеря; "
        "опровергнутое заявление — пустой точечный контур, сообщённая переброска — сплошная заливка.",
    },
    "map.embed.regional.title": {
        "en": "Map of the regional drone race: every located event",
        "ru": "Карта региональной гонки дронов: все события с известным местом",
    },
    "map.embed.regional.description": {
        "en": "Every event with a known location, one layer per category. Filled shapes are "
        "confirmed or reported; hollow, dashed ones are claims. Areas stand for places known "
        "only roughly; a whole country, lightly shaded with a dashed edge, for events the "
        "sources tie only to a country.",
        "ru": "Все события с известным местом, по слою на категорию. Залитые фигуры — "
        "подтверждённые или сообщённые события, пустые пунктирные — заявления. Области "
        "обозначают места, известные приблизительно; вся страна со светлой заливкой и "
        "пунктирным краем — события, которые источники связывают только со страной.",
    },
    "map.embed.locator.title": {
        "en": "Map: where the event took place",
        "ru": "Карта: где произошло событие",
    },
    "map.embed.locator.description": {
        "en": "Event pages embed maps/locator.html#<event-id> (builder.pages.events); one document serves all.",
        "ru": "Страницы событий встраивают maps/locator.html#<event-id> (builder.pages.events); "
        "один документ на все события.",
    },
    "chart.embed.timeline.title": {
        "en": "Timeline of every event, by theme or by country",
        "ru": "Хронология всех событий по темам или по странам",
    },
    "chart.embed.timeline.description": {
        "en": "Every event in time. Colour shows the theme, the marker's shape how well the event "
        "is established, and a bar the period an imprecise date may mean; labels name the "
        "story's key events. Click a marker or a label to open the event; use the buttons to "
        "jump to a period or filter what is shown.",
        "ru": "Все события во времени. Цвет показывает тему, форма метки — насколько надёжно "
        "установлено событие, полоса — период, который может означать неточная дата; подписи "
        "называют ключевые события истории. Нажмите на метку или подпись, чтобы открыть "
        "событие; кнопки переносят к периоду или отбирают показанное.",
    },
    "chart.embed.inventory.title": {
        "en": "Drone inventory: which state got or made which drone, when and from whom",
        "ru": "Парк беспилотников: какая страна получила или произвела какой беспилотник, когда и у кого",
    },
    "chart.embed.inventory.description": {
        "en": "One row per state and drone system, drawn from the drone acquisition and production "
        "events. Colour shows the supplier: Turkey, Iran or the state's own production.",
        "ru": "По строке на страну и модель беспилотника, по событиям закупок и производства. "
        "Цвет показывает поставщика: Турция, Иран или собственное производство.",
    },
    "chart.embed.trade.title": {
        "en": "Iran–Tajikistan trade: the $500 million target and the 2021 level it implies",
        "ru": "Торговля Ирана и Таджикистана: цель в 500 млн долларов и вытекающий из неё уровень 2021 года",
    },
    "chart.embed.trade.description": {
        "en": "The solid bar is the pledged target as reported; the hatched bar is our own "
        "arithmetic from the article's figures, not a reported number.",
        "ru": "Сплошной столбец — объявленная цель по сообщениям; заштрихованный — наш расчёт по "
        "цифрам статьи, а не опубликованное значение.",
    },
    "map.embed.story-opening.title": {
        "en": "Map: the Ababil-2 factory in Dushanbe, the drone's reported 200 km range and the Afghanistan–Tajikistan border",
        "ru": "Карта: завод «Абабиль-2» в Душанбе, заявленная дальность беспилотника 200 км и афгано-таджикская граница",
    },
    "map.embed.story-opening.description": {
        "en": "Where the story opens: the factory, a ring at the drone's reported range and the border with Afghanistan.",
        "ru": "С чего начинается история: завод, круг на заявленной дальности беспилотника и граница с Афганистаном.",
    },
    "map.embed.story.title": {
        "en": "Map: the drone race in Central Asia, every step of the story on one map (shown on its own it opens at the first step; on our story page it follows the text)",
        "ru": "Карта: гонка дронов в Центральной Азии, все шаги истории на одной карте (отдельно она открывается на первом шаге; на нашей странице истории следует за текстом)",
    },
    "map.embed.story.description": {
        "en": "The story's map, which the story page moves from step to step.",
        "ru": "Карта истории, которую страница истории переводит от шага к шагу.",
    },
    "map.embed.explore.title": {
        "en": "Map of the regional drone race: every located event (the record's regional map; the explore page's map needs that page's timeline and filters, so this one stands in for it)",
        "ru": "Карта региональной гонки дронов: все события с известным местом (региональная карта хроники; карте страницы «Исследовать хронику» нужны шкала времени и фильтры этой страницы, поэтому её заменяет эта)",
    },
    "map.embed.explore.description": {
        "en": "The explore page's map, embedded as the regional map of every located event.",
        "ru": "Карта страницы «Исследовать хронику», встраиваемая как региональная карта всех событий с известным местом.",
    },
    "chart.embed.explore-timeline.title": {
        "en": "Timeline of every event, by theme or by country (the record's timeline chart; the explore page's timeline needs that page's map and filters, so this one stands in for it)",
        "ru": "Хронология всех событий по темам или по странам (график хронологии; шкале страницы «Исследовать хронику» нужны карта и фильтры этой страницы, поэтому её заменяет этот график)",
    },
    "chart.embed.explore-timeline.description": {
        "en": "The explore page's timeline, embedded as the timeline chart of every event.",
        "ru": "Шкала времени страницы «Исследовать хронику», встраиваемая как график хронологии всех событий.",
    },
    # The maps' text versions (builder/maps/*.text_version).
    "map.text.date": {"en": "Date", "ru": "Дата"},
    "map.text.event": {"en": "Event", "ru": "Событие"},
    "map.text.status": {"en": "Status", "ru": "Статус"},
    "map.text.where": {"en": "Where", "ru": "Где"},
    "map.text.claimed_by": {"en": " (claimed by {names}", "ru": " (заявляет: {names}"},
    "map.text.rejected_by": {"en": "; rejected by {names})", "ru": "; опровергает: {names})"},
    "map.factory.text": {
        "en": "The map as text: the factory and its reach",
        "ru": "Карта в виде текста: завод и дальность полёта",
    },
    "map.factory.text_factory": {"en": "Factory", "ru": "Завод"},
    "map.factory.text_where": {"en": "Where", "ru": "Где"},
    "map.factory.text_site": {
        "en": "{place} (the exact site has not been made public)",
        "ru": "{place} (точное место не раскрыто)",
    },
    "map.factory.text_range": {"en": "Range", "ru": "Дальность"},
    "map.factory.text_endurance": {"en": "Endurance", "ru": "Продолжительность полёта"},
    "map.factory.text_border": {"en": "Border within range", "ru": "Граница в зоне досягаемости"},
    "map.factory.text_border_value": {
        "en": "about {within} km of the {total} km line drawn",
        "ru": "около {within}\u00a0км из {total}\u00a0км нарисованной линии",
    },
    "map.factory.text_partly": {
        "en": "partly within range; nearest edge {km} km",
        "ru": "частично в зоне досягаемости; ближайший край в {km}\u00a0км",
    },
    "map.factory.text_out": {
        "en": "out of range; nearest edge {km} km",
        "ru": "вне зоны досягаемости; ближайший край в {km}\u00a0км",
    },
    "map.factory.text_yes": {"en": "yes", "ru": "да"},
    "map.factory.text_no": {"en": "no", "ru": "нет"},
    "map.factory.text_caption": {"en": "The {name} and its factory", "ru": "{name} и его завод"},
    "map.factory.text_item": {"en": "Item", "ru": "Показатель"},
    "map.factory.text_figure": {"en": "Figure", "ru": "Значение"},
    "map.factory.text_places": {
        "en": "Places within {km} km of the factory",
        "ru": "Места в пределах {km}\u00a0км от завода",
    },
    "map.factory.text_place": {"en": "Place", "ru": "Место"},
    "map.factory.text_distance": {"en": "Distance", "ru": "Расстояние"},
    "map.factory.text_within": {"en": "Within {km} km", "ru": "В пределах {km}\u00a0км"},
    "map.border.text": {
        "en": "The map as text: the border's length and the events along it",
        "ru": "Карта в виде текста: длина границы и события вдоль неё",
    },
    "map.border.text_caption": {"en": "How long is the border?", "ru": "Какова длина границы?"},
    "map.border.text_figure": {"en": "Figure", "ru": "Цифра"},
    "map.border.text_length": {"en": "Length", "ru": "Длина"},
    "map.border.text_source": {"en": "Source", "ru": "Источник"},
    "map.border.text_note": {"en": "Note", "ru": "Примечание"},
    "map.border.text_events": {
        "en": "Events within {km} km of the border ({count})",
        "ru": "События в пределах {km}\u00a0км от границы ({count})",
    },
    "map.border.figure.article.label": {"en": "The article", "ru": "Статья"},
    "map.border.figure.article.note": {
        "en": "A rounded figure, given without a source of its own.",
        "ru": "Округлённая цифра без собственного источника.",
    },
    "map.border.figure.official.label": {
        "en": "Tajikistan's foreign ministry",
        "ru": "МИД Таджикистана",
    },
    "map.border.figure.official.note": {
        "en": "The official length: 1,135.3 km of it along rivers, 189.85 km over land, 19 km "
        "across a lake.",
        "ru": "Официальная длина: из неё 1135,3 км по рекам, 189,85 км по суше, 19 км по озеру.",
    },
    "map.border.figure.measured.label": {
        "en": "Measured on the 1:10m Natural Earth line",
        "ru": "Измерено по линии Natural Earth масштаба 1:10 млн",
    },
    "map.border.figure.measured.note": {
        "en": "Our own measurement on the generalised line in "
        "data/geo/afghanistan-tajikistan-border.geojson; see data/geo/PROVENANCE.md.",
        "ru": "Наше измерение по обобщённой линии в "
        "data/geo/afghanistan-tajikistan-border.geojson; см. data/geo/PROVENANCE.md.",
    },
    "map.deployments.text": {
        "en": "The map as text: deployments and claims",
        "ru": "Карта в виде текста: переброски сил и заявления",
    },
    "map.deployments.text_taliban": {
        "en": "Taliban forces and claims about them ({count})",
        "ru": "Силы «Талибана» и заявления о них ({count})",
    },
    "map.deployments.text_others": {
        "en": "Forces across the river ({count})",
        "ru": "Силы за рекой ({count})",
    },
    "map.regional.text": {
        "en": "The map as text: drones by country and every located event",
        "ru": "Карта в виде текста: беспилотники по странам и все события с известным местом",
    },
    "map.regional.text_country": {"en": "Country", "ru": "Страна"},
    "map.regional.text_drones": {"en": "Drones", "ru": "Беспилотники"},
    "map.regional.text_events": {"en": "Events", "ru": "События"},
    "map.regional.text_counts": {
        "en": "Located events by category",
        "ru": "События с известным местом по категориям",
    },
    "map.regional.text_category": {"en": "Category", "ru": "Категория"},
    "map.regional.text_all": {"en": "Every event, listed by date", "ru": "Все события по датам"},
    # The factory map.
    "map.factory.missing_title": {
        "en": "Map: the drone factory and its reach (no data yet)",
        "ru": "Карта: завод беспилотников и их дальность (данных пока нет)",
    },
    "map.factory.legend_title_missing": {
        "en": "The factory and its reach",
        "ru": "Завод и дальность полёта",
    },
    "map.factory.missing": {
        "en": "The data has no located drone-production event for {system} with a range in "
        "data/systems.yaml, so there is no factory or range ring to draw.",
        "ru": "В данных нет события о производстве {system} с известным местом и дальностью "
        "в data/systems.yaml, поэтому завод и круг дальности не показаны.",
    },
    "map.factory.the_factory_place": {"en": "the factory", "ru": "завод"},
    "map.factory.ring_label": {
        "en": "{name} range: {km} km from the factory",
        "ru": "Дальность {name}: {km}\u00a0км от завода",
    },
    "map.factory.legend_title": {
        "en": "{name}: the factory and its reach",
        "ru": "{name}: завод и дальность полёта",
    },
    "map.factory.swatch_factory": {
        "en": "{name} factory ({place}; exact site not public)",
        "ru": "Завод {name} ({place}; точное место не раскрыто)",
    },
    "map.factory.swatch_ring": {"en": "{km} km from the factory", "ru": "{km}\u00a0км от завода"},
    "map.factory.swatch_provinces": {
        "en": "Afghan provinces named in the story",
        "ru": "Провинции Афганистана, упомянутые в истории",
    },
    "map.factory.range": {
        "en": "Range {value} {unit} ({source})",
        "ru": "Дальность {value} {unit} ({source})",
    },
    "map.factory.endurance": {
        "en": "Endurance {value} {unit} in the air ({source})",
        "ru": "Продолжительность полёта {value} {unit} ({source})",
    },
    "map.factory.border_within": {
        "en": "About {within} km of the {total} km border line lies inside the ring.",
        "ru": "Около {within}\u00a0км из {total}\u00a0км линии границы лежат внутри круга.",
    },
    "map.factory.round_trip": {
        "en": "If the range is the whole round trip, the drone reaches about half as far.",
        "ru": "Если дальность указана на путь туда и обратно, беспилотник долетит примерно вдвое ближе.",
    },
    "map.factory.title": {
        "en": "Map: {place}, and its {km} km reach",
        "ru": "Карта: {place} и дальность {km}\u00a0км",
    },
    "map.factory.layer_ring": {
        "en": "{name} range ring ({km} km)",
        "ru": "Круг дальности {name} ({km}\u00a0км)",
    },
    "map.factory.layer_distances": {
        "en": "Distances from the factory",
        "ru": "Расстояния от завода",
    },
    "map.factory.layer_factory": {"en": "The factory", "ru": "Завод"},
    # The border map.
    "map.border.drawn_here": {"en": "{km} km as drawn here", "ru": "{km}\u00a0км на карте"},
    "map.border.line_missing": {"en": "line missing", "ru": "линии нет"},
    "map.border.length_label": {
        "en": "Afghanistan–Tajikistan border: {drawn}; the article says {article} km",
        "ru": "Афгано-таджикская граница: {drawn}; в статье — {article}\u00a0км",
    },
    "map.border.article_says": {"en": "the article says {km} km", "ru": "в статье — {km}\u00a0км"},
    "map.border.layer_length": {"en": "The border's length", "ru": "Длина границы"},
    "map.border.drawn": {"en": "{km} km as drawn", "ru": "{km}\u00a0км по линии"},
    "map.border.no_line": {
        "en": "no border line in data/geo",
        "ru": "в data/geo нет линии границы",
    },
    "map.border.legend_title": {
        "en": "The Afghanistan–Tajikistan border",
        "ru": "Афгано-таджикская граница",
    },
    "map.border.swatch": {"en": "The border, {drawn}", "ru": "Граница, {drawn}"},
    "map.border.why": {
        "en": "For most of its length the border follows the Panj and Amu Darya rivers. "
        "A line drawn for a 1:10m world map keeps only some of the river's bends, cutting "
        "across its meanders, so it measures shorter{measured} than the boundary surveyed "
        "along the river. The article rounds to 1,300 km; Tajikistan's foreign ministry "
        "gives 1,344 km.",
        "ru": "На большей части граница идёт по рекам Пяндж и Амударья. Линия для карты мира "
        "масштаба 1:10 млн сохраняет лишь часть изгибов реки и срезает её меандры, поэтому "
        "она короче{measured}, чем граница, измеренная по руслу. В статье длина округлена "
        "до 1300 км; МИД Таджикистана называет 1344 км.",
    },
    "map.border.about": {"en": " (about {km} km)", "ru": " (около {km}\u00a0км)"},
    "map.border.title": {
        "en": "Map: the Afghanistan–Tajikistan border ({drawn}) and events along it",
        "ru": "Карта: афгано-таджикская граница ({drawn}) и события вдоль неё",
    },
    "map.border.layer_events": {"en": "Events along the border", "ru": "События у границы"},
    # The regional map.
    "map.regional.makes": {"en": "makes {system}", "ru": "производит {system}"},
    "map.regional.buys": {"en": "buys {system}", "ru": "покупает {system}"},
    "map.regional.qualified": {"en": "{line} ({status})", "ru": "{line} ({status})"},
    "map.regional.russia_base": {"en": "Russia's base", "ru": "Российская база"},
    "map.regional.afghan_aircraft": {
        "en": "Afghan Air Force aircraft",
        "ru": "Самолёты ВВС Афганистана",
    },
    "map.regional.legend_title": {
        "en": "The regional drone race",
        "ru": "Региональная гонка дронов",
    },
    "map.regional.legend_categories": {
        "en": "Categories (switch each on or off above)",
        "ru": "Категории (каждую можно включить или выключить выше)",
    },
    "map.regional.legend_note": {
        "en": "Labels sum up which drones each country makes or buys, and where foreign forces are.",
        "ru": "Подписи показывают, какие беспилотники каждая страна производит или покупает и где стоят иностранные войска.",
    },
    "map.regional.layer_drones": {"en": "Drones by country", "ru": "Беспилотники по странам"},
    "map.regional.layer_forces": {
        "en": "Russian forces and Afghan aircraft",
        "ru": "Российские войска и афганские самолёты",
    },
    "map.regional.title": {
        "en": "Map: the regional drone race, every located event by category",
        "ru": "Карта: региональная гонка дронов, все события с известным местом по категориям",
    },
    # The deployments map.
    "map.deployments.legend_title": {
        "en": "Taliban deployments and claims",
        "ru": "Переброски сил «Талибана» и заявления о них",
    },
    "map.deployments.forces": {"en": "Forces and deployments", "ru": "Войска и их переброски"},
    "map.deployments.threats": {"en": "Threats and accusations", "ru": "Угрозы и обвинения"},
    "map.deployments.band": {
        "en": "Forces somewhere along a frontier (approximate: no positions given)",
        "ru": "Войска где-то вдоль границы (приблизительно: позиции не названы)",
    },
    "map.deployments.lines": {
        "en": "Afghanistan's borders with Tajikistan, Uzbekistan and Turkmenistan",
        "ru": "Границы Афганистана с Таджикистаном, Узбекистаном и Туркменистаном",
    },
    "map.deployments.note": {
        "en": "Areas are approximate: the sources name only a province, a region or a border "
        "stretch, never a site. A band along a border stands for forces placed somewhere "
        "on that frontier; a circle stands for a region without a drawn outline.",
        "ru": "Области приблизительны: источники называют только провинцию, регион или участок "
        "границы, но не конкретное место. Полоса вдоль границы означает войска где-то на этом "
        "участке; круг — регион, контур которого не нарисован.",
    },
    "map.deployments.title": {
        "en": "Map: Taliban deployments on the northern border and the claims about them",
        "ru": "Карта: силы «Талибана» на северной границе и заявления о них",
    },
    "map.deployments.layer_others": {
        "en": "Forces across the river: Tajikistan, Russia, CSTO",
        "ru": "Силы за рекой: Таджикистан, Россия, ОДКБ",
    },
    "map.deployments.layer_taliban": {
        "en": "Taliban forces and claims about them",
        "ru": "Силы «Талибана» и заявления о них",
    },
    # The story map and its opening on the home page.
    "map.story.title": {
        "en": "Map: the drone race in Central Asia, step by step",
        "ru": "Карта: гонка дронов в Центральной Азии, шаг за шагом",
    },
    "map.story.opening_title": {
        "en": "Map: where the story opens",
        "ru": "Карта: с чего начинается история",
    },
    "map.story.ring_label": {
        "en": "{name} reported range: {km} km from the factory",
        "ru": "Заявленная дальность {name}: {km}\u00a0км от завода",
    },
    "map.story.layer_ring": {"en": "Ababil-2 range ring", "ru": "Круг дальности «Абабиль-2»"},
    "map.story.layer_events": {"en": "Events of the story", "ru": "События истории"},
    "map.story.swatch_ring": {
        "en": "Ababil-2 reported range",
        "ru": "Заявленная дальность «Абабиль-2»",
    },
    "map.story.note_areas": {
        "en": "Areas stand for places known only roughly.",
        "ru": "Области обозначают места, известные лишь приблизительно.",
    },
    "map.story.note_steps": {
        "en": "The step's own events are drawn strongly; the other steps' are faded.",
        "ru": "События текущего шага выделены; события других шагов приглушены.",
    },
    "map.story.legend_title": {"en": "The story map", "ru": "Карта истории"},
    "map.story.legend_events": {"en": "Events, by category", "ru": "События по категориям"},
    "map.story.legend_around": {"en": "Around them", "ru": "Вокруг них"},
    # The locator and the explore map.
    "map.locator.title": {"en": "Where the event took place", "ru": "Где произошло событие"},
    "map.locator.label": {
        "en": "Map of where the event took place",
        "ru": "Карта места события",
    },
    "map.explore.title": {
        "en": "Map of the record: the events of the period and filters you choose",
        "ru": "Карта хроники: события выбранного периода с выбранными фильтрами",
    },
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
    "story.explore": {"en": "Explore the map", "ru": "Изучить карту"},
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
    # The static maps' and sharing cards' words (builder/images): alt texts and og:image:alt.
    "image.alt.static_map": {"en": "Static map: {title}.", "ru": "Статичная карта: {title}."},
    "image.alt.drawn": {"en": "Drawn: {layers}.", "ru": "Показаны: {layers}."},
    "image.alt.category_count": {"en": "{n} {category}", "ru": "{category} — {n}"},
    "image.alt.events.one": {"en": "{n} event", "ru": "{n} событие"},
    "image.alt.events.few": {"en": "{n} events", "ru": "{n} события"},
    "image.alt.events.many": {"en": "{n} events", "ru": "{n} событий"},
    "image.alt.events.other": {"en": "{n} events", "ru": "{n} события"},
    "image.alt.by_category": {
        "en": "{events}, coloured by category: {listed}.",
        "ru": "На карте {events}, цвет обозначает категорию: {listed}.",
    },
    "image.alt.place": {
        "en": "Static map of {place}, marked in red, with the region around it.",
        "ru": "Статичная карта: {place} и регион вокруг; место отмечено красным.",
    },
    "image.alt.region": {
        "en": "Static map of the region; the pin marks the event's location.",
        "ru": "Статичная карта региона; метка показывает место события.",
    },
    "image.place.title": {"en": "Map: {place}", "ru": "Карта: {place}"},
    "image.card.place_alt": {"en": "{site}: map of {place}", "ru": "{site}: {place} на карте"},
    "image.card.region_alt": {
        "en": "{site}: map of where the story opens",
        "ru": "{site}: карта тех мест, где начинается история",
    },
    "image.card.page_alt": {"en": "{site}: {title}: {map}", "ru": "{site}: {title}. Карта: {map}"},
    "image.card.page_alt_plain": {"en": "{site}: {title}: map", "ru": "{site}: {title}. Карта"},
    "image.card.default_alt": {
        "en": "{site}: a map of the region the story covers",
        "ru": "{site}: карта региона, о котором рассказывает история",
    },
    "span.empty.title": {"en": "No events yet", "ru": "Событий пока нет"},
    "span.empty.text": {"en": "The record is empty.", "ru": "В хронике ещё нет ни одного события."},
    "span.text": {
        "en": "The span of the record's {events}, from the first, {first}, to the latest, {last}.",
        "ru": "Такой период охватывает хроника — {events}: от первого, {first}, "
        "до последнего, {last}.",
    },
    "span.events.one": {"en": "{n} event", "ru": "{n} событие"},
    "span.events.few": {"en": "{n} events", "ru": "{n} события"},
    "span.events.many": {"en": "{n} events", "ru": "{n} событий"},
    "span.events.other": {"en": "{n} events", "ru": "{n} события"},
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


def formatted(key: str, lang: Language, **values: object) -> str:
    """:func:`message` with its ``{name}`` fields filled from ``values``."""
    return message(key, lang).format(**values)


def counted(key: str, count: int, lang: Language, **values: object) -> str:
    """The ``key.<form>`` message for ``count`` in ``lang``, with ``{n}`` set to the count.

    The form (``one``, ``few``, ``many``, ``other``) is CLDR's plural rule from Babel:
    "1 событие", "2 события", "5 событий"; "1 event", "2 events".
    """
    form = Locale.parse(lang).plural_form(count)
    return formatted(f"{key}.{form}", lang, n=display_number(count, lang), **values)
