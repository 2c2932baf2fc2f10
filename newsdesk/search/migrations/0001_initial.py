from django.db import migrations, models
import django.db.models.deletion

# The word index is native to each database, so it is created here by vendor rather than
# declared on the model (the model would not migrate on the other database).
SQLITE = [
    (
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "headline, lead, body, tags, facets, tokenize = 'unicode61 remove_diacritics 0')",
        "DROP TABLE search_fts",
    ),
    (
        # Removing a document (or its article) removes its words.
        "CREATE TRIGGER search_document_delete AFTER DELETE ON search_document "
        "BEGIN DELETE FROM search_fts WHERE rowid = old.key; END",
        "DROP TRIGGER search_document_delete",
    ),
]
POSTGRESQL = [
    (
        "ALTER TABLE search_document ADD COLUMN vector tsvector NOT NULL DEFAULT ''::tsvector",
        "ALTER TABLE search_document DROP COLUMN vector",
    ),
    (
        "CREATE INDEX search_document_vector ON search_document USING gin (vector)",
        "DROP INDEX search_document_vector",
    ),
]


def _statements(schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        return SQLITE
    if vendor == "postgresql":
        return POSTGRESQL
    raise RuntimeError(f"Search has no backend for the {vendor} database.")


def create_word_index(apps, schema_editor):
    for forward, _backward in _statements(schema_editor):
        schema_editor.execute(forward)


def drop_word_index(apps, schema_editor):
    for _forward, backward in reversed(_statements(schema_editor)):
        schema_editor.execute(backward)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0003_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Document",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("key", models.BigIntegerField(unique=True)),
                ("edition", models.CharField(max_length=8)),
                ("section_id", models.IntegerField()),
                ("labels", models.CharField(blank=True, max_length=200)),
                ("published_at", models.DateTimeField()),
                ("headline", models.TextField()),
                ("lead", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("tags", models.TextField(blank=True)),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["edition", "-published_at", "-article"], name="search_newest"
                    )
                ],
            },
        ),
        migrations.RunPython(create_word_index, drop_word_index),
    ]
