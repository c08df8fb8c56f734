"""Production settings: secure by default, configured only by the environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    # The browser tests' async escape hatch must not leak into a production check.
    leave_out = {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leave_out}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "wijkportaal.settings",
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "wijkportaal.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/wijkportaal",
}


def test_deploy_check_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_needs_a_database_url():
    env = {k: v for k, v in PRODUCTION.items() if k != "DATABASE_URL"}
    clean = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_dutch_and_amsterdam():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.USE_TZ


def test_whitenoise_comes_right_after_security_middleware():
    assert settings.MIDDLEWARE[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert (
        settings.STORAGES["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_custom_user_logs_in_by_email(django_user_model):
    assert settings.AUTH_USER_MODEL == "accounts.User"
    assert django_user_model.USERNAME_FIELD == "email"


def test_env_example_lists_every_contract_variable():
    example = (ROOT / ".env.example").read_text()
    for name in [
        "SECRET_KEY",
        "DEBUG",
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "DATABASE_URL",
        "REDIS_URL",
        "EMAIL_URL",
        "DEFAULT_FROM_EMAIL",
        "BASE_URL",
    ]:
        assert f"\n{name}=" in f"\n{example}", name


def test_vendored_design_system_css_matches_the_pinned_package():
    vendored = (ROOT / "static/vendor/utrecht/component-library.css").read_text()
    package = ROOT / "node_modules/@utrecht/component-library-css/dist/index.css"
    assert package.exists(), "run `npm ci` (make test does) to compare the vendored CSS"
    assert vendored.split("\n", 1)[1] == package.read_text()


S3 = {
    "MEDIA_S3_BUCKET": "wijkportaal-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.nl-ams.example",
    "MEDIA_S3_ACCESS_KEY_ID": "sleutel",
    "MEDIA_S3_SECRET_ACCESS_KEY": "geheim",
}
SHOW_MEDIA = (
    "from django.core.files.storage import storages; s = storages['default']; "
    "from django.conf import settings; "
    "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.url('beeld.jpg')); "
    "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
)


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_set():
    result = run_manage("shell", "-c", SHOW_MEDIA, **PRODUCTION, **S3)
    assert result.returncode == 0, result.stderr
    storage, policy = result.stdout.strip().splitlines()[-2:]
    assert storage == (
        "S3Storage wijkportaal-media https://s3.nl-ams.example "
        "https://s3.nl-ams.example/wijkportaal-media/beeld.jpg"
    )
    assert "https://s3.nl-ams.example" in policy  # the CSP lets the images load
    assert (
        run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **S3).returncode
        == 0
    )


def test_media_stay_on_the_local_disk_without_a_bucket():
    result = run_manage(
        "shell",
        "-c",
        ";".join(SHOW_MEDIA.split(";")[:2]) + "; print(type(s).__name__)",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "FileSystemStorage"
