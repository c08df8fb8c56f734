from django.core.management.base import BaseCommand

from emails.services import emails_send_due


class Command(BaseCommand):
    help = "Send queued mail that is due (retries, and mail a dead worker left); safe to run again."

    def handle(self, *args, **options):
        run = emails_send_due()
        if options["verbosity"]:  # run_schedule runs it quietly (verbosity 0) every minute
            self.stdout.write(
                f"{run.sent} e-mails verstuurd, {run.failed} mislukt (later opnieuw)."
            )
