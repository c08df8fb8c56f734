from django.core.management.base import BaseCommand

from follows.digests import digests_send
from follows.tasks import send_digests_task


class Command(BaseCommand):
    help = "Send the e-mail digests that are due; safe to run again, also after a crash."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the run for the task worker (`db_worker`) instead of running it here.",
        )

    def handle(self, *args, **options):
        if options["queue"]:
            result = send_digests_task.enqueue()
            if options["verbosity"]:  # run_schedule runs it quietly (verbosity 0)
                self.stdout.write(f"Digestronde in de wachtrij gezet ({result.id}).")
            return
        run = digests_send()
        if options["verbosity"]:
            self.stdout.write(
                f"{run.planned} leden aan de beurt, {run.sent} e-mails verstuurd, "
                f"{run.empty} zonder nieuwe items."
            )
