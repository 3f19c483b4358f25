"""Serial badge readers and QR/barcode scanners: bytes in, :class:`~devices.events.ReadEvent` out.

This package is the edge of the kiosk that touches hardware. It runs plain threads and reports
through callbacks, and never imports Qt, ``ui`` or ``kiosk`` (an import-linter contract keeps it
so), so it can be tested with pseudo-terminals alone and reused by the admin command line.

Layout: one module per wire protocol (``rdm6300``, ``id12``, ``scanner``, ``wiegand``,
``pn532``), the shared framing helpers they are built from, ``registry`` that names them,
``reader`` that runs one serial port (``holdoff`` and ``flood`` decide which reads pass),
``mailbox`` that hands reads to another thread in bounded slots, and ``simulate`` that pretends
to be a reader on a pseudo-terminal for tests, demos and installers.
"""
