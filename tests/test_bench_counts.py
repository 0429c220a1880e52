"""``make bench`` names each dataset with the number of events it really holds."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from benchmarks.bench_site import Figures, dataset_events
from benchmarks.run import budgets, dataset_label, print_figures
from benchmarks.synthetic import make_project
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
CURATED = len(load_dataset(ROOT / "data").events)


def _heading(figures: Figures) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_figures(figures)
    return next(line for line in out.getvalue().splitlines() if line.startswith("###"))


@pytest.mark.parametrize("synthetic", [0, 7])
def test_each_dataset_is_printed_with_its_own_event_count(tmp_path: Path, synthetic: int) -> None:
    project = make_project(tmp_path / "p", synthetic)
    expected = CURATED + synthetic
    assert len(load_dataset(project / "data").events) == expected  # what a build would show
    figures = Figures(dataset_label(synthetic), dataset_events(project), synthetic)
    assert _heading(figures).startswith(f"### {dataset_label(synthetic)}: {expected:,} events,")


def test_the_curated_data_is_not_called_empty() -> None:
    assert CURATED >= 30
    assert dataset_label(0) == "curated data"
    assert dataset_label(1000) == "curated data + 1,000 synthetic events"


def test_budgets_are_keyed_by_the_synthetic_size_and_name_the_real_count() -> None:
    figures = Figures(dataset_label(1000), CURATED + 1000, 1000, build_s=10.0, bare_build_s=9.0)
    messages = [text for _, text in budgets([figures])]
    assert f"{CURATED + 1000:,} events build in 10.0 s (<= 20 s)" in messages
