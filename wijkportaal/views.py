"""Operational views: /health/ for load balancers and operators, robots.txt for crawlers, and
uploaded images when no S3 bucket serves them."""

import json

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from wijkportaal.cache import redis_status
from wijkportaal.replica import replica_status


@never_cache
@require_safe
def health(request):
    """Which parts answer: 200 while the database does (the site works without Redis, slower,
    and without its replica), 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "onbereikbaar"
    parts = {"database": database, "redis": redis_status()}
    # Only with DATABASE_REPLICA_URL; the site reads from the primary while the replica is gone.
    if replica := replica_status():
        parts["replica"] = replica
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


#: The folders of MEDIA_ROOT that anybody may fetch: Wagtail's images and their renditions.
#: Documents are not among them: Wagtail serves those through /documents/, which applies their
#: collections' privacy.
PUBLIC_MEDIA = ("images/", "original_images/")
MEDIA_CACHE_CONTROL = "public, max-age=86400"


@require_safe
def media(request, path: str):
    """Uploaded images from MEDIA_ROOT, when no S3 bucket serves them (`MEDIA_SERVE`): the app
    serves them itself, behind the same cache and proxy as every page. Never documents, never
    outside MEDIA_ROOT (`serve` joins safely), and a file is never run as a page."""
    if not path.startswith(PUBLIC_MEDIA):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
