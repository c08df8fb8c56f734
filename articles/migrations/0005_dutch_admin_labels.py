"""Editors see Dutch names for what Wagtail's own migrations made in English: the default
workflow, its task, the two groups and the root of the page tree (in every breadcrumb). Only the English defaults are renamed, so a name an
editor chose is kept; permissions belong to the group's row and stay with it."""

from django.db import migrations

WORKFLOWS = {"Moderators approval": "Goedkeuring door moderatoren"}
TASKS = {
    "Moderators approval": "Moderatoren keuren goed",
    "Moderators approve": "Moderatoren keuren goed",
}
GROUPS = {"Moderators": "Moderatoren", "Editors": "Redacteuren"}
ROOT_TITLE = ("Root", "Alle sites")


def _rename(model, names):
    for old, new in names.items():
        model.objects.filter(name=old).update(name=new)


def _root_title(apps, old, new):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(
        title=new, draft_title=new
    )


def to_dutch(apps, schema_editor):
    _root_title(apps, *ROOT_TITLE)
    _rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOWS)
    _rename(apps.get_model("wagtailcore", "Task"), TASKS)
    Group = apps.get_model("auth", "Group")
    for old, new in GROUPS.items():
        if not Group.objects.filter(name=new).exists():  # group names are unique
            Group.objects.filter(name=old).update(name=new)


def to_english(apps, schema_editor):
    _root_title(apps, *reversed(ROOT_TITLE))
    _rename(apps.get_model("wagtailcore", "Workflow"), {v: k for k, v in WORKFLOWS.items()})
    _rename(
        apps.get_model("wagtailcore", "Task"), {"Moderatoren keuren goed": "Moderators approval"}
    )
    Group = apps.get_model("auth", "Group")
    for old, new in GROUPS.items():
        if not Group.objects.filter(name=old).exists():
            Group.objects.filter(name=new).update(name=old)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_document_text"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_dutch, to_english)]
