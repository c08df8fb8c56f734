from django.core.management.base import BaseCommand

from readinglists.shared_services import INVITATIONS_KEPT, shared_list_invitations_prune


class Command(BaseCommand):
    help = (
        f"Remove invitations to shared lists that were used, withdrawn or expired more than "
        f"{INVITATIONS_KEPT.days} days ago: the addresses they hold are kept no longer."
    )

    def handle(self, *args, **options):
        deleted = shared_list_invitations_prune()
        if options["verbosity"] > 1:
            self.stdout.write(f"{deleted} invitations removed")
