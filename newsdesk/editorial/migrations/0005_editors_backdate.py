"""Editors may date an article at its original first publication (an archive piece, a
late filing: docs/decisions/0038-original-first-publication.md). Contributors and section
editors may not: a backdated article never goes out as today's news, and choosing that is
the duty desk's call. Administrators hold every permission already. The permission row may
not exist yet on a fresh database (Django makes them in ``post_migrate``), so it is created
here, as ``editorial/0002_roles`` does.
"""

from django.db import migrations

EDITORS = "Editors"
CODENAME = "backdate_article"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    content_type, _created = ContentType.objects.get_or_create(
        app_label="articles", model="article"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can date an article at its original first publication"},
    )
    editors.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="articles", codename=CODENAME)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_article_original_published_at"),
        ("editorial", "0004_narrow_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
