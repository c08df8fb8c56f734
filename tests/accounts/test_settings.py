"""Production settings for accounts: a cache shared by all server processes, mail through EMAIL_URL."""

import pytest

from tests.test_settings import PRODUCTION, run_manage

SHOW = (
    "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND)"
)


@pytest.mark.parametrize(
    ("env", "cache"),
    [
        ({"REDIS_URL": ""}, "django.core.cache.backends.db.DatabaseCache"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "wijkportaal.cache.SharedClientRedisCache"),
    ],
)
def test_rate_limits_count_in_a_cache_all_processes_share(env, cache):
    result = run_manage("shell", "-c", SHOW, **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split()[0] == cache


def test_email_file_path_switches_to_the_file_backend(tmp_path):
    result = run_manage("shell", "-c", SHOW, **PRODUCTION, EMAIL_FILE_PATH=str(tmp_path))
    assert (
        result.stdout.splitlines()[-1].split()[1]
        == "django.core.mail.backends.filebased.EmailBackend"
    )


def test_password_reset_links_last_one_hour(settings):
    assert settings.PASSWORD_RESET_TIMEOUT == 3600
