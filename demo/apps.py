from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: `manage.py load_demo_content` builds it from code, for people to look at
    and for `make bench` to measure (tests build their own data)."""

    name = "demo"
    verbose_name = "Demo-inhoud"
