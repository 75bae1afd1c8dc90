from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "phoihop.directory"
    label = "directory"
    verbose_name = "Danh mục"

    def ready(self) -> None:
        # Enterprises are the first record kind counting indicators can count (e.g. by ownership).
        from phoihop.directory.models import Enterprise
        from phoihop.indicators.registry import record_kinds

        record_kinds.register(
            key="directory.enterprise",
            label="Doanh nghiệp trong danh mục",
            model=Enterprise,
            date_field="created_at",
            agency_field="owner_agency",
            filter_fields={"ownership": ("exact", "in"), "zone": ("exact", "in"), "zone__parent": ("exact", "in")},
            sum_fields={"workforce": "persons"},
        )
