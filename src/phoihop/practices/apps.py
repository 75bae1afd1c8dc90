from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "phoihop.practices"
    label = "practices"
    verbose_name = "Mô hình “Dân vận khéo”"

    def ready(self) -> None:
        from phoihop.indicators.registry import record_kinds
        from phoihop.practices.models import Award, GoodPractice

        record_kinds.register(
            key="practices.good_practice",
            link=("practices:practice_detail", "pk"),
            label="Mô hình “Dân vận khéo”",
            model=GoodPractice,
            date_field="year_start",
            agency_field="owner_agency",
            filter_fields={"field": ("exact", "in"), "status": ("exact", "in")},
        )
        record_kinds.register(
            key="practices.award",
            label="Khen thưởng mô hình “Dân vận khéo”",
            model=Award,
            date_field="decision_date",
            agency_field="practice__owner_agency",
            filter_fields={
                "level": ("exact", "in"),
                "awarding_agency": ("exact", "in", "isnull"),
                "awarding_agency__short_code": ("exact", "in"),
                "practice__field": ("exact", "in"),
            },
        )
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.practices.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()
