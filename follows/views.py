"""/volgend/, following and unfollowing, digest settings and the one-click unsubscribe."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.intents import safe_next
from articles.cards import cards_render
from articles.models import term_model_for_label
from articles.selectors import paginate
from follows import digests, selectors, services
from follows.models import FollowSettings
from pagecache.middleware import cache_key
from pagecache.versions import CONTENT
from personal.slots import personal_page
from personal.state import member_version

FEED_PAGE_SIZE = 20


class DigestForm(forms.Form):
    digest = forms.ChoiceField(
        label="Hoe vaak wil je een e-mail met nieuwe items?",
        choices=FollowSettings.Digest.choices,
        widget=forms.RadioSelect,
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
    """The member's feed. Rendered with its buttons and menu as personal slots and kept for them
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
    page = paginate(request, selectors.feed_pages(followed=followed), per_page=FEED_PAGE_SIZE)
    page.object_list = selectors.feed_items(
        page.object_list, followed=followed, new_since=new_since
    )
    for item, card in zip(
        page.object_list,
        cards_render(request, [item.page for item in page.object_list]),
        strict=True,
    ):
        item.card = card
    context = {
        "groups": selectors.follows_grouped(follows),
        "followed": followed,
        "items": page,
        "digest_form": DigestForm(initial={"digest": digest}),
        "suggestions": None if follows else selectors.theme_suggestions(),
    }
    return render(request, "follows/following.html", context)


@login_required
@require_POST
def digest_settings(request):
    form = DigestForm(request.POST)
    if form.is_valid():
        services.follow_settings_update(user=request.user, digest=form.cleaned_data["digest"])
        messages.success(request, "Je e-mailinstelling is opgeslagen.")
    return redirect(reverse("follows:following") + "#e-mail")


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
