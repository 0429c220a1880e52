"""The chart figures drawn from the data: what each mark stands for, and where."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from builder import charts
from builder.charts import timeline
from builder.charts.inventory import HOME, holdings, inventory_figure
from builder.charts.timeline import MAX_LANES, MIN_GAP_DAYS, assign_lanes, timeline_files
from builder.charts.trade import implied_baselines, trade_alternative, trade_figure
from builder.record.validate import Dataset, InvalidData, load_dataset

DAY_MS = 24 * 60 * 60 * 1000


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ROOT / "data")


def _points(figure: dict) -> list[tuple[dict, int]]:
    """(trace, index) of every marker drawn for an event (legend-only traces have none)."""
    return [
        (trace, i)
        for trace in figure["data"]
        if trace["type"] == "scatter" and trace.get("customdata")
        for i in range(len(trace["customdata"]))
    ]


def _bars(figure: dict) -> list[tuple[dict, int]]:
    return [
        (trace, i)
        for trace in figure["data"]
        if trace["type"] == "bar"
        for i in range(len(trace["customdata"]))
    ]


def _find(marks: list[tuple[dict, int]], event_id: str) -> list[tuple[dict, int]]:
    return [(t, i) for t, i in marks if t["customdata"][i][0] == f"events/{event_id}/"]


def _view(data: Dataset, name: str) -> dict:
    files = timeline_files(data)
    view = next(v for v in files["timeline.json"]["views"] if v["id"] == name)
    return view["figure"] if "figure" in view else files[view["src"]]["figure"]


def test_theme_view_has_exactly_one_marker_per_event(data: Dataset) -> None:
    files = sorted(p.stem for p in (ROOT / "data/events").glob("*.yaml"))
    urls = sorted(t["customdata"][i][0] for t, i in _points(_view(data, "theme")))
    assert urls == [f"events/{stem}/" for stem in files]


def test_month_precise_event_is_a_month_long_bar_with_its_marker_mid_month(data) -> None:
    figure = _view(data, "theme")
    # iran-tajikistan-trade-pledge is dated "2022-02": February 2022 has 28 days.
    [(bar, i)] = _find(_bars(figure), "iran-tajikistan-trade-pledge")
    assert bar["base"][i] == "2022-02-01"
    assert bar["x"][i] == 28 * DAY_MS
    [(point, j)] = _find(_points(figure), "iran-tajikistan-trade-pledge")
    assert point["x"][j] != "2022-02-01"
    assert "2022-02-10" <= point["x"][j] <= "2022-02-18"
    assert "day not known" in point["customdata"][j][1]


def test_day_precise_event_is_a_point_on_its_day_without_a_bar(data) -> None:
    figure = _view(data, "theme")
    assert _find(_bars(figure), "taliban-take-kabul") == []
    [(point, i)] = _find(_points(figure), "taliban-take-kabul")
    assert point["x"][i] == "2021-08-15"
    assert point["customdata"][i][1] == "15 August 2021"


def test_every_status_has_its_own_marker_shape(data) -> None:
    figure = _view(data, "theme")
    by_status: dict[str, set[str]] = {}
    for trace, i in _points(figure):
        status = trace["customdata"][i][2].split(" ")[0]
        by_status.setdefault(status, set()).add(trace["marker"]["symbol"][i])
    present = {ev.status for ev in data.events.values()}
    assert set(by_status) == present
    shapes = [next(iter(s)) for s in by_status.values()]
    assert all(len(s) == 1 for s in by_status.values())
    assert len(set(shapes)) == len(shapes)


def test_hover_shows_title_date_and_status_with_claimant(data) -> None:
    figure = _view(data, "theme")
    [(point, i)] = _find(_points(figure), "iranian-drone-base-strike-reported")
    template = point["hovertemplate"]
    assert "%{text}" in template
    assert "%{customdata[1]}" in template
    assert "%{customdata[2]}" in template
    assert point["text"][i] == data.events["iranian-drone-base-strike-reported"].title
    assert point["customdata"][i][1] == "March 2022 (day not known)"
    assert point["customdata"][i][2] == "claimed by Lebanese media"


def test_editor_text_is_escaped_in_every_plotly_label(data) -> None:
    evil = "<img src=x onerror=alert(1)>"
    event = data.events["taliban-take-kabul"].model_copy(update={"title": evil})
    actor = data.actors["taliban"].model_copy(update={"name": f"Taliban {evil}"})
    tampered = replace(
        data,
        events={**data.events, "taliban-take-kabul": event},
        actors={**data.actors, "taliban": actor},
    )
    dumped = json.dumps([timeline_files(tampered), inventory_figure(tampered)])
    assert "&lt;img src=x onerror=alert(1)&gt;" in dumped
    figure = _view(tampered, "theme")
    labels = [t["text"][i] for t, i in _points(figure)] + figure["layout"]["yaxis"]["ticktext"]
    labels += [t["customdata"][i][2] for t, i in _points(figure)]
    assert not any("<img" in str(label) for label in labels)


def test_country_view_shows_an_event_in_the_row_of_each_country_it_concerns(data) -> None:
    figure = _view(data, "country")
    ticks = dict(
        zip(
            figure["layout"]["yaxis"]["tickvals"],
            figure["layout"]["yaxis"]["ticktext"],
            strict=True,
        )
    )
    marks = _find(_points(figure), "iran-tajikistan-trade-pledge")
    rows = set()
    for trace, i in marks:
        nearest = min(ticks, key=lambda y: abs(y - trace["y"][i]))
        rows.add(ticks[nearest])
    assert rows == {"Iran", "Tajikistan"}


def test_filter_keys_name_category_countries_and_actors(data) -> None:
    [(point, i)] = _find(_points(_view(data, "theme")), "iran-tajikistan-trade-pledge")
    key = point["customdata"][i][-1]
    for token in (" c:trade ", " n:IRN ", " n:TJK ", " a:iran ", " a:tajikistan "):
        assert token in key
    assert " n:AFG " not in key


def test_filters_list_every_category_country_and_actor_with_counts(data) -> None:
    filters = {
        f["token"]: dict(f["options"]) for f in timeline_files(data)["timeline.json"]["filters"]
    }
    acquisitions = sum(ev.category == "drone-acquisition" for ev in data.events.values())
    assert filters["c"]["drone-acquisition"] == f"Drone acquisition ({acquisitions})"
    assert filters["n"]["KGZ"].startswith("Kyrgyzstan (")
    assert set(filters["a"]) == {a for ev in data.events.values() for a in ev.actors} | {
        a for ev in data.events.values() for a in ev.claimed_by + ev.denied_by
    }


def test_quick_ranges_cover_the_whole_story_2015_2016_and_august_2021_onward(data) -> None:
    ranges = {r["label"]: r["range"] for r in timeline_files(data)["timeline.json"]["ranges"]}
    whole = ranges["The whole story"]
    assert whole[0] < "1990-01-01"
    assert whole[1] > "2022-08-31"
    assert ranges["2015–2016"][0] < "2015-01-01"
    assert ranges["2015–2016"][1] > "2016-12-31"
    assert "2021-06-01" <= ranges["August 2021 onward"][0] <= "2021-08-01"


def test_lanes_separate_close_marks_share_far_ones_and_are_capped() -> None:
    day = dt.date(2021, 8, 1).toordinal()
    assert assign_lanes([(day, day), (day + 1, day + 1)]) == [0, 1]
    assert assign_lanes([(day, day), (day + MIN_GAP_DAYS + 1, day + MIN_GAP_DAYS + 1)]) == [0, 0]
    crowded = assign_lanes([(day, day + 300)] * (MAX_LANES + 3))
    assert max(crowded) == MAX_LANES - 1


def test_inventory_states_systems_and_suppliers_come_from_the_events(data) -> None:
    ties = {(h.state, h.system, h.supplier) for h in holdings(data)}
    assert ("kyrgyzstan", "bayraktar-tb2", "TUR") in ties
    assert ("kazakhstan", "anka", "TUR") in ties
    assert ("turkmenistan", "bayraktar-tb2", "TUR") in ties
    assert ("tajikistan", "ababil-2", "IRN") in ties
    assert ("uzbekistan", "uzbek-military-drones", HOME) in ties
    # Iran supplies the factory; it is not listed as acquiring its own drone.
    assert not any(state == "iran" for state, _, _ in ties)


def test_a_new_acquisition_event_appears_in_the_inventory_chart(data) -> None:
    # A state the record does not yet tie to the TB2 (Iran makes its own drones).
    assert ("iran", "bayraktar-tb2") not in {(h.state, h.system) for h in holdings(data)}
    template = data.events["kyrgyzstan-buys-tb2"]
    new = template.model_copy(update={"actors": ["iran", "turkey"], "title": "Test deal"})
    more = replace(data, events={**data.events, "test-uzbek-tb2": new})
    rows = [a["text"] for a in inventory_figure(more)["layout"]["annotations"]]
    assert "Iran · Bayraktar TB2 · <b>from Turkey</b>" in rows
    before = [a["text"] for a in inventory_figure(data)["layout"]["annotations"]]
    assert not any(r.startswith("Iran · Bayraktar TB2") for r in before)
    tb2 = [t for t in inventory_figure(more)["data"] if t.get("name") == "From Turkey"]
    assert any("events/test-uzbek-tb2/" in [c[0] for c in t.get("customdata") or []] for t in tb2)


def test_trade_derives_the_2021_level_with_its_bound_and_arithmetic(data) -> None:
    [derived] = implied_baselines(data)
    assert derived.value == pytest.approx(500 / 1.75)
    assert derived.bound == "less-than"
    assert "500 ÷ 1.75" in derived.arithmetic
    figure = trade_figure(data)
    derived_bar = next(t for t in figure["data"] if "(derived)" in t["x"][0])
    assert derived_bar["y"][0] == pytest.approx(285.7)
    assert derived_bar["marker"]["pattern"]["shape"]
    assert "Derived" in derived_bar["hovertemplate"]
    notes = " ".join(a["text"] for a in figure["layout"]["annotations"])
    assert "TRENDS Research" in notes
    assert "500 ÷ 1.75" in notes


def test_trade_derivation_follows_the_data_not_a_typed_number(data) -> None:
    rise = data.indicators["iran-tajikistan-trade-target-rise"]
    changed = replace(
        data,
        indicators={
            **data.indicators,
            "iran-tajikistan-trade-target-rise": rise.model_copy(update={"value": 100.0}),
        },
    )
    [derived] = implied_baselines(changed)
    assert derived.value == pytest.approx(250.0)


def test_trade_table_names_sources_and_marks_the_derived_row(data) -> None:
    alternative = trade_alternative(data)
    kinds = [row[2] for row in alternative.table.rows]
    assert kinds.count("derived") == 1
    links = [c for row in alternative.table.rows for c in row if hasattr(c, "path")]
    urls = {str(data.sources[i.source].url) for i in data.indicators.values()}
    assert {link.path for link in links} == urls
    assert "our arithmetic" in alternative.summary


def test_render_all_is_deterministic_and_has_no_uids(root: Path) -> None:
    first = charts.render_all(load_dataset(root / "data"))
    second = charts.render_all(load_dataset(root / "data"))
    assert first == second
    names = ("timeline", "timeline-country", "inventory", "trade")
    assert set(first) == {f"data/charts/{n}.json" for n in names}
    for content in first.values():
        assert '"uid"' not in content
        json.loads(content)


def test_indicator_with_unknown_source_or_missing_base_is_rejected(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    bad = {
        "lonely-rise": {
            "label": "A rise with nothing to rise to",
            "value": 10,
            "unit": "percent",
            "stated": "2022",
            "source": "no-such-source",
        }
    }
    (data_dir / "indicators.yaml").write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(InvalidData) as caught:
        load_dataset(data_dir)
    messages = str(caught.value)
    assert "unknown source id 'no-such-source'" in messages
    assert "needs change_to and baseline" in messages


def test_timeline_rows_get_a_fixed_margin_that_holds_the_longest_label() -> None:
    # automargin would make plotly draw every marker twice on first render.
    data = load_dataset(ROOT / "data")
    for name, payload in timeline.timeline_files(data).items():
        layout = payload.get("figure") or payload["views"][0]["figure"]
        layout = layout["layout"]
        assert layout["yaxis"]["automargin"] is False, name
        longest = max(len(label) for label in layout["yaxis"]["ticktext"])
        assert layout["margin"]["l"] >= longest * timeline.LABEL_PX_PER_CHAR, name


def test_key_event_labels_come_from_the_events_timeline_label(data) -> None:
    files = timeline_files(data)
    theme = files["timeline.json"]["views"][0]["labels"]
    labelled = {
        p.stem: e["timeline_label"]
        for p in (ROOT / "data/events").glob("*.yaml")
        for e in [yaml.safe_load(p.read_text(encoding="utf-8"))]
        if e.get("timeline_label")
    }
    assert len(labelled) >= 6
    assert {c["url"]: c["text"] for c in theme} == {
        f"events/{eid}/": text.replace("&", "&amp;") for eid, text in labelled.items()
    }
    assert len(files["timeline-country.json"]["labels"]) == len(labelled)
    # Each candidate sits on its event's own marker.
    figure = _view(data, "theme")
    for candidate in theme:
        [(trace, i)] = _find(_points(figure), candidate["url"].split("/")[1])
        assert (trace["x"][i], trace["y"][i]) == (candidate["x"], candidate["y"])
    # Confirmed events are placed first, then the weaker ones; within a status, oldest first.
    statuses = [data.events[c["url"].split("/")[1]].status for c in theme]
    assert statuses.index("reported") > max(i for i, s in enumerate(statuses) if s == "confirmed")
    confirmed = [c["x"] for c, s in zip(theme, statuses, strict=True) if s == "confirmed"]
    assert confirmed == sorted(confirmed)


def test_editor_text_in_a_timeline_label_is_escaped(data) -> None:
    event = data.events["taliban-take-kabul"].model_copy(update={"timeline_label": "<b>x</b>"})
    tampered = replace(data, events={**data.events, "taliban-take-kabul": event})
    [kabul] = [
        c
        for c in timeline_files(tampered)["timeline.json"]["views"][0]["labels"]
        if c["url"] == "events/taliban-take-kabul/"
    ]
    assert kabul["text"] == "&lt;b&gt;x&lt;/b&gt;"


def test_no_labelled_event_means_no_label_candidates(data) -> None:
    plain = {eid: ev.model_copy(update={"timeline_label": None}) for eid, ev in data.events.items()}
    files = timeline_files(replace(data, events=plain))
    assert files["timeline.json"]["views"][0]["labels"] == []
    assert files["timeline-country.json"]["labels"] == []
