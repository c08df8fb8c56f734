from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models


class UserManager(BaseUserManager):
    """Members are identified by their e-mail address only; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("Een beheerder moet is_staff en is_superuser hebben.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member of the portal, or an editor. Logs in with an e-mail address."""

    class Role(models.TextChoices):
        GEMEENTE = "gemeente", "Gemeente"
        WONINGCORPORATIE = "woningcorporatie", "Woningcorporatie"
        WELZIJN = "welzijn", "Welzijn"
        ZORG = "zorg", "Zorg"
        ONDERWIJS = "onderwijs", "Onderwijs"
        POLITIE = "politie", "Politie"
        BEWONER = "bewoner", "Bewoner"
        ANDERS = "anders", "Anders"

    username = None
    email = models.EmailField("e-mailadres", unique=True)
    display_name = models.CharField("weergavenaam", max_length=100, blank=True)
    organisation = models.CharField("organisatie", max_length=150, blank=True)
    role = models.CharField("rol", max_length=20, choices=Role.choices, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self):
        return self.display_name or self.email


class MemberSession(AbstractBaseSession):
    """A session, with the member it is logged in as (none for a visitor), so that a member's
    sessions are found without reading anyone else's. Written by the session engines in
    `accounts.sessions`.

    No database constraint on the member: a session saved at the moment its member is deleted
    must not fail (Django would retry creating it forever). Deleting a member deletes these rows
    through the ORM all the same; `user_sessions_end` also retires their cached copies.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="+",
    )

    class Meta(AbstractBaseSession.Meta):
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    @classmethod
    def get_session_store_class(cls):
        return import_module(settings.SESSION_ENGINE).SessionStore
