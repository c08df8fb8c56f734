from django.http import HttpResponse
from django.urls import path

#: The fixed 20 KB page, served here and by the site's own "bare view" row (`bench.urls`).
PAGE = ("<!DOCTYPE html><html lang='nl'><title>bare</title><p>" + "x" * 20_400 + "</p>").encode()


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
