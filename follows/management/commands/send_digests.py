from django.core.management.base import BaseCommand

from follows.digests import digests_send


class Command(BaseCommand):
    help = "Send the e-mail digests that are due; safe to run again, also after a crash."

    def handle(self, *args, **options):
        run = digests_send()
        self.stdout.write(
            f"{run.planned} leden aan de beurt, {run.sent} e-mails verstuurd, "
            f"{run.empty} zonder nieuwe items."
        )
