from django.urls import path

from accounts import views
from accounts.intents import intent_view

app_name = "accounts"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("gegevens/", views.export, name="export"),
    path("verwijderen/", views.delete, name="delete"),
    path("intentie/", intent_view, name="intent"),
]
