"""A small SVG writer for the report's charts.

Only what SVG Tiny 1.2 has (rect, line, circle, path, text, title, desc), because the PDF is
drawn by Qt's SVG renderer, which supports that profile; browsers draw it all the same.
Every chart carries a ``<title>`` and a ``<desc>`` that says in words what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

# Colours checked for contrast: every mark has at least 3:1 against white (WCAG 1.4.11), text
# at least 4.5:1 against what it is drawn on.
INK = "#1a1a1a"
MUTED = "#555555"  # 7.5:1 on white
GRID = "#d0d0d0"  # grid lines only, never the only carrier of a value
TRACK = "#f0f0f0"
TRACK_EDGE = "#767676"  # 4.5:1 on white
BLUE = "#1f4e8c"  # 8.6:1
ORANGE = "#b85400"  # 4.7:1
FACES = ("#a1121b", "#c75000", "#3f7d1f", "#14532d")  # faces 1..4, each over 4.5:1 on white


def fmt(value: float) -> str:
    """Coordinates without needless decimals."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Svg:
    width: float
    height: float
    title: str
    desc: str
    font: str = "sans-serif"
    ident: str = "chart"
    parts: list[str] = field(default_factory=list)

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str,
        stroke: str | None = None,
        tip: str | None = None,
    ) -> None:
        attrs = f'x="{fmt(x)}" y="{fmt(y)}" width="{fmt(max(w, 0))}" height="{fmt(max(h, 0))}"'
        edge = f' stroke="{stroke}" stroke-width="1"' if stroke else ""
        if tip:  # a browser shows it on hover; screen readers read it
            self.parts.append(
                f'<rect {attrs} fill="{fill}"{edge}><title>{escape(tip)}</title></rect>'
            )
        else:
            self.parts.append(f'<rect {attrs} fill="{fill}"{edge}/>')

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str = GRID, width: float = 1
    ) -> None:
        self.parts.append(
            f'<line x1="{fmt(x1)}" y1="{fmt(y1)}" x2="{fmt(x2)}" y2="{fmt(y2)}" '
            f'stroke="{stroke}" stroke-width="{fmt(width)}"/>'
        )

    def circle(self, cx: float, cy: float, r: float, fill: str) -> None:
        self.parts.append(f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}" fill="{fill}"/>')

    def path(self, d: str, stroke: str, width: float) -> None:
        self.parts.append(
            f'<path d="{d}" fill="none" stroke="{stroke}" stroke-width="{fmt(width)}" '
            'stroke-linecap="round"/>'
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = 13,
        anchor: str = "start",
        fill: str = INK,
        bold: bool = False,
    ) -> None:
        """Text whose baseline is at ``y``."""
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(
            f'<text x="{fmt(x)}" y="{fmt(y)}" font-size="{fmt(size)}" '
            f'text-anchor="{anchor}" fill="{fill}"{weight}>{escape(content)}</text>'
        )

    def render(self) -> str:
        title_id, desc_id = f"{self.ident}-title", f"{self.ident}-desc"
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            f'width="{fmt(self.width)}" height="{fmt(self.height)}" '
            f'viewBox="0 0 {fmt(self.width)} {fmt(self.height)}" role="img" '
            f'aria-labelledby="{title_id} {desc_id}" '
            f"font-family={quoteattr(self.font)}>"
            f'<title id="{title_id}">{escape(self.title)}</title>'
            f'<desc id="{desc_id}">{escape(self.desc)}</desc>'
            f'<rect x="0" y="0" width="{fmt(self.width)}" height="{fmt(self.height)}" '
            'fill="#ffffff"/>' + "".join(self.parts) + "</svg>"
        )


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(fill: str) -> str:
    """White text where it reads at 4.5:1 on ``fill``, else the ink colour."""
    return "#ffffff" if contrast("#ffffff", fill) >= 4.5 else INK


def text_width(text: str, size: float) -> float:
    """A generous estimate of a sans-serif text's width (no font metrics without a GUI)."""
    return len(text) * size * 0.58


def elide(text: str, size: float, width: float) -> str:
    if text_width(text, size) <= width:
        return text
    keep = max(1, int(width / (size * 0.58)) - 1)
    return text[:keep].rstrip() + "…"


def nice_max(value: float) -> tuple[float, float]:
    """An axis maximum at or above ``value`` and its tick step (1, 2 or 5 times a power of 10)."""
    if value <= 0:
        return 1.0, 1.0
    step = 1.0
    while value / step > 5:
        for factor in (2, 2.5, 2):
            step *= factor
            if value / step <= 5:
                break
    top = step * -(-value // step)
    return top, step
