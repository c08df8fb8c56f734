from django.urls import path

from articles import feeds, views
from articles.models import TERM_KINDS

app_name = "articles"

urlpatterns = [
    path("artikelen/feed/", feeds.ArticlesFeed(), name="articles_feed"),
    path("sitemap/", views.sitemap, name="sitemap"),
]
for kind, model in TERM_KINDS.items():
    segment = model.url_segment
    urlpatterns += [
        path(f"{segment}/", views.term_index, {"kind": kind}, name=f"{kind}_index"),
        path(f"{segment}/<slug:slug>/", views.term_detail, {"kind": kind}, name=f"{kind}_detail"),
        path(f"{segment}/<slug:slug>/feed/", feeds.TermFeed(kind), name=f"{kind}_feed"),
    ]
    if model.has_events():
        urlpatterns.append(
            path(
                f"{segment}/<slug:slug>/agenda.ics",
                feeds.term_calendar,
                {"kind": kind},
                name=f"{kind}_calendar",
            )
        )
urlpatterns += [
    path("gebieden/", views.place_index, name="place_index"),
    path("gebieden/<slug:slug>/", views.place_detail, name="place_detail"),
    path("gebieden/<slug:slug>/feed/", feeds.PlaceFeed(), name="place_feed"),
    path(
        "gebieden/<slug:slug>/agenda.ics",
        feeds.term_calendar,
        {"kind": "place"},
        name="place_calendar",
    ),
    path("agenda/evenement/<int:page_id>.ics", feeds.event_calendar, name="event_calendar"),
]
