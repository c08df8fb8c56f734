"""Shared fixtures. Every test database starts with the bare page tree (`page_tree_build`): the
home page with the explainer, article and event indexes. A test builds the rest of what it asserts
on with the factories in `tests/factories.py`; the demo content is for people, not for tests.

Tests that flush the database (`transaction=True`) must build what they need themselves
(`page_root`, `page_tree_build`). pytest-django runs them after the others, but a group of tests
that shares a server (SHARED_SERVERS) runs as one on a worker, before or among single tests: so
the first test that uses the database after a flush gets the database back as the session's
setup left it (`_base_restore`).
"""

import json

import pytest

from articles.models import (
    ArticleIndexPage,
    DossierIndexPage,
    EventIndexPage,
    ExplainerIndexPage,
    HomePage,
    PracticeExampleIndexPage,
    PublicationIndexPage,
)
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    OrganisationFactory,
    PlaceFactory,
    ThemeFactory,
    page_tree_build,
    wagtail_roots,
)

#: Tests that share servers started once per session (the browser tests) or per module: under
#: pytest-xdist each of these runs on one worker, which starts the servers once.
SHARED_SERVERS = (
    "tests/e2e/",
    "tests/test_processes.py",
    "tests/test_redis_outage.py",
    "tests/test_replica.py",
    "tests/test_varnish.py",
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` (pyproject.toml) with SHARED_SERVERS as the groups.

    xdist's own loadgroup tags a test's node id with its group, which pytest 9 no longer lets it
    do (pytest-dev/pytest-xdist#1386), so the groups are read from the paths here. Every other
    test is a group of its own and goes to whichever worker is free, in collection order, so
    each worker still runs the `transaction=True` tests after the others (they flush the
    database). The biggest groups are handed out first.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedServerScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return next((shared for shared in SHARED_SERVERS if path.startswith(shared)), nodeid)

    return SharedServerScheduling(config, log)


#: The test database as the session's setup left it (migrations' rows and the bare page tree),
#: serialized; and whether a test has flushed it since.
_BASE = {"content_types": "", "data": "", "flushed": False}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        page_tree_build()
        rows = json.loads(connection.creation.serialize_db_to_string())
    # The content types go in first: a post_save handler that meets a model whose type is not
    # back yet would make it anew under another id.
    is_type = [row["model"] == "contenttypes.contenttype" for row in rows]
    _BASE["content_types"] = json.dumps([row for row, t in zip(rows, is_type, strict=True) if t])
    _BASE["data"] = json.dumps([row for row, t in zip(rows, is_type, strict=True) if not t])


def _flushes(item) -> bool:
    """Whether `item` runs outside a transaction, so that pytest-django flushes after it."""
    from pytest_django.fixtures import validate_django_db

    marker = item.get_closest_marker("django_db")
    if marker is not None and validate_django_db(marker)[0]:
        return True
    fixtures = getattr(item, "fixturenames", ())
    return any(name in fixtures for name in ("transactional_db", "live_server", "page_root"))


def _base_restore(config) -> None:
    """Empty the database and load the serialized base, as Django's serialized rollback does
    (without post_migrate, which would make content types and permissions anew), then move
    each table's sequence past the loaded rows."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(_BASE["content_types"])
        connection.creation.deserialize_db_from_string(_BASE["data"])
        models = apps.get_models(include_auto_created=True)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if _BASE["flushed"] and _BASE["data"] and not _flushes(item):
        _base_restore(item.config)
        _BASE["flushed"] = False


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    if _flushes(item):
        _BASE["flushed"] = True


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a fresh cache per test keeps query counts exact."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def article_index(db):
    return ArticleIndexPage.objects.get()


@pytest.fixture
def event_index(db):
    return EventIndexPage.objects.get()


@pytest.fixture
def explainer_index(db):
    return ExplainerIndexPage.objects.get()


@pytest.fixture
def publication_index(db):
    return PublicationIndexPage.objects.get()


@pytest.fixture
def example_index(db):
    return PracticeExampleIndexPage.objects.get()


@pytest.fixture
def dossier_index(db):
    return DossierIndexPage.objects.get()


@pytest.fixture
def wonen(db):
    """The theme at /themas/wonen/."""
    return ThemeFactory(name="Wonen", slug="wonen", description="Betaalbaar en prettig wonen.")


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def author(organisation):
    return AuthorFactory(organisation=organisation)


@pytest.fixture
def article(article_index, wonen, organisation, author):
    """A live article about Wonen, with an author and an organisation."""
    return ArticlePageFactory(
        parent=article_index,
        title="Samen wonen in de Rivierbuurt",
        slug="samen-wonen-in-de-rivierbuurt",
        terms__themes=[wonen],
        terms__organisations=[organisation],
        terms__authors=[author],
    )


@pytest.fixture
def event(event_index, wonen):
    """A live event about Wonen, next week."""
    return EventPageFactory(
        parent=event_index,
        title="Buurtavond wonen",
        slug="buurtavond-wonen",
        terms__themes=[wonen],
    )


MEMBER_PASSWORD = "een-lang-wachtwoord-voor-tests"


def make_member(django_user_model, email="lid@example.org"):
    """A member whose e-mail address is confirmed, so they can log in."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email=email, password=MEMBER_PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def member(db, django_user_model):
    return make_member(django_user_model)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        email="redactie@wijkportaal.example", password="een-lang-wachtwoord-123"
    )


@pytest.fixture
def page_root(transactional_db):
    """The root of the page tree in a `transaction=True` test.

    An earlier such test may have flushed the database, taking the rows Wagtail's migrations made
    (the default locale, the root page, the root collection) with it: put back what is missing.
    """
    return wagtail_roots()


@pytest.fixture(autouse=True)
def _search_counts_fresh():
    """Each test starts with no search counts waiting in this process: counts left by an earlier
    test would otherwise be stored (a query) in whichever later request found them due, and put
    a query into another test's exact count."""
    from search import terms

    with terms._pending.lock:
        terms._pending.counts.clear()
        terms._pending.since = None


@pytest.fixture
def places(db):
    """Rotterdam with the focusgebied Rotterdam-Zuid, its wijk Feijenoord and the buurt Bloemhof,
    and Charlois (a wijk of its own); Schiedam with Nieuwland; Den Haag on its own."""
    rotterdam = PlaceFactory(name="Rotterdam", slug="rotterdam", description="Havenstad.")
    zuid = PlaceFactory(
        name="Rotterdam-Zuid",
        slug="rotterdam-zuid",
        level="focusgebied",
        parent=rotterdam,
        description="Focusgebied op de zuidoever.",
    )
    feijenoord = PlaceFactory(name="Feijenoord", slug="feijenoord", level="wijk", parent=zuid)
    bloemhof = PlaceFactory(name="Bloemhof", slug="bloemhof", level="buurt", parent=feijenoord)
    charlois = PlaceFactory(name="Charlois", slug="charlois", level="wijk", parent=zuid)
    schiedam = PlaceFactory(name="Schiedam", slug="schiedam")
    nieuwland = PlaceFactory(
        name="Nieuwland", slug="schiedam-nieuwland", level="focusgebied", parent=schiedam
    )
    den_haag = PlaceFactory(name="Den Haag", slug="den-haag")
    return {
        place.slug: place
        for place in (
            rotterdam,
            zuid,
            feijenoord,
            bloemhof,
            charlois,
            schiedam,
            nieuwland,
            den_haag,
        )
    }
