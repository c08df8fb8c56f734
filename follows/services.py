"""Writes: following and unfollowing, digest settings and the record of visits to /volgend/."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Case, F, PositiveIntegerField, When
from django.utils import timezone

from articles.models import FOLLOW_KINDS, ChangeNoted, Term
from follows.models import Follow, FollowSettings
from personal.state import member_state_changed

#: Requests to /volgend/ closer together than this are one visit: items stay marked as new.
VISIT_GAP = datetime.timedelta(minutes=30)
#: A follow that collides with a follow and an unfollow at the same moment tries again, this often.
FOLLOW_ATTEMPTS = 3


def term_kind(term) -> str:
    """ "theme", "organisation", "author" or "place": the foreign key on `Follow` that points to
    `term`."""
    if not isinstance(term, Term) or term.kind() not in FOLLOW_KINDS:
        raise TypeError(f"{type(term).__name__} cannot be followed")
    return term.kind()


def follow_settings_ensure(*, user) -> None:
    """The member's settings row, with the defaults, unless they have one (race-safe)."""
    FollowSettings.objects.bulk_create([FollowSettings(user=user)], ignore_conflicts=True)


def follow_add(*, user, term) -> Follow:
    """Follow `term`; following it again is not an error, and an unfollow at the same moment
    leaves it followed or not, never an error. Starts weekly digests by default."""
    return _follow_ensure(user=user, **{term_kind(term): term})


def _follow_ensure(*, user, **target) -> Follow:
    with transaction.atomic():
        follow_settings_ensure(user=user)
        for attempt in range(FOLLOW_ATTEMPTS):
            try:
                follow, _ = Follow.objects.get_or_create(user=user, **target)
                break
            except IntegrityError:
                # The insert met another request's follow, which a third removed before it was
                # read.
                if attempt == FOLLOW_ATTEMPTS - 1:
                    raise
    member_state_changed(user_id=user.pk)
    return follow


def follow_remove(*, user, term) -> None:
    """Stop following `term`; removing what is not followed is not an error."""
    Follow.objects.filter(user=user, **{term_kind(term): term}).delete()
    member_state_changed(user_id=user.pk)


def follow_settings_update(*, user, digest: str) -> FollowSettings:
    if digest not in FollowSettings.Digest.values:
        raise ValueError(f"unknown digest frequency {digest!r}")
    follow_settings_ensure(user=user)
    subscription = F("subscription")
    if digest != FollowSettings.Digest.NEVER:
        # Switched on again: links in earlier digests no longer unsubscribe.
        subscription = Case(
            When(digest=FollowSettings.Digest.NEVER, then=F("subscription") + 1),
            default=F("subscription"),
            output_field=PositiveIntegerField(),
        )
    FollowSettings.objects.filter(user=user).update(digest=digest, subscription=subscription)
    member_state_changed(user_id=user.pk)  # /volgend/ shows the setting
    return FollowSettings.objects.get(user=user)


def follow_digest_stop(*, user, subscription: int) -> bool:
    """No more digests, unless the member has subscribed again since `subscription` (an
    unsubscribe link from an earlier digest); False when nothing changed."""
    follow_settings_ensure(user=user)
    stopped = FollowSettings.objects.filter(user=user, subscription=subscription).update(
        digest=FollowSettings.Digest.NEVER
    )
    if stopped:
        member_state_changed(user_id=user.pk)  # /volgend/ shows the setting
    return bool(stopped)


def follow_visit_record(*, follow_settings: FollowSettings, now=None) -> None:
    """Remember a visit to /volgend/. After a break, what the member saw before is no longer new."""
    now = now or timezone.now()
    if follow_settings.visit_at is None or now - follow_settings.visit_at > VISIT_GAP:
        follow_settings.new_since = follow_settings.visit_at
        member_state_changed(user_id=follow_settings.user_id)  # other items are new now
    follow_settings.visit_at = now
    FollowSettings.objects.filter(pk=follow_settings.pk).update(
        visit_at=follow_settings.visit_at, new_since=follow_settings.new_since
    )


def _change_noted(page):
    if not isinstance(page, ChangeNoted):
        raise TypeError(f"the changes of {type(page).__name__} cannot be followed")
    return page


def follow_page_add(*, user, page) -> Follow:
    """Follow the changes in substance to `page` (an explainer, publication or dossier); as
    `follow_add`, idempotent and race-safe, and it starts weekly digests by default."""
    return _follow_ensure(user=user, page=_change_noted(page))


def follow_page_remove(*, user, page) -> None:
    """Stop following the changes to `page`; removing what is not followed is not an error."""
    Follow.objects.filter(user=user, page=_change_noted(page)).delete()
    member_state_changed(user_id=user.pk)
