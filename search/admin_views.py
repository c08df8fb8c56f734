"""The report "Zoekopdrachten" (menu Rapporten): what readers searched for most in a week, and
what found nothing; counts only (`search.terms`)."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search.models import SearchTermWeek
from search.terms import week_start

#: The report lists this many queries in each table, and offers this many weeks.
TOP = 50
WEEKS_SHOWN = 26


def week_label(week: datetime.date) -> str:
    year, number, _ = week.isocalendar()
    end = week + datetime.timedelta(days=6)
    return f"week {number} van {year} ({week:%d-%m} t/m {end:%d-%m})"


def week_param(week: datetime.date) -> str:
    return f"{week:%G-W%V}"


def week_from_param(value: str | None) -> datetime.date:
    """The Monday of the week `value` names ("2026-W48"); this week when it names none."""
    try:
        year, number = (value or "").split("-W")
        return datetime.date.fromisocalendar(int(year), int(number), 1)
    except ValueError:
        return week_start(timezone.localdate())


def search_terms_top(*, week: datetime.date, limit: int = TOP) -> list[SearchTermWeek]:
    return list(SearchTermWeek.objects.filter(week=week).order_by("-searches", "query")[:limit])


def search_terms_without_results(*, week: datetime.date, limit: int = TOP):
    return list(
        SearchTermWeek.objects.filter(week=week, without_results__gt=0).order_by(
            "-without_results", "query"
        )[:limit]
    )


def search_weeks(*, limit: int = WEEKS_SHOWN) -> list[datetime.date]:
    """The most recent weeks with counts, newest first."""
    return list(
        SearchTermWeek.objects.order_by("-week").values_list("week", flat=True).distinct()[:limit]
    )


class SearchTermsReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "admin/search_terms_report.html"
    page_title = "Zoekopdrachten"
    header_icon = "search"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Zoekopdrachten"}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        week = week_from_param(self.request.GET.get("week"))
        weeks = search_weeks()
        if week not in weeks:
            weeks = sorted([*weeks, week], reverse=True)
        context.update(
            week=week,
            week_label=week_label(week),
            weeks=[
                {"param": week_param(w), "label": week_label(w), "selected": w == week}
                for w in weeks
            ],
            top=search_terms_top(week=week),
            without_results=search_terms_without_results(week=week),
            limit=TOP,
            action=reverse("search_terms_report"),
        )
        return context
