"""The editors' side of the admin: Dutch labels, no Gravatar, members kept out of the users list,
what readers save and follow (counts only, in a fixed number of queries), the choosers."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, Task, Workflow

pytestmark = pytest.mark.django_db


class VisibleText(HTMLParser):
    """The text a person sees or hears on a page: text outside scripts and styles, the labels
    in attributes and the words on buttons."""

    LABELS = ("aria-label", "title", "placeholder", "alt")

    def __init__(self):
        super().__init__()
        self.parts = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skipping += 1
        self.parts.extend(value for name, value in attrs if name in self.LABELS and value)
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") in ("submit", "button"):
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


ENGLISH = [
    "Moderators",
    "approval",
    "approve",
    "Editors",
    "Dashboard",
    "dashboard",
    "Pages",
    "Documents",
    "Images",
    "Settings",
    "Users",
    "Groups",
    "Search",
    "Actions",
    "Edit",
    "Delete",
    "Root",
    "Bold",
    "Italic",
    "Help",
    "Editor Guide",
]


def english_words(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]


# Dutch --------------------------------------------------------------------------------------


def test_wagtails_default_workflow_groups_and_root_have_dutch_names():
    workflow = Workflow.objects.get()
    assert workflow.name == "Goedkeuring door moderatoren"
    assert [task.name for task in workflow.tasks] == ["Moderatoren keuren goed"]
    assert set(Task.objects.values_list("name", flat=True)) == {"Moderatoren keuren goed"}
    assert set(Group.objects.values_list("name", flat=True)) >= {"Moderatoren", "Redacteuren"}
    assert Page.get_first_root_node().title == "Alle sites"


def test_the_renamed_groups_keep_their_permissions():
    for name in ("Moderatoren", "Redacteuren"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
        assert group.page_permissions.filter(permission__codename="change_page").exists()
    assert Group.objects.get(name="Moderatoren").page_permissions.filter(
        permission__codename="publish_page"
    )
    assert Task.objects.get().specific.groups.get().name == "Moderatoren"


def test_the_migration_renames_only_the_english_defaults():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0005_dutch_admin_labels")
    Group.objects.create(name="Editors")  # an editor's own group of that name, made later
    Workflow.objects.create(name="Onze eigen workflow")
    migration.to_dutch(apps, None)
    assert Group.objects.filter(name="Editors").exists()  # "Redacteuren" exists already
    assert Workflow.objects.filter(name="Onze eigen workflow").exists()


@pytest.fixture
def new_editor(django_user_model):
    """A new editor as the admin makes one: in the group Redacteuren, no preferences set."""
    user = django_user_model.objects.create_user(
        email="nieuwe.redacteur@wijkportaal.example", password="een-lang-wachtwoord-123"
    )
    user.groups.add(Group.objects.get(name="Redacteuren"))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(email="moderator@wijkportaal.example")
    user.groups.add(Group.objects.get(name="Moderatoren"))
    return user


def test_a_new_editor_gets_the_admin_in_dutch(client, new_editor, article, explainer_index):
    client.force_login(new_editor)
    urls = [
        "/admin/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/add/articles/articlepage/{article.get_parent().pk}/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/images/",
        "/admin/account/",
        "/admin/choose-page/",
        f"/admin/choose-page/{article.get_parent().pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"] == "application/json":  # a chooser modal
            html = response.json()["html"]
        else:
            html = response.content.decode()
            assert '<html lang="nl"' in html, url
        assert english_words(visible_text(html)) == [], url


def test_the_admin_pages_an_administrator_opens_are_dutch(client, editor, moderator, article):
    workflow = Workflow.objects.get()
    article.save_revision(user=moderator)
    workflow.start(article, moderator)  # the dashboard shows it waiting for approval
    client.force_login(editor)
    urls = [
        "/admin/",
        "/admin/workflows/list/",
        f"/admin/workflows/edit/{workflow.pk}/",
        "/admin/workflows/tasks/index/",
        "/admin/groups/",
        "/admin/users/",
        "/admin/snippets/articles/theme/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
    ]
    texts = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = visible_text(response.content.decode())
        assert english_words(texts[url]) == [], url
    assert "Goedkeuring door moderatoren" in texts["/admin/workflows/list/"]
    assert "Moderatoren keuren goed" in texts["/admin/workflows/tasks/index/"]
    assert "Redacteuren" in texts["/admin/groups/"]
    assert "Samen wonen in de Rivierbuurt" in texts["/admin/"]  # waiting for approval
    assert "Goedkeuring door moderatoren" in texts["/admin/reports/workflow/"]


def test_the_word_check_can_fail():
    assert english_words(visible_text("<h1>Dashboard</h1><a title='Edit'>x</a>")) == [
        "Dashboard",
        "Edit",
    ]
    assert english_words(visible_text("<script>Dashboard</script><p>Pagina's</p>")) == []
    assert english_words(visible_text('<input type="submit" value="Search">')) == ["Search"]


# Avatars ------------------------------------------------------------------------------------


def test_admin_avatars_come_from_the_site_not_gravatar(client, editor):
    client.force_login(editor)
    for url in ("/admin/", "/admin/users/", "/admin/account/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
        assert 'class="avatar' in html, url


# Users --------------------------------------------------------------------------------------


@pytest.fixture
def accounts(django_user_model, new_editor, editor, member):
    """An editor through a group, a superuser, a member, a user with the admin permission of
    their own, and an inactive editor."""
    direct = django_user_model.objects.create_user(email="eigen.recht@wijkportaal.example")
    direct.user_permissions.add(Permission.objects.get(codename="access_admin"))
    gone = django_user_model.objects.create_user(
        email="oud.redacteur@wijkportaal.example", is_active=False
    )
    gone.groups.add(Group.objects.get(name="Moderatoren"))
    grouped_member = django_user_model.objects.create_user(email="buurtteam@example.org")
    grouped_member.groups.add(Group.objects.create(name="Buurtteam"))
    return {
        "editors": {new_editor.email, editor.email, direct.email, gone.email},
        "members": {member.email, grouped_member.email},
    }


def listed_emails(response) -> set[str]:
    return {user.email for user in response.context["object_list"]}


def test_the_users_list_shows_only_people_with_admin_access(client, editor, accounts):
    client.force_login(editor)
    response = client.get("/admin/users/")
    assert response.status_code == 200
    assert listed_emails(response) == accounts["editors"]
    assert "Soort account" in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("leden", ["members"]), ("iedereen", ["editors", "members"]), ("", ["editors"])],
)
def test_the_users_list_filter_shows_members_on_request(client, editor, accounts, kind, expected):
    client.force_login(editor)
    response = client.get("/admin/users/", {"kind": kind})
    assert listed_emails(response) == set().union(*(accounts[name] for name in expected))


def test_searching_users_keeps_the_members_out(client, editor, accounts):
    client.force_login(editor)
    response = client.get("/admin/users/results/", {"q": "example.org"})
    assert listed_emails(response) == set()
    response = client.get("/admin/users/results/", {"q": "example.org", "kind": "leden"})
    assert listed_emails(response) == accounts["members"]


def test_a_bad_filter_value_falls_back_to_the_editors(client, editor, accounts):
    client.force_login(editor)
    response = client.get("/admin/users/", {"kind": "<script>"})
    assert response.status_code == 200
    assert listed_emails(response) == accounts["editors"]


def test_editors_can_still_edit_a_member(client, editor, member):
    client.force_login(editor)
    assert client.get(f"/admin/users/edit/{member.pk}/").status_code == 200


# What readers save and follow ---------------------------------------------------------------


def save(page, *members, at=None):
    from django.utils import timezone

    from readinglists.models import ReadingListItem

    for member in members:
        ReadingListItem.objects.create(
            user=member, page=page, title=page.title, created_at=at or timezone.now()
        )


def follow(term, *members):
    from follows.models import Follow

    for member in members:
        Follow.objects.create(user=member, **{term.kind(): term})


@pytest.fixture
def members(django_user_model):
    from tests.conftest import make_member

    return [make_member(django_user_model, email=f"lid{n}@example.org") for n in range(4)]


@pytest.fixture
def reading(article_index, event_index, wonen, organisation, author, members):
    """Articles, an event, a publication and a practice example, saved and followed."""
    from tests.factories import (
        ArticlePageFactory,
        EventPageFactory,
        PracticeExamplePageFactory,
        PublicationPageFactory,
        ThemeFactory,
        ago,
    )

    home = article_index.get_parent()
    popular = ArticlePageFactory(
        parent=article_index,
        title="Veel bewaard",
        terms__themes=[wonen],
        terms__organisations=[organisation],
        terms__authors=[author],
    )
    save(popular, *members[:3])
    once = EventPageFactory(parent=event_index, title="Een keer bewaard", terms__themes=[wonen])
    save(once, members[0])
    old = ArticlePageFactory(parent=article_index, title="Lang geleden bewaard")
    save(old, *members, at=ago(days=40))
    from articles.models import PracticeExampleIndexPage, PublicationIndexPage

    publications = PublicationIndexPage.objects.first() or home.add_child(
        instance=PublicationIndexPage(title="Publicaties", slug="p")
    )
    examples = PracticeExampleIndexPage.objects.first() or home.add_child(
        instance=PracticeExampleIndexPage(title="Voorbeelden", slug="v")
    )
    publication = PublicationPageFactory(parent=publications, terms__themes=[wonen])
    save(publication, members[3])
    example = PracticeExamplePageFactory(parent=examples, terms__organisations=[organisation])
    save(example, members[1], members[2])
    ThemeFactory(name="Niemand")
    follow(wonen, *members[:2])
    follow(author, members[0])
    return {"popular": popular, "once": once, "old": old, "publication": publication}


def test_the_dashboard_shows_what_readers_saved_and_follow(client, editor, reading, members):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    panel = html[html.index('id="bewaard-en-gevolgd-section"') :]
    text = visible_text(panel)
    assert "Bewaard en gevolgd" in html
    assert "Meest bewaard in de laatste 30 dagen Pagina Keer bewaard Veel bewaard 3" in text
    assert text.index("Veel bewaard") < text.index("Een keer bewaard")
    assert "Lang geleden bewaard" not in text  # saved 40 days ago
    assert f'href="/admin/pages/{reading["popular"].pk}/edit/"' in panel
    assert "Meest gevolgd Onderwerp Soort Volgers Wonen Thema 2" in text
    assert "Auteur 1" in text
    for member in members:
        assert member.email not in html


def test_the_dashboard_says_when_nothing_is_saved_or_followed(client, editor):
    client.force_login(editor)
    text = visible_text(client.get("/admin/").content.decode())
    assert "Er is in de laatste 30 dagen niets bewaard." in text
    assert "Nog niemand volgt een onderwerp." in text


def listing_rows(response) -> dict:
    return {str(row): row for row in response.context["object_list"]}


def test_the_term_listings_count_followers_and_saves(
    client, editor, reading, wonen, organisation, author, members
):
    client.force_login(editor)
    themes = listing_rows(client.get("/admin/snippets/articles/theme/"))
    # Wonen: the popular article (3), the event (1) and the publication (1).
    assert (themes["Wonen"].followers, themes["Wonen"].saves) == (2, 5)
    assert (themes["Niemand"].followers, themes["Niemand"].saves) == (0, 0)
    organisations = listing_rows(client.get("/admin/snippets/articles/organisation/"))
    # The popular article (3) and the practice example it is a partner of (2).
    assert (organisations[organisation.name].followers, organisations[organisation.name].saves) == (
        0,
        5,
    )
    authors = listing_rows(client.get("/admin/snippets/articles/author/"))
    assert (authors[author.name].followers, authors[author.name].saves) == (1, 3)
    html = client.get("/admin/snippets/articles/theme/").content.decode()
    assert "Volgers" in html and "Bewaard" in html
    for member in members:
        assert member.email not in html


def test_term_listings_sort_and_search_with_the_counts(client, editor, reading):
    client.force_login(editor)
    response = client.get("/admin/snippets/articles/theme/", {"ordering": "-saves"})
    assert next(iter(listing_rows(response))) == "Wonen"
    response = client.get("/admin/snippets/articles/theme/", {"ordering": "followers"})
    assert next(iter(listing_rows(response))) != "Wonen"
    response = client.get("/admin/snippets/articles/theme/results/", {"q": "Wonen"})
    assert response.status_code == 200
    assert [row.saves for row in response.context["object_list"]] == [5]


def test_the_explorer_shows_per_page_how_often_it_was_saved(client, editor, reading, article_index):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{article_index.pk}/")
    pages = listing_rows(response)
    assert (pages["Veel bewaard"].reader_saves, pages["Lang geleden bewaard"].reader_saves) == (
        3,
        4,
    )
    text = visible_text(response.content.decode())
    assert "Bewaard: 3" in text and "Bewaard: 4" in text
    assert "3 keer bewaard door lezers; naar het overzicht" in text
    response = client.get(f"/admin/pages/{article_index.pk}/", {"q": "bewaard"})
    assert response.status_code == 200


def test_the_saved_pages_report_lists_content_most_saved_first(client, editor, reading):
    client.force_login(editor)
    response = client.get("/admin/bewaard-door-lezers/")
    assert response.status_code == 200
    rows = [(str(page), page.reader_saves) for page in response.context["object_list"]]
    assert rows[:2] == [("Lang geleden bewaard", 4), ("Veel bewaard", 3)]
    assert ("Een keer bewaard", 1) in rows
    assert "Artikelen" not in dict(rows)  # index pages are not saved
    for params in (
        {"ordering": "reader_saves"},
        {"q": "bewaard"},
        {"q": "x", "ordering": "-reader_saves"},
    ):
        assert client.get("/admin/bewaard-door-lezers/", params).status_code == 200


def test_members_and_visitors_do_not_get_the_counts(client, member):
    assert client.get("/admin/bewaard-door-lezers/").status_code == 302
    client.force_login(member)
    assert client.get("/admin/bewaard-door-lezers/").status_code in (302, 403)
    assert client.get("/admin/snippets/articles/theme/").status_code in (302, 403)


def reader_content(article_index, n, django_user_model):
    """`n` articles, each with its own theme, organisation and author, saved and followed; and
    `n` places, each in the one before."""
    from tests.conftest import make_member
    from tests.factories import (
        ArticlePageFactory,
        AuthorFactory,
        OrganisationFactory,
        PlaceFactory,
        ThemeFactory,
    )

    member = make_member(django_user_model, email=f"lezer{n}@example.org")
    place = None
    for _ in range(n):
        theme, organisation, author = ThemeFactory(), OrganisationFactory(), AuthorFactory()
        page = ArticlePageFactory(
            parent=article_index,
            terms__themes=[theme],
            terms__organisations=[organisation],
            terms__authors=[author],
        )
        save(page, member)
        for term in (theme, organisation, author):
            follow(term, member)
        place = PlaceFactory(level="gemeente" if place is None else "wijk", parent=place)


#: Queries per admin page, whatever the number of pages, terms and places on it.
QUERIES = {
    "/admin/": 19,
    "explorer": 25,
    "/admin/bewaard-door-lezers/": 18,
    "/admin/snippets/articles/theme/": 8,
    "/admin/snippets/articles/organisation/": 8,
    "/admin/snippets/articles/author/": 9,
    "/admin/snippets/articles/place/": 8,
    "/admin/snippets/choose/articles/theme/": 5,
    "/admin/snippets/choose/articles/author/": 5,
    "/admin/snippets/choose/articles/place/": 5,
}


@pytest.mark.parametrize("n", [2, 5])
@pytest.mark.parametrize("url", list(QUERIES))
def test_a_fixed_number_of_queries(
    client, editor, article_index, django_user_model, django_assert_num_queries, url, n
):
    reader_content(article_index, n, django_user_model)
    client.force_login(editor)
    path = f"/admin/pages/{article_index.pk}/" if url == "explorer" else url
    client.get(path)  # content types and the like, read once per process
    with django_assert_num_queries(QUERIES[url]):
        response = client.get(path)
    assert response.status_code == 200


def test_the_dashboard_panel_reads_two_queries(
    rf, editor, article_index, django_user_model, django_assert_num_queries
):
    from articles.dashboard import ReaderInterestPanel

    reader_content(article_index, 5, django_user_model)
    request = rf.get("/admin/")
    request.user = editor
    with django_assert_num_queries(2):
        context = ReaderInterestPanel().get_context_data({"request": request})
    assert len(context["saved_pages"]) == 5
    assert len(context["followed_terms"]) == 10  # the top 10 of 15 terms


# Choosers -----------------------------------------------------------------------------------


def chooser_results(client, model_name, query=""):
    response = client.get(f"/admin/snippets/choose/articles/{model_name}/results/", {"q": query})
    assert response.status_code == 200
    return response


def test_term_choosers_search_on_the_start_of_a_name(client, editor, wonen, organisation):
    from tests.factories import ThemeFactory

    ThemeFactory(name="Werk en inkomen")
    client.force_login(editor)
    assert [str(t) for t in chooser_results(client, "theme", "won").context["results"]] == ["Wonen"]
    assert len(chooser_results(client, "theme").context["results"]) == 2
    results = chooser_results(client, "organisation", organisation.name[:6]).context["results"]
    assert organisation in list(results)


def test_the_author_chooser_tells_authors_apart_by_role_and_organisation(
    client, editor, organisation
):
    from tests.factories import AuthorFactory

    AuthorFactory(name="Sam de Vries", role="Wijkregisseur", organisation=organisation)
    AuthorFactory(name="Sam de Vries", role="Onderzoeker")
    client.force_login(editor)
    text = visible_text(chooser_results(client, "author", "sam").content.decode())
    assert "Rol" in text and "Organisatie" in text
    assert "Wijkregisseur" in text and "Onderzoeker" in text
    assert organisation.name in text


def test_places_are_snippets_listed_and_chosen_with_level_and_parent(client, editor):
    from tests.factories import PlaceFactory

    havenstad = PlaceFactory(name="Havenstad", level="gemeente")
    oost = PlaceFactory(name="Oost", level="wijk", parent=havenstad)
    PlaceFactory(name="Rivierbuurt", level="buurt", parent=oost)
    client.force_login(editor)
    listing = visible_text(client.get("/admin/snippets/articles/place/").content.decode())
    assert "Niveau" in listing and "Ligt in" in listing
    assert "Rivierbuurt (Oost)" in listing and "Oost (Havenstad)" in listing
    response = chooser_results(client, "place", "rivier")
    assert [str(place) for place in response.context["results"]] == ["Rivierbuurt (Oost)"]
    text = visible_text(response.content.decode())
    assert "Niveau" in text and "Buurt" in text and "Oost (Havenstad)" in text
