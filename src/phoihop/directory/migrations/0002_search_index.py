"""An index for the enterprise search over the folded text (`Enterprise.search_text`, filled by the services).

PostgreSQL: the pg_trgm extension and a GIN trigram index, which serves `LIKE '%word%'` directly.
SQLite: an FTS5 table with the trigram tokenizer over the same text (rowid = enterprise id), kept in step by
triggers; the selector asks it `search_text LIKE '%word%'`, which FTS5 answers from the index."""

from django.db import migrations

# Every statement may run again on a database that has it (the tests replay data migrations after a flush): IF NOT
# EXISTS, and the index filled by FTS5's own 'rebuild' from the enterprise table rather than by a second INSERT.

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS directory_enterprise_fts USING fts5("
    "search_text, content='directory_enterprise', content_rowid='id', tokenize='trigram')",
    "INSERT INTO directory_enterprise_fts(directory_enterprise_fts) VALUES ('rebuild')",
    "CREATE TRIGGER IF NOT EXISTS directory_enterprise_fts_ai AFTER INSERT ON directory_enterprise BEGIN "
    "INSERT INTO directory_enterprise_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS directory_enterprise_fts_ad AFTER DELETE ON directory_enterprise BEGIN "
    "INSERT INTO directory_enterprise_fts(directory_enterprise_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS directory_enterprise_fts_au AFTER UPDATE OF search_text ON directory_enterprise BEGIN "
    "INSERT INTO directory_enterprise_fts(directory_enterprise_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO directory_enterprise_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS directory_enterprise_fts_au",
    "DROP TRIGGER IF EXISTS directory_enterprise_fts_ad",
    "DROP TRIGGER IF EXISTS directory_enterprise_fts_ai",
    "DROP TABLE IF EXISTS directory_enterprise_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS directory_enterprise_search_trgm "
    "ON directory_enterprise USING gin (search_text gin_trgm_ops)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS directory_enterprise_search_trgm"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
