"""The editor's guide tells the truth: its error examples are what the checks print."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from builder.record.validate import InvalidData, load_dataset

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = re.compile(r"```yaml\n# (data/events/\S+)\n(.*?)```\s*```text\n(.*?)```", re.DOTALL)


def _examples() -> list[tuple[str, str, list[str]]]:
    guide = (ROOT / "docs/contribute/errors.md").read_text(encoding="utf-8")
    return [(path, body, out.strip().splitlines()) for path, body, out in EXAMPLE.findall(guide)]


def test_the_guide_shows_every_kind_of_problem() -> None:
    fields = {line.split(": ")[1] for _, _, lines in _examples() for line in lines}
    assert len(_examples()) >= 9
    assert {"yaml", "file", "date", "status", "category", "claimed_by", "precision"} <= fields
    # A repeated key is named by its line, as make check prints it.
    assert any(re.fullmatch(r"line \d+", field) for field in fields)


@pytest.mark.parametrize(("path", "body", "expected"), _examples(), ids=lambda v: str(v)[:40])
def test_each_error_example_produces_the_message_shown(
    tmp_path: Path, path: str, body: str, expected: list[str]
) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    # The whole block as shown, its first-line comment included, so line numbers match.
    (tmp_path / path).write_text(f"# {path}\n{body}", encoding="utf-8")
    with pytest.raises(InvalidData) as raised:
        load_dataset(tmp_path / "data")
    printed = [str(p) for p in raised.value.problems]
    for line in expected:
        assert any(p.startswith(line) for p in printed), (line, printed)
    assert all(p.startswith(path) for p in printed), printed
