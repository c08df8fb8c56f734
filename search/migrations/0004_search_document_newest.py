import datetime

from django.db import migrations, models


def dates_filled(apps, schema_editor):
    """Every document has a date to sort by (the pages made before 0002 filled them all)."""
    SearchDocument = apps.get_model("search", "SearchDocument")
    SearchDocument.objects.filter(date=None).update(date=datetime.date.today())


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_word"),
    ]

    operations = [
        migrations.RunPython(dates_filled, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="searchdocument",
            name="date",
            field=models.DateField(),
        ),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["-date", "-page"], name="search_document_newest_first"),
        ),
    ]
