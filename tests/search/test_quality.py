"""What readers find: Dutch word forms and compounds, synonyms, ranking, order, bounds, and what
keeps the search documents in step with the pages. Runs on PostgreSQL (CI) and SQLite (`make
run`; `test_sqlite.py` runs this module there too)."""

import datetime
import re

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from search import selectors
from search.models import SearchDocument
from search.textsearch import splits_compounds
from tests.factories import ArticlePageFactory, ThemeFactory, pages_bulk

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


def titles(client, **params) -> list[str]:
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'class="utrecht-heading-3 search-result__title"><a[^>]*>([^<]*)</a>', html)


def article(parent, title, intro="", **kwargs):
    return ArticlePageFactory(parent=parent, title=title, intro=intro, **kwargs)


def test_word_forms_find_each_other_both_ways(client, article_index):
    """Snowball's Dutch stemmer (SQLite) or the Dutch dictionary (PostgreSQL), on the pages and
    on the query alike."""
    article(article_index, "Wat bewoners zelf doen", "Over de inzet van buurten.")
    article(article_index, "Eén bewoner aan het woord", "Een buurt in beweging.")
    both = {"Wat bewoners zelf doen", "Eén bewoner aan het woord"}
    assert set(titles(client, q="bewoner")) == both
    assert set(titles(client, q="bewoners")) == both
    assert set(titles(client, q="buurten")) == both
    assert set(titles(client, q="buurt")) == both


def test_the_dutch_dictionary_is_installed():
    """CI and `make test` install it (deploy/postgres/dutch-dictionary.sh); without it search
    on PostgreSQL works but splits no compounds."""
    assert splits_compounds(connection) is POSTGRES, (
        "The Dutch Hunspell dictionary is missing: run deploy/postgres/dutch-dictionary.sh as "
        "root, then `manage.py rebuild_search_index`."
    )


def test_compound_words_find_their_parts(client, article_index):
    article(article_index, "Afspraken met de woningcorporatie")
    article(article_index, "Een nieuwe corporatie voor de wijk")
    article(article_index, "Participatie van bewoners in Oost")
    article(article_index, "Wat een krachtwijk was")
    article(article_index, "Niets hiervan")
    if POSTGRES:
        # A part finds the compound; the compound finds pages about its parts.
        assert set(titles(client, q="corporatie")) == {
            "Afspraken met de woningcorporatie",
            "Een nieuwe corporatie voor de wijk",
        }
        assert titles(client, q="bewonersparticipatie") == ["Participatie van bewoners in Oost"]
        assert titles(client, q="krachtwijken")[0] == "Wat een krachtwijk was"
    else:  # stems only: whole words
        assert titles(client, q="corporatie") == ["Een nieuwe corporatie voor de wijk"]
        assert titles(client, q="bewonersparticipatie") == []
        assert titles(client, q="krachtwijken") == ["Wat een krachtwijk was"]
    assert titles(client, q="woningcorporaties") == ["Afspraken met de woningcorporatie"]


def test_the_readers_own_word_ranks_above_its_parts(client, article_index):
    article(article_index, "Samen met de bewoners", "Hun participatie telt.")
    article(article_index, "Bewonersparticipatie in Zuid")
    found = titles(client, q="bewonersparticipatie")
    if POSTGRES:
        assert found == ["Bewonersparticipatie in Zuid", "Samen met de bewoners"]
    else:  # SQLite splits nothing
        assert found == ["Bewonersparticipatie in Zuid"]


def test_a_title_match_ranks_above_a_body_match(client, article_index):
    article(article_index, "Over iets anders", "Hier staat het woord schuldhulp pas in de intro.")
    article(article_index, "Schuldhulp dichtbij")
    assert titles(client, q="schuldhulp") == ["Schuldhulp dichtbij", "Over iets anders"]


def test_newest_first_on_request(client, article_index):
    for n, day in enumerate([3, 9, 1]):
        article(
            article_index,
            f"Sorteerproef {n}",
            publication_date=datetime.date(2025, 5, day),
        )
    assert titles(client, q="sorteerproef", sorteer="datum") == [
        "Sorteerproef 1",
        "Sorteerproef 0",
        "Sorteerproef 2",
    ]
    html = (client.get("/zoeken/", {"q": "sorteerproef", "sorteer": "datum"})).content.decode()
    assert 'aria-current="true"><strong>Nieuwste eerst</strong>' in html
    # An unknown order is the default, not an error.
    assert client.get("/zoeken/", {"q": "sorteerproef", "sorteer": "x' OR 1=1"}).status_code == 200


def test_a_common_word_ranks_a_bounded_set_and_filters_reach_every_match(
    client, article_index, monkeypatch
):
    monkeypatch.setattr(selectors, "TOP", 5)
    monkeypatch.setattr(selectors, "CANDIDATES", 8)
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    pages_bulk(ArticlePageFactory, article_index, 12, title="Veelwoord", index=True)
    # The oldest match is the only one under the theme: outside the newest five.
    oldest = pages_bulk(
        ArticlePageFactory,
        article_index,
        1,
        title="Veelwoord apart",
        index=True,
        at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        themes=[wonen],
    )[0]
    SearchDocument.objects.filter(page=oldest).update(date=datetime.date(2020, 1, 1))
    html = client.get("/zoeken/", {"q": "veelwoord"}).content.decode()
    assert "Meer dan 5 resultaten" in html
    assert len(re.findall("search-result__title", html)) == 5
    assert titles(client, q="veelwoord", thema="wonen") == ["Veelwoord apart 0"]


def test_restricted_and_withdrawn_pages_are_never_found(client, article_index):
    hidden = article(article_index, "Geheimwoord binnen")
    gone = article(article_index, "Geheimwoord weg")
    shown = article(article_index, "Geheimwoord open")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    gone.unpublish()
    assert titles(client, q="geheimwoord") == [shown.title]
    assert not SearchDocument.objects.filter(page=gone).exists()


def test_a_renamed_theme_is_found_by_its_new_name(client, article_index):
    theme = ThemeFactory(name="Oude naam", slug="oude-naam")
    article(article_index, "Een gewoon artikel", terms__themes=[theme])
    assert titles(client, q="hernoemdthema") == []
    theme.name = "Hernoemdthema"
    theme.save()
    assert titles(client, q="hernoemdthema") == ["Een gewoon artikel"]


@pytest.mark.parametrize(
    "query",
    [
        "-",
        "*",
        '"',
        "'",
        "!!!",
        "a & b | !c",
        "wijk:*",
        "<->",
        "\x00",
        "woning\x00corporatie",
        "ж" * 5000,
        "中文 搜索",
        "😀",
        "(((((",
        " ".join(["woningcorporatie"] * 500),
        "x" * 100_000,
    ],
)
def test_hostile_queries_get_a_page(client, article_index, query):
    article(article_index, "Een woningcorporatie in de wijk")
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="search-status"' in html or "Typ een zoekwoord" in html
