"""Backups: a consistent copy of the database and the media, and its restore into a fresh site.

A backup is a folder: `database.dump` (PostgreSQL's custom format, from pg_dump, one consistent
snapshot) or `database.sqlite3` (SQLite's online backup, consistent too), `media.tar.gz` (the
uploaded files under MEDIA_ROOT; none with S3, where the bucket keeps them) and `manifest.json`.
Restoring refuses a database that already has tables unless told to replace it.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(Exception):
    pass


def _engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else connection.vendor


def _postgres_args() -> tuple[list[str], dict]:
    """Connection arguments for pg_dump and pg_restore, the password in the environment."""
    db = settings.DATABASES["default"]
    args = ["--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args, {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}


def _run(command: list[str], env=None) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup_create(*, directory: Path) -> Path:
    """Write a new backup folder under `directory` and return it."""
    target = Path(directory) / timezone.now().strftime("wijkportaal-%Y%m%d-%H%M%S")
    target.mkdir(parents=True, exist_ok=False)
    engine = _engine()
    if engine == "postgresql":
        args, env = _postgres_args()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(target / POSTGRES_DUMP),
                *args,
            ],
            env,
        )
    elif engine == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target / SQLITE_COPY)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    else:
        raise BackupError(f"no backup for {engine}")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / MEDIA_ARCHIVE, "w:gz") as archive:
        if media.is_dir() and not getattr(settings, "MEDIA_S3_BUCKET", ""):
            archive.add(media, arcname="media")
    manifest = {"engine": engine, "created": timezone.now().isoformat(), "media": MEDIA_ARCHIVE}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return target


def _has_tables() -> bool:
    return bool(connection.introspection.table_names())


def backup_restore(*, source: Path, replace: bool = False) -> dict:
    """Restore the backup folder `source` into the configured database and MEDIA_ROOT."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} is not a backup folder ({error})") from None
    engine = _engine()
    if manifest.get("engine") != engine:
        raise BackupError(f"the backup is of {manifest.get('engine')}, the database {engine}")
    if _has_tables() and not replace:
        raise BackupError("the database is not empty: restore into a fresh one, or --replace")
    if engine == "postgresql":
        args, env = _postgres_args()
        clean = ["--clean", "--if-exists"] if replace else []
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                *clean,
                *args,
                str(source / POSTGRES_DUMP),
            ],
            env,
        )
    else:
        name = settings.DATABASES["default"]["NAME"]
        connection.close()
        shutil.copyfile(source / SQLITE_COPY, name)
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA_ARCHIVE, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.name.startswith("media/") or not (member.isfile() or member.isdir()):
                continue
            member.name = member.name.removeprefix("media/")
            archive.extract(member, media, filter="data")
    return manifest
