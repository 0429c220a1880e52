"""Whole-site figures for one dataset: build, rebuild, memory, page weight, first render.

Every figure comes from a real ``mkdocs build`` in a subprocess, and from
headless Chromium for render times. A bare mkdocs-material site with the same
number of pages and the same theme settings is built too, so the builder's
own cost shows as a ratio.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

if TYPE_CHECKING:
    from playwright.sync_api import Page

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
for _path in (ROOT, ROOT / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

PAGES = {
    "home": "index.html",
    "chapter": None,  # the first chapter found (see chapter_page)
    "maps page": "maps/index.html",
    "map": None,  # the first map document
    "timeline": "timeline/index.html",
    "event": None,  # the first event page
    "glossary": "reference/glossary/index.html",
    "methodology": "reference/methodology/index.html",
    "story": "story/index.html",
}
"""The pages whose weight and first render are measured."""

EMBEDS = ".dr-chart, .folium-map, iframe"
"""What makes a page more than a text page: a chart, a map, or a framed map."""

# The one rusage reading that belongs to one build: a fresh Python parent per build,
# which also sums the memory of the build's processes (the editions are built in a fork).
_MEASURED = str(Path(__file__).resolve().parent / "measured_build.py")


from benchmarks.reader_wait import PageTimes, browser_session, time_pages  # noqa: E402
from builder.html.abbreviations import read_glossary  # noqa: E402

T = TypeVar("T")


class BuildTiming(NamedTuple):
    """One ``mkdocs build``: wall-clock and CPU seconds, peak resident memory."""

    seconds: float
    cpu_s: float
    peak_mb: float


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that reads mkdocs.yml's ``!!python/...`` tags as null (defaults apply)."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


@dataclass
class Figures:
    """What one dataset measured."""

    label: str
    events: int
    """Events in the dataset: the curated ones plus any synthetic ones."""
    synthetic: int = 0
    """How many of them were generated (0 for the curated data alone)."""
    pages: int = 0
    build_s: float = 0.0
    build_cpu_s: float = 0.0
    peak_mb: float = 0.0
    rebuild_s: float = 0.0
    bare_build_s: float = 0.0
    bare_build_cpu_s: float = 0.0
    search_index_kb: float = 0.0
    weights_kb: dict[str, tuple[float, float]] = field(default_factory=dict)
    reader_s: dict[str, PageTimes] = field(default_factory=dict)
    """Per kind: what a reader waits for (first screen, after scrolling), see reader_wait.py."""
    serve_rebuild_s: float | None = None
    """``mkdocs serve``: an event's file saved to its page served anew (None: not measured)."""
    problems: list[str] = field(default_factory=list)
    """Measurements that could not be taken, each with its reason (each fails the bench)."""
    text_pages: list[str] = field(default_factory=list)
    """The measured kinds that showed no map or chart (held to the text page budget)."""
    first_screen_kb: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per kind (home, timeline) and window size: everything loaded before any scroll, gz KB."""

    @property
    def ratio(self) -> float:
        """Our build time over the bare theme's for the same number of pages."""
        return self.build_s / self.bare_build_s if self.bare_build_s else float("nan")

    @property
    def cpu_ratio(self) -> float:
        """The same ratio in CPU seconds: what the two builds cost whatever else the machine runs."""
        return self.build_cpu_s / self.bare_build_cpu_s if self.bare_build_cpu_s else float("nan")


def timed_build(project: Path, out: Path, *, cache: bool = False) -> BuildTiming:
    """Build ``project`` into ``out`` with ``mkdocs build`` in a fresh process, and time it.

    Without ``cache`` the builder's cache of rendered outputs is switched off:
    a full build renders everything, as a clean clone's build does.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DR_BUILD_CACHE="1" if cache else "0")
    env.setdefault("SOURCE_DATE_EPOCH", "1660435200")
    cmd = [
        str(BIN / "mkdocs"),
        "build",
        "--quiet",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(out),
    ]
    result = subprocess.run(
        [sys.executable, _MEASURED, *cmd],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds, cpu, kb, code = result.stdout.split()[-4:]  # the build may print; figures end it
    if code != "0":
        raise RuntimeError(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return BuildTiming(float(seconds), float(cpu), int(kb) / 1024)


def _nav_files(nav: object) -> set[str]:
    """Every Markdown path named in a MkDocs ``nav`` value."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*(_nav_files(item) for item in nav)) if nav else set()
    if isinstance(nav, dict):
        return set().union(*(_nav_files(v) for v in nav.values())) if nav else set()
    return set()


def bare_project(dest: Path, site: Path, ours: Path) -> Path:
    """A plain mkdocs-material site shaped like ``site``: same pages, paths and nav.

    One Markdown page of plain words (about the same amount of text) per page
    that ``site`` has, at the same address, under our ``nav``, ``not_in_nav``,
    theme settings and Markdown extensions (with our English abbreviations as the
    ``abbr`` extension's glossary, as our hook gives them), the Russian edition's pages
    included: what remains is a site
    without our builder, hook,
    template overrides, scripts or styles. So the ratio measures what the
    builder costs, not the cost of having a navigation at all.
    """
    config = yaml.load((ours / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    for key in ("hooks", "watch", "extra_css", "extra_javascript", "validation"):
        config.pop(key, None)
    config.get("theme", {}).pop("custom_dir", None)  # our template overrides are not "bare"
    # Our site has a second edition under ru/ (mkdocs.ru.yml, built by the hook): the bare
    # site has the same pages there, as plain pages outside the nav, so the budget compares
    # the same pages in both languages.
    config["exclude_docs"] = "includes/\n"
    config["not_in_nav"] = str(config.get("not_in_nav", "")) + "/ru/\n"
    config["markdown_extensions"] = [
        {"abbr": {"glossary": read_glossary(ours / "docs")}} if extension == "abbr" else extension
        for extension in config.get("markdown_extensions", [])
    ]
    in_nav = _nav_files(config.get("nav"))
    docs = dest / "docs"
    docs.mkdir(parents=True)
    if (ours / "docs/includes").is_dir():
        shutil.copytree(ours / "docs/includes", docs / "includes")
    for i, page in enumerate(sorted(site.rglob("index.html"))):
        folder = page.parent.relative_to(site).as_posix()
        if folder == ".":
            source = "index.md"
        elif f"{folder}/index.md" in in_nav:
            source = f"{folder}/index.md"
        else:
            source = f"{folder}.md"
        words = max(50, len(page.read_bytes()) // 60)  # about the same text per page
        body = " ".join(f"word{j % 97}" for j in range(words))
        target = docs / source
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# Page {i}\n\n{body}\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest


def edit_one_event(project: Path) -> None:
    """Change one event's summary, as an editor would."""
    path = sorted((project / "data/events").glob("*.yaml"))[0]
    event = yaml.safe_load(path.read_text(encoding="utf-8"))
    event["summary"] = event["summary"] + " Edited for the rebuild benchmark."
    path.write_text(yaml.safe_dump(event, sort_keys=False), encoding="utf-8")


def measured_pages(site: Path) -> dict[str, str]:
    """Each measured kind -> its path in ``site`` (kinds the site lacks are left out)."""
    found = {k: v for k, v in PAGES.items() if v and (site / v).is_file()}
    events = sorted(p for p in (site / "events").glob("*/index.html"))
    if events:
        found["event"] = events[0].relative_to(site).as_posix()
    maps = sorted(p for p in (site / "maps").glob("*.html") if p.name != "index.html")
    if maps:
        found["map"] = maps[0].relative_to(site).as_posix()
    chapters = sorted(p for p in (site / "chapters").glob("*/index.html"))
    if chapters:
        found["chapter"] = chapters[0].relative_to(site).as_posix()
    return found


def gz_kb(data: bytes) -> float:
    """Gzipped size in KB, as a server compressing at level 6 sends it."""
    return len(gzip.compress(data, compresslevel=6, mtime=0)) / 1024


QUIET_S = 1.0
"""No request started or ended for this long: the page has fetched what it fetches."""


def _wait_until_quiet(page: Page, activity: list[float], limit_s: float = 20.0) -> None:
    # Playwright's "networkidle" never comes on some pages with framed maps at
    # 10,000 events, though no request is pending: watch the requests instead.
    deadline = time.perf_counter() + limit_s
    while time.perf_counter() - activity[0] < QUIET_S and time.perf_counter() < deadline:
        page.wait_for_timeout(100)


FIRST_SCREEN_PAGES = ("home", "timeline")
"""The pages weighed before the reader scrolls as well as after."""

WINDOWS = {"1366x768": (1366, 768), "390x844": (390, 844)}
"""The laptop and phone windows the first screen is weighed in."""


def _local_gz_kb(site: Path, base: str, urls: set[str]) -> float:
    """Gzipped KB of the same-site files among ``urls`` (as built in ``site``)."""
    total = 0.0
    for url in urls:
        if url.startswith(base):
            local = site / url[len(base) :].split("#")[0].split("?")[0]
            local = local / "index.html" if local.is_dir() else local
            if local.is_file():
                total += gz_kb(local.read_bytes())
    return total


def weigh_first_screens(site: Path, pages: dict[str, str]) -> dict[str, dict[str, float]]:
    """Per page and window: what the page loads when the reader does not scroll, gz KB.

    The page is opened and left alone until no request has started or ended for
    ``QUIET_S``: charts and maps further down that load only near the viewport
    (docs/assets/js/charts.js, lazy iframes) are not counted, which is the point.
    """
    from conftest import BLANK_PNG, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright
    from sitecheck import new_context, serve_site

    weights: dict[str, dict[str, float]] = {}
    with serve_site(site, "/") as base, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS
        )
        for window, (width, height) in WINDOWS.items():
            context = new_context(browser, BLANK_PNG)
            for kind, rel in pages.items():
                loaded: list[str] = []
                activity = [time.perf_counter()]
                page = context.new_page()
                page.set_viewport_size({"width": width, "height": height})
                page.on("requestfinished", lambda r, seen=loaded: seen.append(r.url))
                for event in ("request", "requestfinished", "requestfailed"):
                    page.on(
                        event, lambda _, last=activity: last.__setitem__(0, time.perf_counter())
                    )
                page.goto(base + rel, wait_until="load")
                _wait_until_quiet(page, activity)
                weights.setdefault(kind, {})[window] = _local_gz_kb(site, base, set(loaded))
                page.close()
            context.close()
        browser.close()
    return weights


def weigh(
    site: Path, pages: dict[str, str], browser: Any = None
) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """Per page: (HTML gz KB, everything-it-loads gz KB); and the kinds that are text pages.

    "Everything it loads" is every same-site file the browser fetched from the
    start of navigation until no request has started or ended for ``QUIET_S``
    after the page's maps and charts were drawn: late fetches count too, the
    search index among them if the page fetched it (Material does at load unless
    docs/assets/js/lazy-requests.js holds it back until a reader searches). Maps
    and charts below the first screen are scrolled to, as a reader would.
    """
    from conftest import BLANK_PNG
    from sitecheck import PageReport, check_charts, new_context, serve_site

    weights: dict[str, tuple[float, float]] = {}
    text_pages: list[str] = []
    with serve_site(site, "/") as base, browser_session(browser) as session:
        context = new_context(session, BLANK_PNG)
        for kind, rel in pages.items():
            loaded: list[str] = []
            activity = [time.perf_counter()]
            page = context.new_page()
            page.on("requestfinished", lambda r, seen=loaded: seen.append(r.url))
            for event in ("request", "requestfinished", "requestfailed"):
                page.on(event, lambda _, last=activity: last.__setitem__(0, time.perf_counter()))
            page.goto(base + rel, wait_until="load")
            for frame in page.locator("iframe[src*='maps/']").all():
                frame.scroll_into_view_if_needed()
                frame.content_frame.locator("html[data-dr-ready]").wait_for(
                    state="attached", timeout=60_000
                )
            if page.query_selector(".folium-map"):
                page.locator("html[data-dr-ready]").wait_for(state="attached", timeout=60_000)
            check_charts(page, PageReport(rel))
            _wait_until_quiet(page, activity)
            if page.query_selector(EMBEDS) is None:
                text_pages.append(kind)
            total = _local_gz_kb(site, base, set(loaded))
            weights[kind] = (gz_kb((site / rel).read_bytes()), total)
            page.close()
        context.close()
    return weights, text_pages


def dataset_events(project: Path) -> int:
    """How many events the project's data holds (one file each in ``data/events/``)."""
    return sum(1 for p in (project / "data/events").iterdir() if p.suffix == ".yaml")


def measure(label: str, project: Path, work: Path, synthetic: int) -> Figures:
    """All figures for one project folder holding ``synthetic`` generated events; ``work`` holds the builds.

    In turn: a full build (no cache), the bare theme's build, the rebuild after
    one event is edited (the cache the first build left, as an editor's second
    build has it), a second full build without the cache, the bare build again.
    The full build's figure is the better of the two uncached ones, and so is the
    bare build's: a burst of other work on the machine does not land on one side only.
    """
    figures = Figures(label, dataset_events(project), synthetic)
    site = work / f"{label}-site"
    first = timed_build(project, site, cache=True)  # fills the cache, renders everything
    figures.pages = sum(1 for _ in site.rglob("*.html"))
    bare = bare_project(work / f"{label}-bare", site, project)
    bare_runs = [timed_build(bare, work / f"{label}-bare-site")]
    edit_one_event(project)
    rebuild = timed_build(project, work / f"{label}-rebuild", cache=True)
    figures.rebuild_s = rebuild.seconds
    second = timed_build(project, work / f"{label}-full-2", cache=False)
    bare_runs.append(timed_build(bare, work / f"{label}-bare-site-2"))
    figures.build_s = min(first.seconds, second.seconds)
    figures.build_cpu_s = min(first.cpu_s, second.cpu_s)
    figures.peak_mb = max(first.peak_mb, second.peak_mb)
    figures.bare_build_s = min(r.seconds for r in bare_runs)
    figures.bare_build_cpu_s = min(r.cpu_s for r in bare_runs)
    for folder in ("rebuild", "full-2", "bare-site", "bare-site-2", "bare"):
        shutil.rmtree(work / f"{label}-{folder}", ignore_errors=True)
    pages = measured_pages(site)
    figures.weights_kb, figures.text_pages = _attempt(
        figures, "page weights", weigh, site, pages
    ) or ({}, [])
    figures.first_screen_kb = (
        _attempt(
            figures,
            "first-screen weights",
            weigh_first_screens,
            site,
            {k: v for k, v in pages.items() if k in FIRST_SCREEN_PAGES},
        )
        or {}
    )
    figures.reader_s = _attempt(figures, "reader's wait", time_pages, site, pages) or {}
    figures.search_index_kb = gz_kb((site / "search/search_index.json").read_bytes())
    if synthetic <= SERVE_MAX_EVENTS:
        figures.serve_rebuild_s = _attempt(figures, "serve rebuild", serve_rebuild_seconds, project)
    return figures


def _attempt(figures: Figures, what: str, measure_it: Callable[..., T], *args: Any) -> T | None:
    """``measure_it(*args)``, or None with the reason kept in ``figures.problems``."""
    try:
        return measure_it(*args)
    except Exception as exc:  # a figure that cannot be taken fails the bench, loudly
        figures.problems.append(
            f"{figures.label}: {what} not measured: {type(exc).__name__}: {exc}"
        )
        return None


SERVE_MAX_EVENTS = 1000
"""``mkdocs serve`` rebuilds are timed up to this many synthetic events (its budget's size)."""


def serve_rebuild_seconds(project: Path, limit_s: float = 300.0) -> float:
    """``mkdocs serve``: seconds from saving an edited event file to its new page being served.

    The server is started and left to finish its first build; one event's title
    is then changed on disk, and its page is polled until it carries the new
    title. Polling every 50 ms adds at most that much.
    """
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SOURCE_DATE_EPOCH", "1660435200")
    log = project / "serve.log"  # a file, not a pipe: a long session's log cannot block it
    server = subprocess.Popen(
        # Livereload stays on: with --no-livereload, mkdocs serve stops watching files.
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    path = sorted((project / "data/events").glob("*.yaml"))[-1]
    url = f"http://127.0.0.1:{port}/events/{path.stem}/"

    def page_text() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""

    try:
        deadline = time.perf_counter() + limit_s
        while not page_text():
            if server.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"mkdocs serve did not start: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        time.sleep(1.0)  # the watcher settles after the first build
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        marker = f"Serve benchmark {time.time_ns()}"
        event["title"] = marker
        saved = time.perf_counter()
        path.write_text(yaml.safe_dump(event, sort_keys=False), encoding="utf-8")
        while marker not in page_text():
            if server.poll() is not None or time.perf_counter() > saved + limit_s:
                raise RuntimeError("mkdocs serve did not rebuild the edited event's page")
            time.sleep(0.05)
        return time.perf_counter() - saved
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
