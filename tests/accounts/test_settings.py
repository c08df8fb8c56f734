"""Production settings for accounts: a cache shared by all server processes, mail through EMAIL_URL."""

import pytest

from tests.test_settings import PRODUCTION, run_manage

SHOW = (
    "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND,"
    " s.CACHES['pages']['BACKEND'], s.SESSION_ENGINE)"
)
DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"


@pytest.mark.parametrize(
    ("env", "pages", "sessions"),
    [
        ({"REDIS_URL": ""}, DATABASE_CACHE, "accounts.sessions.db"),
        (
            {"REDIS_URL": "redis://127.0.0.1:6379/0"},
            "wijkportaal.cache.TolerantRedisCache",
            "accounts.sessions.cached_db",
        ),
    ],
)
def test_rate_limits_live_in_the_database_and_pages_in_redis_when_set(env, pages, sessions):
    """Rate limits in the database, where no flood of cached pages and no Redis outage reaches
    them; sessions in the database too (read through Redis when there is one)."""
    result = run_manage("shell", "-c", SHOW, **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    default, _mail, pages_backend, session_engine = result.stdout.splitlines()[-1].split()
    assert (default, pages_backend, session_engine) == (DATABASE_CACHE, pages, sessions)


def test_email_file_path_switches_to_the_file_backend(tmp_path):
    result = run_manage("shell", "-c", SHOW, **PRODUCTION, EMAIL_FILE_PATH=str(tmp_path))
    assert (
        result.stdout.splitlines()[-1].split()[1]
        == "django.core.mail.backends.filebased.EmailBackend"
    )


def test_password_reset_links_last_one_hour(settings):
    assert settings.PASSWORD_RESET_TIMEOUT == 3600
