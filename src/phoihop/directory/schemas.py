"""The directory's rows as other apps' API answers show them nested (`enterprise: EnterpriseRef`): one schema each,
so every answer and the OpenAPI document describe an enterprise, a body or a zone the same way; and the references
to directory rows that several apps' payloads make alike (`core.api.Ref`)."""

from django.utils.translation import gettext_lazy
from ninja import Schema

from phoihop.core.api import OWNER_MESSAGE, Ref
from phoihop.directory.choices import Ownership
from phoihop.directory.selectors import agencies_visible_to, enterprises_visible_to, zones_visible_to


class AgencyRef(Schema):
    id: int
    short_code: str
    name: str


class ZoneRef(Schema):
    id: int
    name: str


class EnterpriseRef(Schema):
    id: int
    name: str
    tax_code: str
    ownership: Ownership


# Another key or field, or a list: `replace(AGENCY, key="partner_ids", field="partners", many=True)`.
AGENCY = Ref("agency_id", "agency", agencies_visible_to, message=OWNER_MESSAGE, code="unknown_agency")
ZONE = Ref(
    "zone_id",
    "zone",
    zones_visible_to,
    message=gettext_lazy("Không có khu số %(ids)s trong danh mục."),
    code="unknown_zone",
)
ENTERPRISE = Ref(
    "enterprise_id",
    "enterprise",
    enterprises_visible_to,
    message=gettext_lazy("Không có doanh nghiệp số %(ids)s trong danh mục doanh nghiệp."),
    code="unknown_enterprise",
)
ENTERPRISES = Ref(
    "enterprise_ids", "enterprises", enterprises_visible_to, gettext_lazy("doanh nghiệp trong danh mục"), many=True
)
