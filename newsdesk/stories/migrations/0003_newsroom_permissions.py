"""Let the newsroom's roles keep stories and timelines (see editorial/0002_roles).

Editors manage stories and entries; contributors and section editors add and correct
timeline entries. Permission rows are created here when ``post_migrate`` has not made them
yet (a fresh database), as editorial/0002_roles does.
"""

from django.db import migrations

GRANTS = {
    "Editors": {
        ("story", "story"): ("add", "change", "delete"),
        ("timelineentry", "timeline entry"): ("add", "change", "delete"),
    },
    "Contributors": {("timelineentry", "timeline entry"): ("add", "change")},
    "Section editors": {("timelineentry", "timeline entry"): ("add", "change")},
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for name, models in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue  # removed on purpose
        for (model, verbose_name), actions in models.items():
            content_type, _created = ContentType.objects.get_or_create(
                app_label="stories", model=model
            )
            for action in actions:
                permission, _created = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {verbose_name}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_story_revisions_timeline"),
        ("editorial", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
