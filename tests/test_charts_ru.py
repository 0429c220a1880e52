"""The charts in Russian: figure JSON with Russian words, Babel's dates and Plotly's locale.

Figures are read as JSON (traces, layout, the file's extras), never as rendered bytes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from builder import charts
from builder.charts.document import chart_document
from builder.html.assets import PLOTLY_LOCALE_PATH, vendor_files
from builder.i18n.messages import MESSAGES
from builder.record.validate import Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent
FACTORY_EVENT = "ababil-2-factory-opens"
"""Dated 2022-05-17, confirmed, a drone-production event."""


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def files(data: Dataset) -> dict[str, dict]:
    rendered = charts.render_all(data, lang="ru")
    return {path.rsplit("/", 1)[-1]: json.loads(text) for path, text in rendered.items()}


def _traces(figure: dict) -> list[dict]:
    return figure["data"]


def test_every_russian_chart_names_plotlys_russian_locale(files) -> None:
    assert files["timeline.json"]["locale"] == "ru"
    assert files["inventory.json"]["locale"] == "ru"
    assert files["trade.json"]["locale"] == "ru"


def test_english_chart_files_carry_no_locale_no_strings_no_ticks(data) -> None:
    english = {p: json.loads(t) for p, t in charts.render_all(data).items()}
    for payload in english.values():
        assert not {"locale", "strings", "ticks"} & payload.keys()


def test_russian_timeline_ticks_are_babels_words_for_month_and_year(files) -> None:
    sets = files["timeline.json"]["ticks"]
    months = dict(zip(sets[0]["vals"], sets[0]["text"], strict=True))
    assert months["2022-05-01"] == "май 2022"
    assert months["2021-08-01"] == "авг. 2021"
    years = dict(zip(sets[-1]["vals"], sets[-1]["text"], strict=True))
    assert years["2020-01-01"] == "2020"
    # Plotly's own Russian months are nominative and capitalised ("Март"): none of that here.
    assert not any(re.search("[А-Я]", text) for s in sets for text in s["text"])


def test_russian_inventory_ticks_cover_its_events(files) -> None:
    sets = files["inventory.json"]["ticks"]
    assert any(text.endswith("2022") and re.search("[а-я]", text) for text in sets[0]["text"])


def test_russian_timeline_legend_rows_and_hover_are_russian(files) -> None:
    main = files["timeline.json"]
    figure = main["views"][0]["figure"]
    legend = [t["name"] for t in _traces(figure) if t.get("showlegend")]
    assert "Производство дронов" in legend
    assert "Дипломатия" in legend
    assert "Производство дронов" in figure["layout"]["yaxis"]["ticktext"]
    hover = next(
        t["hovertemplate"]
        for t in _traces(figure)
        if t.get("legendgroup") == "drone-production" and t.get("hovertemplate")
    )
    assert "Производство дронов" in hover
    dated = [
        row
        for t in _traces(figure)
        for row in t.get("customdata") or []
        if row[0] == f"events/{FACTORY_EVENT}/"
    ]
    assert dated
    assert dated[0][1] == "17 мая 2022 г."
    assert dated[0][2].startswith("подтверждено")
    assert [v["label"] for v in main["views"]] == ["По темам", "По странам"]
    assert main["ranges"][0]["label"] == "С 2015 года"
    assert [f["label"] for f in main["filters"]] == ["Категория", "Страна", "Участник"]
    countries = dict(main["filters"][1]["options"])
    assert countries["TJK"].startswith("Таджикистан (")


def test_russian_country_view_names_its_rows_in_russian(files) -> None:
    rows = files["timeline-country.json"]["figure"]["layout"]["yaxis"]["ticktext"]
    assert "Таджикистан" in rows
    assert "Tajikistan" not in rows


def test_russian_trade_chart_writes_money_and_axis_the_russian_way(files) -> None:
    figure = files["trade.json"]["figure"]
    assert figure["layout"]["yaxis"]["title"]["text"] == "Млн долларов США в год"
    texts = [text for t in _traces(figure) for text in t.get("text", [])]
    assert "500 млн долларов" in texts
    assert any(text.startswith("менее 285,7") for text in texts)
    names = {t["name"] for t in _traces(figure)}
    assert names == {"Рассчитано по цифрам", "Названо источником"}


def test_russian_inventory_names_suppliers_in_russian(files) -> None:
    figure = files["inventory.json"]["figure"]
    names = {t["name"] for t in _traces(figure)}
    assert "Поставщик: Турция" in names
    rows = [a["text"] for a in figure["layout"]["annotations"]]
    assert any("поставщик: Турция" in row for row in rows)


def test_the_russian_chart_files_carry_chartsjs_words(files) -> None:
    words = files["timeline.json"]["strings"]
    assert words["ui.chart.reset"] == "Показать всё"
    assert all(key.startswith("ui.chart.") for key in words)


def test_plotlys_russian_locale_is_served_and_registers_in_a_browser_like_global() -> None:
    served = vendor_files(ROOT / "node_modules")
    script = served[PLOTLY_LOCALE_PATH.format(lang="ru")].decode("utf-8")
    node = shutil.which("node")
    assert node is not None, "node is needed to run the locale script (npm installs it)"
    program = (
        "global.window = {};\n" + script + "\nconst l = window.drPlotlyLocales.ru;"
        "console.log(JSON.stringify({name: l.name, decimal: l.format.decimal,"
        " thousands: l.format.thousands, autoscale: l.dictionary['Autoscale']}));"
    )
    result = subprocess.run([node, "-e", program], capture_output=True, text=True, check=True)
    locale = json.loads(result.stdout)
    assert locale["name"] == "ru"
    assert locale["decimal"] == ","
    assert locale["autoscale"]
    assert re.search("[а-я]", locale["autoscale"])


def test_a_russian_chart_document_says_its_language(data) -> None:
    embed = charts.EMBEDS["chart:trade"]
    html = chart_document(embed, "Site", "data/charts/trade.json", lang="ru")
    assert re.search(r'<html lang="ru">', html)
    assert "события с источниками" in html
    assert 'lang="en"' in chart_document(embed, "Site", "data/charts/trade.json")


def test_russian_chart_texts_summarise_in_russian(data) -> None:
    embeds = charts.embeds_for(data, "ru")
    timeline = embeds["chart:timeline"]
    assert timeline.title == "Хронология всех событий по темам или по странам"
    assert timeline.alternative is not None
    html = timeline.alternative("../")
    assert "Таблица данных" in html
    assert "Подтверждено" in html  # the status key
    count = len(data.events)
    assert re.search(rf"На шкале {count} событи[ея]", html)
    trade = embeds["chart:trade"].alternative
    assert trade is not None
    assert "500 млн долларов" in trade("../")


def test_every_charts_english_caption_is_its_message() -> None:
    for key, embed in {**charts.EMBEDS, **charts.VIEWS}.items():
        assert MESSAGES[f"chart.embed.{embed.name}.title"]["en"] == embed.title, key
        assert MESSAGES[f"chart.embed.{embed.name}.description"]["en"] == embed.description, key
