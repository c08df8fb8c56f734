from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from articles.sitemaps import TermSitemap
from wijkportaal import views

urlpatterns = [
    # Editors log in through allauth's login, so its rate limits cover the admin too.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login_redirect",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("leeslijst/", include("readinglists.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap, "terms": TermSitemap}}),
    path("health/", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("", include("articles.urls")),
    path("", include("search.urls")),
    path("", include("follows.urls")),
]

if settings.MEDIA_SERVE:
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", views.media, name="media"))

# Wagtail serves every other path from the page tree; it stays last.
urlpatterns += [path("", include(wagtail_urls))]
