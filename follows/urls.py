from django.urls import path

from follows import views

app_name = "follows"

urlpatterns = [
    path("volgend/", views.following, name="following"),
    path("volgend/instellingen/", views.digest_settings, name="settings"),
    path("volgend/volg-wijzigingen/", views.follow_page_add, name="page_add"),
    path("volgend/ontvolg-wijzigingen/", views.follow_page_remove, name="page_remove"),
    path("volgend/volg/<str:kind>/", views.follow_add, name="add"),
    path("volgend/ontvolg/<str:kind>/", views.follow_remove, name="remove"),
    path("volgend/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
