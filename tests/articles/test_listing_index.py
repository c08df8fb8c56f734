"""The listings filter, count and page in memory (`articles.listing_index`): the same answers
as the SQL filters, a fixed number of queries whatever the content and the filters, and no
error or slow request on hostile addresses."""

import datetime
import random
import re
import time

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from articles import listing_index
from articles.filters import ARTICLE_FACETS, Filters, facets_of, filter_q
from articles.models import ArticlePage
from articles.models.pages import ARTICLE_KINDS
from pagecache.versions import content_changed, snippet_changed
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    OrganisationFactory,
    ThemeFactory,
    pages_bulk,
)

pytestmark = pytest.mark.django_db

FILTERED = "/artikelen/?thema=wonen&soort=nieuws&jaar={year}&organisatie=org-a&auteur=auteur-a"


def titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a[^>]*>([^<]*)</a>', html)


@pytest.fixture
def terms(wonen):
    return {
        "themes": [wonen, ThemeFactory(slug="zorg")],
        "organisations": [OrganisationFactory(slug="org-a")],
        "authors": [AuthorFactory(slug="auteur-a"), AuthorFactory(slug="auteur-b")],
    }


def fresh_count(client, path, *, retire=True) -> tuple[int, str]:
    """The queries of rendering `path` for a reader past the visitors' page cache: after a
    publish (`retire`: the pages and the listing index retired, the cards too), or with the
    index already built (a filter combination nobody asked for before)."""
    client.cookies[settings.CSRF_COOKIE_NAME] = "render-afresh"
    if retire:
        content_changed()
        snippet_changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


#: /artikelen/ with five filters on, after a publish: the site's levels (three), the listing
#: index (two), the page of articles and the terms of their cards.
AFTER_A_PUBLISH = 7
#: The same page for another filter combination, the index built: the site's levels and the
#: page of articles (their cards are cached).
INDEX_BUILT = 4


def test_a_filtered_listing_costs_the_same_with_5_and_50_articles(client, article_index, terms):
    path = FILTERED.format(year=datetime.date.today().year)
    client.get("/artikelen/")  # Wagtail's site cache warm, as on a running server
    counts = []
    for n in (5, 45):
        pages_bulk(ArticlePageFactory, article_index, n, **terms)
        ArticlePage.objects.update(kind="nieuws", publication_date=datetime.date.today())
        after_publish, html = fresh_count(client, path)
        assert len(titles(html)) == min(12, ArticlePage.objects.count())
        other, html = fresh_count(client, path.replace("auteur-a", "auteur-b"), retire=False)
        assert len(titles(html)) == min(12, ArticlePage.objects.count())
        counts.append((after_publish, other))
    assert counts == [(AFTER_A_PUBLISH, INDEX_BUILT)] * 2


@pytest.mark.parametrize(
    "query",
    [
        "&".join(f"thema=t{n}" for n in range(200)),
        "&".join(f"{name}={value}" for name in ARTICLE_FACETS for value in range(40)),
        "jaar=99999&jaar=-1&jaar=2024x&soort=<script>&thema=" + "a" * 5000,
        "thema=%00&auteur=%C0%AE&organisatie=..%2F..%2F&soort=nieuws%27+OR+1%3D1",
        "page=999999999999999999999999&thema=wonen",
        "page=-3&soort=nieuws",
        "page=" + "9" * 5000,
    ],
)
def test_hostile_filters_get_a_dutch_page_quickly_in_the_same_queries(
    client, article_index, terms, query
):
    pages_bulk(ArticlePageFactory, article_index, 15, **terms)
    fresh_count(client, "/artikelen/?thema=zorg")  # the index built, as on a running site
    started = time.monotonic()
    count, html = fresh_count(client, f"/artikelen/?{query}", retire=False)
    assert time.monotonic() - started < 1.0
    assert "<h1" in html and "Artikelen" in html
    assert count <= INDEX_BUILT + 1  # and the terms of cards not rendered before (a last page)


def test_a_listing_shows_a_page_published_since_at_once(client, article_index, terms):
    pages_bulk(ArticlePageFactory, article_index, 3, **terms)
    content_changed()
    assert len(titles(client.get("/artikelen/?thema=zorg").content.decode())) == 3
    new = ArticlePageFactory.build(title="Net gepubliceerd", live=False)
    article_index.add_child(instance=new)
    new.themes.set(terms["themes"][1:])
    new.save_revision().publish()  # Wagtail's signal retires the content version
    assert "Net gepubliceerd" in titles(client.get("/artikelen/?thema=zorg").content.decode())


def test_without_the_cache_an_index_is_kept_a_few_seconds(monkeypatch, article_index):
    monkeypatch.setattr(listing_index, "versions_stamp", lambda: None)
    now = [1000.0]
    monkeypatch.setattr(listing_index.time, "monotonic", lambda: now[0])
    listing_index.forget()
    first = listing_index.dated(ArticlePage)
    now[0] += listing_index.UNVERSIONED_MAX_AGE / 2
    assert listing_index.dated(ArticlePage) is first
    now[0] += listing_index.UNVERSIONED_MAX_AGE
    assert listing_index.dated(ArticlePage) is not first


def test_a_new_content_version_builds_the_index_again(article_index):
    first = listing_index.dated(ArticlePage)
    assert listing_index.dated(ArticlePage) is first
    content_changed()
    assert listing_index.dated(ArticlePage) is not first


# The same answers as the SQL filters -------------------------------------------------------


@pytest.fixture
def varied(article_index):
    """Forty articles with random themes, organisations, authors, kinds and years."""
    rng = random.Random(5)
    themes = [ThemeFactory() for _ in range(4)]
    organisations = [OrganisationFactory() for _ in range(3)]
    authors = [AuthorFactory() for _ in range(5)]
    for n in range(40):
        ArticlePageFactory(
            parent=article_index,
            title=f"Varia {n}",
            kind=rng.choice(ARTICLE_KINDS)[0],
            publication_date=datetime.date(rng.choice([2021, 2022, 2023]), 1 + n % 12, 1),
            terms__themes=rng.sample(themes, rng.randint(0, 2)),
            terms__organisations=rng.sample(organisations, rng.randint(0, 1)),
            terms__authors=rng.sample(authors, rng.randint(0, 2)),
        )
    return {
        "thema": [t.slug for t in themes],
        "organisatie": [o.slug for o in organisations],
        "auteur": [a.slug for a in authors],
        "soort": [kind for kind, _ in ARTICLE_KINDS],
        "jaar": [2021, 2022, 2023, 1999],
    }


def random_filters(rng, values) -> Filters:
    chosen = {}
    for name in values:
        if rng.random() < 0.4:
            chosen[name] = tuple(rng.sample(values[name], rng.randint(1, 2)))
    return Filters(chosen)


def sql_pages(filters, *, exclude=""):
    return ArticlePage.objects.live().filter(
        filter_q(filters, models=(ArticlePage,), exclude=exclude)
    )


def sql_count(name, value, filters) -> int:
    """How many articles have `value` for the facet `name` under the other filters, in SQL."""
    pages = sql_pages(filters, exclude=name)
    one = Filters({name: (value,)})
    return pages.filter(Q(pk__in=sql_pages(one).values("pk"))).count()


def test_filters_and_counts_agree_with_the_sql_filters(varied):
    rng = random.Random(8)
    index = listing_index.dated(ArticlePage)
    for _ in range(25):
        filters = random_filters(rng, varied)
        facets, matching = facets_of(index, filters, names=ARTICLE_FACETS, base=index.everything)
        expected = sql_pages(filters).order_by("-publication_date", "-pk")
        assert [index.ids[p] for p in matching] == list(expected.values_list("pk", flat=True))
        for facet in facets:
            if facet["name"] not in varied:
                continue
            for option in facet["options"]:
                assert option["count"] == sql_count(facet["name"], option["value"], filters), (
                    filters,
                    facet["name"],
                    option,
                )
            shown = {option["value"] for option in facet["options"]}
            for value in varied[facet["name"]]:
                if value not in shown and facet["more"] == 0:
                    assert sql_count(facet["name"], value, filters) == 0
                    assert value not in filters.get(facet["name"])
