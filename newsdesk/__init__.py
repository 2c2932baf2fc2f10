"""Newsdesk: a publishing system for a bilingual digital newsroom."""
