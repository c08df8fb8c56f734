from django.urls import path

from follows import views

app_name = "follows"

urlpatterns = [
    path("volgend/", views.following, name="following"),
    path("volgend/instellingen/", views.digest_settings, name="settings"),
    path("volgend/volg/<str:kind>/", views.follow_add, name="add"),
    path("volgend/ontvolg/<str:kind>/", views.follow_remove, name="remove"),
    path("volgend/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
