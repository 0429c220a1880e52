"""A Russian map and a Russian chart in headless Chromium: Leaflet's, Plotly's and our words.

The folder served holds what the Russian edition publishes for maps and charts
(:func:`builder.pipeline.language_files` with ``"ru"``), beside the site's own scripts,
styles, vendored libraries and basemap, at the paths the documents expect.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from builder import pipeline
from builder.geometry.basemap import basemap_files
from builder.html.assets import vendor_files
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def russian_url(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    folder = tmp_path_factory.mktemp("ru")
    shutil.copytree(ROOT / "docs/assets", folder / "assets")
    files = {
        **vendor_files(ROOT / "node_modules"),
        **basemap_files(),
        **pipeline.language_files(load_dataset(ROOT / "data"), "ru"),
    }
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return serve(folder)


def test_a_russian_map_names_leaflets_controls_and_its_popup_in_russian(page, russian_url):
    page.goto(russian_url + "maps/regional.html")
    page.wait_for_selector("html[data-dr-ready=true]", timeout=20_000)
    assert page.get_attribute("html", "lang") == "ru"
    assert page.get_attribute(".leaflet-control-zoom-in", "title") == "Приблизить"
    assert page.get_attribute(".leaflet-control-zoom-out", "aria-label") == "Отдалить"
    assert page.get_attribute(".leaflet-control-layers-toggle", "title") == "Слои"
    assert re.fullmatch(r"\d+\s(км|м)", page.inner_text(".leaflet-control-scale-line").strip())
    assert "Natural Earth (общественное достояние)" in page.inner_text(
        ".leaflet-control-attribution"
    )
    leaflet = page.locator(".leaflet-control-attribution a[href='https://leafletjs.com']")
    assert leaflet.get_attribute("title") == "Библиотека JavaScript для интерактивных карт"
    assert leaflet.locator("svg").count() == 1  # Leaflet's own credit kept whole
    assert "Стрелки сдвигают карту" in page.get_attribute(".leaflet-container", "aria-label")
    # The basemap names the region's countries in Russian.
    names = page.eval_on_selector_all(".dr-base-label-text", "els => els.map(e => e.textContent)")
    assert "Таджикистан" in names
    assert "Tajikistan" not in names
    page.evaluate(
        """() => { let done = false;
          window.drMap.eachLayer(l => { if (!done && l.feature
            && (l.feature.id === 'ababil-2-factory-opens'
                || l.feature.properties.id === 'ababil-2-factory-opens')) {
            l.getElement().focus(); done = true; } }); }"""
    )
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup .dr-popup")
    popup.locator(".dr-popup-sources li").first.wait_for()
    facts = popup.locator(".dr-popup-facts").inner_text()
    assert "Дата" in facts
    assert "17 мая 2022 г." in facts
    assert "подтверждено" in facts
    assert popup.locator(".dr-popup-label").inner_text() == "Источники"
    assert page.get_attribute(".leaflet-popup-close-button", "aria-label") == "Закрыть"
    assert page.console_errors == []
    assert page.page_errors == []


def test_a_russian_chart_loads_plotlys_russian_locale_and_babels_ticks(page, russian_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(russian_url + "embed/timeline.html")
    page.wait_for_selector(".dr-chart[data-drawn=true]", timeout=30_000)
    assert any(url.endswith("assets/vendor/plotly/locale-ru.js") for url in requested)
    assert page.evaluate("() => document.querySelector('.dr-chart')._context.locale") == "ru"
    ticks = page.eval_on_selector_all(".xtick text", "els => els.map(e => e.textContent)")
    assert ticks
    assert all(re.fullmatch(r"\d{4}|[а-я.]+ \d{4}", tick) for tick in ticks)
    # A shorter period: month ticks, written by Babel ("авг. 2021"), not Plotly's "Авг".
    page.locator("button.dr-chart-button", has_text="С августа 2021 года").click()
    page.wait_for_function(
        """() => [...document.querySelectorAll('.xtick text')]
                 .some(t => /[а-я]/.test(t.textContent))"""
    )
    ticks = page.eval_on_selector_all(".xtick text", "els => els.map(e => e.textContent)")
    assert all(re.fullmatch(r"\d{4}|[а-я]+\.? \d{4}", tick) for tick in ticks), ticks
    status = page.locator(".dr-chart-status").inner_text()
    assert status.startswith("Показан")
    assert page.locator(".dr-chart-group-label").first.inner_text() == "Период:"
    assert page.console_errors == []
    assert page.page_errors == []


def test_an_english_chart_loads_no_locale(page, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "embed/timeline.html")
    page.wait_for_selector(".dr-chart[data-drawn=true]", timeout=30_000)
    assert not any("locale" in url for url in requested)
    assert page.locator(".dr-chart-status").inner_text().startswith("Showing")
