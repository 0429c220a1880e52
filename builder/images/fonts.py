"""The typeface of the site's images: Inter, from the npm package ``@fontsource/inter``.

Installed at set-up with the other front-end packages (``package.json``), never
committed. Fontsource splits each weight into subsets by script (``latin``,
``latin-ext``, ``cyrillic``...) and lists each subset's Unicode ranges in
``unicode.json``; :class:`FontFamily` draws each character with the subset that
holds it, so a place name such as "Türkmenabat" or "Şanlıurfa" is drawn whole.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageDraw, ImageFont

PACKAGE = "@fontsource/inter"
"""The npm package that ships the typeface (pinned in package.json)."""

FIRST_SUBSET = "latin"
"""The subset tried first, and used for a character no subset holds."""

Colour = tuple[int, int, int] | tuple[int, int, int, int]
"""An RGB or RGBA colour."""


def _ranges(spec: str) -> list[tuple[int, int]]:
    """``"U+0000-00FF,U+0131"`` as inclusive code point ranges."""
    ranges = []
    for part in spec.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


@dataclass(frozen=True)
class FontFamily:
    """One weight of the typeface at one size, across every subset the package ships."""

    fonts: tuple[tuple[list[tuple[int, int]], ImageFont.FreeTypeFont], ...]
    """(code point ranges, font) per subset, :data:`FIRST_SUBSET` first."""

    def font_for(self, char: str) -> ImageFont.FreeTypeFont:
        """The subset's font that holds ``char`` (the first subset's when none does)."""
        point = ord(char)
        for ranges, font in self.fonts:
            if any(first <= point <= last for first, last in ranges):
                return font
        return self.fonts[0][1]

    def runs(self, text: str) -> list[tuple[ImageFont.FreeTypeFont, str]]:
        """``text`` cut into runs that one subset's font draws whole."""
        runs: list[tuple[ImageFont.FreeTypeFont, str]] = []
        for char in text:
            font = self.font_for(char)
            if runs and runs[-1][0] is font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        return runs

    def length(self, text: str) -> float:
        """Width of ``text`` in pixels."""
        return sum(font.getlength(run) for font, run in self.runs(text))

    def draw(
        self,
        draw: ImageDraw.ImageDraw,
        xy: tuple[float, float],
        text: str,
        fill: Colour,
        *,
        stroke: int = 0,
        stroke_fill: Colour | None = None,
    ) -> None:
        """Draw ``text`` with its top-left corner (ascender line) at ``xy``."""
        x, y = xy
        for font, run in self.runs(text):
            draw.text(
                (x, y), run, font=font, fill=fill, stroke_width=stroke, stroke_fill=stroke_fill
            )
            x += font.getlength(run)


@functools.lru_cache(maxsize=32)
def family(node_modules: Path, weight: int, size: int) -> FontFamily:
    """Inter at ``weight`` (400, 700...) and ``size`` pixels, from ``node_modules``.

    Raises FileNotFoundError naming the package when it is not installed.
    """
    package = node_modules / PACKAGE
    listing = package / "unicode.json"
    if not listing.is_file():
        raise FileNotFoundError(
            f"{listing} is missing: run `make setup` (npm ci) to install {PACKAGE}"
        )
    subsets: dict[str, str] = json.loads(listing.read_text(encoding="utf-8"))
    names = [FIRST_SUBSET, *sorted(name for name in subsets if name != FIRST_SUBSET)]
    fonts = []
    for name in names:
        path = package / "files" / f"inter-{name}-{weight}-normal.woff"
        if name in subsets and path.is_file():
            fonts.append(
                (
                    _ranges(subsets[name]),
                    ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC),
                )
            )
    if not fonts:
        raise FileNotFoundError(f"{package}: no font files for weight {weight}")
    return FontFamily(tuple(fonts))
