"""/volgend/, following and unfollowing, digest settings and the one-click unsubscribe."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.intents import safe_next
from articles.cards import cards_render
from articles.models import term_model_for_label
from follows import digests, selectors, services
from follows.models import FollowSettings
from pagecache.middleware import cache_key
from pagecache.versions import CONTENT
from personal.slots import personal_page
from personal.state import member_version


class DigestForm(forms.Form):
    digest = forms.ChoiceField(
        label="Hoe vaak wil je e-mail krijgen?",
        choices=FollowSettings.Digest.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe vaak je een e-mail wilt krijgen."},
    )


def _term(request, kind: str):
    model = term_model_for_label(kind)
    if model is None:
        raise Http404
    try:
        target = int(request.POST.get("target", ""))
    except ValueError:
        raise Http404 from None
    return get_object_or_404(model, pk=target)


def _answer(request, *, term, pressed: bool, message: str):
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"pressed": pressed, "message": message})
    messages.success(request, message)
    return HttpResponseRedirect(
        safe_next(request, request.POST.get("next"), fallback=term.get_absolute_url())
    )


@login_required
@require_POST
def follow_add(request, kind: str):
    term = _term(request, kind)
    services.follow_add(user=request.user, term=term)
    return _answer(
        request, term=term, pressed=True, message=f"Je volgt nu {term.kind_label} {term.name}."
    )


@login_required
@require_POST
def follow_remove(request, kind: str):
    term = _term(request, kind)
    services.follow_remove(user=request.user, term=term)
    return _answer(
        request,
        term=term,
        pressed=False,
        message=f"Je volgt {term.kind_label} {term.name} niet meer.",
    )


@login_required
@require_safe
def following(request):
    """What the member follows: their digest choice, the coming events and the newest items
    of each followed term. Rendered with its buttons and menu as personal slots and kept for them
    until their version (what they follow, their digest setting, what counts as new) or the
    content changes; the slots are filled on every request. With messages waiting it is rendered
    as it is."""
    follow_settings = selectors.follow_settings_for_user(user=request.user)
    if follow_settings is not None:
        services.follow_visit_record(follow_settings=follow_settings)
    new_since = follow_settings.new_since if follow_settings else None
    digest = follow_settings.digest if follow_settings else FollowSettings.Digest.WEEKLY
    if get_messages(request):
        return _following_response(request, new_since=new_since, digest=digest)
    return personal_page(
        request,
        cache_key(f"volgend:{request.user.pk}", request),
        lambda shared: _following_response(shared, new_since=new_since, digest=digest),
        versions=[member_version(request.user.pk), CONTENT],
    )


def _following_response(request, *, new_since, digest):
    follows = list(selectors.follows_for_user(user=request.user))
    followed = selectors.followed_from(follows)
    selectors.followed_remember(request, followed)
    overview = selectors.following_overview(
        follows=follows, followed=followed, now=timezone.now(), new_since=new_since
    )
    # The events' cards sit under a heading of level 2, the others under their term's (3).
    events = overview["events"]
    items = [item for group in overview["groups"] for b in group["blocks"] for item in b.items]
    for batch, level in ((events, 3), (items, 4)):
        cards = cards_render(request, [item.page for item in batch], level=level)
        for item, card in zip(batch, cards, strict=True):
            item.card = card
    changes = []
    if followed.page:
        latest = selectors.page_changes(user=request.user)[: selectors.PAGE_CHANGES]
        changes = selectors.change_items(latest, new_since=new_since)
    context = {
        "groups": overview["groups"],
        "events": overview["events"],
        "followed_pages": selectors.followed_pages(follows),
        "changes": changes,
        "followed": followed,
        "digest_form": DigestForm(initial={"digest": digest}),
        "digest": digest,
        "suggestions": None if follows else selectors.theme_suggestions(),
    }
    return render(request, "follows/following.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def digest_settings(request):
    """The digest choice on a page of its own: /volgend/ shows the same form near its top and
    posts here; a link to this address (from a digest, a bookmark) shows the form."""
    if request.method == "POST":
        form = DigestForm(request.POST)
        if form.is_valid():
            services.follow_settings_update(user=request.user, digest=form.cleaned_data["digest"])
            messages.success(request, "Je e-mailinstelling is opgeslagen.")
            return redirect(reverse("follows:following") + "#e-mail")
        status = 400
    else:
        follow_settings = selectors.follow_settings_for_user(user=request.user)
        digest = follow_settings.digest if follow_settings else FollowSettings.Digest.WEEKLY
        form = DigestForm(initial={"digest": digest})
        status = 200
    return render(request, "follows/digest_settings.html", {"digest_form": form}, status=status)


@csrf_exempt  # RFC 8058: mail clients post without a session; the signed token is the proof.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    link = digests.digest_token_read(token)
    if link.state == link.INVALID:
        return render(request, "follows/unsubscribe.html", {"invalid": True}, status=400)
    if link.state != link.VALID:
        return _unsubscribe_refused(request, link.state)
    if request.method == "POST":
        if not digests.digest_unsubscribe(link=link):
            return _unsubscribe_refused(request, link.OUTDATED)
        return render(request, "follows/unsubscribe.html", {"done": True})
    return render(request, "follows/unsubscribe.html", {"token": token})


def _unsubscribe_refused(request, state: str):
    """A genuine link that can no longer unsubscribe: it says why, and changes nothing."""
    max_age_days = digests.UNSUBSCRIBE_MAX_AGE.days
    context = {"refused": state, "max_age_days": max_age_days}
    return render(request, "follows/unsubscribe.html", context, status=410)


def _followable_page(request):
    page = selectors.followable_page(page_id=request.POST.get("target"))
    if page is None:
        raise Http404
    return page


def _page_answer(request, *, page, pressed: bool, message: str):
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"pressed": pressed, "message": message})
    messages.success(request, message)
    return HttpResponseRedirect(
        safe_next(request, request.POST.get("next"), fallback=page.get_url(request=request))
    )


@login_required
@require_POST
def follow_page_add(request):
    page = _followable_page(request)
    services.follow_page_add(user=request.user, page=page)
    return _page_answer(
        request, page=page, pressed=True, message=f"Je volgt nu de wijzigingen van “{page.title}”."
    )


@login_required
@require_POST
def follow_page_remove(request):
    page = _followable_page(request)
    services.follow_page_remove(user=request.user, page=page)
    return _page_answer(
        request,
        page=page,
        pressed=False,
        message=f"Je volgt de wijzigingen van “{page.title}” niet meer.",
    )
