"""Reads: what a member follows, and the articles and events that come from it."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from wagtail.models import Page

from articles.memo import public
from articles.selectors import TOTAL, with_total
from follows.models import KINDS, Follow, FollowSettings

KIND_HEADINGS = {"theme": "Thema's", "organisation": "Organisaties", "author": "Auteurs"}


@dataclass(frozen=True)
class Followed:
    """The ids of the terms a member follows, by kind."""

    theme: frozenset = frozenset()
    organisation: frozenset = frozenset()
    author: frozenset = frozenset()

    def __bool__(self):
        return bool(self.theme or self.organisation or self.author)

    def __contains__(self, term) -> bool:
        return term.pk in getattr(self, term._meta.model_name, ())


@dataclass
class FeedItem:
    """An article or event in a member's feed, with the followed terms that brought it there."""

    page: Page
    kind: str
    reasons: list = field(default_factory=list)
    is_new: bool = False
    card: str = ""

    @property
    def reason_text(self) -> str:
        names = [f"{term.kind_label} {term.name}" for term in self.reasons]
        if len(names) > 1:
            names = [", ".join(names[:-1]), names[-1]]
        return "omdat je " + " en ".join(names) + " volgt"


def follows_for_user(*, user) -> QuerySet:
    return Follow.objects.filter(user=user).select_related("theme", "organisation", "author")


def follows_grouped(follows) -> list[dict]:
    """The member's follows as [{"kind", "heading", "terms"}], each group sorted by name."""
    groups = {kind: [] for kind in KINDS}
    for follow in follows:
        groups[follow.kind].append(follow.term)
    return [
        {"kind": kind, "heading": KIND_HEADINGS[kind], "terms": sorted(terms, key=lambda t: t.name)}
        for kind, terms in groups.items()
        if terms
    ]


def followed_from(follows) -> Followed:
    ids = {kind: set() for kind in KINDS}
    for follow in follows:
        ids[follow.kind].add(getattr(follow, f"{follow.kind}_id"))
    return Followed(**{kind: frozenset(values) for kind, values in ids.items()})


def followed_for_user(*, user) -> Followed:
    """What `user` follows, in one query; nothing (and no query) for a visitor."""
    if not user.is_authenticated:
        return Followed()
    rows = Follow.objects.filter(user=user).values_list("theme_id", "organisation_id", "author_id")
    ids = {kind: set() for kind in KINDS}
    for row in rows:
        for kind, value in zip(KINDS, row, strict=True):
            if value is not None:
                ids[kind].add(value)
    return Followed(**{kind: frozenset(values) for kind, values in ids.items()})


def followed_state(user) -> dict:
    """{kind: ids} of the terms `user` follows, for their cached state (articles.personal)."""
    followed = followed_for_user(user=user)
    return {kind: getattr(followed, kind) for kind in KINDS}


def followed_remember(request, followed: Followed) -> None:
    """Let the page's follow buttons use what the view read already."""
    request._followed = followed


def followed_for_request(request) -> Followed:
    """What the member follows, once per request, from their cached state."""
    from articles.personal import member_state

    if not hasattr(request, "_followed"):
        if request.user.is_authenticated:
            state = member_state(request)
            request._followed = Followed(**{kind: state.get(kind, frozenset()) for kind in KINDS})
        else:
            request._followed = Followed()
    return request._followed


def follow_settings_for_user(*, user) -> FollowSettings | None:
    return FollowSettings.objects.filter(user=user).first()


def _followed_pages_q(followed: Followed) -> Q:
    """Pages linked to a followed term: one semi-join per link table, read from its index.

    (One query joining all links and OR-ing them made PostgreSQL scan every article.)
    """
    from articles.models import ArticlePage, ArticlePageAuthor, EventPage

    links = [
        (ArticlePage.themes.through, "theme_id", followed.theme, "articlepage_id"),
        (
            ArticlePage.organisations.through,
            "organisation_id",
            followed.organisation,
            "articlepage_id",
        ),
        (ArticlePageAuthor, "author_id", followed.author, "page_id"),
        (EventPage.themes.through, "theme_id", followed.theme, "eventpage_id"),
        (EventPage.organisations.through, "organisation_id", followed.organisation, "eventpage_id"),
    ]
    condition = Q(pk__in=[])
    for model, term_field, ids, page_field in links:
        if ids:
            pages = model.objects.filter(**{f"{term_field}__in": ids}).values(page_field)
            condition |= Q(pk__in=pages)
    return condition


def feed_pages(*, followed: Followed, since=None, until=None) -> QuerySet:
    """(pk, content type) of the live, public articles and events of `followed`, newest first.

    "Newest" is when an item appeared on the site (`first_published_at`), so a backdated article
    published today is new today.
    """
    pages = public(Page.objects.live()).filter(_followed_pages_q(followed))
    if since is not None:
        pages = pages.filter(first_published_at__gt=since)
    if until is not None:
        pages = pages.filter(first_published_at__lte=until)
    return (
        with_total(pages)
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        .values_list("pk", "content_type__model", TOTAL, named=True)
    )


def feed_items(rows, *, followed: Followed, new_since=None) -> list[FeedItem]:
    """The cards for one page of `feed_pages` rows: one query per kind of page and one for all
    their terms, whatever the size."""
    from articles.models import ArticlePage, EventPage
    from articles.selectors import terms_attach

    ids = {"articlepage": [], "eventpage": []}
    for row in rows:
        ids[row.content_type__model].append(row.pk)
    articles = (
        list(ArticlePage.objects.filter(pk__in=ids["articlepage"])) if ids["articlepage"] else []
    )
    events = list(EventPage.objects.filter(pk__in=ids["eventpage"])) if ids["eventpage"] else []
    terms_attach(articles=articles, events=events)
    pages = {page.pk: page for page in [*articles, *events]}
    items = []
    for row in rows:
        page = pages.get(row.pk)
        if page is None:
            continue
        items.append(
            FeedItem(
                page=page,
                kind="article" if row.content_type__model == "articlepage" else "event",
                reasons=_reasons(page, followed),
                is_new=bool(
                    new_since and page.first_published_at and page.first_published_at > new_since
                ),
            )
        )
    return items


def _reasons(page, followed: Followed) -> list:
    terms = [t for t in page.themes.all() if t.pk in followed.theme]
    terms += [o for o in page.organisations.all() if o.pk in followed.organisation]
    if hasattr(page, "article_authors"):
        terms += [
            link.author for link in page.article_authors.all() if link.author_id in followed.author
        ]
    return terms


def theme_suggestions(*, limit: int = 6) -> QuerySet:
    """Themes with the most live articles: a start for a member who follows nothing yet."""
    from articles.models import Theme

    return Theme.objects.annotate(
        article_count=Count("articles", filter=Q(articles__live=True), distinct=True)
    ).order_by("-article_count", "name")[:limit]
