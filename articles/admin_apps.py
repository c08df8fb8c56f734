"""The app configuration of Wagtail's users app with our users list (`articles.admin_views`).

Named in INSTALLED_APPS instead of "wagtail.users", as Wagtail documents for a custom user
viewset; kept apart so that loading it imports nothing of the admin.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    user_viewset = "articles.admin_views.UserViewSet"
