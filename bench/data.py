"""Benchmark data and the page plan; run inside Django by bench/run.py."""

import json
import random
from importlib import import_module
from urllib.parse import quote_plus

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import (
    ArticlePage,
    Author,
    EventPage,
    Organisation,
    PracticeExamplePage,
    PublicationPage,
    Theme,
)
from follows.models import Follow
from pagecache.versions import content_changed, snippet_changed, structure_changed
from readinglists.models import ReadingListItem

MEMBERS = 1_000
READER = "lezer@bench.example"
FOLLOWER = "volger@bench.example"


@transaction.atomic
def load_members() -> None:
    """1,000 members with saves and follows; a reader with 500 items and a follower of 50 terms."""
    User = get_user_model()
    password = make_password("bench-wachtwoord-123")
    users = User.objects.bulk_create(
        [User(email=f"lid{n:04d}@bench.example", password=password) for n in range(MEMBERS - 2)]
        + [User(email=READER, password=password), User(email=FOLLOWER, password=password)]
    )
    rng = random.Random(7)
    pages = list(ArticlePage.objects.values_list("pk", "title")) + list(
        EventPage.objects.values_list("pk", "title")
    )
    themes = list(Theme.objects.values_list("pk", flat=True))
    organisations = list(Organisation.objects.values_list("pk", flat=True))
    authors = list(Author.objects.values_list("pk", flat=True))
    items, follows = [], []
    for user in users:
        saved = 500 if user.email == READER else 20
        for pk, title in rng.sample(pages, saved):
            items.append(ReadingListItem(user=user, page_id=pk, title=title[:255]))
        if user.email == FOLLOWER:
            chosen = [("theme", t) for t in themes[:20]] + [
                ("organisation", o) for o in organisations[:15]
            ]
            chosen += [("author", a) for a in authors[:15]]
        else:
            chosen = [("theme", t) for t in rng.sample(themes, 3)] + [
                ("author", a) for a in rng.sample(authors, 2)
            ]
        follows += [Follow(user=user, **{f"{kind}_id": pk}) for kind, pk in chosen]
    ReadingListItem.objects.bulk_create(items, batch_size=2000)
    Follow.objects.bulk_create(follows, batch_size=2000)


def _session_cookie(email: str) -> str:
    user = get_user_model().objects.get(email=email)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _article_paths(n: int) -> list[str]:
    return [page.url for page in ArticlePage.objects.live().order_by("-pk")[:n]]


def _search_paths(n: int) -> list[str]:
    """`n` different searches: the words of the article titles, each asked once in turn."""
    words = []
    for title in ArticlePage.objects.values_list("title", flat=True)[:3000]:
        for word in title.lower().replace(":", " ").replace("(", " ").split():
            if len(word) >= 5 and word.isalpha() and word not in words:
                words.append(word)
    words += [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return [f"/zoeken/?q={quote_plus(word)}" for word in words[:n]]


def _pages() -> list[dict]:
    article = ArticlePage.objects.live().order_by("-publication_date", "-pk").first()
    theme = Theme.objects.get(slug="wonen")
    publication = PublicationPage.objects.live().order_by("-publication_date", "-pk").first()
    example = PracticeExamplePage.objects.live().order_by("-publication_date", "-pk").first()
    reader, follower = _session_cookie(READER), _session_cookie(FOLLOWER)
    return [
        {"name": "bare view, site middleware", "kind": "bare", "path": "/bench/bare/"},
        {"name": "home (visitor)", "kind": "cached", "path": "/"},
        {"name": "article index (visitor)", "kind": "cached", "path": "/artikelen/"},
        {"name": "article (visitor)", "kind": "cached", "path": article.url},
        {"name": "theme page (visitor)", "kind": "cached", "path": theme.get_absolute_url()},
        {"name": "search (visitor)", "kind": "cached", "path": "/zoeken/?q=wijkaanpak"},
        {"name": "publication (visitor)", "kind": "cached", "path": publication.url},
        {"name": "praktijkvoorbeeld (visitor)", "kind": "cached", "path": example.url},
        {"name": "publications index (visitor)", "kind": "cached", "path": "/publicaties/"},
        {"name": "article (member)", "kind": "uncached", "path": article.url, "cookie": reader},
        {
            "name": "publication (member)",
            "kind": "uncached",
            "path": publication.url,
            "cookie": reader,
        },
        {
            "name": "praktijkvoorbeeld (member)",
            "kind": "uncached",
            "path": example.url,
            "cookie": reader,
        },
        {
            "name": "search (member)",
            "kind": "uncached",
            "path": "/zoeken/?q=wijkaanpak",
            "cookie": reader,
        },
        {
            "name": "theme page (member)",
            "kind": "uncached",
            "path": theme.get_absolute_url(),
            "cookie": reader,
        },
        {
            "name": "leeslijst (500 items)",
            "kind": "leeslijst",
            "path": "/leeslijst/",
            "cookie": reader,
        },
        {
            "name": "volgend (50 follows)",
            "kind": "personal",
            "path": "/volgend/",
            "cookie": follower,
        },
        # The long tail: every request a page nobody asked for since the last publish.
        {
            "name": "2,000 articles in turn (member)",
            "kind": "longtail",
            "paths": _article_paths(2000),
            "cookie": reader,
        },
        {
            "name": "500 searches in turn (visitor)",
            "kind": "longtail",
            "paths": _search_paths(500),
        },
    ]


def plan() -> None:
    print(json.dumps(_pages()))


def query_counts() -> None:
    """Queries per page, measured in-process: as served (a second request: a visitor's page from
    the page cache costs none), and as rendered after a publish (the cached pages retired, so a
    visitor's page is rendered too) and with nothing cached (cards retired as well)."""
    counts = {}
    for page in _pages():
        client = Client(HTTP_HOST="127.0.0.1")
        if page.get("cookie"):
            name, value = page["cookie"].split("=", 1)
            client.cookies[name] = value
        paths = page.get("paths") or [page["path"]] * 4
        client.get(paths[0])
        served = _count(client, paths[1])
        content_changed()
        if settings.CSRF_COOKIE_NAME not in client.cookies:
            client.cookies[settings.CSRF_COOKIE_NAME] = "bench"  # past the visitors' page cache
        published = _count(client, paths[2])
        snippet_changed()  # the cards as well
        cold = _count(client, paths[3])
        counts[page["name"]] = {"served": served, "published": published, "cold": cold}
    structure_changed()
    print(json.dumps(counts))


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)
