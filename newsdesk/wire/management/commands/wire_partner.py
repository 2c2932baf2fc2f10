"""Create a wire partner, issue it a token (printed once) or revoke its token."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from newsdesk.editions import EDITIONS
from newsdesk.sections.models import Section
from newsdesk.wire import tokens
from newsdesk.wire.models import Partner


class Command(BaseCommand):
    help = (
        "Wire partners: `create NAME --edition uk --section SLUG [--trusted]`, "
        "`token NAME` (a new token, shown once; the old one stops working), `revoke NAME`."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "token", "revoke"])
        parser.add_argument("name")
        parser.add_argument("--edition", help="create: the edition, uk or en")
        parser.add_argument("--section", help="create: the slug of the section items go to")
        parser.add_argument(
            "--trusted", action="store_true", help="create: publish its items at once"
        )

    def handle(self, *args, action: str, name: str, edition, section, trusted, **options):
        if action == "create":
            partner = _create(name, edition, section, trusted)
        else:
            found = Partner.objects.filter(name=name).first()
            if found is None:
                raise CommandError(_("No wire partner named %(name)s.") % {"name": name})
            partner = found
        if action == "revoke":
            tokens.revoke(partner)
            self.stdout.write(_("The token of %(name)s is revoked.") % {"name": name})
            return
        token = tokens.issue(partner)
        self.stdout.write(
            _("Token of %(name)s (shown once, keep it secret): %(token)s")
            % {"name": name, "token": token}
        )


def _create(name: str, edition: str | None, slug: str | None, trusted: bool) -> Partner:
    if edition not in EDITIONS:
        raise CommandError(
            _("Unknown edition %(edition)s: choose one of %(choices)s.")
            % {"edition": edition, "choices": ", ".join(EDITIONS)}
        )
    if Partner.objects.filter(name=name).exists():
        raise CommandError(_("A wire partner named %(name)s exists already.") % {"name": name})
    section = Section.objects.filter(locale__language_code=edition, slug=slug).first()
    if section is None:
        raise CommandError(
            _("No section %(slug)s in the %(edition)s edition.")
            % {"slug": slug, "edition": edition}
        )
    return Partner.objects.create(name=name, edition=edition, section=section, trusted=trusted)
