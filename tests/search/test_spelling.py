"""“Bedoelde je …?”: the vocabulary of the public pages, the corrected query and its link."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from search import spelling
from search.models import SearchWord
from search.spelling import search_words_refresh, suggestion
from tests.factories import ArticlePageFactory, EventPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


@pytest.fixture
def pages(article_index, event_index):
    """Public pages whose titles and intros hold the words the tests misspell, and the
    vocabulary made from them."""
    ArticlePageFactory(
        parent=article_index,
        title="Veiligheid in de wijk",
        intro="Buurtpreventie en straatverlichting in Havenstad.",
    )
    ArticlePageFactory(
        parent=article_index,
        title="Participatie van bewoners",
        intro="Hoe de buurt meepraat over de veiligheid.",
    )
    EventPageFactory(
        parent=event_index, title="Buurtavond over wonen", intro="Samen wonen in de buurt."
    )
    ThemeFactory(name="Leefbaarheid", slug="leefbaarheid")
    search_words_refresh()


def spelling_link(html: str) -> str | None:
    match = re.search(r'<p class="search-spelling">(.*?)</p>', html, re.S)
    return match.group(1) if match else None


def test_a_typo_gets_the_word_the_site_uses(pages):
    assert suggestion("veiligheit") == "veiligheid"
    assert suggestion("Veiligheit in Havenstat") == "veiligheid in havenstad"
    assert suggestion("participatei bewoners") == "participatie bewoners"
    # A term's name is a word of the site too.
    assert suggestion("leefbaarhied") == "leefbaarheid"


def test_known_words_get_no_suggestion(pages):
    for query in (
        "veiligheid",
        "Veiligheid in de wijk",
        "bewoner",  # an inflected form: the search finds it, so it is no typo
        "professionals",  # only in the body (the factories' test body), found all the same
        "de het een",  # stop words
        "buurt 2024",
        "xyzzyquux",  # unknown, and like no word of the site
    ):
        assert suggestion(query) is None, query
    assert not SearchWord.objects.filter(word="professionals").exists()


def test_the_page_offers_the_corrected_query_with_the_same_filters(client, pages):
    response = client.get("/zoeken/", {"q": "veiligheit", "type": "artikel", "page": "2"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geen resultaten voor “veiligheit”" in html
    assert spelling_link(html) == (
        'Bedoelde je <a class="utrecht-link" href="?q=veiligheid&amp;type=artikel">veiligheid</a>?'
    )

    html = client.get("/zoeken/", {"q": "veiligheid", "type": "artikel"}).content.decode()
    assert "2 resultaten voor “veiligheid”" in html
    assert spelling_link(html) is None


def test_a_search_with_enough_results_asks_for_no_suggestion(client, pages, monkeypatch):
    for n in range(spelling.FEW_RESULTS):
        ArticlePageFactory(parent=Page.objects.get(slug="artikelen"), title=f"Veiligheid {n}")

    def refuse(query):
        raise AssertionError("no suggestion needed")

    monkeypatch.setattr(spelling, "suggestion", refuse)
    response = client.get("/zoeken/", {"q": "veiligheid"})
    assert response.status_code == 200
    assert spelling_link(response.content.decode()) is None


def test_all_words_are_corrected_in_one_query(pages, django_assert_num_queries):
    query = " ".join(["veiligheit", "havenstat", "participatei"] * 5)  # 15 words
    expected = " ".join(["veiligheid", "havenstad", "participatie"] * 4)  # the first 12
    suggestion("veiligheid")  # the view restrictions, read once per process and version
    with django_assert_num_queries(1 if POSTGRES else 4):
        assert suggestion(query) == expected


def test_words_of_restricted_and_unpublished_pages_are_never_offered(pages, article_index):
    secret = ArticlePageFactory(
        parent=article_index, title="Zwembadrenovatie besloten", intro="Vertrouwelijk."
    )
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    draft = ArticlePageFactory(parent=article_index, title="Concertgebouwplan", live=False)
    # Unpublished behind the index's back: its search document is still there.
    stale = ArticlePageFactory(parent=article_index, title="Geheimhouding")
    Page.objects.filter(pk=stale.pk).update(live=False)
    search_words_refresh()
    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"zwembadrenovatie", "besloten", "vertrouwelijk", "concertgebouwplan"}.isdisjoint(words)
    assert "geheimhouding" not in words
    assert suggestion("zwembadrenovatei") is None
    assert suggestion("concertgebouwplna") is None
    # Words only a restricted page has are no proof of good spelling either.
    assert suggestion("besloteb") is None
    assert suggestion("geheimhoudnig") is None
    assert not Page.objects.get(pk=draft.pk).live


def test_the_vocabulary_counts_pages_and_follows_them(pages, article_index):
    assert SearchWord.objects.get(word="veiligheid").pages == 2
    assert SearchWord.objects.get(word="leefbaarheid").pages == 1
    assert not SearchWord.objects.filter(word__in=["<p>", "p", "2024"]).exists()
    page = ArticlePageFactory(parent=article_index, title="Veiligheid op straat")
    search_words_refresh()
    assert SearchWord.objects.get(word="veiligheid").pages == 3
    assert SearchWord.objects.get(word="straat").pages == 1

    page.unpublish()
    count = search_words_refresh()
    assert count == SearchWord.objects.count()
    assert SearchWord.objects.get(word="veiligheid").pages == 2
    assert not SearchWord.objects.filter(word="straat").exists()
    # Running it again changes nothing.
    before = list(SearchWord.objects.order_by("word").values_list("word", "pages"))
    call_command("refresh_search_words", verbosity=0)
    assert list(SearchWord.objects.order_by("word").values_list("word", "pages")) == before


def test_the_vocabulary_is_refreshed_on_the_schedule():
    assert settings.SCHEDULE["refresh_search_words"] <= 24 * 60 * 60


HOSTILE = [
    "\x00",
    "veiligheit\x00\x00",
    "\x00" * 500,
    "x" * 10_000,
    "veiligheit " * 2_000,
    "a" * 41 + " veiligheit",
    "?!.,;:()[]{}<>/\\|@#$%^&~`",
    "-",
    "*",
    "- * -veiligheit*",
    '"',
    '"veiligheit"',
    "'veiligheit' OR '1'='1",
    "%' OR 1=1 --",
    "_%_",
    "безопасность",  # Russian
    "安全 社区",  # Chinese
    "الأمان في الحي",  # Arabic
    "ασφάλεια",  # Greek
    "🏠🏠🏠 veiligheit",
    "\u202eveiligheit",
    "é" * 40,
]


def test_hostile_input_gets_an_answer(client, pages):
    for query in HOSTILE:
        result = suggestion(query)
        assert result is None or isinstance(result, str), query
        response = client.get("/zoeken/", {"q": query})
        assert response.status_code == 200, query
        assert '<h1 class="utrecht-heading-1">Zoeken</h1>' in response.content.decode()


def test_hostile_input_is_bounded(pages):
    assert suggestion("veiligheit\x00havenstat") == "veiligheid havenstad"
    assert suggestion("x" * 10_000) is None
    # A word longer than any in the vocabulary is left alone; the others still count.
    assert suggestion("a" * 41 + " veiligheit") == "a" * 41 + " veiligheid"
    assert suggestion('"veiligheit"') == "veiligheid"
    assert suggestion("безопасность") is None
