"""Editors' accounts: sign-in throttling, two-factor authentication, session lifetimes,
re-authentication before account changes, the security log and the mail settings.

It sits beside the content apps, below publishing: it imports only the foundation
(``http_policy``) and Django, Wagtail and their add-ons, so that the publishing path can
call :func:`newsdesk.accounts.security_log.record` (decisions 0029 and 0030).
"""
