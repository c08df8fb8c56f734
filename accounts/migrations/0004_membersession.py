"""Sessions with their member (`accounts.sessions`). Existing sessions keep working: each
unexpired one is copied, with the member it is logged in as, from Django's table into the new
one (once; decoding takes about 60 µs a session, so one to two minutes per million sessions
with the inserts), and the old rows are then deleted. Going back
copies them the other way."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.sessions.backends import db
from django.db import migrations, models
from django.utils import timezone

BATCH = 2000


def _user_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _copy(source, target, *, with_user: bool) -> None:
    decode = db.SessionStore().decode
    now, last = timezone.now(), ""
    while batch := list(
        source.objects.filter(expire_date__gt=now, session_key__gt=last).order_by("session_key")[
            :BATCH
        ]
    ):
        target.objects.bulk_create(
            [
                target(
                    session_key=session.session_key,
                    session_data=session.session_data,
                    expire_date=session.expire_date,
                    **(
                        {"user_id": _user_id(decode(session.session_data).get("_auth_user_id"))}
                        if with_user
                        else {}
                    ),
                )
                for session in batch
            ],
            ignore_conflicts=True,
        )
        last = batch[-1].session_key
    source.objects.all().delete()


def sessions_copy(apps, schema_editor):
    _copy(
        apps.get_model("sessions", "Session"),
        apps.get_model("accounts", "MemberSession"),
        with_user=True,
    )


def sessions_copy_back(apps, schema_editor):
    _copy(
        apps.get_model("accounts", "MemberSession"),
        apps.get_model("sessions", "Session"),
        with_user=False,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_page_cache_table"),
        ("sessions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="MemberSession",
            fields=[
                (
                    "session_key",
                    models.CharField(
                        max_length=40, primary_key=True, serialize=False, verbose_name="session key"
                    ),
                ),
                ("session_data", models.TextField(verbose_name="session data")),
                ("expire_date", models.DateTimeField(db_index=True, verbose_name="expire date")),
                (
                    "user",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "sessie",
                "verbose_name_plural": "sessies",
                "abstract": False,
            },
        ),
        migrations.RunPython(sessions_copy, sessions_copy_back, elidable=True),
    ]
