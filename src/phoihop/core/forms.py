"""Form bases every app's forms.py uses."""

from __future__ import annotations

from typing import Any

from django import forms


class StyledFormMixin:
    """Bootstrap classes on every widget, and aria-invalid on fields with errors."""

    fields: dict[str, forms.Field]

    def style_widgets(self) -> None:
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.RadioSelect):  # and CheckboxSelectMultiple: a list of options
                # Each box just before its label on one line (Bootstrap's own boxes want a .form-check wrapper that
                # Django's list does not draw); the list's <div> takes the class too, where it does nothing.
                css = "me-2"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class VersionedForm(StyledFormMixin, forms.ModelForm):
    """Carries the version the user loaded, so a stale save is a conflict rather than an overwrite.

    The form parses and validates; it never saves: `service_data()` goes to the app's service."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        self.style_widgets()

    def service_data(self) -> dict[str, Any]:
        names = self._meta.fields or []
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}

    @property
    def expected_version(self) -> int:
        value = self.cleaned_data.get("version")
        return int(value) if value is not None else int(self.instance.version)


def searchable(form: forms.BaseForm, *names: str) -> None:
    """Marks selects that static/js/pickers.js turns into search-as-you-type pickers (diacritics ignored, as in
    the directory's search). Their options are few enough to be in the page; without JavaScript they stay plain
    selects. Fields the form removed are skipped."""
    for name in names:
        if name in form.fields:
            form.fields[name].widget.attrs["data-picker"] = "local"
