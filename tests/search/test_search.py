"""Site search: Dutch stemming on PostgreSQL, synonyms, facets, highlighting, bad input, cost."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pagecache.versions import content_changed
from search import query as search
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    ThemeFactory,
    pages_bulk,
)

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


def html_of(client, params) -> str:
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html: str) -> list[str]:
    return re.findall(r'class="utrecht-heading-3 search-result__title"><a[^>]*>([^<]*)</a>', html)


@pytest.fixture
def theme():
    return ThemeFactory(name="Proefthema", slug="proefthema")


def test_word_forms_match_with_dutch_stemming(client, article_index, theme):
    ArticlePageFactory(
        parent=article_index,
        title="Afspraken met de woningcorporatie",
        intro="Wat de buurt ervan merkt.",
        terms__themes=[theme],
    )
    plural = result_titles(html_of(client, {"q": "woningcorporaties", "thema": "proefthema"}))
    buurten = result_titles(html_of(client, {"q": "buurten", "thema": "proefthema"}))
    exact = result_titles(html_of(client, {"q": "woningcorporatie", "thema": "proefthema"}))
    assert exact == ["Afspraken met de woningcorporatie"]
    # The Dutch stemmer keeps an -s after a vowel; the query adds the singular itself.
    assert plural == ["Afspraken met de woningcorporatie"]
    if POSTGRES:
        assert buurten == ["Afspraken met de woningcorporatie"]
    else:
        # SQLite's full-text index has no Dutch stemmer: "buurten" does not match "buurt".
        assert buurten == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("wijkaanpak", {"Een wijkgerichte aanpak", "Gebiedsgerichte aanpak in Zuid"}),
        ("wijkgerichte aanpak", {"Over de wijkaanpak", "Gebiedsgerichte aanpak in Zuid"}),
        ("gebiedsgerichte aanpak", {"Over de wijkaanpak", "Een wijkgerichte aanpak"}),
    ],
)
def test_synonyms_find_each_other(client, article_index, theme, query, expected):
    for title in [
        "Over de wijkaanpak",
        "Een wijkgerichte aanpak",
        "Gebiedsgerichte aanpak in Zuid",
    ]:
        ArticlePageFactory(parent=article_index, title=title, terms__themes=[theme])
    titles = set(result_titles(html_of(client, {"q": query, "thema": "proefthema"})))
    assert expected <= titles


def test_query_variants_swap_synonym_phrases():
    assert search.query_variants("Integrale Wijkaanpak") == [
        "integrale wijkaanpak",
        "integrale wijkgerichte aanpak",
        "integrale gebiedsgerichte aanpak",
    ]
    assert search.query_variants("buurt") == ["buurt"]
    assert search.query_variants("woningcorporaties") == ["woningcorporaties", "woningcorporatie"]


@pytest.fixture
def facet_content(article_index, event_index, theme):
    """Three articles (2021, two by one author) and two events (2030) with a rare word."""
    other = ThemeFactory(name="Ander proefthema", slug="ander-proefthema")
    author = AuthorFactory(name="Proefauteur", slug="proefauteur")
    for n in range(3):
        ArticlePageFactory(
            parent=article_index,
            title=f"Zonnebloemproef artikel {n}",
            publication_date=datetime.date(2021, 3, 1 + n),
            terms__themes=[theme] if n else [theme, other],
            terms__authors=[author] if n < 2 else [],
        )
    start = timezone.make_aware(datetime.datetime(2030, 5, 1, 19))
    for n in range(2):
        EventPageFactory(
            parent=event_index,
            title=f"Zonnebloemproef evenement {n}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            terms__themes=[theme],
        )


def facet_counts(html: str, name: str) -> dict[str, int]:
    pattern = rf'name="{name}" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="filters__count">\((\d+)'
    return {value: int(count) for value, count in re.findall(pattern, html)}


def test_facets_count_each_value_and_combine(client, facet_content):
    html = html_of(client, {"q": "zonnebloemproef"})
    assert "5 resultaten" in html
    assert facet_counts(html, "type") == {"artikel": 3, "evenement": 2}
    assert facet_counts(html, "thema") == {"proefthema": 5, "ander-proefthema": 1}
    assert facet_counts(html, "auteur") == {"proefauteur": 2}
    assert facet_counts(html, "jaar") == {"2030": 2, "2021": 3}

    html = html_of(client, {"q": "zonnebloemproef", "type": "artikel", "auteur": "proefauteur"})
    assert "2 resultaten" in html
    # A facet's counts ignore its own choice, so the other values stay visible.
    assert facet_counts(html, "type") == {"artikel": 2}
    assert facet_counts(html, "auteur") == {"proefauteur": 2}
    assert facet_counts(html, "thema") == {"proefthema": 2, "ander-proefthema": 1}
    assert facet_counts(html, "jaar") == {"2021": 2}
    assert 'value="artikel" checked' in html

    html = html_of(
        client, {"q": "zonnebloemproef", "jaar": ["2021", "2030"], "thema": "ander-proefthema"}
    )
    assert "1 resultaat " in html


def test_facet_form_is_accessible_without_javascript(client, facet_content):
    html = html_of(client, {"q": "zonnebloemproef"})
    form = html[html.index('class="filters__form"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in html[html.index('class="filters__form"') - 60 :][:120]
    # Organisation has no values among these results, so its group is left out.
    assert form.count("<fieldset") == form.count("<legend") == 4
    checkbox_ids = re.findall(r'type="checkbox" id="([^"]+)"', form)
    assert len(checkbox_ids) == 7  # two types, two themes, one author, two years
    for checkbox_id in checkbox_ids:
        assert f'<label for="{checkbox_id}">' in form
    assert '<input type="hidden" name="q" value="zonnebloemproef">' in form
    assert 'type="submit">Filters toepassen</button>' in form


def test_terms_are_found_too(client, facet_content):
    html = html_of(client, {"q": "proefauteur"})
    assert 'href="/auteurs/proefauteur/"' in html


def test_excerpt_marks_query_words_and_escapes_the_rest(client, article_index):
    ArticlePageFactory(
        parent=article_index,
        title="Opmaakproef",
        intro='<script>alert("x")</script> Bewoners van de markeerbuurten praten mee.',
    )
    html = html_of(client, {"q": "markeerbuurten"})
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "<mark>markeerbuurten</mark>" in html


def test_excerpt_helper_escapes_and_marks():
    pattern = search.highlight_pattern("buurten")
    assert str(search.excerpt("<b>De buurt</b> & zo", pattern)) == (
        "&lt;b&gt;De <mark>buurt</mark>&lt;/b&gt; &amp; zo"
    )


def test_empty_query_offers_ways_to_browse(client, wonen):
    html = html_of(client, {"q": ""})
    assert "Bladeren" in html
    assert 'href="/artikelen/"' in html
    assert 'href="/themas/wonen/"' in html


def test_no_results_says_so_in_dutch_with_suggestions(client, wonen):
    html = html_of(client, {"q": "xyzzyquux", "thema": "wonen"})
    assert "Geen resultaten voor “xyzzyquux” met de gekozen filters." in html
    assert "Wat je kunt proberen" in html
    assert 'href="?q=xyzzyquux">Zoek zonder filters' in html


BAD_QUERIES = [
    "x" * 5000,
    "wijk " * 1000,
    "'; DROP TABLE wagtailcore_page; --",
    '"buurt',
    "buurt' OR '1'='1",
    "AND OR NOT NEAR",
    "🏘️ buurt 🏳️‍🌈",
    "a\x00b",
    "%%",
    "*",
    "-",
    "de het een",
    "\\",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_odd_queries_get_a_dutch_page(client, article, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Zoeken</h1>" in html
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "buurt", "type": "bestaat-niet"},
        {"q": "buurt", "thema": "bestaat-niet"},
        {"q": "buurt", "thema": "'; DROP TABLE x; --"},
        {"q": "buurt", "organisatie": "x" * 5000},
        {"q": "buurt", "auteur": "\x00"},
        {"q": "buurt", "jaar": "zzz"},
        {"q": "buurt", "jaar": "99999999999999999999"},
        {"q": "buurt", "jaar": ["2024"] * 100},
        {"q": "buurt", "page": "zzz"},
        {"q": "buurt", "page": "-1"},
        {"q": "", "thema": "wonen", "page": "9" * 50},
    ],
)
def test_odd_filters_get_a_dutch_page(client, article, params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    assert "Zoeken</h1>" in response.content.decode()


def test_search_only_reads(client, article):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/zoeken/", {"q": "buurt", "thema": "wonen"})
    assert result_titles(response.content.decode()) == [article.title]
    statements = [query["sql"].lstrip("( ").split()[0].upper() for query in queries]
    # DECLARE: the listing index reads its rows through a server-side cursor over a SELECT.
    assert set(statements) - {"DECLARE"} == {"SELECT"}, statements
    assert all(
        " CURSOR FOR SELECT " in query["sql"] or " CURSOR FOR (SELECT " in query["sql"]
        for query in queries
        if query["sql"].startswith("DECLARE")
    )


def count_queries(client, params) -> tuple[int, str]:
    """What rendering the search costs (the cached pages retired first, as publishing does), and
    the page."""
    client.get("/zoeken/", params)  # warm Wagtail's site cache and content types
    content_changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return len(queries), response.content.decode()


# Which words of the query the Dutch dictionary knows ("telproef" is long enough to be a
# compound), the ranked ids of the best matches, one page of result rows, the facet queries
# (articles.filters), and the matching terms (one query for the three kinds). No filter is on, so
# no second ranking. The site and the view restrictions are remembered per process.
EXPECTED_SEARCH_QUERIES = 7


def test_search_costs_the_same_for_10_and_100_matches(client, article_index, event_index, theme):
    def make(n):
        for factory, parent, count in (
            (EventPageFactory, event_index, n // 3),
            (ArticlePageFactory, article_index, n - n // 3),
        ):
            pages_bulk(factory, parent, count, title="Telproef", index=True, themes=[theme])

    params = {"q": "telproef"}
    make(10)
    with_10, html = count_queries(client, params)
    assert "10 resultaten" in html
    make(90)
    with_100, html = count_queries(client, params)
    assert "100 resultaten" in html
    assert with_10 == with_100 == EXPECTED_SEARCH_QUERIES
