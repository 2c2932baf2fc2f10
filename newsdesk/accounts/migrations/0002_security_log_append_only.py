"""On PostgreSQL the database itself refuses to change or delete a security event (decision
0030). SQLite is the demo's and the tests' database; its flush deletes rows, so there the
model's own refusal stands alone."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION accounts_securityevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the security log is append-only';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER accounts_securityevent_append_only
BEFORE UPDATE OR DELETE ON accounts_securityevent
FOR EACH ROW EXECUTE FUNCTION accounts_securityevent_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS accounts_securityevent_append_only ON accounts_securityevent;
DROP FUNCTION IF EXISTS accounts_securityevent_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)
        schema_editor.execute(TRIGGER)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
