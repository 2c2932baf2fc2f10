"""A progress line for long loads: redrawn in place on a terminal, plain lines in a log."""

from __future__ import annotations

import time
from typing import TextIO

# How often to redraw on a terminal, and to print a line to a file or pipe (seconds).
REDRAW = 0.2
LOG_EVERY = 10.0


class Progress:
    """Articles done of ``total``, the rate so far and the time left."""

    def __init__(self, total: int, stream: TextIO | None, *, label: str = "articles") -> None:
        self.total = total
        self.stream = stream
        self.label = label
        self.tty = bool(stream is not None and stream.isatty())
        self.started = time.perf_counter()
        self.shown = 0.0
        self.done = 0

    def advance(self, count: int) -> None:
        self.done += count
        if self.stream is None:
            return
        now = time.perf_counter()
        if now - self.shown < (REDRAW if self.tty else LOG_EVERY) and self.done < self.total:
            return
        self.shown = now
        line = self.line(now - self.started)
        if self.tty:
            self.stream.write(f"\r{line}\x1b[K")
        else:
            self.stream.write(f"{line}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.stream is not None and self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        share = self.done / self.total if self.total else 1.0
        return (
            f"{self.done:>{len(f'{self.total:,}')},}/{self.total:,} {self.label} "
            f"{share:6.1%}  {rate:,.0f}/s  ETA {_clock(left)}"
        )


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
