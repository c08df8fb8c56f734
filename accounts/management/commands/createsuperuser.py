"""Django's `createsuperuser`, for an editor who logs in to /admin/ at once.

Logging in goes through allauth, which lets nobody in before their address is confirmed
(ACCOUNT_EMAIL_VERIFICATION = "mandatory"). Whoever runs this command on the server vouches for
the address, so the new editor's address is recorded as confirmed and primary here, and only
here: no signal confirms addresses of users created any other way (a sign-up, the admin's
users form), which still confirm by mail.
"""

from django.contrib.auth.management.commands import createsuperuser
from django.db.models.signals import post_save

from accounts.services import user_email_confirm


class Command(createsuperuser.Command):
    help = (
        "Maakt een redacteur (superuser) aan met een bevestigd e-mailadres, die meteen kan "
        "inloggen op /admin/."
    )

    def handle(self, *args, **options):
        new_users = []

        def note(sender, instance, created: bool, **kwargs):
            if created:
                new_users.append(instance)

        # Django's command saves the new user in one call it gives no hook for: note it as it
        # is saved, in this command only.
        post_save.connect(note, sender=self.UserModel, weak=False, dispatch_uid=__name__)
        try:
            super().handle(*args, **options)
        finally:
            post_save.disconnect(sender=self.UserModel, dispatch_uid=__name__)
        for user in new_users:
            user_email_confirm(user=user, using=options["database"])
            if options["verbosity"] >= 1:
                self.stdout.write(f"E-mailadres {user.email} is bevestigd: inloggen kan meteen.")
