from django.urls import path

from readinglists import views

app_name = "readinglists"

urlpatterns = [
    path("", views.reading_list, name="list"),
    path("leeslijst.csv", views.export_csv, name="export"),
    path("leeslijst.json", views.export_json, name="export_json"),
    path("bewaren/", views.add, name="add"),
    path("weghalen/", views.remove, name="remove"),
    path("<int:pk>/gelezen/", views.item_read, name="item_read"),
    path("<int:pk>/notitie/", views.item_note, name="item_note"),
    path("<int:pk>/verwijderen/", views.item_remove, name="item_remove"),
]
