"""Reads: what a member follows, and the articles and events that come from it."""

from collections import namedtuple
from dataclasses import dataclass, field, fields

from django.db.models import CharField, F, Q, QuerySet, Value, Window
from django.db.models.functions import RowNumber
from wagtail.models import Page

from articles.models import (
    CONTENT_MODELS,
    FOLLOW_KINDS,
    PLACE_LINKS,
    ChangeNote,
    EventPage,
    term_links,
)
from articles.places import place_tree
from articles.selectors import pages_from_rows, pages_of_terms, public_article_count
from follows.models import KINDS, Follow, FollowSettings
from pagecache.memo import private_q, public, view_restrictions_of

#: How many of its newest items /volgend/ shows under each followed term.
TERM_ITEMS = 3
#: How many coming events /volgend/ lists.
UPCOMING_EVENTS = 12


@dataclass(frozen=True)
class Followed:
    """The ids of the terms a member follows, by kind, and of the pages whose changes they
    follow (`page`)."""

    theme: frozenset = frozenset()
    organisation: frozenset = frozenset()
    author: frozenset = frozenset()
    place: frozenset = frozenset()
    page: frozenset = frozenset()

    def __bool__(self):
        return bool(self.theme or self.organisation or self.author or self.place)

    def __contains__(self, term) -> bool:
        return term.pk in getattr(self, term.kind(), ())

    def ids(self) -> dict[str, frozenset]:
        """The ids of the terms followed, by the kind of link (`term_paths`) that leads to
        them: a followed place stands for itself and every place in it, however a page names
        it (`articles.places`)."""
        ids = {kind: getattr(self, kind) for kind in KINDS}
        if self.place:
            ids.update(dict.fromkeys(PLACE_LINKS, place_tree().within(self.place)))
        return ids

    def targets(self) -> dict[str, frozenset]:
        """The ids of everything followed, by the name of its foreign key on `Follow`."""
        return {target.name: getattr(self, target.name) for target in fields(self)}


#: The foreign keys of `Follow` that `Followed` keeps.
_FOLLOWED = tuple(target.name for target in fields(Followed))


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
    return Follow.objects.filter(user=user).select_related(*_FOLLOWED)


def follows_grouped(follows) -> list[dict]:
    """The member's follows as [{"kind", "heading", "terms"}], each group sorted by name."""
    groups = {kind: [] for kind in FOLLOW_KINDS}
    for follow in follows:
        if follow.kind in groups:
            groups[follow.kind].append(follow.term)
    return [
        {
            "kind": kind,
            "heading": FOLLOW_KINDS[kind].heading(),
            "terms": sorted(terms, key=lambda t: t.name),
        }
        for kind, terms in groups.items()
        if terms
    ]


def followed_from(follows) -> Followed:
    ids = {name: set() for name in _FOLLOWED}
    for follow in follows:
        if follow.kind in ids:
            ids[follow.kind].add(getattr(follow, f"{follow.kind}_id"))
    return Followed(**{name: frozenset(values) for name, values in ids.items()})


def followed_for_user(*, user) -> Followed:
    """What `user` follows, in one query; nothing (and no query) for a visitor."""
    if not user.is_authenticated:
        return Followed()
    rows = Follow.objects.filter(user=user).values_list(*(f"{name}_id" for name in _FOLLOWED))
    ids = {name: set() for name in _FOLLOWED}
    for row in rows:
        for name, value in zip(_FOLLOWED, row, strict=True):
            if value is not None:
                ids[name].add(value)
    return Followed(**{name: frozenset(values) for name, values in ids.items()})


def followed_state(user) -> dict:
    """{kind: ids} of what `user` follows: terms, places (not the places in them) and pages,
    for their cached state (personal.state)."""
    return followed_for_user(user=user).targets()


def followed_remember(request, followed: Followed) -> None:
    """Let the page's follow buttons use what the view read already."""
    request._followed = followed


def followed_for_request(request) -> Followed:
    """What the member follows, once per request, from their cached state."""
    from personal.state import member_state

    if not hasattr(request, "_followed"):
        if request.user.is_authenticated:
            state = member_state(request)
            request._followed = Followed(
                **{name: state.get(name, frozenset()) for name in _FOLLOWED}
            )
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
    reasons = [
        term
        for kind in KINDS
        for term in page.card_terms.get(kind, ())
        if term.pk in getattr(followed, kind)
    ]
    for kind in PLACE_LINKS if followed.place else ():
        for place in page.card_terms.get(kind, ()):
            for reason in place_tree().followed_ancestors(place.pk, followed.place):
                if reason not in reasons:
                    reasons.append(reason)
    return reasons


def _followed_keys(kind: str, term_id: int, followed: Followed) -> list[tuple]:
    """The followed (kind, id) a link to a term stands for: the term itself, or for a place the
    followed places it is or lies in."""
    if kind not in PLACE_LINKS:
        return [(kind, term_id)]
    return [
        ("place", place.pk) for place in place_tree().followed_ancestors(term_id, followed.place)
    ]


def theme_suggestions(*, limit: int = 6) -> QuerySet:
    """Themes with the most live articles anybody may see: a start for a member who follows
    nothing yet."""
    from articles.models import Theme

    return Theme.objects.annotate(article_count=public_article_count("articles")).order_by(
        "-article_count", "name"
    )[:limit]


@dataclass
class TermBlock:
    """One followed term on /volgend/: its newest items (events have their own block)."""

    term: object
    items: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """ "volgt-thema-wonen": the block's address on the page, for the jump list."""
        return f"volgt-{self.term.kind_label}-{self.term.slug}"


def upcoming_events(*, followed: Followed, now) -> QuerySet:
    """The live, public events of `followed` that have not ended, the first to start first."""
    condition = Q(pk__in=[])
    for link in term_links(EventPage):
        if ids := followed.ids().get(link.kind):
            linked = link.model.objects.filter(**{f"{link.term_field}_id__in": ids})
            condition |= Q(pk__in=linked.values(f"{link.page_field}_id"))
    return public(EventPage.objects.live()).filter(condition, end__gte=now).order_by("start", "pk")


_Row = namedtuple("_Row", ["pk", "content_type__model"])


def term_newest(*, followed: Followed, per_term: int = TERM_ITEMS) -> dict[tuple, list]:
    """{(kind, term id): rows for `pages_from_rows`, newest first} of the live, public items
    other than events that each followed term links, at most `per_term` each.

    One query, whatever the number of terms and items: every link table ranks its own pages per
    term (a window function, `ROW_NUMBER() ... <= per_term`), the tables' ranks are read as one
    union, and the few left per term are merged here.
    """
    ids = followed.ids()
    visible = public(Page.objects.live()).values("pk")
    parts = []
    for model in CONTENT_MODELS:
        if model is EventPage:
            continue
        for link in term_links(model):
            if not ids.get(link.kind):
                continue
            term_id, page_id = f"{link.term_field}_id", f"{link.page_field}_id"
            at = f"{link.page_field}__first_published_at"
            parts.append(
                link.model.objects.filter(
                    **{f"{term_id}__in": ids[link.kind], f"{page_id}__in": visible}
                )
                .order_by()
                .annotate(
                    rank=Window(
                        RowNumber(),
                        partition_by=[F(term_id)],
                        order_by=[F(at).desc(nulls_last=True), F(page_id).desc()],
                    ),
                    link_kind=Value(link.kind, output_field=CharField()),
                    page_model=Value(model._meta.model_name, output_field=CharField()),
                )
                .filter(rank__lte=per_term)
                .values_list("link_kind", term_id, page_id, "page_model", at)
            )
    if not parts:
        return {}
    found = {}
    for kind, term, page, model, at in parts[0].union(*parts[1:], all=True):
        for key in _followed_keys(kind, term, followed):
            found.setdefault(key, {})[page] = (at, page, model)
    newest = {}
    for key, rows in found.items():
        rows = sorted(
            rows.values(), key=lambda row: (row[0] is not None, row[0], row[1]), reverse=True
        )
        newest[key] = [_Row(page, model) for _, page, model in rows[:per_term]]
    return newest


def following_overview(*, follows, followed: Followed, now, new_since=None) -> dict:
    """What /volgend/ shows besides the settings: the coming events of what the member follows
    (`events`, FeedItems with their reasons) and a `TermBlock` per followed term, in the order
    of `follows_grouped` (`groups`, each with its `blocks`). A fixed number of queries: the
    events, the ranked links, one per type of page present, and the terms of all of them."""
    from articles.selectors import terms_attach

    events = list(upcoming_events(followed=followed, now=now)[:UPCOMING_EVENTS])
    newest = term_newest(followed=followed)
    rows = list({row.pk: row for rows in newest.values() for row in rows}.values())
    pages = {page.pk: page for page in pages_from_rows(rows, with_terms=False)}
    terms_attach([*events, *pages.values()])

    def item(page):
        return FeedItem(
            page=page,
            kind=page.type_slug,
            reasons=_reasons(page, followed),
            is_new=bool(
                new_since and page.first_published_at and page.first_published_at > new_since
            ),
        )

    groups = follows_grouped(follows)
    for group in groups:
        group["blocks"] = [
            TermBlock(
                term=term,
                items=[
                    item(pages[row.pk])
                    for row in newest.get((group["kind"], term.pk), [])
                    if row.pk in pages
                ],
            )
            for term in group["terms"]
        ]
    return {"events": [item(page) for page in events], "groups": groups}


# Pages whose changes in substance a member follows ----------------------------------------------

#: How many changes of the pages they follow /volgend/ lists, the newest first.
PAGE_CHANGES = 20


@dataclass
class ChangeItem:
    """A change in substance to a page the member follows: "Gewijzigd: <titel>" and its note."""

    change: ChangeNote
    is_new: bool = False
    reason_text = "omdat je de wijzigingen van deze pagina volgt"

    @property
    def page(self) -> Page:
        return self.change.page


def followable_page(*, page_id) -> Page | None:
    """The live page with `page_id` whose changes anybody may follow: an explainer, publication
    or dossier that is not under a view restriction (following never reveals such pages)."""
    from articles.models import ChangeNoted

    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    models = [model for model in CONTENT_MODELS if issubclass(model, ChangeNoted)]
    page = Page.objects.live().type(*models).filter(pk=page_id).specific().first()
    if page is None or view_restrictions_of(page):
        return None
    return page


def followed_pages(follows) -> list[Page]:
    """The live pages anybody may view among `follows` (read with them), by title; no query."""
    pages = [
        follow.page
        for follow in follows
        if follow.page_id is not None and follow.page.live and not view_restrictions_of(follow.page)
    ]
    return sorted(pages, key=lambda page: (page.title.casefold(), page.pk))


def page_changes(*, user, since=None, until=None) -> QuerySet:
    """The changes in substance, newest first and with their pages, to the live public pages
    `user` follows, that went live while they followed the page (and after `since`, up to and
    including `until`)."""
    changes = ChangeNote.objects.filter(
        page__change_follows__user=user,
        published_at__gte=F("page__change_follows__created_at"),
        page__live=True,
    )
    if private := private_q("page__"):
        changes = changes.exclude(private)
    if since is not None:
        changes = changes.filter(published_at__gt=since)
    if until is not None:
        changes = changes.filter(published_at__lte=until)
    return changes.select_related("page").order_by("-published_at", "-pk")


def change_items(changes, *, new_since=None) -> list[ChangeItem]:
    return [
        ChangeItem(change=change, is_new=bool(new_since and change.published_at > new_since))
        for change in changes
    ]
