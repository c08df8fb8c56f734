"""The site's periodic jobs (`settings.SCHEDULE`), for the worker and for `make run`.

Each job is a management command line with its interval in seconds; all of them are safe to run
again and after a crash, so a restart that runs one early or twice does no harm. A job that
fails is logged and tried again at its next turn: the schedule itself never stops.
"""

import logging
import shlex
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

logger = logging.getLogger(__name__)


def schedule_run_due(*, due: dict[str, float], now: float) -> None:
    """Run every job whose time has come and set its next time in `due` (job -> monotonic time)."""
    for job, interval in settings.SCHEDULE.items():
        if due.get(job, 0.0) > now:
            continue
        due[job] = now + interval
        try:
            call_command(*shlex.split(job), verbosity=0)
        except Exception:
            logger.exception("Scheduled job %r failed", job)


class Command(BaseCommand):
    help = "Run the periodic jobs of settings.SCHEDULE (publish_scheduled, digests) forever."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and stop.")

    def handle(self, *args, **options):
        due: dict[str, float] = {}
        schedule_run_due(due=due, now=time.monotonic())
        if options["once"]:
            return
        self.stdout.write(f"Schedule: {', '.join(settings.SCHEDULE)}")
        while True:
            time.sleep(max(0.5, min(due.values()) - time.monotonic()))
            close_old_connections()  # a database that restarted meanwhile is reconnected
            schedule_run_due(due=due, now=time.monotonic())
