"""`mkdocs serve` serves the site and rebuilds it when a data file changes."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import BIN, copy_project

NEW_EVENT = """\
title: A freshly added event
date: "2022-06"
summary: An event added while the preview server runs, to prove it rebuilds.
status: reported
category: diplomacy
sources: [{source}]
date_inferred: A test date that no source gives.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(url: str, status: int, deadline: float) -> int:
    code = 0
    while time.monotonic() < deadline:
        code, _ = _get(url)
        if code == status:
            return code
        time.sleep(0.5)
    return code


def test_serve_rebuilds_when_data_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # Livereload stays on: with --no-livereload, mkdocs serve stops watching files.
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(base, 200, time.monotonic() + 60) == 200
        page = base + "events/freshly-added/"
        assert _get(page)[0] == 404
        source = sorted(
            line.split(":")[0]
            for line in (project / "data/sources.yaml").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith((" ", "#"))
        )[0]
        (project / "data/events/freshly-added.yaml").write_text(
            NEW_EVENT.format(source=source), encoding="utf-8"
        )
        assert _wait_for(page, 200, time.monotonic() + 60) == 200
        assert "A freshly added event" in _get(page)[1]
    finally:
        server.terminate()
        server.wait(timeout=20)
