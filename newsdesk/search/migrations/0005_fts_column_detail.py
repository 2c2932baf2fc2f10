from django.db import migrations

# SQLite's word index keeps, for each word, the columns of each row it is in, no longer
# the positions within them (``detail=column``), and no column sizes (``columnsize=0``):
# nothing reads them. A query matches whole words by column, ranking reads the headline,
# lead and tags' keys themselves (decision 0070), and FTS5's bm25, the one reader of
# positions and sizes, is not used (decision 0072). Its tokenizer is ``ascii``: the keys
# are made in Python, separated by spaces, and ``unicode61`` only read each letter's class
# again.
#
# The rows are copied into the new table as they are: the keys were made in Python, and
# FTS5 indexes the copy again. PostgreSQL is not concerned.
DEFINITION = (
    "CREATE VIRTUAL TABLE {table} USING fts5(headline, lead, body, tags, facets, {options})"
)
COLUMNS = "rowid, headline, lead, body, tags, facets"
TRIGGER = (
    "CREATE TRIGGER search_document_delete AFTER DELETE ON search_document "
    "BEGIN DELETE FROM search_fts WHERE rowid = old.key; END"
)


def _rebuild_with(options):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in (
            DEFINITION.format(table="search_fts_new", options=options),
            f"INSERT INTO search_fts_new ({COLUMNS}) SELECT {COLUMNS} FROM search_fts",  # noqa: S608
            "INSERT INTO search_fts_new (search_fts_new) VALUES ('optimize')",
            "DROP TRIGGER search_document_delete",
            "DROP TABLE search_fts",
            "ALTER TABLE search_fts_new RENAME TO search_fts",
            TRIGGER,
        ):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_rank_vector"),
    ]

    operations = [
        migrations.RunPython(
            _rebuild_with("tokenize = 'ascii', detail = column, columnsize = 0"),
            _rebuild_with("tokenize = 'unicode61 remove_diacritics 0'"),
            elidable=False,
        ),
    ]
