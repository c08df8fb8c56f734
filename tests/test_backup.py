"""`make backup` and `make restore`: a copy of the database and the media, restored into a
fresh database, has the same members, leeslijsten, follows, pages and files."""

import os
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from articles.models import ArticleIndexPage
from follows import services as follow_services
from readinglists import services as list_services
from tests.conftest import make_member
from tests.factories import ArticlePageFactory, ThemeFactory, page_tree_build
from tests.test_settings import run_manage

COUNTS = {
    "members": "SELECT email FROM accounts_user ORDER BY email",
    "leeslijsten": "SELECT title FROM readinglists_readinglistitem ORDER BY title",
    "follows": "SELECT t.slug FROM follows_follow f JOIN articles_theme t ON t.id = f.theme_id",
    "pages": "SELECT title FROM wagtailcore_page ORDER BY path",
}


def rows(cursor) -> dict:
    found = {}
    for name, sql in COUNTS.items():
        cursor.execute(sql)
        found[name] = [row[0] for row in cursor.fetchall()]
    return found


@pytest.fixture
def fresh_database():
    """The address of an empty database beside the test database, dropped afterwards."""
    if connection.vendor != "postgresql":
        path = Path(django_settings.BASE_DIR) / f"restore-{os.getpid()}.sqlite3"
        yield f"sqlite:///{path}", None
        path.unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    url = os.environ["DATABASE_URL"]
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    restored = urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    yield restored, restored
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database(
    page_root, django_user_model, tmp_path, settings, fresh_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    page_tree_build()
    theme = ThemeFactory(name="Wonen", slug="wonen")
    article = ArticlePageFactory(parent=ArticleIndexPage.objects.get(), title="Samen de buurt in")
    member = make_member(django_user_model, email="bewaarder@example.org")
    list_services.reading_list_add(user=member, page=article)
    follow_services.follow_add(user=member, term=theme)
    image = Image.objects.create(title="Buurthuis", file=get_test_image_file(filename="buurt.png"))
    with connection.cursor() as cursor:
        before = rows(cursor)
    assert before["leeslijsten"] == ["Samen de buurt in"] and before["follows"] == ["wonen"]

    call_command("backup", str(tmp_path / "backups"))
    [folder] = (tmp_path / "backups").iterdir()
    database_url, postgres_url = fresh_database
    restored_media = tmp_path / "restored-media"
    result = run_manage(
        "restore",
        str(folder),
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(restored_media),
        DJANGO_SETTINGS_MODULE="tests.settings",
    )
    assert result.returncode == 0, result.stderr

    if postgres_url:
        import psycopg

        with psycopg.connect(postgres_url) as conn, conn.cursor() as cursor:
            after = rows(cursor)
    else:
        with sqlite3.connect(urlsplit(database_url).path) as conn:
            after = rows(conn.cursor())
    assert after == before
    copied = restored_media / Path(image.file.name)
    assert copied.read_bytes() == Path(image.file.path).read_bytes()

    again = run_manage(
        "restore",
        str(folder),
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(restored_media),
        DJANGO_SETTINGS_MODULE="tests.settings",
    )
    assert again.returncode != 0 and "not empty" in again.stderr  # never over a live site


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    result = run_manage("restore", str(tmp_path), DJANGO_SETTINGS_MODULE="tests.settings")
    assert result.returncode != 0
    assert "is not a backup folder" in result.stderr
