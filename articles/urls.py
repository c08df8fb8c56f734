from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("themas/", views.term_index, {"kind": "theme"}, name="theme_index"),
    path("themas/<slug:slug>/", views.term_detail, {"kind": "theme"}, name="theme_detail"),
    path("organisaties/", views.term_index, {"kind": "organisation"}, name="organisation_index"),
    path(
        "organisaties/<slug:slug>/",
        views.term_detail,
        {"kind": "organisation"},
        name="organisation_detail",
    ),
    path("auteurs/", views.term_index, {"kind": "author"}, name="author_index"),
    path("auteurs/<slug:slug>/", views.term_detail, {"kind": "author"}, name="author_detail"),
    path("zoeken/", views.search, name="search"),
    path("health/", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
