"""A covering index in name order for the enterprise search's pages (`selectors.RankedSearch`): a page walks the
directory's first rows by name, id and checks the folded text, the tax code and the zone of each without reading the
table. SQLite: every column in the key; PostgreSQL: name, id as the key, the rest as INCLUDE columns."""

from django.db import migrations

NAME = "directory_enterprise_name_walk"
FORWARD = {
    "sqlite": f"CREATE INDEX IF NOT EXISTS {NAME} ON directory_enterprise (name, id, search_text, tax_code, zone_id)",
    "postgresql": f"CREATE INDEX IF NOT EXISTS {NAME} ON directory_enterprise (name, id) "
    "INCLUDE (search_text, tax_code, zone_id)",
}
BACKWARD = f"DROP INDEX IF EXISTS {NAME}"


def forward(apps, schema_editor):
    statement = FORWARD.get(schema_editor.connection.vendor)
    if statement:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor in FORWARD:
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_search_index")]

    operations = [migrations.RunPython(forward, backward)]
