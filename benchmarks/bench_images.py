"""What the build's images cost: ``render_images`` and the page cards, in CPU seconds.

Measured in-process (no site build), the better of two runs, for the English images
alone and for the English and Russian ones together, as the build draws them (issue 21).
Run with ``python benchmarks/bench_images.py [N ...]``: the curated data, then the curated
data plus each N synthetic events (``benchmarks/synthetic.py``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_project  # noqa: E402
from builder import maps  # noqa: E402
from builder.i18n import Language  # noqa: E402
from builder.images import site_images  # noqa: E402
from builder.maps.areas import load_geography  # noqa: E402
from builder.pages import story  # noqa: E402
from builder.record.validate import Dataset, load_dataset  # noqa: E402

NODE_MODULES = ROOT / "node_modules"
SITE_NAMES: dict[Language, str] = {
    "en": "Drone Race in Central Asia",
    "ru": "Гонка дронов в Центральной Азии",
}
"""The editions' names, as mkdocs.yml and mkdocs.ru.yml give them."""


def page_sources(data: Dataset, lang: Language) -> dict[str, str]:
    """The Markdown of the pages with their own card in ``lang``, as the hook picks them."""
    docs = ROOT / "docs"
    found = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        if src_uri.startswith(("ru/", "includes/")):
            continue
        text = path.read_text(encoding="utf-8")
        if src_uri == "index.md" or "[[map " in text or src_uri.startswith("chapters/"):
            translated = docs / lang / src_uri
            found[src_uri] = (
                translated.read_text(encoding="utf-8")
                if lang != "en" and translated.is_file()
                else text
            )
    found[story.STORY_PAGE] = story.story_page(data, load_geography(), lang)
    return found


def _best(run: Callable[[], int]) -> tuple[float, int]:
    """The better CPU time of two runs of ``run``, and what it returned."""
    times = []
    made = 0
    for _ in range(2):
        start = time.process_time()
        made = run()
        times.append(time.process_time() - start)
    return min(times), made


def measure(data_dir: Path) -> dict[str, tuple[float, int]]:
    """CPU seconds and PNG bytes of the English images alone, and of both languages."""
    data = load_dataset(data_dir)
    geography = load_geography()
    specs = maps.specs(data)
    russian = maps.specs(data, lang="ru")
    sources = {lang: page_sources(data, lang) for lang in SITE_NAMES}

    def english() -> int:
        images = site_images.render_images(data, geography, specs, NODE_MODULES, SITE_NAMES["en"])
        cards = site_images.page_cards(sources["en"], images, SITE_NAMES["en"], NODE_MODULES)
        return sum(map(len, images.files.values())) + sum(len(c[2]) for c in cards.values())

    def both() -> int:
        words: dict[Language, site_images.EditionWords] = {
            "ru": site_images.EditionWords(russian, SITE_NAMES["ru"])
        }
        images = site_images.render_images(
            data, geography, specs, NODE_MODULES, SITE_NAMES["en"], words
        )
        size = 0
        for lang, name in SITE_NAMES.items():
            own = images.of(lang)
            cards = site_images.page_cards(sources[lang], own, name, NODE_MODULES)
            size += sum(map(len, own.files.values())) + sum(len(c[2]) for c in cards.values())
        return size

    return {"english": _best(english), "english and russian": _best(both)}


def main(sizes: list[int]) -> None:
    """Print the measures at the curated data and at each synthetic size."""
    with tempfile.TemporaryDirectory() as tmp:
        projects = [("curated", ROOT / "data")]
        for n in sizes:
            projects.append((f"+{n:,}", make_project(Path(tmp) / str(n), n) / "data"))
        for label, data_dir in projects:
            for what, (seconds, size) in measure(data_dir).items():
                print(f"{label:>9} {what:<20} {seconds:5.2f} s CPU  {size / 1024:6.0f} KB")


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]])
