"""Shared lists (/leeslijst/gedeeld/): the lists a member is in, each list's page with its items
and notes, its members and invitations, the print view and downloads, accepting an invitation,
and "Bewaar in …" from a page.

A list is found through the member who asks (`shared_selectors.shared_list_membership`): for
anyone else it does not exist, so every address under it is a 404, a guessed id included. Every
change is a POST with CSRF that calls one service and redirects back with a message; a form with
an error is shown again with what was typed and the reason, status 400.
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST, require_safe

from accounts.intents import safe_next
from pagecache.memo import restrictions_passed
from pagecache.middleware import cache_key
from pagecache.versions import PAGE_VERSIONS
from personal.slots import personal_page, personal_page_kept
from readinglists import selectors, services, shared_selectors
from readinglists import shared_services as shared
from readinglists.models import TEAM_NOTE_MAX_LENGTH, Role
from readinglists.shared_forms import InviteForm, NoteForm, SharedListForm
from readinglists.views import csv_cell, download_response

#: The intent of a visitor who presses "Inloggen en lid worden" (accounts.intents).
INTENT_JOIN = "shared_list_join"


def _crumbs(shared_list=None, *, detail=False) -> list[dict]:
    """Home › Leeslijst › Gedeelde leeslijsten (› the list, on its other pages)."""
    crumbs = [
        {"title": "Home", "url": "/"},
        {"title": "Leeslijst", "url": reverse("readinglists:list")},
    ]
    if shared_list is not None:
        crumbs.append(
            {"title": "Gedeelde leeslijsten", "url": reverse("readinglists:shared_index")}
        )
        if detail:
            crumbs.append({"title": shared_list.name, "url": _list_url(shared_list)})
    return crumbs


def _membership_or_404(request, pk):
    membership = shared_selectors.shared_list_membership(user=request.user, pk=pk)
    if membership is None:
        raise Http404
    return membership


def _list_url(shared_list) -> str:
    return reverse("readinglists:shared_detail", args=[shared_list.pk])


def _refused(request, error, shared_list, *, url=None):
    """A refused change: the reason as a message, back to where the member was."""
    for message in getattr(error, "messages", None) or [str(error)]:
        messages.error(request, message)
    return redirect(url or _list_url(shared_list))


# The lists a member is in.


@login_required
@require_safe
def shared_index(request):
    return _index(request, SharedListForm())


def _index(request, form, status=200):
    return render(
        request,
        "readinglists/shared/index.html",
        {
            "memberships": shared_selectors.shared_lists_for_user(user=request.user),
            "form": form,
            "crumbs": _crumbs(),
        },
        status=status,
    )


@login_required
@require_POST
def shared_create(request):
    form = SharedListForm(request.POST)
    if form.is_valid():
        try:
            shared_list = shared.shared_list_create(
                user=request.user,
                name=form.cleaned_data["name"],
                purpose=form.cleaned_data["purpose"],
            )
        except ValidationError as error:
            _form_errors(form, error)
    if form.errors:
        return _index(request, form, status=400)
    messages.success(
        request,
        f"De lijst “{shared_list.name}” is gemaakt. Nodig je team uit bij Leden.",
    )
    return redirect(_list_url(shared_list))


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# One list.


def _rows_context(request, membership, rows):
    """Each row's address of its own page (with the forms) and which notes are the reader's."""
    url = reverse("readinglists:shared_item", args=[membership.shared_list_id, 0])
    for row in rows:
        row["item_url"] = url.replace("/0/", f"/{row['item'].pk}/")
        for entry in row["notes"]:
            entry["mine"] = entry["note"].author_id == request.user.pk
    return rows


def shared_detail_render(request, membership):
    """The list as its members read it: every item with its notes, in the team's order; the
    forms are on each item's own page, so 200 items stay a page of a few hundred kilobytes."""
    shared_list = membership.shared_list
    passed = restrictions_passed(request)

    def render_fresh(request):
        rows = shared_selectors.shared_list_rows(
            shared_list=shared_list, user=request.user, passed=passed, request=request
        )
        return render(
            request,
            "readinglists/shared/detail.html",
            {
                "shared_list": shared_list,
                "membership": membership,
                "can_edit": shared_selectors.can_edit(membership),
                "can_manage": shared_selectors.can_manage(membership),
                "rows": _rows_context(request, membership, rows),
                "members": shared_selectors.shared_list_members(shared_list=shared_list),
                "crumbs": _crumbs(shared_list),
            },
        )

    if get_messages(request):
        return render_fresh(request)
    key, versions = _detail_key(request, shared_list.pk)
    return personal_page(request, key, render_fresh, versions=versions)


def _detail_key(request, shared_list_id: int) -> tuple[str, list[str]]:
    """Where a member's copy of a list's page is kept: per member (and the password
    restrictions they passed), under the list's version, which every change to its items,
    notes, members, roles or name retires."""
    key = f"gedeeld:{shared_list_id}:{request.user.pk}"
    if passed := restrictions_passed(request):
        key += ":" + ",".join(str(pk) for pk in sorted(passed))
    versions = [shared.shared_list_version(shared_list_id), *PAGE_VERSIONS]
    return cache_key(key, request), versions


def shared_item_render(request, membership, item_pk, *, note_form=None, status=200):
    """One item's page: its notes, and for eigenaar and bewerker the forms to add a note, move
    it and take it off the list."""
    shared_list = membership.shared_list
    row, count = shared_selectors.shared_list_item_row(
        shared_list=shared_list,
        item_pk=item_pk,
        user=request.user,
        passed=restrictions_passed(request),
        request=request,
    )
    if row is None:
        raise Http404
    _rows_context(request, membership, [row])
    item = row["item"]
    note_form = note_form or NoteForm(prefix=f"notitie-{item.pk}")
    return render(
        request,
        "readinglists/shared/item.html",
        {
            "shared_list": shared_list,
            "membership": membership,
            "can_edit": shared_selectors.can_edit(membership),
            "can_manage": shared_selectors.can_manage(membership),
            "row": row,
            "item": item,
            "count": count,
            "note_form": note_form,
            "note_max_length": TEAM_NOTE_MAX_LENGTH,
            "crumbs": _crumbs(shared_list, detail=True),
        },
        status=status,
    )


@login_required
@require_safe
def shared_item(request, pk, item_pk):
    return shared_item_render(request, _membership_or_404(request, pk), item_pk)


@login_required
@require_safe
def shared_detail(request, pk):
    # A copy kept for this member was made while they were in the list, and removing them (or
    # changing their role) retires it: a copy still kept needs no membership query.
    if not get_messages(request):
        key, versions = _detail_key(request, pk)
        if (kept := personal_page_kept(request, key, versions=versions)) is not None:
            return kept
    return shared_detail_render(request, _membership_or_404(request, pk))


def _item_or_404(request, pk, item_pk):
    item = shared_selectors.shared_list_item(user=request.user, list_pk=pk, item_pk=item_pk)
    if item is None:
        raise Http404
    return item


def _item_name(request, item) -> str:
    title = selectors.reading_list_item_title(
        item, user=request.user, passed=restrictions_passed(request)
    )
    return f"“{title}”" if title else "Het item"


@login_required
@require_POST
def shared_item_move(request, pk, item_pk):
    item = _item_or_404(request, pk, item_pk)
    try:
        position = int(request.POST.get("positie", ""))
    except ValueError:
        messages.error(request, "Kies een plaats in de lijst.")
        return redirect(_list_url(item.shared_list))
    try:
        shared.shared_list_item_move(item=item, actor=request.user, position=position)
    except (shared.SharedListForbidden, ValidationError) as error:
        return _refused(request, error, item.shared_list)
    item.refresh_from_db(fields=["position"])
    messages.success(request, f"{_item_name(request, item)} staat nu op plaats {item.position}.")
    return redirect(f"{_list_url(item.shared_list)}#item-{item.pk}")


@login_required
@require_POST
def shared_item_remove(request, pk, item_pk):
    item = _item_or_404(request, pk, item_pk)
    name = _item_name(request, item)
    try:
        shared.shared_list_item_remove(item=item, actor=request.user)
    except shared.SharedListForbidden as error:
        return _refused(request, error, item.shared_list)
    messages.success(request, f"{name} is uit de lijst gehaald.")
    return redirect(_list_url(item.shared_list))


@login_required
@require_POST
def shared_item_note(request, pk, item_pk):
    item = _item_or_404(request, pk, item_pk)
    form = NoteForm(request.POST, prefix=f"notitie-{item.pk}")
    if form.is_valid():
        try:
            shared.shared_list_note_add(
                item=item, actor=request.user, text=form.cleaned_data["text"]
            )
        except shared.SharedListForbidden as error:
            return _refused(request, error, item.shared_list)
        except ValidationError as error:
            form.add_error("text", error)
    if form.errors:
        membership = _membership_or_404(request, pk)
        if not shared_selectors.can_edit(membership):
            return _refused(
                request,
                shared.SharedListForbidden("Je mag deze lijst alleen lezen."),
                item.shared_list,
            )
        return shared_item_render(request, membership, item.pk, note_form=form, status=400)
    messages.success(request, f"Je notitie bij {_item_name(request, item)} is geplaatst.")
    return redirect(f"{_list_url(item.shared_list)}#item-{item.pk}")


@login_required
@require_POST
def shared_note_remove(request, pk, note_pk):
    note = shared_selectors.shared_list_note(user=request.user, list_pk=pk, note_pk=note_pk)
    if note is None:
        raise Http404
    try:
        shared.shared_list_note_remove(note=note, actor=request.user)
    except shared.SharedListForbidden as error:
        return _refused(request, error, note.item.shared_list)
    messages.success(request, "De notitie is verwijderd.")
    return redirect(f"{_list_url(note.item.shared_list)}#item-{note.item_id}")


# Members, invitations and the list's own settings.


def _members_render(request, membership, *, invite_form=None, list_form=None, status=200):
    shared_list = membership.shared_list
    return render(
        request,
        "readinglists/shared/members.html",
        {
            "shared_list": shared_list,
            "membership": membership,
            "can_manage": shared_selectors.can_manage(membership),
            "members": shared_selectors.shared_list_members(shared_list=shared_list),
            "invitations": shared_selectors.shared_list_invitations_pending(shared_list=shared_list)
            if shared_selectors.can_manage(membership)
            else [],
            "roles": Role.choices,
            "crumbs": _crumbs(shared_list, detail=True),
            "invite_form": invite_form or InviteForm(),
            "list_form": list_form
            or SharedListForm(initial={"name": shared_list.name, "purpose": shared_list.purpose}),
        },
        status=status,
    )


def _members_url(shared_list) -> str:
    return reverse("readinglists:shared_members", args=[shared_list.pk])


@login_required
@require_safe
def shared_members(request, pk):
    return _members_render(request, _membership_or_404(request, pk))


@login_required
@require_POST
def shared_invite(request, pk):
    membership = _membership_or_404(request, pk)
    shared_list = membership.shared_list
    if not shared_selectors.can_manage(membership):
        return _refused(
            request,
            shared.SharedListForbidden("Alleen een eigenaar van de lijst mag mensen uitnodigen."),
            shared_list,
            url=_members_url(shared_list),
        )
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invitations = shared.shared_list_invite(
                shared_list=shared_list,
                actor=request.user,
                addresses=form.cleaned_data["addresses"],
                role=form.cleaned_data["role"],
            )
        except shared.SharedListForbidden as error:
            return _refused(request, error, shared_list, url=_members_url(shared_list))
        except ValidationError as error:
            form.add_error("addresses", error)
    if form.errors:
        return _members_render(request, membership, invite_form=form, status=400)
    count = len(invitations)
    if count == 1:
        messages.success(request, f"De uitnodiging aan {invitations[0].email} is verstuurd.")
    else:
        messages.success(request, f"{count} uitnodigingen zijn verstuurd.")
    return redirect(_members_url(shared_list))


@login_required
@require_POST
def shared_invitation_withdraw(request, pk, invitation_pk):
    membership = _membership_or_404(request, pk)
    shared_list = membership.shared_list
    invitation = shared_selectors.shared_list_invitation(shared_list=shared_list, pk=invitation_pk)
    if invitation is None:
        raise Http404
    try:
        shared.shared_list_invitation_withdraw(invitation=invitation, actor=request.user)
    except shared.SharedListForbidden as error:
        return _refused(request, error, shared_list, url=_members_url(shared_list))
    messages.success(request, f"De uitnodiging aan {invitation.email} is ingetrokken.")
    return redirect(_members_url(shared_list))


@login_required
@require_POST
def shared_member_role(request, pk, member_pk):
    membership = _membership_or_404(request, pk)
    shared_list = membership.shared_list
    member = shared_selectors.shared_list_member(shared_list=shared_list, pk=member_pk)
    if member is None:
        raise Http404
    role = request.POST.get("rol", "")
    try:
        member = shared.shared_list_member_role_set(
            shared_list=shared_list, actor=request.user, member=member, role=role
        )
    except (shared.SharedListForbidden, ValidationError) as error:
        return _refused(request, error, shared_list, url=_members_url(shared_list))
    name = shared_selectors.member_name(member.user)
    messages.success(request, f"{name} is nu {member.get_role_display().lower()}.")
    return redirect(_members_url(shared_list))


@login_required
@require_POST
def shared_member_remove(request, pk, member_pk):
    membership = _membership_or_404(request, pk)
    shared_list = membership.shared_list
    member = shared_selectors.shared_list_member(shared_list=shared_list, pk=member_pk)
    if member is None:
        raise Http404
    leaving = member.user_id == request.user.pk
    try:
        shared.shared_list_member_remove(shared_list=shared_list, actor=request.user, member=member)
    except (shared.SharedListForbidden, ValidationError) as error:
        return _refused(request, error, shared_list, url=_members_url(shared_list))
    if leaving:
        messages.success(request, f"Je bent geen lid meer van “{shared_list.name}”.")
        return redirect("readinglists:shared_index")
    name = shared_selectors.member_name(member.user)
    messages.success(request, f"{name} is geen lid meer van de lijst.")
    return redirect(_members_url(shared_list))


@login_required
@require_POST
def shared_update(request, pk):
    membership = _membership_or_404(request, pk)
    shared_list = membership.shared_list
    form = SharedListForm(request.POST)
    if form.is_valid():
        try:
            shared.shared_list_update(
                shared_list=shared_list,
                actor=request.user,
                name=form.cleaned_data["name"],
                purpose=form.cleaned_data["purpose"],
            )
        except shared.SharedListForbidden as error:
            return _refused(request, error, shared_list, url=_members_url(shared_list))
        except ValidationError as error:
            _form_errors(form, error)
    if form.errors:
        shared_list.refresh_from_db()
        return _members_render(request, membership, list_form=form, status=400)
    messages.success(request, "De naam en het doel van de lijst zijn opgeslagen.")
    return redirect(_members_url(shared_list))


@login_required
@require_POST
def shared_delete(request, pk):
    membership = _membership_or_404(request, pk)
    shared_list = membership.shared_list
    if request.POST.get("bevestig") != "ja":
        messages.error(
            request, "Vink aan dat je de lijst voor iedereen wilt verwijderen, en probeer opnieuw."
        )
        return redirect(_members_url(shared_list))
    try:
        shared.shared_list_delete(shared_list=shared_list, actor=request.user)
    except shared.SharedListForbidden as error:
        return _refused(request, error, shared_list, url=_members_url(shared_list))
    messages.success(request, f"De lijst “{shared_list.name}” is verwijderd.")
    return redirect("readinglists:shared_index")


# For the meeting: print view and downloads.


@login_required
@require_safe
def shared_print(request, pk):
    membership = _membership_or_404(request, pk)
    shared_list = membership.shared_list
    rows = shared_selectors.shared_list_rows(
        shared_list=shared_list,
        user=request.user,
        passed=restrictions_passed(request),
        request=request,
        summaries=True,
        absolute=True,
    )
    return render(
        request,
        "readinglists/shared/print.html",
        {
            "shared_list": shared_list,
            "rows": rows,
            "members": shared_selectors.shared_list_members(shared_list=shared_list),
            "printed_at": timezone.localtime(),
            "crumbs": _crumbs(shared_list, detail=True),
        },
    )


def _export_rows(request, shared_list):
    return shared_selectors.shared_list_rows(
        shared_list=shared_list,
        user=request.user,
        passed=restrictions_passed(request),
        request=request,
        summaries=True,
        absolute=True,
    )


def _download(shared_list, extension: str, content_type: str) -> HttpResponse:
    return download_response(slugify(shared_list.name)[:60] or "lijst", extension, content_type)


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def _notes_text(row) -> str:
    return "\n".join(
        f"{entry['author']} ({_moment(entry['note'].created_at)}): {entry['note'].text}"
        for entry in row["notes"]
    )


@login_required
@require_safe
def shared_export_csv(request, pk):
    """As the leeslijst's CSV: semicolons, UTF-8 with a byte order mark, formulas neutralised."""
    shared_list = _membership_or_404(request, pk).shared_list
    response = _download(shared_list, "csv", "text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            "Nr",
            "Titel",
            "Soort",
            "Thema's",
            "Adres",
            "Samenvatting",
            "Toegevoegd door",
            "Toegevoegd op",
            "Notities",
        ]
    )
    for row in _export_rows(request, shared_list):
        writer.writerow(
            [
                csv_cell(value)
                for value in (
                    row["number"],
                    row["title"],
                    row["type"],
                    ", ".join(row["themes"]),
                    row["url"],
                    row["summary"],
                    row["added_by"],
                    _moment(row["item"].added_at),
                    _notes_text(row),
                )
            ]
        )
    return response


def _markdown_text(value: str) -> str:
    """Text that Markdown shows as written: its markup characters escaped, on one line."""
    value = " ".join(str(value).split())
    for char in "\\`*_{}[]()<>#+-.!|":
        value = value.replace(char, "\\" + char)
    return value


@login_required
@require_safe
def shared_export_markdown(request, pk):
    shared_list = _membership_or_404(request, pk).shared_list
    response = _download(shared_list, "md", "text/markdown; charset=utf-8")
    lines = [f"# {_markdown_text(shared_list.name)}", ""]
    if shared_list.purpose:
        lines += [_markdown_text(shared_list.purpose), ""]
    lines += [f"Gedeelde leeslijst, afgedrukt op {timezone.localtime():%d-%m-%Y %H:%M}.", ""]
    for row in _export_rows(request, shared_list):
        title = _markdown_text(row["title"])
        heading = f"[{title}](<{row['url']}>)" if row["url"] else title
        lines += [f"## {row['number']}. {heading}", ""]
        details = [row["type"], ", ".join(row["themes"])]
        details = " · ".join(_markdown_text(d) for d in details if d)
        if details:
            lines += [f"*{details}*", ""]
        if row["summary"]:
            lines += [_markdown_text(row["summary"]), ""]
        lines += [
            f"Toegevoegd door {_markdown_text(row['added_by'])} op {_moment(row['item'].added_at)}.",
            "",
        ]
        for entry in row["notes"]:
            lines.append(
                f"- **{_markdown_text(entry['author'])}** ({_moment(entry['note'].created_at)}): "
                f"{_markdown_text(entry['note'].text)}"
            )
        if row["notes"]:
            lines.append("")
    response.write("\n".join(lines))
    return response


# Invitations, from the mail.


@require_safe
def shared_invitation(request, token):
    """The link in an invitation mail. A visitor sees what they are invited to and logs in or
    signs up (the intent keeps the invitation); a member with the invited address accepts with
    a button; anyone else is told why not. Nothing is changed by opening it."""
    invitation = shared.shared_list_invitation_for_token(token)
    user = request.user
    if (
        invitation is not None
        and user.is_authenticated
        and shared_selectors.shared_list_membership(user=user, pk=invitation.shared_list_id)
    ):
        messages.info(request, f"Je bent lid van “{invitation.shared_list.name}”.")
        return redirect(_list_url(invitation.shared_list))
    problem = shared.invitation_problem(invitation)
    status = 404 if invitation is None else 410 if problem else 200
    if not problem and user.is_authenticated and not shared.invitation_matches(invitation, user):
        problem, status = shared.INVITATION_OTHER_ADDRESS, 403
    return render(
        request,
        "readinglists/shared/invitation.html",
        {
            "invitation": None if problem else invitation,
            "problem": problem,
            "inviter": shared_selectors.member_name(invitation.invited_by) if invitation else "",
            "token": token,
            "intent": INTENT_JOIN,
        },
        status=status,
    )


@login_required
@require_POST
def shared_invitation_accept(request, token):
    try:
        member = shared.shared_list_invitation_accept(token=token, user=request.user)
    except shared.InvitationError as error:
        messages.error(request, error.messages[0])
        return redirect("readinglists:shared_invitation", token=token)
    messages.success(
        request,
        f"Welkom! Je bent nu {member.get_role_display().lower()} van “{member.shared_list.name}”.",
    )
    return redirect(_list_url(member.shared_list))


def shared_invitation_intent_clean(data) -> dict:
    token = str(data.get("token", ""))
    if not token or len(token) > 100:
        raise ValidationError("Ongeldige uitnodiging.")
    return {"token": token}


def shared_invitation_intent_accept(user, payload: dict) -> str:
    """After logging in or signing up: join, or leave the reason to the invitation page."""
    try:
        member = shared.shared_list_invitation_accept(token=payload.get("token", ""), user=user)
    except shared.InvitationError:
        return ""
    return (
        f"Welkom! Je bent nu {member.get_role_display().lower()} van “{member.shared_list.name}”."
    )


def shared_invitation_intent_notice(payload: dict):
    from accounts.intents import IntentNotice

    invitation = shared.shared_list_invitation_for_token(payload.get("token", ""))
    if invitation is None or shared.invitation_problem(invitation):
        return None
    name = invitation.shared_list.name
    return IntentNotice(
        action=f"lid te worden van de gedeelde leeslijst “{name}”",
        result=f"ben je lid van “{name}”",
    )


# "Bewaar in …": a page into the member's own leeslijst or a shared list.

PERSONAL = "persoonlijk"


@login_required
def shared_save(request, page_id):
    """Choose where to keep a page: the personal leeslijst or a shared list the member may add
    to. The same form with and without JavaScript."""
    passed = restrictions_passed(request)
    page = selectors.reading_list_page(page_id=page_id, user=request.user, passed=passed)
    if page is None:
        raise Http404
    next_url = safe_next(
        request, request.POST.get("next") or request.GET.get("next"), fallback=page.url or "/"
    )
    lists = shared_selectors.shared_lists_editable(user=request.user, page_id=page.pk)
    error = ""
    if request.method == "POST":
        choice = request.POST.get("lijst", "")
        if choice == PERSONAL:
            services.reading_list_add(user=request.user, page=page)
            messages.success(request, f"“{page.title}” staat nu in je leeslijst.")
            return redirect(next_url)
        target = next((entry["list"] for entry in lists if str(entry["list"].pk) == choice), None)
        if target is None:
            error = "Kies je eigen leeslijst of een gedeelde lijst waar je aan mag toevoegen."
        else:
            try:
                _, created = shared.shared_list_item_add(
                    shared_list=target, actor=request.user, page=page
                )
            except shared.SharedListForbidden as refused:
                error = str(refused)
            else:
                if created:
                    messages.success(request, f"“{page.title}” staat nu in “{target.name}”.")
                else:
                    messages.info(request, f"“{page.title}” stond al in “{target.name}”.")
                return redirect(next_url)
    elif request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    in_personal = page.pk in selectors.reading_list_page_ids_for_request(request)
    return render(
        request,
        "readinglists/shared/save.html",
        {
            "page": None,
            "target_page": page,
            "lists": lists,
            "in_personal": in_personal,
            "personal": PERSONAL,
            "next": next_url,
            "error": error,
            "chosen": request.POST.get("lijst", ""),
        },
        status=400 if error else 200,
    )
