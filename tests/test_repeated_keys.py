"""A key written twice in one mapping is refused, in every data file and at every depth.

YAML lets a mapping repeat a key and PyYAML keeps the last value without a
word, so a second ``title:`` or a second source id would silently replace the
first. Each test writes a repeated key into a copy of the real data and
expects ``path: line N: key 'x' appears twice (first on line M)``, with N and M
counted in the text the test wrote.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builder.record.load import read_yaml
from builder.record.validate import InvalidData, load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
EVENT_WITH_QUOTES = "events/ababil-2-factory-opens.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the real data folder (it validates; see test_dataset)."""
    return Path(shutil.copytree(DATA, tmp_path / "data"))


def _message(rel: str, key: str, first: int, repeated: int) -> str:
    return f"data/{rel}: line {repeated}: key '{key}' appears twice (first on line {first})"


def _problems(data_dir: Path) -> list[str]:
    with pytest.raises(InvalidData) as raised:
        load_dataset(data_dir)
    return [str(p) for p in raised.value.problems]


def duplicate_line(path: Path, pattern: str) -> tuple[str, int, int]:
    """Repeat the first line matching ``pattern`` just below it; return key and both lines."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if re.match(pattern, line))
    key = lines[index].strip().removeprefix("- ").split(":", 1)[0]
    indent = len(lines[index]) - len(lines[index].lstrip(" -"))
    copy = " " * indent + lines[index].strip().removeprefix("- ") + "\n"
    lines.insert(index + 1, copy)
    path.write_text("".join(lines), encoding="utf-8")
    return key, index + 1, index + 2


def append_entry(path: Path, entry_id: str) -> tuple[int, int]:
    """Append a copy of the top-level entry ``entry_id`` at the end; return both lines."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{entry_id}:"))
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n", "")),
        len(lines),
    )
    block = "".join(lines[start:end]).rstrip("\n") + "\n"
    if not text.endswith("\n"):
        text += "\n"
    repeated = text.count("\n") + 2  # after one blank line
    path.write_text(text + "\n" + block, encoding="utf-8")
    return start + 1, repeated


# --- each data file, at each depth ------------------------------------------


def test_a_second_source_with_the_same_id_is_refused(data: Path) -> None:
    """The editor's case from the issue: a second rferl-2022-05-24 appended to sources.yaml."""
    first, repeated = append_entry(data / "sources.yaml", "rferl-2022-05-24")
    assert _message("sources.yaml", "rferl-2022-05-24", first, repeated) in _problems(data)


@pytest.mark.parametrize(
    ("rel", "entry_id"),
    [
        ("places.yaml", "ababil-2-factory-dushanbe"),
        ("actors.yaml", "iran"),
        ("systems.yaml", None),
        ("indicators.yaml", "iran-tajikistan-trade-target"),
    ],
)
def test_a_registry_id_written_twice_is_refused(data: Path, rel: str, entry_id: str | None) -> None:
    path = data / rel
    entry_id = entry_id or next(iter(yaml.safe_load(path.read_text(encoding="utf-8"))))
    first, repeated = append_entry(path, entry_id)
    assert _message(rel, entry_id, first, repeated) in _problems(data)


@pytest.mark.parametrize(
    ("rel", "pattern"),
    [
        ("sources.yaml", r"^  publisher: "),
        ("places.yaml", r"^  lat: "),
        ("actors.yaml", r"^  kind: "),
        ("indicators.yaml", r"^  unit: "),
        # Two levels down: a sourced figure inside a drone system.
        ("systems.yaml", r"^    value: "),
    ],
)
def test_a_field_written_twice_inside_an_entry_is_refused(
    data: Path, rel: str, pattern: str
) -> None:
    key, first, repeated = duplicate_line(data / rel, pattern)
    assert _message(rel, key, first, repeated) in _problems(data)


@pytest.mark.parametrize("pattern", [r"^title: ", r"^sources:", r"^status: "])
def test_an_event_field_written_twice_is_refused(data: Path, pattern: str) -> None:
    key, first, repeated = duplicate_line(data / EVENT_WITH_QUOTES, pattern)
    assert _message(EVENT_WITH_QUOTES, key, first, repeated) in _problems(data)


def test_a_field_written_twice_inside_a_list_item_is_refused(data: Path) -> None:
    key, first, repeated = duplicate_line(data / EVENT_WITH_QUOTES, r"^\s+by: ")
    assert _message(EVENT_WITH_QUOTES, key, first, repeated) in _problems(data)


def _simple_lines(path: Path) -> list[int]:
    """Indexes of ``key: value`` lines that a copy just below would only repeat."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for i, line in enumerate(lines):
        match = re.match(r"^( *)([a-z_]+): (\S.*)$", line)
        if not match or match.group(3).rstrip().endswith((">-", ">", "|", "|-")):
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if len(following) - len(following.lstrip(" ")) > len(match.group(1)):
            continue  # the value goes on over the next line
        found.append(i)
    return found


@pytest.mark.parametrize(
    "rel",
    [*sorted(p.relative_to(DATA).as_posix() for p in DATA.glob("*.yaml")), EVENT_WITH_QUOTES],
)
def test_every_data_file_refuses_a_repeated_key_at_its_deepest_level(data: Path, rel: str) -> None:
    """Any YAML file the loader reads, those added later included (a new data file is covered)."""
    path = data / rel
    candidates = _simple_lines(path)
    assert candidates, f"{rel}: no plain key: value line to repeat"
    lines = path.read_text(encoding="utf-8").splitlines()
    deepest = max(candidates, key=lambda i: len(lines[i]) - len(lines[i].lstrip(" ")))
    key, first, repeated = duplicate_line(path, re.escape(lines[deepest]) + "$")
    assert (first, repeated) == (deepest + 1, deepest + 2)
    assert _message(rel, key, first, repeated) in _problems(data)


# --- reported with everything else -----------------------------------------


def test_repeated_keys_are_reported_with_the_other_problems(data: Path) -> None:
    first_src, repeated_src = append_entry(data / "sources.yaml", "rferl-2022-05-24")
    event = data / EVENT_WITH_QUOTES
    key, first, repeated = duplicate_line(event, r"^title: ")
    event.write_text(event.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    other = data / "events/taliban-use-commercial-drones.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "status: rumoured\n", encoding="utf-8")
    problems = _problems(data)
    assert _message("sources.yaml", "rferl-2022-05-24", first_src, repeated_src) in problems
    assert _message(EVENT_WITH_QUOTES, key, first, repeated) in problems
    # The same file's other mistakes and other files' mistakes come in the same run.
    assert any(p.startswith(f"data/{EVENT_WITH_QUOTES}: colour: ") for p in problems), problems
    assert any(
        p.startswith("data/events/taliban-use-commercial-drones.yaml: line ") for p in problems
    ), problems


def test_make_check_prints_the_repeated_key_and_fails(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "project" / "data")
    data = tmp_path / "project" / "data"
    key, first, repeated = duplicate_line(data / EVENT_WITH_QUOTES, r"^sources:")
    result = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(tmp_path / "project"), "check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert _message(EVENT_WITH_QUOTES, key, first, repeated) in result.stdout.splitlines()


def test_keys_repeated_on_one_line_and_in_nested_mappings_are_all_named(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "a: 1\nb:\n  c: {d: 1, d: 2}\n  c: 3\nlist:\n  - e: 1\n    e: 2\na: 4\n", encoding="utf-8"
    )
    content, problems = read_yaml(path, "x.yaml")
    assert sorted(str(p) for p in problems) == [
        "x.yaml: line 3: key 'd' appears twice (first on line 3)",
        "x.yaml: line 4: key 'c' appears twice (first on line 3)",
        "x.yaml: line 7: key 'e' appears twice (first on line 6)",
        "x.yaml: line 8: key 'a' appears twice (first on line 1)",
    ]
    assert content is not None  # read on, so the file's other checks still run


def test_a_merge_key_may_be_overridden(tmp_path: Path) -> None:
    """YAML's ``<<`` merge is meant to be overridden: that is no repeated key."""
    path = tmp_path / "x.yaml"
    path.write_text("base: &b {x: 1}\nentry:\n  <<: *b\n  x: 2\n", encoding="utf-8")
    content, problems = read_yaml(path, "x.yaml")
    assert problems == []
    assert content["entry"] == {"x": 2}
