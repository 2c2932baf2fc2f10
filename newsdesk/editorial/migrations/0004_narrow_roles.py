"""Each role holds only what it is meant to (docs/decisions/0028-roles-hold-what-they-need.md).

Wagtail's own migrations create a "Moderators" group and give it, and "Editors", rights on
the page tree, on documents and on images as global model permissions. The newsroom has no
pages to edit, no documents (decision 0027), and permits images per collection
(``0002_roles``); so this removes the Moderators group, every right on pages, every
document permission (on a database that had the documents app) and the global image
permissions of the newsroom's roles. Administrators keep every permission that exists.
"""

from django.db import migrations

MODERATORS = "Moderators"
ROLES = ("Contributors", "Editors", "Section editors")


def narrow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    Group.objects.filter(name=MODERATORS).delete()
    GroupPagePermission.objects.filter(group__name__in=ROLES).delete()
    # Rows of an app that is no longer installed: Django never recreates them, and
    # ``roles.complete_administrators`` would otherwise keep handing them out.
    Permission.objects.filter(content_type__app_label="wagtaildocs").delete()
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label__in=("wagtailimages", "wagtailcore"))
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_review_workflow"),
        ("live", "0002_editors_permissions"),
        ("stories", "0003_newsroom_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(narrow, migrations.RunPython.noop)]
