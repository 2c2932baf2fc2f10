"""Both editions exist as Wagtail locales from the first migrate on."""

from django.db import migrations

EDITIONS = ("uk", "en")


def create_editions(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in EDITIONS:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("sections", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_editions, migrations.RunPython.noop)]
