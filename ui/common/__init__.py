"""What every screen shares: theme, style, fonts, icons, formatting, languages, widgets."""
