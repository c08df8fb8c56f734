"""The compose stack and image, checked by reading them: these machines have no Docker engine."""

import re
from pathlib import Path

import environ
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def test_compose_has_the_production_services():
    assert set(COMPOSE["services"]) == {"db", "redis", "web", "worker", "mailpit", "varnish"}


def test_postgres_16_with_healthcheck_and_volume():
    """PostgreSQL 16 with the Dutch dictionary that search reads (deploy/postgres)."""
    db = COMPOSE["services"]["db"]
    assert db["build"] == "deploy/postgres"
    assert db["image"] == "wijkportaal-postgres:16"
    dockerfile = (ROOT / "deploy/postgres/Dockerfile").read_text()
    assert "FROM postgres:16" in dockerfile.splitlines()
    assert "dutch-dictionary.sh" in dockerfile
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in db["volumes"])
    assert "db-data" in COMPOSE["volumes"]


def test_web_and_worker_wait_for_healthy_dependencies():
    web, worker = COMPOSE["services"]["web"], COMPOSE["services"]["worker"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "/health/" in " ".join(web["healthcheck"]["test"])
    assert worker["depends_on"]["web"]["condition"] == "service_healthy"


def test_every_app_service_gets_the_settings_it_needs():
    example = (ROOT / ".env.example").read_text()
    declared = set(re.findall(r"^([A-Z0-9_]+)=", example, re.M))
    for name in ("web", "worker"):
        env = COMPOSE["services"][name]["environment"]
        for variable in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "BASE_URL"):
            assert env.get(variable), f"{name} lacks {variable}"
        assert set(env) <= declared, f"{name} sets variables .env.example does not list"
        assert env["DEBUG"] == "false"
        # The URLs must be ones django-environ can read.
        assert environ.Env.db_url_config(env["DATABASE_URL"])["HOST"] == "db"
        assert env["REDIS_URL"].startswith("redis://redis:")


def test_worker_runs_the_task_worker_and_the_schedule():
    command = " ".join(COMPOSE["services"]["worker"]["command"])
    assert "db_worker" in command
    assert "run_schedule" in command


def test_make_run_runs_the_schedule_beside_the_server():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile[makefile.index("\nrun:") : makefile.index("\nnode_modules")]
    assert "run_schedule &" in recipe and "runserver" in recipe


def test_image_runs_migrations_gunicorn_as_non_root_with_static_files_built_in():
    assert re.search(r"^USER (?!root)\w+", DOCKERFILE, re.M)
    assert "collectstatic" in DOCKERFILE
    cmd = DOCKERFILE[DOCKERFILE.index("\nCMD") :]
    assert cmd.index("migrate") < cmd.index("gunicorn")
    assert "constraints.txt" in DOCKERFILE


def test_redis_is_a_bounded_cache():
    command = COMPOSE["services"]["redis"]["command"]
    assert command[command.index("--maxmemory-policy") + 1] == "allkeys-lru"
    assert "--maxmemory" in command
