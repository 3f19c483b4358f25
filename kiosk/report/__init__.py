"""The usage report (``kiosk admin report``): figures from the central store, drawn as charts.

``data`` counts (Qt-free, SQLite and PostgreSQL alike), ``charts`` draws SVG, ``document`` puts
the charts and words together, ``html`` writes the HTML file; the PDF is drawn by
``ui/render/report_pdf.py`` from the same document.
"""
