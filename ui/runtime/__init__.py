"""What runs beside the screens: the thread bridge, the database worker, status, wedge scanners."""
