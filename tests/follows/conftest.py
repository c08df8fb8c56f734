import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from articles.models import Author, Organisation, Theme


@pytest.fixture
def wonen(db):
    return Theme.objects.get(slug="wonen")


@pytest.fixture
def organisation(db):
    return Organisation.objects.order_by("pk").first()


@pytest.fixture
def author(db):
    return Author.objects.order_by("pk").first()


def published(page, *, at=None):
    """Factory pages are live but never went through publishing: give them its timestamps."""
    at = at or timezone.now()
    Page.objects.filter(pk=page.pk).update(first_published_at=at, last_published_at=at)
    page.first_published_at = page.last_published_at = at
    return page


def ago(**kwargs) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**kwargs)
