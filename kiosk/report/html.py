"""The report as one self-contained HTML file: the charts inline as SVG, no scripts, no links.

It opens in any browser offline, prints on A4, and a screen reader reads each chart's title
and description.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from kiosk.report.document import Document

_STYLE = """
body { font-family: Inter, "Noto Sans", "DejaVu Sans", sans-serif; color: #1a1a1a;
       background: #ffffff; max-width: 820px; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .3rem; }
.period { font-size: 1.1rem; margin: 0; }
.generated, .desc { color: #555555; margin: .2rem 0 .6rem; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: .6rem; padding: 0;
           list-style: none; margin: 1.2rem 0; }
.figures li { border: 1px solid #767676; border-radius: 6px; padding: .5rem .8rem; }
.figures strong { display: block; font-size: 1.5rem; }
figure { margin: 0; }
svg { width: 100%; height: auto; }
.method li { margin-bottom: .4rem; }
@media print { body { margin: 0; } section { break-inside: avoid; } }
"""


def render_html(doc: Document) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{doc.lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)} {escape(doc.subtitle)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<header><h1>{escape(doc.title)}</h1>",
        f'<p class="period">{escape(doc.subtitle)}</p>',
        f'<p class="generated">{escape(doc.generated)}</p></header>',
        '<main><ul class="figures">',
        *(
            f"<li><strong>{escape(value)}</strong>{escape(label)}</li>"
            for value, label in doc.figures
        ),
        "</ul>",
    ]
    for section in doc.sections:
        parts.append(f"<section><h2>{escape(section.title)}</h2>")
        if section.chart is None:
            parts.append(f'<p class="desc">{escape(section.note)}</p>')
        else:
            parts.append(f'<p class="desc">{escape(section.chart.desc)}</p>')
            parts.append(f"<figure>{section.chart.svg}</figure>")
        parts.append("</section>")
    parts.append(f'<section class="method"><h2>{escape(doc.method_title)}</h2><ul>')
    parts.extend(f"<li>{escape(text)}</li>" for text in doc.definitions)
    parts.append("</ul></section></main></body></html>")
    return "\n".join(parts) + "\n"
