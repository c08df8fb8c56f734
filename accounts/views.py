import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts.exports import user_export
from accounts.forms import AccountDeleteForm, ProfileForm
from accounts.services import user_delete, user_profile_update


@login_required
@require_http_methods(["GET", "POST"])
def overview(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user_profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, "Je gegevens zijn opgeslagen.")
        return redirect("accounts:overview")
    return render(request, "accounts/overview.html", {"form": form})


@login_required
@require_GET
def export(request):
    data = json.dumps(user_export(user=request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    filename = f"wijkportaal-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    data = request.POST if request.method == "POST" else None
    form = AccountDeleteForm(data, user=request.user)
    if request.method == "POST" and form.is_valid():
        user_delete(user=request.user)
        logout(request)
        messages.success(request, "Je account en al je gegevens zijn verwijderd.")
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
