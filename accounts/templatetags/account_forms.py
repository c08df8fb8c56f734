"""Django form fields as NL Design System (Utrecht) form components.

`templates/components/form_field.html` renders one field with these filters: the label, the
description (help text, id `<id>_helptext`), the error message (id `<id>_error`) and the input,
which names both in `aria-describedby` and carries `aria-invalid` while the field has errors.
A field's width follows what it holds (an e-mail address or a password about 30 characters);
a widget that sets one of the `form-input--…` classes itself keeps it. Placeholders are never
rendered: the label and the description say what to fill in.
"""

import copy

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

#: The width classes of static/css/site.css ("Forms"): an input as wide as about this many
#: characters.
WIDTHS = (5, 10, 20, 30, 40)
WIDTH_PREFIX = "form-input--"
#: autocomplete for inputs that do not say: only what is certain from the type.
AUTOCOMPLETE = {"email": "email", "tel": "tel", "url": "url"}


def described_by(field) -> str:
    """The ids of the field's description and error message, as `aria-describedby` lists them."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


def _width(widget) -> str:
    input_type = getattr(widget, "input_type", "")
    if input_type in ("email", "password", "url"):
        return f"{WIDTH_PREFIX}30ch"
    if input_type in ("number", "date", "time"):
        return f"{WIDTH_PREFIX}10ch"
    if input_type == "datetime-local":
        return f"{WIDTH_PREFIX}20ch"
    try:
        max_length = int(widget.attrs.get("maxlength") or 0)
    except (TypeError, ValueError):
        max_length = 0
    if max_length:
        fitting = next((width for width in WIDTHS if max_length <= width), WIDTHS[-1])
        return f"{WIDTH_PREFIX}{fitting}ch"
    return f"{WIDTH_PREFIX}30ch"


def _kind(widget) -> tuple[str, str]:
    """The Utrecht component and its HTML modifier for a widget."""
    if isinstance(widget, forms.CheckboxInput):
        return "utrecht-checkbox", "html-input"
    if isinstance(widget, forms.Select):
        return "utrecht-select", "html-select"
    if isinstance(widget, forms.Textarea):
        return "utrecht-textarea", "html-textarea"
    return "utrecht-textbox", "html-input"


@register.filter
def form_input(field):
    """The field's widget with the design system's classes, its description and errors tied
    to it, its width, and no placeholder."""
    widget = copy.copy(field.field.widget)
    widget.attrs = {key: value for key, value in widget.attrs.items() if key != "placeholder"}
    own_classes = widget.attrs.pop("class", "").split()
    block, modifier = _kind(widget)
    classes = [block, f"{block}--{modifier}"]
    if field.errors:
        classes.append(f"{block}--invalid")
    if block == "utrecht-textbox" and not any(c.startswith(WIDTH_PREFIX) for c in own_classes):
        classes.append(_width(widget))
    attrs = {"class": " ".join([*classes, *own_classes])}
    if ids := described_by(field):
        attrs["aria-describedby"] = ids
    if field.errors:
        attrs["aria-invalid"] = "true"
    input_type = getattr(widget, "input_type", "")
    if input_type in AUTOCOMPLETE and "autocomplete" not in widget.attrs:
        attrs["autocomplete"] = AUTOCOMPLETE[input_type]
    return field.as_widget(widget=widget, attrs=attrs)


@register.filter
def form_option_input(option, field):
    """One radio button or checkbox of a choice field (`field.subwidgets`), as a Utrecht input."""
    data = option.data
    input_type = data.get("type", "radio")
    block = "utrecht-radio-button" if input_type == "radio" else "utrecht-checkbox"
    classes = f"{block} {block}--html-input" + (f" {block}--invalid" if field.errors else "")
    return format_html(
        '<input class="{}" type="{}" name="{}" value="{}" id="{}"{}{}{}>',
        classes,
        input_type,
        data["name"],
        "" if data["value"] is None else data["value"],
        option.id_for_label,
        " checked" if data.get("selected") else "",
        " required" if data["attrs"].get("required") else "",
        format_html(' aria-invalid="true"') if field.errors else "",
    )


@register.filter
def field_kind(field) -> str:
    """How components/form_field.html lays a field out: "checkbox", "choices" (radio buttons or
    checkboxes in a fieldset), "hidden" or "text"."""
    widget = field.field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect):  # CheckboxSelectMultiple included
        return "choices"
    return "text"


@register.filter
def field_described_by(field) -> str:
    return described_by(field)


@register.filter
def is_checkbox(field):
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def form_error_fields(form) -> list:
    """The form's fields in error, in the form's order, for the error summary: hidden ones
    (which have no input to go to) after the visible ones."""
    if not getattr(form, "errors", None):
        return []
    fields = [form[name] for name in form.fields if name in form.errors]
    return sorted(fields, key=lambda field: field.is_hidden)


@register.filter
def form_has_errors(form) -> bool:
    return bool(getattr(form, "errors", None))


@register.filter
def field_anchor(field) -> str:
    """The id of the input a link to the field leads to (the first option of a choice list)."""
    if isinstance(field.field.widget, forms.RadioSelect):
        options = list(field.subwidgets)
        return options[0].id_for_label if options else field.auto_id
    return field.id_for_label or field.auto_id


@register.filter
def slot_text(slot) -> str:
    """An allauth element's slot (a list of rendered parts) as one label: trimmed, without the
    colon allauth's templates put after some labels ("Huidig e-mailadres:")."""
    if not slot:
        return ""
    text = "".join(str(part) for part in slot).strip()
    return mark_safe(text.removesuffix(":").rstrip())  # noqa: S308 - rendered template output
