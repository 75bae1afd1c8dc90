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
        return _TRAITS[self][0]

    @property
    def name_prefix(self) -> str:
        """How the organisation is named before the enterprise's name: "Chi bộ Công ty TNHH Maple"."""
        return _TRAITS[self][1]

    @property
    def members_word(self) -> str:
        return _TRAITS[self][2]


# Each kind's founding system, name prefix and word for its members.
_TRAITS = {
    FoundingKind.GRASSROOTS_UNION: (AgencyKind.UNION, "Công đoàn cơ sở", "đoàn viên"),
    FoundingKind.PARTY_CELL: (AgencyKind.PARTY, "Chi bộ", "đảng viên"),
    FoundingKind.YOUTH_UNION: (AgencyKind.YOUTH, "Tổ chức Đoàn", "đoàn viên"),
}
