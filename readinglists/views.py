import csv
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from accounts.intents import safe_next
from articles.models import Theme
from articles.selectors import paginate
from pagecache.memo import restrictions_passed
from pagecache.middleware import cache_key
from pagecache.versions import CONTENT
from personal.slots import personal_page
from personal.state import member_version
from readinglists import selectors, services
from readinglists.forms import FilterForm, NoteForm
from readinglists.models import NOTE_MAX_LENGTH

PER_PAGE = 50
_ITEM_URLS = ("item_note", "item_read", "item_remove")
_PK = 987654321


def _wants_json(request) -> bool:
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _list_url(request) -> str:
    return safe_next(request, request.POST.get("next"), fallback=reverse("readinglists:list"))


def _item_or_404(request, pk):
    item = selectors.reading_list_item(user=request.user, pk=pk)
    if item is None:
        raise Http404
    return item


def _render_list(request, *, note_forms=None, next_url="", status=200):
    """The list, as rendered for this member before unless it or the content changed since; a
    list with a note that failed or with messages is always rendered anew. What the member may
    view depends on the password restrictions passed in this session: part of the key."""
    passed = restrictions_passed(request)
    if note_forms or get_messages(request):
        return _render_list_fresh(
            request, passed=passed, note_forms=note_forms, next_url=next_url, status=status
        )
    key = f"leeslijst:{request.user.pk}"
    if passed:
        key += ":" + ",".join(str(pk) for pk in sorted(passed))
    return personal_page(
        request,
        cache_key(key, request),
        lambda shared: _render_list_fresh(shared, passed=passed),
        versions=[member_version(request.user.pk), CONTENT],
    )


def _render_list_fresh(request, *, passed, note_forms=None, next_url="", status=200):
    themes = list(Theme.objects.order_by("name"))
    filters = FilterForm(request.GET or None, themes=themes)
    cleaned = {}
    if filters.is_bound:
        filters.is_valid()
        cleaned = filters.cleaned_data  # the valid fields: a made-up value drops only its own
    theme = next((t for t in themes if t.slug == cleaned.get("thema")), None)
    sort = cleaned.get("sorteer") or selectors.SORT_SAVED
    now = timezone.now()
    items = paginate(
        request,
        selectors.reading_list_items(
            user=request.user, status=cleaned.get("status", ""), theme=theme, sort=sort, now=now
        ),
        per_page=PER_PAGE,
    )
    rows = selectors.reading_list_rows(
        items.object_list, request=request, user=request.user, passed=passed, now=now
    )
    note_forms = note_forms or {}
    # Each row has three forms; their addresses come from one reverse each, not one per row.
    urls = {name: reverse(f"readinglists:{name}", args=[_PK]) for name in _ITEM_URLS}
    for row in rows:
        item = row["item"]
        for name, url in urls.items():
            row[name] = url.replace(str(_PK), str(item.pk))
        row["note_field"] = f"item-{item.pk}-note"
        row["note_value"] = item.note
        if form := note_forms.get(item.pk):
            # Shown again with what was typed, so nothing is lost.
            row["note_value"] = form["note"].value() or ""
            row["note_errors"] = form["note"].errors
    context = {
        "items": items,
        "rows": rows,
        "filters": filters,
        "filtered": bool(cleaned.get("status") or theme),
        "sort": sort,
        "sort_label": selectors.SORTS[sort],
        "next": next_url or request.get_full_path(),
        "note_failed": bool(note_forms),
        "note_max_length": NOTE_MAX_LENGTH,
    }
    return render(request, "readinglists/reading_list.html", context, status=status)


@login_required
@require_safe
def reading_list(request):
    return _render_list(request)


#: The CSV download's columns: the export's keys and the headers Dutch spreadsheets show.
CSV_COLUMNS = {
    "titel": "Titel",
    "soort": "Soort",
    "datum": "Datum",
    "themas": "Thema's",
    "adres": "Adres",
    "beschikbaar": "Beschikbaar",
    "bewaard_op": "Bewaard op",
    "gelezen_op": "Gelezen op",
    "notitie": "Notitie",
}


def download_response(name: str, extension: str, content_type: str) -> HttpResponse:
    """An attachment named `<name>-<today>.<extension>`, never stored by a cache."""
    response = HttpResponse(content_type=content_type)
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_safe
def export_csv(request):
    """The leeslijst as Dutch Excel and LibreOffice open it with a double click: semicolons
    (the Dutch list separator, as the decimal separator is a comma), UTF-8 with a byte order
    mark, and moments in Dutch time to the minute ("2026-11-28 14:05")."""
    response = download_response("leeslijst", "csv", "text/csv; charset=utf-8")
    response.write("\ufeff")
    rows = selectors.reading_list_export(user=request.user, passed=restrictions_passed(request))
    writer = csv.writer(response, delimiter=";")
    writer.writerow(CSV_COLUMNS.values())
    for row in rows:
        writer.writerow([csv_cell(_csv_value(column, row[column])) for column in CSV_COLUMNS])
    return response


@login_required
@require_safe
def export_json(request):
    """The same data as the CSV download, typed: moments in ISO 8601 with their offset."""
    response = download_response("leeslijst", "json", "application/json")
    rows = selectors.reading_list_export(user=request.user, passed=restrictions_passed(request))
    response.write(json.dumps({"leeslijst": rows}, ensure_ascii=False, indent=2))
    return response


def _csv_value(column: str, value) -> str:
    if column == "beschikbaar":
        return "ja" if value else "nee"
    if column == "themas":
        return ", ".join(value)
    if column in {"datum", "bewaard_op", "gelezen_op"} and value:
        # "2026-11-28T14:05:00+01:00" -> "2026-11-28 14:05": what a spreadsheet reads as a time.
        return value[:16].replace("T", " ")
    return value


def csv_cell(value) -> str:
    """Text as text: a leading = + - @ would make a spreadsheet run it as a formula."""
    value = "" if value is None else str(value)
    return f"'{value}" if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def _toggle_response(request, *, pressed: bool, message: str):
    if _wants_json(request):
        count = selectors.reading_list_count(user=request.user)
        return JsonResponse(
            {"pressed": pressed, "message": message, "counts": {"leeslijst-count": count}}
        )
    messages.success(request, message)
    return redirect(_list_url(request))


def _page_or_404(request):
    """The article or event posted as `target`; 404, as for a missing page, for one the member
    may not view."""
    page = selectors.reading_list_page(
        page_id=request.POST.get("target"),
        user=request.user,
        passed=restrictions_passed(request),
    )
    if page is None:
        raise Http404
    return page


def _item_name(request, item, *, hidden="Het item") -> str:
    """The item as messages name it: its title, unless its page is one the member may not view."""
    title = selectors.reading_list_item_title(
        item, user=request.user, passed=restrictions_passed(request)
    )
    return f"“{title}”" if title else hidden


@login_required
@require_POST
def add(request):
    page = _page_or_404(request)
    services.reading_list_add(user=request.user, page=page)
    return _toggle_response(
        request, pressed=True, message=f"“{page.title}” staat nu in je leeslijst."
    )


@login_required
@require_POST
def remove(request):
    page = _page_or_404(request)
    services.reading_list_remove(user=request.user, page=page)
    return _toggle_response(
        request, pressed=False, message=f"“{page.title}” is uit je leeslijst gehaald."
    )


@login_required
@require_POST
def item_read(request, pk):
    item = _item_or_404(request, pk)
    read = request.POST.get("read") == "ja"
    services.reading_list_item_mark_read(item=item, read=read)
    state = "gelezen" if read else "ongelezen"
    messages.success(request, f"{_item_name(request, item)} is gemarkeerd als {state}.")
    return redirect(_list_url(request))


@login_required
@require_POST
def item_note(request, pk):
    item = _item_or_404(request, pk)
    form = NoteForm(request.POST, prefix=f"item-{item.pk}")
    if form.is_valid():
        try:
            services.reading_list_item_note_set(item=item, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error("note", error)
    if form.errors:
        # Shown again with what was typed, so nothing is lost.
        return _render_list(
            request, note_forms={item.pk: form}, next_url=_list_url(request), status=400
        )
    name = _item_name(request, item, hidden="het item")
    messages.success(request, f"Je notitie bij {name} is opgeslagen.")
    return redirect(_list_url(request))


@login_required
@require_POST
def item_remove(request, pk):
    item = _item_or_404(request, pk)
    name = _item_name(request, item)
    services.reading_list_item_remove(item=item)
    messages.success(request, f"{name} is uit je leeslijst gehaald.")
    return redirect(_list_url(request))
