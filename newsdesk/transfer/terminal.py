"""What the import and export commands show as they run: a console on the command's own
output and a progress bar that stays quiet where that output is not a terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


def console(stdout: Any) -> Console:
    # Django's OutputWrapper writes like a text stream, which is all rich asks of it.
    return Console(file=stdout, highlight=False, soft_wrap=True)


def progress_bar(shown_on: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=shown_on,
        disable=not shown_on.is_terminal,
    )
