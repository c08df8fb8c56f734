from django.urls import path

from follows import feeds, views

app_name = "follows"

urlpatterns = [
    path("volgend/", views.following, name="following"),
    path("volgend/instellingen/", views.digest_settings, name="settings"),
    path("volgend/volg/<str:kind>/", views.follow_add, name="add"),
    path("volgend/ontvolg/<str:kind>/", views.follow_remove, name="remove"),
    path("volgend/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("artikelen/feed/", feeds.ArticlesFeed(), name="articles_feed"),
    path("themas/<slug:slug>/feed/", feeds.TermFeed("theme"), name="theme_feed"),
    path(
        "organisaties/<slug:slug>/feed/", feeds.TermFeed("organisation"), name="organisation_feed"
    ),
    path("auteurs/<slug:slug>/feed/", feeds.TermFeed("author"), name="author_feed"),
    path(
        "themas/<slug:slug>/agenda.ics",
        feeds.term_calendar,
        {"kind": "theme"},
        name="theme_calendar",
    ),
    path(
        "organisaties/<slug:slug>/agenda.ics",
        feeds.term_calendar,
        {"kind": "organisation"},
        name="organisation_calendar",
    ),
    path("agenda/evenement/<int:page_id>.ics", feeds.event_calendar, name="event_calendar"),
]
