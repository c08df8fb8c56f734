from django.urls import path

from readinglists import shared_views, views

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
    # Shared lists: a leeslijst a team keeps together.
    path("gedeeld/", shared_views.shared_index, name="shared_index"),
    path("gedeeld/nieuw/", shared_views.shared_create, name="shared_create"),
    path("gedeeld/bewaar/<int:page_id>/", shared_views.shared_save, name="shared_save"),
    path(
        "gedeeld/uitnodiging/<str:token>/",
        shared_views.shared_invitation,
        name="shared_invitation",
    ),
    path(
        "gedeeld/uitnodiging/<str:token>/aannemen/",
        shared_views.shared_invitation_accept,
        name="shared_invitation_accept",
    ),
    path("gedeeld/<int:pk>/", shared_views.shared_detail, name="shared_detail"),
    path("gedeeld/<int:pk>/afdrukken/", shared_views.shared_print, name="shared_print"),
    path("gedeeld/<int:pk>/lijst.csv", shared_views.shared_export_csv, name="shared_export_csv"),
    path(
        "gedeeld/<int:pk>/lijst.md",
        shared_views.shared_export_markdown,
        name="shared_export_markdown",
    ),
    path("gedeeld/<int:pk>/leden/", shared_views.shared_members, name="shared_members"),
    path("gedeeld/<int:pk>/uitnodigen/", shared_views.shared_invite, name="shared_invite"),
    path(
        "gedeeld/<int:pk>/uitnodigingen/<int:invitation_pk>/intrekken/",
        shared_views.shared_invitation_withdraw,
        name="shared_invitation_withdraw",
    ),
    path(
        "gedeeld/<int:pk>/leden/<int:member_pk>/rol/",
        shared_views.shared_member_role,
        name="shared_member_role",
    ),
    path(
        "gedeeld/<int:pk>/leden/<int:member_pk>/verwijderen/",
        shared_views.shared_member_remove,
        name="shared_member_remove",
    ),
    path("gedeeld/<int:pk>/bewerken/", shared_views.shared_update, name="shared_update"),
    path("gedeeld/<int:pk>/verwijderen/", shared_views.shared_delete, name="shared_delete"),
    path("gedeeld/<int:pk>/items/<int:item_pk>/", shared_views.shared_item, name="shared_item"),
    path(
        "gedeeld/<int:pk>/items/<int:item_pk>/verplaatsen/",
        shared_views.shared_item_move,
        name="shared_item_move",
    ),
    path(
        "gedeeld/<int:pk>/items/<int:item_pk>/verwijderen/",
        shared_views.shared_item_remove,
        name="shared_item_remove",
    ),
    path(
        "gedeeld/<int:pk>/items/<int:item_pk>/notitie/",
        shared_views.shared_item_note,
        name="shared_item_note",
    ),
    path(
        "gedeeld/<int:pk>/notities/<int:note_pk>/verwijderen/",
        shared_views.shared_note_remove,
        name="shared_note_remove",
    ),
]
