"""Client networks and their budgets (``newsdesk.throttles``) and how a bad setting is told."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsdesk import throttles


def test_crawler_networks_are_read_and_a_bad_entry_names_itself():
    networks = "66.249.64.0/19 2001:db8:40::/48,203.0.113.9"
    assert throttles.is_in_networks("66.249.95.255", networks)
    assert not throttles.is_in_networks("66.249.96.0", networks)
    assert throttles.is_in_networks("203.0.113.9", networks)
    assert throttles.is_in_networks("::ffff:66.249.64.1", networks)
    assert not throttles.is_in_networks("unknown", networks)
    assert not throttles.is_in_networks("66.249.66.1", "")
    with pytest.raises(ValueError, match=r"NEWSDESK_CRAWLER_NETWORKS: '66\.249\.300\.0/19'"):
        throttles.parse_networks(
            "66.249.64.0/19 66.249.300.0/19", setting="NEWSDESK_CRAWLER_NETWORKS"
        )


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("NEWSDESK_CRAWLER_NETWORKS", "googlebot", "'googlebot' is not an IP network"),
        ("NEWSDESK_CRAWLER_MISS_RATE", "lots", "NEWSDESK_CRAWLER_MISS_RATE must look like"),
    ],
)
def test_a_bad_crawler_setting_stops_the_start_with_its_name(variable, value, named):
    done = subprocess.run(
        [sys.executable, "-c", "import newsdesk.settings.base"],
        env={**os.environ, variable: value},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and named in done.stderr
