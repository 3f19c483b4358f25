"""The tablet's own camera as a QR scanner (optional ``camera`` extra)."""
