from django.db import migrations

# The word index's pending list is kept short (decision 0067): every search reads all of
# it, each entry tested against each word of the query, and at PostgreSQL's default of
# 4 MB (a few hundred new documents) a query of a few month words took milliseconds per
# word until autovacuum merged it. New documents still go in through the list, a few
# dozen at a time, which keeps a publish cheap. What was pending is merged now.
SHORT = [
    "ALTER INDEX search_document_vector SET (gin_pending_list_limit = 256)",
    "SELECT gin_clean_pending_list('search_document_vector'::regclass)",
]
DEFAULT = ["ALTER INDEX search_document_vector RESET (gin_pending_list_limit)"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_period_words"),
    ]

    operations = [
        migrations.RunPython(_run(SHORT), _run(DEFAULT), elidable=False),
    ]
