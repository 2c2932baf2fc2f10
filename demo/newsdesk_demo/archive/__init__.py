"""The archive generator: a realistic archive of any size, written in bulk for benchmarks."""

from .build import ArchiveError, ArchiveReport, build_archive, check

__all__ = ["ArchiveError", "ArchiveReport", "build_archive", "check"]
