from django.http import HttpResponse
from django.urls import include, path

# A fixed 20 KB page through the same middleware stack: the ceiling the real pages are measured
# against, since absolute numbers drift between runs on these machines.
BARE_PAGE = (
    "<!DOCTYPE html><html lang='nl'><title>bare</title><p>" + "x" * 20_400 + "</p>"
).encode()


def bare(request):
    return HttpResponse(BARE_PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("wijkportaal.urls")),
]
