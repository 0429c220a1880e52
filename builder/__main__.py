"""Command line: ``python -m builder check`` and ``python -m builder schema``.

``check`` validates all data and prints every problem as ``path: field:
message``; it exits 1 when there is any. ``schema`` writes the event and story
JSON Schemas to ``data/schema/``; ``schema --check`` exits 1 when either is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.downloads.schema_export import SCHEMAS, write_schema
from builder.i18n import DEFAULT_LANGUAGE, LANGUAGES
from builder.i18n.coverage import (
    events_share,
    pages_share,
    untranslated_pages,
    untranslated_records,
)
from builder.record.validate import InvalidData, load_dataset


def check(root: Path) -> int:
    """Validate ``root/data``; print problems or a one-line summary."""
    try:
        data = load_dataset(root / "data")
    except InvalidData as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{len(exc.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(
        f"data OK: {len(data.events)} events, {len(data.sources)} sources, "
        f"{len(data.places)} places, {len(data.actors)} actors, {len(data.systems)} systems"
    )
    # Missing translations never fail the check: the pages show the English text, marked.
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        missing = untranslated_records(data, lang) + untranslated_pages(root / "docs", lang)
        for line in missing:
            print(f"NOTE: not yet in {lang}: {line}")
        print(
            f"NOTE: {lang} edition: {events_share(data, lang)} events, "
            f"{pages_share(root / 'docs', lang)} pages translated"
        )
    return 0


def schema(root: Path, *, verify: bool) -> int:
    """Write the JSON Schema, or with ``verify`` report whether it is current."""
    if verify:
        stale = 0
        for path, render in SCHEMAS.items():
            target = root / path
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != render():
                print(f"{path}: stale; run `python -m builder schema`")
                stale += 1
            else:
                print(f"{path}: up to date")
        return 1 if stale else 0
    print(f"wrote {write_schema(root)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command."""
    parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every data file")
    schema_cmd = sub.add_parser("schema", help="export the event and story JSON Schemas")
    schema_cmd.add_argument("--check", action="store_true", help="fail if the export is stale")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root)
    return schema(args.root, verify=args.check)


if __name__ == "__main__":
    sys.exit(main())
