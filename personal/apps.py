from django.apps import AppConfig


class PersonalConfig(AppConfig):
    """What differs per reader: member state, personal slots, toggle buttons, the account menu."""

    name = "personal"
    verbose_name = "Persoonlijk"
