# ruff: noqa: RUF002 - Ukrainian examples in the docstring are the point
"""Date and time formats of the two languages wherever Django's defaults are used (the
admin above all): day before month, 24-hour time, as the site writes them.

Django's English formats are American ("Dec. 6, 2026, 9:32 p.m."); its Ukrainian ones add
"р." after the year. Both now read as the site's own dates: "6 December 2026, 21:32",
"6 грудня 2026, 21:32" (``E`` is the month in the genitive).
"""
