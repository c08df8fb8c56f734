"""E-mail digests: what is new in what a member follows, at most once per day or week.

Every run first plans one ledger row (`DigestDelivery`) per member and period; the unique
constraint on (member, period) means a second or concurrent run plans nothing new. Rows are then
claimed one at a time (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL, and a compare-and-set
on the status and claim time everywhere), sent, and marked. A mail that fails puts its row back
for the next run. A run killed while it held a row leaves it "sending": a run after
`CLAIM_TIMEOUT` takes it again, so no digest is lost; if the first run died after the mail went
out and before the row was marked, that member gets it twice (at most once more per crash). A
digest never lists what an earlier sent digest covered (`FollowSettings.digest_until`).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from articles.models import EventPage
from follows import selectors, services
from follows.models import DigestDelivery, Follow, FollowSettings

UNSUBSCRIBE_SALT = "follows.digest-unsubscribe"
#: How long an unsubscribe link works; every digest carries a fresh one.
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=90)
#: A digest lists at most this many items, and links to /volgend/ for the rest.
DIGEST_LIMIT = 30
#: A row "sending" for longer than this was left by a run that died: a later run sends it.
#: Far longer than a mail takes, so a run still busy is never overtaken.
CLAIM_TIMEOUT = datetime.timedelta(minutes=30)


@dataclass
class DigestRun:
    planned: int = 0
    sent: int = 0
    empty: int = 0


def digest_period(*, frequency: str, now) -> str:
    """The period `now` falls in, in the site's time zone: "dag-2026-05-04" or "week-2026-W19"."""
    day = timezone.localtime(now).date()
    if frequency == FollowSettings.Digest.DAILY:
        return f"dag-{day.isoformat()}"
    year, week, _ = day.isocalendar()
    return f"week-{year}-W{week:02d}"


@dataclass(frozen=True)
class UnsubscribeLink:
    """What an unsubscribe token says: whose subscription it ends, and whether it still can."""

    VALID = "valid"
    #: Older than `UNSUBSCRIBE_MAX_AGE`.
    EXPIRED = "expired"
    #: Sent for a subscription the member has ended and started again since.
    OUTDATED = "outdated"
    INVALID = "invalid"

    state: str
    user: object = None
    subscription: int = 0


def _subscription(user_id) -> int:
    found = FollowSettings.objects.filter(user_id=user_id).values_list("subscription", flat=True)
    return found.first() or 0


def digest_token(*, user, subscription: int | None = None) -> str:
    """The signed part of an unsubscribe link: the member and the subscription it ends (their
    current one unless given)."""
    if subscription is None:
        subscription = _subscription(user.pk)
    return signing.dumps([user.pk, subscription], salt=UNSUBSCRIBE_SALT)


def digest_token_read(token: str) -> UnsubscribeLink:
    try:
        value = signing.loads(
            token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE.total_seconds()
        )
    except signing.SignatureExpired:
        return UnsubscribeLink(UnsubscribeLink.EXPIRED)
    except signing.BadSignature:
        return UnsubscribeLink(UnsubscribeLink.INVALID)
    if isinstance(value, int):
        value = [value, 0]  # sent before links named a subscription: during the first one
    if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)):
        return UnsubscribeLink(UnsubscribeLink.INVALID)
    pk, subscription = value
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None:
        return UnsubscribeLink(UnsubscribeLink.INVALID)
    if subscription != _subscription(user.pk):
        return UnsubscribeLink(UnsubscribeLink.OUTDATED, user, subscription)
    return UnsubscribeLink(UnsubscribeLink.VALID, user, subscription)


def digest_unsubscribe(*, link: UnsubscribeLink) -> bool:
    """End the subscription `link` was sent for; False (and nothing changed) when the member
    has subscribed again since."""
    return services.follow_digest_stop(user=link.user, subscription=link.subscription)


def digests_plan(*, now) -> int:
    """One pending ledger row per member whose digest is due in the period of `now`.

    Returns how many members are due; rows that exist already are left as they are.
    """
    due = (
        FollowSettings.objects.exclude(digest=FollowSettings.Digest.NEVER)
        .filter(user__is_active=True)
        .filter(Exists(Follow.objects.filter(user=OuterRef("user"))))
    )
    rows = [
        DigestDelivery(
            user_id=follow_settings.user_id,
            period=digest_period(frequency=follow_settings.digest, now=now),
            since=follow_settings.digest_until or follow_settings.created_at,
            until=now,
        )
        for follow_settings in due.iterator()
    ]
    created = DigestDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    return len(created)


def digest_claim() -> DigestDelivery | None:
    """Take one pending row for this run, or one a dead run left "sending" for longer than
    `CLAIM_TIMEOUT`; another run never gets the same row at the same time."""
    while True:
        now = timezone.now()
        stuck = Q(status=DigestDelivery.Status.SENDING) & (
            Q(claimed_at__lt=now - CLAIM_TIMEOUT) | Q(claimed_at=None)
        )
        with transaction.atomic():
            delivery = (
                DigestDelivery.objects.select_for_update(skip_locked=True)
                .filter(Q(status=DigestDelivery.Status.PENDING) | stuck)
                .order_by("pk")
                .first()
            )
            if delivery is None:
                return None
            claimed = DigestDelivery.objects.filter(
                pk=delivery.pk, status=delivery.status, claimed_at=delivery.claimed_at
            ).update(status=DigestDelivery.Status.SENDING, claimed_at=now)
        if claimed:
            delivery.status, delivery.claimed_at = DigestDelivery.Status.SENDING, now
            return delivery


def digest_entry(item, *, base_url: str) -> dict:
    """What a digest says of one item: its type ("Publicatie"), title, summary and address, and
    for an event when and where it is."""
    page = item.page
    entry = {
        "item": item,
        "title": page.title,
        "type": page.type_label,
        "summary": " ".join((page.intro or page.search_description or "").split()),
        "url": base_url + page.get_url_parts()[2],
        "event": False,
    }
    if isinstance(page, EventPage):
        online = bool(page.online_url)
        place = page.location or ("Online" if online else "")
        if page.location and online:
            place += " en online"
        entry.update(event=True, start=page.start, end=page.end, place=place)
    return entry


def change_entry(change, *, base_url: str) -> dict:
    """What a digest says of a change in substance to a followed page: "Gewijzigd: <titel>",
    the day, the note and the address of the page's list of changes."""
    return {
        "title": change.page.title,
        "note": change.note,
        "published_at": change.published_at,
        "url": base_url + change.page.get_url_parts()[2] + "#wijzigingen",
        "reason_text": selectors.ChangeItem.reason_text,
    }


def digest_message(
    *,
    delivery: DigestDelivery,
    items: list,
    connection=None,
    subscription: int | None = None,
    changes: list = (),
    change_total: int = 0,
) -> EmailMultiAlternatives:
    """The digest of `items` (new in the terms followed) and `changes` (to the pages followed, of
    which there are `change_total`); `delivery.item_count` counts both."""
    user = delivery.user
    base_url = settings.BASE_URL
    token = digest_token(user=user, subscription=subscription)
    unsubscribe_url = base_url + reverse("follows:unsubscribe", kwargs={"token": token})
    context = {
        "items": [digest_entry(item, base_url=base_url) for item in items],
        "changes": [change_entry(change, base_url=base_url) for change in changes],
        "total": delivery.item_count - change_total,
        "change_total": change_total,
        "more": delivery.item_count - len(items) - len(changes),
        "following_url": base_url + reverse("follows:following"),
        "settings_url": base_url + reverse("follows:following") + "#e-mail",
        "unsubscribe_url": unsubscribe_url,
        "base_url": base_url,
    }
    subject = " ".join(render_to_string("follows/email/digest_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=render_to_string("follows/email/digest_message.txt", context).strip() + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string("follows/email/digest_message.html", {**context, "subject": subject}),
        "text/html",
    )
    return message


def digest_send(*, delivery: DigestDelivery, connection=None) -> bool:
    """Send one claimed digest; False (and no mail) when nothing is new for the member."""
    followed = selectors.followed_for_user(user=delivery.user)
    covered, subscription = (
        FollowSettings.objects.filter(user_id=delivery.user_id)
        .values_list("digest_until", "subscription")
        .first()
    ) or (None, 0)
    # What a digest sent since this row was planned listed already is not listed again.
    since = max(delivery.since, covered) if covered else delivery.since
    rows = selectors.feed_pages(followed=followed, since=since, until=delivery.until)
    changes = selectors.page_changes(user=delivery.user, since=since, until=delivery.until)
    change_total = changes.count() if followed.page else 0
    delivery.item_count = rows.count() + change_total
    if not delivery.item_count:
        DigestDelivery.objects.filter(pk=delivery.pk).update(
            status=DigestDelivery.Status.EMPTY, sent_at=timezone.now()
        )
        return False
    changes = list(changes[:DIGEST_LIMIT]) if change_total else []
    items = selectors.feed_items(list(rows[: DIGEST_LIMIT - len(changes)]), followed=followed)
    try:
        digest_message(
            delivery=delivery,
            items=items,
            connection=connection,
            subscription=subscription,
            changes=changes,
            change_total=change_total,
        ).send()
    except BaseException:
        # Not sent: the next run tries this member again.
        DigestDelivery.objects.filter(pk=delivery.pk).update(status=DigestDelivery.Status.PENDING)
        raise
    with transaction.atomic():
        DigestDelivery.objects.filter(pk=delivery.pk).update(
            status=DigestDelivery.Status.SENT,
            sent_at=timezone.now(),
            item_count=delivery.item_count,
        )
        FollowSettings.objects.filter(user_id=delivery.user_id).filter(
            Q(digest_until=None) | Q(digest_until__lt=delivery.until)
        ).update(digest_until=delivery.until)
    return True


def digests_send(*, now=None, connection=None) -> DigestRun:
    """Plan the digests due now and send every pending one; safe to run again or concurrently."""
    run = DigestRun(planned=digests_plan(now=now or timezone.now()))
    connection = connection or get_connection()
    while (delivery := digest_claim()) is not None:
        if digest_send(delivery=delivery, connection=connection):
            run.sent += 1
        else:
            run.empty += 1
    return run
