"""The duty editor raises and lowers the breaking-news banner: Editors may add, change and
delete banners (docs/decisions/0028-roles-hold-what-they-need.md). Section editors and
contributors may not: a banner tops every page of an edition, beyond any one section.
Permission rows may not exist yet on a fresh database (Django makes them in
``post_migrate``), so they are created here, as ``editorial/0002_roles`` does.
"""

from django.db import migrations

EDITORS = "Editors"
ACTIONS = ("add", "change", "delete")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    content_type, _created = ContentType.objects.get_or_create(
        app_label="breaking", model="breakingbanner"
    )
    for action in ACTIONS:
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_breakingbanner",
            defaults={"name": f"Can {action} breaking-news banner"},
        )
        editors.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="breaking")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("breaking", "0001_initial"),
        ("editorial", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
