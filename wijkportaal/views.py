"""Operational views: /health/ for load balancers and operators, robots.txt for crawlers."""

import json

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wijkportaal.cache import redis_status


@never_cache
@require_safe
def health(request):
    """Which parts answer: 200 while the database does (the site works without Redis, slower),
    503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "onbereikbaar"
    parts = {"database": database, "redis": redis_status()}
    return HttpResponse(
        json.dumps(parts) + "\n",
        status=200 if database == "ok" else 503,
        content_type="application/json",
    )


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /zoeken/",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
