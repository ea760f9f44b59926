"""The filter form's inputs and selects, written in Python instead of Django's widget templates.

Every list, speaker and event page carries the filter form: eleven widgets
and a few dozen options. Rendered through Django's templates (a template per
widget, per option and per attribute list) they cost about a fifth of a list
page's Python. ``WidgetRenderer`` writes the same HTML, byte for byte (a test
compares the two on every widget of the form), and hands any other template
to the default renderer.
"""

from __future__ import annotations

from django.forms.renderers import BaseRenderer, get_default_renderer
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

_WIDGETS = "django/forms/widgets/"
INPUTS = frozenset(
    f"{_WIDGETS}{kind}.html"
    for kind in ("input", "text", "search", "date", "email", "number", "url", "tel", "hidden")
)
SELECT = f"{_WIDGETS}select.html"
OPTION = f"{_WIDGETS}select_option.html"


def _value(value) -> str:
    """``value|stringformat:'s'`` under autoescaping."""
    return conditional_escape(str(value))


def attrs_html(attrs: dict) -> str:
    """As ``attrs.html``: ``False`` leaves the attribute out, ``True`` writes its name alone."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{_value(value)}"')
    return "".join(parts)


def input_html(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{_value(widget["value"])}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value}{attrs_html(widget["attrs"])}>'
    )


def option_html(option: dict) -> str:
    return (
        f'<option value="{_value(option["value"])}"{attrs_html(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>"
    )


def select_html(widget: dict) -> str:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION:
                raise _Unsupported
            parts.append(f"\n  {option_html(option)}\n")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class _Unsupported(Exception):
    """A widget this module does not write: the templates do."""


class WidgetRenderer(BaseRenderer):
    """Inputs and selects in Python; every other template through the default renderer."""

    def render(self, template_name: str, context: dict, request=None) -> SafeString:
        widget = context.get("widget")
        try:
            if template_name in INPUTS and widget is not None:
                return mark_safe(input_html(widget))  # noqa: S308 - every value is escaped
            if template_name == SELECT and widget is not None:
                return mark_safe(select_html(widget))  # noqa: S308 - every value is escaped
        except _Unsupported:
            pass
        return get_default_renderer().render(template_name, context, request)

    def get_template(self, template_name: str):
        return get_default_renderer().get_template(template_name)
