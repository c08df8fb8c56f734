from django import forms, template

register = template.Library()


@register.filter
def form_input(field):
    """The field's widget with the design system's classes and its help and errors described."""
    widget = field.field.widget
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if isinstance(widget, forms.CheckboxInput):
        block, modifier = "utrecht-checkbox", "html-input"
    elif isinstance(widget, forms.Select):
        block, modifier = "utrecht-select", "html-select"
    elif isinstance(widget, forms.Textarea):
        block, modifier = "utrecht-textarea", "html-textarea"
    else:
        block, modifier = "utrecht-textbox", "html-input"
    attrs["class"] = f"{block} {block}--{modifier}" + (f" {block}--invalid" if field.errors else "")
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field):
    return isinstance(field.field.widget, forms.CheckboxInput)
