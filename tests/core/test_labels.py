"""Every field a page, the history or the admin can show is named in Vietnamese."""

from __future__ import annotations

from django.apps import apps

# Never shown: search columns are skipped by the history and hidden everywhere; the intake throttle has no page.
INTERNAL = {"search_text"}
INTERNAL_MODELS = {"cases.IntakeThrottle"}


def test_no_field_is_labelled_with_its_code_name() -> None:
    untranslated = []
    for model in apps.get_models():
        if not model.__module__.startswith("phoihop") or model._meta.label in INTERNAL_MODELS:
            continue
        for field in model._meta.get_fields():
            if field.auto_created or not hasattr(field, "verbose_name") or field.name in INTERNAL:
                continue
            if str(field.verbose_name) == field.name.replace("_", " "):
                untranslated.append(f"{model._meta.label}.{field.name}")
    assert untranslated == []


def test_the_tracking_code_is_named_in_vietnamese() -> None:
    label = str(apps.get_model("cases", "Case")._meta.get_field("tracking_hash").verbose_name)
    assert label == "mã tra cứu (đã mã hóa)"
