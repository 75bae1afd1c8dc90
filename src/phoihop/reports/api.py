"""The joint report over the API: the same selectors and services as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from phoihop.core.api import ERROR_RESPONSES, api_user
from phoihop.core.errors import field_error
from phoihop.reports import permissions, selectors, services
from phoihop.reports.builders import build_report_data
from phoihop.reports.checker import check_report
from phoihop.reports.choices import RenderFormat, ReportStatus, SignAuthority
from phoihop.reports.models import RenderJob, Report, ReportBlock, ReportIssuer

router = Router(tags=["Báo cáo liên tịch"])


class IssuerOut(Schema):
    id: int
    position: int
    agency_id: int
    agency_name: str
    profile: str
    authority: SignAuthority
    office: str
    signer_title: str
    signer_name: str
    organisation: str
    confirmed_at: dt.datetime | None
    signed_off_at: dt.datetime | None
    version: int

    @staticmethod
    def resolve_agency_name(obj: ReportIssuer) -> str:
        return obj.agency.name


class ReportOut(Schema):
    id: int
    plan_id: int
    year: int
    kind: str
    status: ReportStatus
    summary: str
    doc_code: str
    symbol: str
    number: int | None
    place: str
    issue_date: dt.date | None
    issue_year: int
    draft_mark: bool
    rounding: str
    recipients: str
    version: int

    @staticmethod
    def resolve_year(obj: Report) -> int:
        return obj.plan.year


class ReportPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    summary: str | None = None
    doc_code: str | None = Field(None, max_length=10)
    symbol: str | None = Field(None, max_length=120)
    number: int | None = Field(None, ge=1)
    place: str | None = Field(None, max_length=100)
    issue_date: dt.date | None = None
    issue_year: int | None = None
    draft_mark: bool | None = None
    rounding: str | None = None
    recipients: str | None = None


class IssuerPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    profile: str | None = None
    header_lines: str | None = None
    authority: SignAuthority | None = None
    office: str | None = Field(None, max_length=120)
    signer_title: str | None = Field(None, max_length=120)
    signer_name: str | None = Field(None, max_length=120)
    organisation: str | None = Field(None, max_length=200)


class BlockOut(Schema):
    id: int
    section_id: int
    owner_agency_id: int
    position: int
    text: str
    version: int


class BlockIn(Schema):
    model_config = ConfigDict(extra="forbid")

    section_id: int
    owner_agency_id: int
    text: str
    position: int | None = Field(None, ge=0)


class BlockPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    text: str | None = None
    position: int | None = Field(None, ge=0)


class VersionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int


class FindingOut(Schema):
    severity: str
    code: str
    where: str
    message: str
    fix: str
    url: str


class RenderIn(Schema):
    model_config = ConfigDict(extra="forbid")

    format: RenderFormat


class JobOut(Schema):
    id: int
    report_id: int
    format: str
    status: str
    phase: str
    percent: int
    message: str
    download_url: str

    @staticmethod
    def resolve_download_url(obj: RenderJob) -> str:
        from django.urls import reverse

        return reverse("reports:job_download", args=[obj.pk]) if obj.file else ""


@router.get("/reports", response=list[ReportOut], summary="Danh sách báo cáo liên tịch")
def list_reports(request: HttpRequest) -> Any:
    return selectors.list_reports(user=api_user(request))


@router.get("/reports/{report_id}", response={200: ReportOut, **ERROR_RESPONSES})
def get_report(request: HttpRequest, report_id: int) -> Report:
    return selectors.get_report(user=api_user(request), pk=report_id)


@router.patch("/reports/{report_id}", response={200: ReportOut, **ERROR_RESPONSES})
def update_report(request: HttpRequest, report_id: int, payload: ReportPatch) -> Report:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.update_report(actor=user, report=report, data=data, expected_version=version)


@router.get("/reports/{report_id}/issuers", response={200: list[IssuerOut], **ERROR_RESPONSES})
def list_issuers(request: HttpRequest, report_id: int) -> Any:
    report = selectors.get_report(user=api_user(request), pk=report_id)
    return selectors.issuers_of(report)


@router.patch("/reports/{report_id}/issuers/{issuer_id}", response={200: IssuerOut, **ERROR_RESPONSES})
def update_issuer(request: HttpRequest, report_id: int, issuer_id: int, payload: IssuerPatch) -> ReportIssuer:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    issuer = selectors.get_issuer(user=user, report=report, pk=issuer_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.update_issuer(actor=user, issuer=issuer, data=data, expected_version=version)


@router.post("/reports/{report_id}/issuers/{issuer_id}/confirm", response={200: IssuerOut, **ERROR_RESPONSES})
def confirm_part(request: HttpRequest, report_id: int, issuer_id: int, payload: VersionIn) -> ReportIssuer:
    user = api_user(request)
    issuer = selectors.get_issuer(user=user, report=selectors.get_report(user=user, pk=report_id), pk=issuer_id)
    return services.confirm_part(actor=user, issuer=issuer, expected_version=payload.version)


@router.post("/reports/{report_id}/issuers/{issuer_id}/sign-off", response={200: IssuerOut, **ERROR_RESPONSES})
def sign_off(request: HttpRequest, report_id: int, issuer_id: int, payload: VersionIn) -> ReportIssuer:
    user = api_user(request)
    issuer = selectors.get_issuer(user=user, report=selectors.get_report(user=user, pk=report_id), pk=issuer_id)
    return services.sign_off(actor=user, issuer=issuer, expected_version=payload.version)


@router.post("/reports/{report_id}/reopen", response={200: ReportOut, **ERROR_RESPONSES})
def reopen(request: HttpRequest, report_id: int, payload: VersionIn) -> Report:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    return services.reopen(actor=user, report=report, expected_version=payload.version)


@router.get("/reports/{report_id}/blocks", response={200: list[BlockOut], **ERROR_RESPONSES})
def list_blocks(request: HttpRequest, report_id: int) -> Any:
    report = selectors.get_report(user=api_user(request), pk=report_id)
    return ReportBlock.objects.filter(section__report=report).order_by("section__position", "position", "pk")


@router.post("/reports/{report_id}/blocks", response={201: BlockOut, **ERROR_RESPONSES})
def create_block(request: HttpRequest, report_id: int, payload: BlockIn) -> Status[ReportBlock]:
    from phoihop.directory.selectors import agencies_visible_to

    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    section = selectors.get_section(user=user, report=report, pk=payload.section_id)
    owner = agencies_visible_to(user).filter(pk=payload.owner_agency_id).first()
    if owner is None:
        raise field_error(
            "owner_agency", _("Không có đơn vị số %(id)s.") % {"id": payload.owner_agency_id}, "unknown_agency"
        )
    if not permissions.can_draft_for(user, report, owner.pk):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    block = services.create_block(
        actor=user, section=section, owner_agency=owner, text=payload.text, position=payload.position
    )
    return Status(201, block)


@router.get("/blocks/{block_id}", response={200: BlockOut, **ERROR_RESPONSES})
def get_block(request: HttpRequest, block_id: int) -> ReportBlock:
    return selectors.get_block(user=api_user(request), pk=block_id)


@router.patch("/blocks/{block_id}", response={200: BlockOut, **ERROR_RESPONSES})
def update_block(request: HttpRequest, block_id: int, payload: BlockPatch) -> ReportBlock:
    user = api_user(request)
    block = selectors.get_block(user=user, pk=block_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.update_block(actor=user, block=block, data=data, expected_version=version)


@router.delete("/blocks/{block_id}", response={204: None, **ERROR_RESPONSES})
def delete_block(request: HttpRequest, block_id: int, version: int) -> Status[None]:
    user = api_user(request)
    block = selectors.get_block(user=user, pk=block_id)
    services.delete_block(actor=user, block=block, expected_version=version)
    return Status(204, None)


@router.get(
    "/reports/{report_id}/data",
    response={200: dict[str, Any], **ERROR_RESPONSES},
    summary="Số liệu của báo cáo: mỗi số liệu với giá trị, chữ in ra và nguồn",
)
def report_data(request: HttpRequest, report_id: int) -> Any:
    report = selectors.get_report(user=api_user(request), pk=report_id)
    return build_report_data(report).to_json()


@router.get(
    "/reports/{report_id}/check", response={200: list[FindingOut], **ERROR_RESPONSES}, summary="Kiểm tra trước khi ký"
)
def check(request: HttpRequest, report_id: int) -> Any:
    report = selectors.get_report(user=api_user(request), pk=report_id)
    return check_report(report)


@router.post(
    "/reports/{report_id}/renders",
    response={202: JobOut, **ERROR_RESPONSES},
    summary="Xuất báo cáo (docx, pdf, html) ở chế độ nền",
)
def request_render(request: HttpRequest, report_id: int, payload: RenderIn) -> Status[RenderJob]:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    job = services.request_render(actor=user, report=report, format=payload.format)
    return Status(202, job)


@router.get("/renders/{job_id}", response={200: JobOut, **ERROR_RESPONSES})
def get_job(request: HttpRequest, job_id: int) -> RenderJob:
    return selectors.get_job(user=api_user(request), pk=job_id)
