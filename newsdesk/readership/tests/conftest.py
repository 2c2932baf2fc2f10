from newsdesk.site.tests.conftest import pages  # noqa: F401 - the reader-page addresses
