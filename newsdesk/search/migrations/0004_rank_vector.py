from django.db import migrations

# What a PostgreSQL search ranks on (decision 0070): the headline's and the lead's and
# tags' words only, the A and B weights of ``vector``, small enough to stay in the row.
# Ranking 1,000 candidates on the whole vector read each one's 6 KB out of line.
#
# The column starts empty and ranking falls back to the same words filtered from the
# whole vector (``ts_filter``), so results do not change; each document gets its own as
# it is written again (a publish, an update, ``rebuild_search_index``). Filling a
# million rows here would write every row again and every word of it into the word index.
ADD = ["ALTER TABLE search_document ADD COLUMN rank_vector tsvector"]
DROP = ["ALTER TABLE search_document DROP COLUMN rank_vector"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_short_pending_list"),
    ]

    operations = [
        migrations.RunPython(_run(ADD), _run(DROP), elidable=False),
    ]
