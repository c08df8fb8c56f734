"""The editors' side of the admin: Dutch labels, no Gravatar, members kept out of the users list,
what readers save and follow (counts only, in a fixed number of queries), the choosers."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, Task, Workflow

pytestmark = pytest.mark.django_db


class VisibleText(HTMLParser):
    """The text a person sees or hears on a page: text outside scripts and styles and the
    labels in attributes."""

    LABELS = ("aria-label", "title", "placeholder", "alt")

    def __init__(self):
        super().__init__()
        self.parts = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skipping += 1
        self.parts.extend(value for name, value in attrs if name in self.LABELS and value)

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
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
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
