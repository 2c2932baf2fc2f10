"""Moving a newsroom in and out: WordPress (WXR) archives, IPTC ninjs wire copy, and the
full export in open formats."""
