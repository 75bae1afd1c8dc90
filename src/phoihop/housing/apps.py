from django.apps import AppConfig


class HousingConfig(AppConfig):
    name = "phoihop.housing"
    label = "housing"
    verbose_name = "Nhà ở công nhân"

    def ready(self) -> None:
        from phoihop.housing.models import Milestone
        from phoihop.indicators.registry import record_kinds

        # Projects have no date of their own: what happens to them in a period is a milestone ("housing projects
        # with a groundbreaking in the period" = milestones of kind groundbreaking dated in the period).
        record_kinds.register(
            key="housing.milestone",
            label="Mốc tiến độ dự án nhà ở",
            model=Milestone,
            date_field="date",
            agency_field="project__owner_agency",
            filter_fields={
                "kind": ("exact", "in"),
                "date_precision": ("exact", "in"),
                "project__kind": ("exact", "in"),
                "project__zone": ("exact", "in"),
                "project__investor_enterprise__ownership": ("exact", "in"),
            },
            sum_fields={
                "buildings": "other",
                "floor_area_m2": "m2",
                "apartments": "other",
                "people": "persons",
            },
            enterprise_field="project__investor_enterprise",
            noun="mốc tiến độ dự án nhà ở",
            done="làm chủ đầu tư các dự án nhà ở",
        )
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.housing.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()
