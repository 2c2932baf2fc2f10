"""The site's own search: a thin layer over SQLite FTS5 and PostgreSQL full-text."""
