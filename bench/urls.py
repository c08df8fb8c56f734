from django.http import HttpResponse
from django.urls import include, path

from bench.ceiling.urls import PAGE

# The ceiling's fixed 20 KB page (`bench.ceiling`), here through the site's whole middleware
# stack: the difference between the two rows is what the middleware costs.


def bare(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("wijkportaal.urls")),
]
