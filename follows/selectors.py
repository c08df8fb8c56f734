"""Reads: what a member follows, and the articles and events that come from it."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from wagtail.models import Page

from articles.models import TERM_KINDS
from articles.selectors import pages_from_rows, pages_of_terms, public_article_count
from follows.models import KINDS, Follow, FollowSettings


@dataclass(frozen=True)
class Followed:
    """The ids of the terms a member follows, by kind."""

    theme: frozenset = frozenset()
    organisation: frozenset = frozenset()
    author: frozenset = frozenset()

    def __bool__(self):
        return bool(self.theme or self.organisation or self.author)

    def __contains__(self, term) -> bool:
        return term.pk in getattr(self, term.kind(), ())

    def ids(self) -> dict[str, frozenset]:
        return {kind: getattr(self, kind) for kind in KINDS}


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
    return Follow.objects.filter(user=user).select_related(*KINDS)


def follows_grouped(follows) -> list[dict]:
    """The member's follows as [{"kind", "heading", "terms"}], each group sorted by name."""
    groups = {kind: [] for kind in KINDS}
    for follow in follows:
        groups[follow.kind].append(follow.term)
    return [
        {
            "kind": kind,
            "heading": TERM_KINDS[kind].heading(),
            "terms": sorted(terms, key=lambda t: t.name),
        }
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
    """{kind: ids} of the terms `user` follows, for their cached state (personal.state)."""
    return followed_for_user(user=user).ids()


def followed_remember(request, followed: Followed) -> None:
    """Let the page's follow buttons use what the view read already."""
    request._followed = followed


def followed_for_request(request) -> Followed:
    """What the member follows, once per request, from their cached state."""
    from personal.state import member_state

    if not hasattr(request, "_followed"):
        if request.user.is_authenticated:
            state = member_state(request)
            request._followed = Followed(**{kind: state.get(kind, frozenset()) for kind in KINDS})
        else:
            request._followed = Followed()
    return request._followed


def follow_settings_for_user(*, user) -> FollowSettings | None:
    return FollowSettings.objects.filter(user=user).first()


def feed_pages(*, followed: Followed, since=None, until=None) -> QuerySet:
    """(pk, content type, total) of the live, public articles and events of `followed`, by the
    moment they appeared on the site."""
    return pages_of_terms(terms=followed.ids(), since=since, until=until)


def feed_items(rows, *, followed: Followed, new_since=None) -> list[FeedItem]:
    """The cards for one page of `feed_pages` rows: one query per kind of page and one for all
    their terms, whatever the size."""
    return [
        FeedItem(
            page=page,
            kind=page.type_slug,
            reasons=_reasons(page, followed),
            is_new=bool(
                new_since and page.first_published_at and page.first_published_at > new_since
            ),
        )
        for page in pages_from_rows(rows)
    ]


def _reasons(page, followed: Followed) -> list:
    return [
        term
        for kind in KINDS
        for term in page.card_terms.get(kind, ())
        if term.pk in getattr(followed, kind)
    ]


def theme_suggestions(*, limit: int = 6) -> QuerySet:
    """Themes with the most live articles anybody may see: a start for a member who follows
    nothing yet."""
    from articles.models import Theme

    return Theme.objects.annotate(article_count=public_article_count("articles")).order_by(
        "-article_count", "name"
    )[:limit]
