"""The article and event listings filter by theme, organisation, author and year."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    OrganisationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def titles(html: str) -> set[str]:
    return set(re.findall(r'class="card__title"><a[^>]*>([^<]*)</a>', html))


@pytest.fixture
def listed(article_index, event_index):
    theme = ThemeFactory(slug="filterthema")
    organisation = OrganisationFactory(slug="filterorganisatie")
    author = AuthorFactory(slug="filterauteur")
    ArticlePageFactory(
        parent=article_index,
        title="Filter A",
        publication_date=datetime.date(2019, 1, 1),
        terms__themes=[theme],
        terms__authors=[author],
    )
    ArticlePageFactory(
        parent=article_index,
        title="Filter B",
        publication_date=datetime.date(2018, 1, 1),
        terms__themes=[theme],
        terms__organisations=[organisation],
    )
    start = timezone.now() + datetime.timedelta(days=400)
    EventPageFactory(parent=event_index, title="Filter E", start=start, terms__themes=[theme])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("thema=filterthema", {"Filter A", "Filter B"}),
        ("organisatie=filterorganisatie", {"Filter B"}),
        ("auteur=filterauteur", {"Filter A"}),
        ("thema=filterthema&jaar=2018", {"Filter B"}),
        ("jaar=2018&jaar=2019&thema=filterthema", {"Filter A", "Filter B"}),
        ("auteur=filterauteur&organisatie=filterorganisatie", set()),
    ],
)
def test_articles_filter_and_combine(client, listed, params, expected):
    response = client.get(f"/artikelen/?{params}")
    assert response.status_code == 200
    assert titles(response.content.decode()) == expected


def test_article_filter_form_is_visible_and_checked(client, listed):
    html = client.get("/artikelen/?thema=filterthema").content.decode()
    assert '<legend class="filters__legend">Thema</legend>' in html
    assert '<legend class="filters__legend">Auteur</legend>' in html
    assert 'name="thema" value="filterthema" checked' in html
    assert "Filters toepassen" in html
    assert "Alle filters wissen" in html
    assert "2 artikelen met de gekozen filters." in html


def test_events_filter_and_keep_the_period(client, listed):
    html = client.get("/evenementen/?thema=filterthema").content.decode()
    assert titles(html) == {"Filter E"}
    assert '<legend class="filters__legend">Auteur</legend>' not in html
    past = client.get("/evenementen/?periode=afgelopen&thema=filterthema").content.decode()
    assert titles(past) == set()
    assert '<input type="hidden" name="periode" value="afgelopen">' in past
    assert "Er zijn geen evenementen met deze filters." in past


@pytest.mark.parametrize("path", ["/artikelen/", "/evenementen/"])
@pytest.mark.parametrize(
    "params",
    [
        "thema=bestaat-niet",
        "organisatie=%00",
        "auteur=" + "x" * 5000,
        "jaar=zzz",
        "jaar=1",
        "thema=%27%3B+DROP+TABLE+x%3B--",
        "thema=wonen&page=zzz",
    ],
)
def test_odd_filter_values_give_a_dutch_page(client, wonen, path, params):
    response = client.get(f"{path}?{params}")
    assert response.status_code == 200
    assert '<html lang="nl"' in response.content.decode()


def test_a_term_facet_lists_its_ten_most_frequent_values_and_every_chosen_one(
    client, article_index
):
    authors = [
        AuthorFactory(name=f"Schrijver {n:02d}", slug=f"schrijver-{n:02d}") for n in range(12)
    ]
    # Article n is by Schrijver 00 to 11 - n: Schrijver 00 wrote 12 articles, Schrijver 11 one.
    for n in range(12):
        ArticlePageFactory(parent=article_index, terms__authors=authors[: 12 - n])

    def author_options(html):
        group = html[html.index("Auteur") :]
        group = group[: group.index("</fieldset>")]
        return re.findall(r'name="auteur" value="([^"]+)"', group), group

    options, group = author_options(client.get("/artikelen/").content.decode())
    assert options == [f"schrijver-{n:02d}" for n in range(10)]
    assert "nog 2 andere" in group
    options, group = author_options(client.get("/artikelen/?auteur=schrijver-11").content.decode())
    assert options[-1] == "schrijver-11" and len(options) == 11
    assert "nog 1 andere" in group
