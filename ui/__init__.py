"""PySide6 screens of the Lab Kiosk and, in ``ui.app``, the composition root that wires them up.

Screens only draw the Qt-free view models of ``kiosk.views``; they never touch the store,
serial ports or the network.
"""
