from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import SearchTermsReportView


@hooks.register("register_admin_urls")
def register_search_terms_report_url():
    return [
        path(
            "rapporten/zoekopdrachten/",
            SearchTermsReportView.as_view(),
            name="search_terms_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_search_terms_report_menu_item():
    return MenuItem(
        "Zoekopdrachten",
        reverse("search_terms_report"),
        name="zoekopdrachten",
        icon_name="search",
        order=800,
    )
