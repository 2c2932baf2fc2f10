"""Helpers for the test suite (not used by the running site)."""
