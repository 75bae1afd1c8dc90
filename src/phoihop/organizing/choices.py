from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.directory.choices import AgencyKind


class FoundingKind(models.TextChoices):
    GRASSROOTS_UNION = "grassroots_union", _("Công đoàn cơ sở")
    PARTY_CELL = "party_cell", _("Chi bộ, tổ chức đảng")
    YOUTH_UNION = "youth_union", _("Tổ chức Đoàn thanh niên")

    @property
    def founder_kind(self) -> str:
        """The system of the body that founds this kind of organisation: a union founds unions, a Party committee
        party cells, the Youth Union its branches."""
        return {
            FoundingKind.GRASSROOTS_UNION: AgencyKind.UNION,
            FoundingKind.PARTY_CELL: AgencyKind.PARTY,
            FoundingKind.YOUTH_UNION: AgencyKind.YOUTH,
        }[self]

    @property
    def name_prefix(self) -> str:
        """How the organisation is named before the enterprise's name: "Chi bộ Công ty TNHH Maple"."""
        return {
            FoundingKind.GRASSROOTS_UNION: "Công đoàn cơ sở",
            FoundingKind.PARTY_CELL: "Chi bộ",
            FoundingKind.YOUTH_UNION: "Tổ chức Đoàn",
        }[self]

    @property
    def members_word(self) -> str:
        return {
            FoundingKind.GRASSROOTS_UNION: "đoàn viên",
            FoundingKind.PARTY_CELL: "đảng viên",
            FoundingKind.YOUTH_UNION: "đoàn viên",
        }[self]
