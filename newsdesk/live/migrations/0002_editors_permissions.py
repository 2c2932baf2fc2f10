"""Editors may publish live updates and change the poll interval.

Live updates have no draft state: saving one publishes it, so only roles that may publish
articles everywhere get them (Administrators get every permission anyway). Permission rows
may not exist yet on a fresh database (Django makes them in ``post_migrate``), so they are
created here, as ``editorial/0002_roles`` does.
"""

from django.db import migrations

EDITORS = "Editors"
GRANTS = (
    ("liveupdate", "live update", ("add", "change", "delete")),
    ("livesettings", "live coverage settings", ("add", "change")),
)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    for model, verbose_name, actions in GRANTS:
        content_type, _created = ContentType.objects.get_or_create(app_label="live", model=model)
        for action in actions:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0001_initial"),
        ("editorial", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
