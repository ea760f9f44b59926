"""The filter form's widgets written in Python: the same HTML as Django's templates."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from statements.filters import StatementFilter
from statements.models import Statement
from statements.widget_rendering import WidgetRenderer
from tests.factories import make_speaker, make_tag

FORMS = [
    {},
    {"q": "harbour", "speaker": "ada-lorn", "kind": "direct", "sort": "relevance"},
    {
        "outlet": 'The "Northbay" <Gazette> & Co\'s',
        "said_from": "2020-01-01",
        "said_to": "not a date",
        "tag": "budget",
        "status": "verified",
        "group": "utterance",
        "in": "articles",
    },
]


@pytest.mark.parametrize("data", FORMS)
def test_the_filter_form_renders_as_djangos_templates_do(db, data):
    make_speaker("Ada Lorn")
    make_tag("Budget <&> Tax", slug="budget")
    make_tag("Harbour", slug="harbour")
    fast = StatementFilter(data, queryset=Statement.objects.all()).form
    slow = StatementFilter(data, queryset=Statement.objects.all()).form
    slow.renderer = DjangoTemplates()
    fast.is_valid(), slow.is_valid()
    assert isinstance(fast.renderer, WidgetRenderer)
    for name in fast.fields:
        assert str(fast[name]) == str(slow[name]), name


class EveryWidget(forms.Form):
    text = forms.CharField(
        initial='a "quoted" <value>', widget=forms.TextInput(attrs={"list": "x"})
    )
    hidden = forms.CharField(widget=forms.HiddenInput, initial="7")
    number = forms.IntegerField(initial=3)
    email = forms.EmailField(required=False)
    flagged = forms.CharField(widget=forms.TextInput(attrs={"disabled": True, "readonly": False}))
    grouped = forms.ChoiceField(
        choices=[("Fruit", [("a", "Apple & pear"), ("b", "Banana")]), ("c", "<Cherry>")],
        initial="b",
    )
    many = forms.MultipleChoiceField(choices=[("1", "One"), ("2", "Two")], initial=["1", "2"])
    box = forms.BooleanField(required=False)  # not written here: the template writes it
    notes = forms.CharField(widget=forms.Textarea, initial="<b>x</b>")


def test_every_kind_of_widget_renders_as_djangos_templates_do():
    fast = EveryWidget(renderer=WidgetRenderer())
    slow = EveryWidget(renderer=DjangoTemplates())
    for name in fast.fields:
        assert str(fast[name]) == str(slow[name]), name
