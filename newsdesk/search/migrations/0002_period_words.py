from django.db import migrations

# Each PostgreSQL document carries the month it was published in as a filter word (see
# ``backends.postgresql.period_word``). Existing vectors get it appended as the last word
# of their filter words, where a new document's vector has it: ``||`` places it after the
# highest position, as the vector written by the backend does. The word index is dropped
# for the update and built once after it, which is many times cheaper than updating it
# row by row.
APPEND = """
UPDATE search_document SET vector = vector || setweight(
    to_tsvector('simple', 'pm' || to_char(published_at AT TIME ZONE 'UTC', 'YYYYMM')), 'D'
)
"""
REMOVE = """
UPDATE search_document SET vector = ts_delete(
    vector, 'pm' || to_char(published_at AT TIME ZONE 'UTC', 'YYYYMM')
)
"""


def _rewrite(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("DROP INDEX IF EXISTS search_document_vector")
        schema_editor.execute(statement)
        schema_editor.execute(
            "CREATE INDEX search_document_vector ON search_document USING gin (vector)"
        )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_rewrite(APPEND), _rewrite(REMOVE), elidable=False),
    ]
