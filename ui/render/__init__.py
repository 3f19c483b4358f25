"""Screens and documents drawn to files: screenshots (PNG), the report and evacuation PDFs."""
