from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


def trigram_indexes(apps, schema_editor):
    """Trigram GIN indexes (PostgreSQL only): the words "Bedoelde je …?" looks through, and the
    titles the search field suggests while the reader types (`UPPER(title)`, as Django's
    `icontains` compares)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    # Without fastupdate: new entries go into the index at once instead of a pending list that
    # every lookup reads through until the next vacuum (the words are written in bulk daily).
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_searchword_word_trgm "
        "ON search_searchword USING gin (word gin_trgm_ops) WITH (fastupdate = off)"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_searchdocument_title_trgm "
        "ON search_searchdocument USING gin (upper(title) gin_trgm_ops) WITH (fastupdate = off)"
    )


def trigram_indexes_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_searchdocument_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_document")]

    operations = [
        # pg_trgm is a trusted extension: the site's database owner may create it. Not on SQLite.
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("pages", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(trigram_indexes, trigram_indexes_drop),
    ]
