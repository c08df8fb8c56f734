"""Benchmark data and the page plan; run inside Django by bench/run.py."""

import json
import random
from importlib import import_module
from urllib.parse import quote_plus, urlencode

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
    Place,
    PracticeExamplePage,
    PublicationPage,
    Theme,
)
from follows.models import Follow
from pagecache.versions import content_changed, snippet_changed, structure_changed
from readinglists.models import (
    ReadingListItem,
    Role,
    SharedList,
    SharedListItem,
    SharedListMember,
    SharedListNote,
)

MEMBERS = 1_000
READER = "lezer@bench.example"
FOLLOWER = "volger@bench.example"
#: The reader's team list: 200 items, 20 members, a note on every other item.
TEAM_LIST = "Wijkteam Bench – overleg"
TEAM_ITEMS = 200
TEAM_MEMBERS = 20


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
    _team_list_load(users, pages, rng)


def _team_list_load(users, pages, rng) -> None:
    reader = next(user for user in users if user.email == READER)
    others = [user for user in users if user.email != READER]
    team = [reader, *others[: TEAM_MEMBERS - 1]]
    shared_list = SharedList.objects.create(name=TEAM_LIST, purpose="Voor de benchmark.")
    SharedListMember.objects.bulk_create(
        SharedListMember(
            shared_list=shared_list, user=user, role=Role.OWNER if n == 0 else Role.EDITOR
        )
        for n, user in enumerate(team)
    )
    items = SharedListItem.objects.bulk_create(
        SharedListItem(
            shared_list=shared_list,
            page_id=pk,
            title=title[:255],
            position=n,
            added_by=team[n % len(team)],
        )
        for n, (pk, title) in enumerate(rng.sample(pages, TEAM_ITEMS), start=1)
    )
    SharedListNote.objects.bulk_create(
        SharedListNote(item=item, author=team[n % len(team)], text=f"Bespreken bij punt {n}.")
        for n, item in enumerate(items)
        if n % 2 == 0
    )


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


def _search_words() -> list[str]:
    """Searches people could type: the words of the article titles, then pairs of them."""
    words = []
    for title in ArticlePage.objects.order_by("pk").values_list("title", flat=True)[:3000]:
        for word in title.lower().replace(":", " ").replace("(", " ").split():
            if len(word) >= 5 and word.isalpha() and word not in words:
                words.append(word)
    pairs = [f"{a} {b}" for a in words for b in words if a != b]
    random.Random(11).shuffle(pairs)
    return words + pairs


def _search_paths(n: int, *, skip: int = 0) -> list[str]:
    """`n` different searches (after the first `skip`), each asked once in turn."""
    return [f"/zoeken/?q={quote_plus(words)}" for words in _search_words()[skip : skip + n]]


#: Filter values people choose on /artikelen/, and how often each filter is on.
FILTER_CHANCES = {"thema": 0.6, "soort": 0.4, "jaar": 0.4, "organisatie": 0.3, "auteur": 0.2}


def _filter_paths(n: int, *, seed: int = 3) -> list[str]:
    """`n` different filter combinations of /artikelen/: one to five filters, now and then two
    values of one filter or the second page of results."""
    from articles.models.pages import ARTICLE_KINDS

    values = {
        "thema": list(Theme.objects.order_by("pk").values_list("slug", flat=True)),
        "organisatie": list(Organisation.objects.order_by("pk").values_list("slug", flat=True)),
        "auteur": list(Author.objects.order_by("pk").values_list("slug", flat=True)),
        "soort": [kind for kind, _ in ARTICLE_KINDS],
        "jaar": sorted({day.year for day in ArticlePage.objects.dates("publication_date", "year")}),
    }
    rng, seen, paths = random.Random(seed), set(), []
    while len(paths) < n:
        chosen = []
        for name, chance in FILTER_CHANCES.items():
            if rng.random() < chance:
                count = 2 if rng.random() < 0.15 else 1
                chosen += [(name, value) for value in rng.sample(values[name], count)]
        if not chosen:
            continue
        if rng.random() < 0.1:
            chosen.append(("page", 2))
        key = frozenset(chosen)
        if key not in seen:
            seen.add(key)
            paths.append("/artikelen/?" + urlencode(sorted(chosen)))
    return paths


def _place_rows(cookie: str) -> list[dict]:
    """A place page as the term pages are measured: the busiest gemeente (what lies in it
    included) for a visitor from the cache and for a member, and every place's page (and its
    second page) asked once, rendered afresh."""
    from articles import listing_index

    index = listing_index.content()
    places = list(Place.objects.order_by("pk"))
    busiest = max(places, key=lambda place: len(index.term_set("place", place.pk)))
    fresh = [place.get_absolute_url() for place in places]
    fresh = (fresh + [f"{path}?page=2" for path in fresh])[:500]
    return [
        {"name": "place page (visitor)", "kind": "cached", "path": busiest.get_absolute_url()},
        {
            "name": "place page (member)",
            "kind": "uncached",
            "path": busiest.get_absolute_url(),
            "cookie": cookie,
        },
        {
            "name": f"{len(fresh)} place pages (visitor, fresh)",
            "kind": "fresh",
            "paths": fresh,
            "warm": [f"{place.get_absolute_url()}?page=3" for place in places[:8]],
            "connections": 8,
            "once": True,
        },
    ]


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
        *_place_rows(reader),
        {
            "name": "leeslijst (500 items)",
            "kind": "leeslijst",
            "path": "/leeslijst/",
            "cookie": reader,
        },
        {
            "name": f"gedeelde leeslijst ({TEAM_ITEMS} items, {TEAM_MEMBERS} leden)",
            "kind": "leeslijst",
            "path": f"/leeslijst/gedeeld/{SharedList.objects.get(name=TEAM_LIST).pk}/",
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
        # Each of these pages asked once (`once`), so each is rendered afresh; the listing
        # index they read is built first (`warm`: other addresses, as after a publish).
        {
            "name": "500 filter combinations of /artikelen/ (visitor, fresh)",
            "kind": "fresh",
            "paths": _filter_paths(500),
            "warm": [
                f"/artikelen/?page=3&thema={slug}"
                for slug in Theme.objects.order_by("pk").values_list("slug", flat=True)[:8]
            ],
            "connections": 8,
            "once": True,
        },
        {
            "name": "500 searches (visitor, fresh)",
            "kind": "fresh",
            "paths": _search_paths(500),
            "warm": _search_paths(8, skip=1000),
            "connections": 8,
            "once": True,
        },
        {
            "name": "500 other searches (visitor, fresh)",
            "kind": "flood",
            "paths": _search_paths(500, skip=500),
            "warm": _search_paths(8, skip=1008),
            "once": True,
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


def index_builds() -> None:
    """How long building each listing index takes here (ms): what the first request for a
    listing pays in each process after a publish."""
    import time

    from articles import listing_index

    builds = {}
    for name, build in (
        ("articles", lambda: listing_index.dated(ArticlePage)),
        ("events", listing_index.events),
        ("all content", listing_index.content),
    ):
        listing_index.forget()
        started = time.perf_counter()
        build()
        builds[name] = (time.perf_counter() - started) * 1000
    print(json.dumps(builds))
