from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, ClassVar, cast

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm, searchable
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.scope import own_scope
from phoihop.directory.selectors import (
    agency_choices,
    enterprise_choices,
    owner_choices,
    search_enterprises,
    zone_choices,
)
from phoihop.directory.services import ENTERPRISE_FIELDS, ZONE_FIELDS
from phoihop.directory.validators import TAX_CODE_RE, normalize_tax_code

# Commas (what the picker posts), semicolons and line breaks separate enterprises; spaces do not, so that a name
# typed without JavaScript ("Đông Hải") stays one entry.
_ENTRY_SEPARATORS = re.compile(r"[,;\n\r]+")
_CODE_LIKE = re.compile(r"[\d\s.\-]+")
# A record id is shorter than any tax code (10 digits), so the two never collide.
_RECORD_ID = re.compile(r"\d{1,9}")


def enterprise_option(enterprise: Enterprise) -> dict[str, str]:
    """One suggestion of the enterprise picker; its value is the tax code, what the form field reads."""
    detail = f"MST {enterprise.tax_code}"
    if enterprise.zone is not None:
        detail += f" · {enterprise.zone.name}"
    return {"value": enterprise.tax_code, "text": enterprise.name, "detail": detail}


class EnterprisePicker(forms.TextInput):
    """A text box of tax codes separated by commas. static/js/pickers.js turns it into a search-as-you-type picker
    over the directory's search (diacritics ignored) that still posts tax codes; without JavaScript the officer
    types the codes, or a name the directory finds exactly once."""

    def __init__(self, *, multiple: bool = False, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.multiple = multiple

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, list):
            return ", ".join(enterprise.tax_code for enterprise in value)
        return super().format_value(value)

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        if isinstance(value, list):
            chosen = value
        else:
            # A posted value coming back with an error: show the names of the codes that exist (one query).
            codes = [normalize_tax_code(entry) for entry in _ENTRY_SEPARATORS.split(str(value or "")) if entry]
            chosen = list(enterprise_choices().filter(tax_code__in=codes)) if codes else []
        context["widget"]["attrs"].update(
            {
                "data-picker": "enterprise",
                "data-picker-url": reverse("directory:enterprise_options"),
                "data-picker-max": "" if self.multiple else "1",
                "data-data": json.dumps([enterprise_option(enterprise) for enterprise in chosen], ensure_ascii=False),
                "autocomplete": "off",
                "placeholder": _("Gõ tên hoặc mã số thuế"),
            }
        )
        return context


class EnterpriseField(forms.Field):
    """One enterprise of the directory (or several with multiple=True), named by its tax code. The directory may
    hold a hundred thousand enterprises, far too many for a drop-down list, so the field takes text: tax codes, a
    name found exactly once by the directory's search, or a record id (what a plain select posts)."""

    default_error_messages = {
        "unknown_code": _(
            "Không có doanh nghiệp mang mã số thuế %(codes)s trong danh mục. Hãy thêm doanh nghiệp vào danh mục trước."
        ),
        "not_found": _(
            "Không tìm thấy doanh nghiệp “%(text)s” trong danh mục: hãy gõ tên rồi chọn trong danh sách gợi ý, "
            "hoặc ghi mã số thuế."
        ),
        "ambiguous": _(
            "Có nhiều doanh nghiệp khớp với “%(text)s”: hãy chọn trong danh sách gợi ý hoặc ghi mã số thuế."
        ),
        "single": _("Chỉ chọn một doanh nghiệp."),
    }

    def __init__(self, *, multiple: bool = False, **kwargs: Any) -> None:
        self.multiple = multiple
        kwargs.setdefault("widget", EnterprisePicker(multiple=multiple))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        """The form's initial value (an enterprise, its id, or a list of them) as enterprises, in one query."""
        if value is None or isinstance(value, str):
            return value
        values = list(value) if isinstance(value, Iterable) else [value]
        ids = [item for item in values if not isinstance(item, Enterprise)]
        found = {e.pk: e for e in enterprise_choices().filter(pk__in=ids)} if ids else {}
        return [
            item if isinstance(item, Enterprise) else found[item]
            for item in values
            if isinstance(item, Enterprise) or item in found
        ]

    def to_python(self, value: Any) -> Any:
        enterprises: list[Enterprise] = []
        for entry in _ENTRY_SEPARATORS.split(str(value or "")):
            entry = entry.strip()
            if not entry:
                continue
            for enterprise in self._resolve(entry):
                if enterprise not in enterprises:
                    enterprises.append(enterprise)
        if self.multiple:
            return enterprises
        if len(enterprises) > 1:
            raise ValidationError(self.error_messages["single"], code="single_enterprise")
        return enterprises[0] if enterprises else None

    def _resolve(self, entry: str) -> list[Enterprise]:
        if _RECORD_ID.fullmatch(entry):
            by_id = list(enterprise_choices().filter(pk=int(entry)))
            if not by_id:
                raise ValidationError(
                    self.error_messages["not_found"], code="unknown_enterprise", params={"text": entry}
                )
            return by_id
        if _CODE_LIKE.fullmatch(entry):
            whole = normalize_tax_code(entry)
            codes = [whole] if TAX_CODE_RE.fullmatch(whole) else [normalize_tax_code(c) for c in entry.split()]
            found = {e.tax_code: e for e in enterprise_choices().filter(tax_code__in=codes)}
            missing = [code for code in codes if code not in found]
            if missing:
                raise ValidationError(
                    self.error_messages["unknown_code"], code="unknown_enterprise", params={"codes": ", ".join(missing)}
                )
            return [found[code] for code in codes]
        matches = list(search_enterprises(enterprise_choices(), entry).order_by("pk")[:2])
        if not matches:
            raise ValidationError(self.error_messages["not_found"], code="unknown_enterprise", params={"text": entry})
        if len(matches) > 1:
            raise ValidationError(self.error_messages["ambiguous"], code="ambiguous_enterprise", params={"text": entry})
        return matches


def owner_field(label: Any) -> forms.ModelChoiceField[Agency]:
    """The `owner_agency` choice of an `OwnedRecordForm`, named as the app names its owner body; its choices depend
    on the user (`OwnedRecordForm.__init__`)."""
    return forms.ModelChoiceField(label=label, queryset=None, required=False)


class OwnedRecordForm(VersionedForm):
    """The form of a record one body owns (a founding, a good practice, an inspection…), with `user=`.

    Its `owner_agency` (declared by the app with `owner_field`) is the body a new record is filed under. It is
    offered only on creation, and only to the administrator, who must choose, or to a user whose body has units, the
    choice starting at the user's own body; otherwise the field does not exist, so the record goes to the user's body
    and a forged owner_agency in the POST is ignored. `owner_order`: the fields the choice follows when shown
    (`order_fields`); `active_owners_only`: inactive units are not offered."""

    owner_order: ClassVar[tuple[str, ...]] = ()
    active_owners_only: ClassVar[bool] = False

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk or not (user.is_admin or len(own_scope(user)) > 1):
            del self.fields["owner_agency"]
            return
        owners = owner_choices(user=user)
        field = cast(forms.ModelChoiceField, self.fields["owner_agency"])
        field.queryset = owners.filter(is_active=True) if self.active_owners_only else owners
        field.required = bool(user.is_admin)
        if not user.is_admin:
            field.initial = user.agency_id
        if self.owner_order:
            self.order_fields([*self.owner_order, "owner_agency"])


class EnterpriseForm(VersionedForm):
    owner_agency = forms.ModelChoiceField(
        label=_("Đơn vị quản lý hồ sơ"), queryset=agency_choices(active_only=True), required=False
    )
    # Longer than the stored 14 characters: spaces and dots typed between the digits are dropped first
    # (clean_tax_code), then the model checks the code itself.
    tax_code = forms.CharField(
        label=_("Mã số thuế"),
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "0201234567 hoặc 0201234567-001", "inputmode": "numeric"}),
    )

    class Meta:
        model = Enterprise
        fields = list(ENTERPRISE_FIELDS)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = zone_choices()  # type: ignore[attr-defined]
        searchable(self, "zone")
        # Only the administrator files a record under another body; for everyone else the field does not exist,
        # so a forged owner_agency in the POST is simply ignored.
        if not (user.is_admin and not self.instance.pk):
            del self.fields["owner_agency"]
        self.style_widgets()

    def clean_tax_code(self) -> str:
        return normalize_tax_code(self.cleaned_data["tax_code"])


class ZoneForm(VersionedForm):
    class Meta:
        model = Zone
        fields = list(ZONE_FIELDS)
