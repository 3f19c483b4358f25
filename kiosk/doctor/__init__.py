"""``kiosk doctor``: what stands between this machine and a running kiosk, one check a line.

No Qt here: the Qt platform plugin is judged from its files and the system's dynamic loader
(``platform.py``), so the doctor itself never needs a display and never aborts.
"""
