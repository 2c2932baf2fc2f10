"""The read API for apps and partner newsrooms (/api/v1/), with articles as IPTC ninjs."""
