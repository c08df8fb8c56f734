"""The local configuration of `make run`: the `.env` it writes once, and the BASE_URL it serves with.

BASE_URL (every absolute link in mails, feeds and meta tags) follows `make run`'s PORT, unless the
operator chose one: in the environment, or in `.env`. So `.env` holds no BASE_URL of ours, and
this script never changes an `.env` that exists. An `.env` an earlier `make run` wrote, with the
BASE_URL of its first PORT and never edited since, is recognised and follows PORT too.

Run by make with the system's Python, before the virtualenv exists: the standard library only.
"""

import os
import re
import secrets
import sys
from pathlib import Path

LOCAL_HOST = "127.0.0.1"

ENV_FILE_TEMPLATE = """\
SECRET_KEY={secret_key}
DEBUG=true
EMAIL_URL=consolemail://
# BASE_URL follows `make run`'s PORT (http://{host}:PORT). Set it here to keep one address:
# BASE_URL=http://{host}:8000
"""

#: An `.env` exactly as `make run` wrote it before BASE_URL followed PORT.
_EARLIER_GENERATED = re.compile(
    r"SECRET_KEY=\S+\nDEBUG=true\nEMAIL_URL=consolemail://\nBASE_URL=http://127\.0\.0\.1:\d+\n"
)
#: A BASE_URL line as django-environ reads it (`export ` allowed, the last one counts).
_BASE_URL_LINE = re.compile(r"^(?:export )?BASE_URL=(.*)$", re.MULTILINE)


def env_file_text() -> str:
    return ENV_FILE_TEMPLATE.format(secret_key=secrets.token_urlsafe(50), host=LOCAL_HOST)


def env_file_write(path: Path) -> bool:
    """Write a new local `.env` at `path`; False (and nothing written) when one exists."""
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(env_file_text())
    except FileExistsError:
        return False
    return True


def operator_base_url(*, environ: dict, env_text: str | None) -> str:
    """The BASE_URL the operator set (the environment first, as django-environ reads it), or ""."""
    if environ.get("BASE_URL"):
        return environ["BASE_URL"]
    if env_text is None or _EARLIER_GENERATED.fullmatch(env_text):
        return ""
    values = _BASE_URL_LINE.findall(env_text)
    return values[-1].strip().strip("'\"") if values else ""


def port_base_url(port: str, *, environ: dict, env_text: str | None) -> str:
    """The BASE_URL `make run` serves PORT with, or "" when the operator set one (then make
    exports nothing and the settings read the operator's)."""
    if operator_base_url(environ=environ, env_text=env_text):
        return ""
    return f"http://{LOCAL_HOST}:{port}"


def main(argv: list[str]) -> int:
    match argv:
        case ["env-file", path]:
            env_file_write(Path(path))
            return 0
        case ["base-url", port] if port.isdigit():
            env_path = Path(".env")
            env_text = env_path.read_text(encoding="utf-8") if env_path.exists() else None
            print(port_base_url(port, environ=dict(os.environ), env_text=env_text))
            return 0
    print("usage: localenv.py env-file PATH | base-url PORT", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
