"""The suite's fixed clock (root conftest, decision 0017) refuses a value it cannot use,
naming the variable and an example, rather than run the tests at some other time."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import CLOCK_VARIABLE, DEFAULT_CLOCK, configured_clock


@pytest.mark.parametrize("raw", ["tomorrow", "2027-13-01T00:05:00+02:00", "2027-01-01T00:05:00"])
def test_a_bad_test_clock_stops_the_run_with_the_reason(monkeypatch, raw):
    monkeypatch.setenv(CLOCK_VARIABLE, raw)
    with pytest.raises(pytest.UsageError, match=CLOCK_VARIABLE) as refused:
        configured_clock()
    assert DEFAULT_CLOCK in str(refused.value)


def test_the_test_clock_keeps_its_offset(monkeypatch):
    monkeypatch.setenv(CLOCK_VARIABLE, "2027-10-31T03:05:00+03:00")
    assert configured_clock().utcoffset() == dt.timedelta(hours=3)
