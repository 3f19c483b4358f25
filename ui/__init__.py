"""PySide6 screens of the Lab Kiosk and, in ``ui.shell.app``, the composition root wiring them.

Screens only draw the Qt-free view models of ``kiosk.views.screens``; they never touch the store,
serial ports or the network.
"""
