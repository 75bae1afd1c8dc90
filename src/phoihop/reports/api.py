"""The joint report over the API: the same selectors and services as the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from phoihop.core.api import ERROR_RESPONSES, ChildRoutes, api_user, apply_refs, patch_data, patch_schema
from phoihop.core.errors import field_error
from phoihop.core.params import Year
from phoihop.directory.schemas import AGENCY
from phoihop.reports import permissions, selectors, services
from phoihop.reports.builders import build_report_data
from phoihop.reports.checker import check_report
from phoihop.reports.choices import ListingPeriod, RenderFormat, ReportStatus, SignAuthority
from phoihop.reports.models import Listing, RenderJob, Report, ReportBlock, ReportFigure, ReportIssuer

router = Router(tags=["Báo cáo liên tịch"])
OWNER = replace(AGENCY, key="owner_agency_id", field="owner_agency")

FILE_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf",
    "text/html",
)


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
    data_annex: bool
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
    issue_year: Year | None = None
    draft_mark: bool | None = None
    data_annex: bool | None = None
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


@patch_schema(BlockIn, drop=("section_id", "owner_agency_id"))
class BlockPatch(Schema): ...


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
    format: str = Field(description="Định dạng: docx, pdf hoặc html.")
    status: str = Field(description="Trạng thái: queued (đang chờ), running (đang chạy), done (xong), failed (lỗi).")
    phase: str = Field(description="Bước đang làm, để hiển thị cho người dùng.")
    percent: int = Field(description="Tiến độ, 0–100.")
    message: str = Field(description="Lý do khi lỗi (tiếng Việt).")
    download_url: str = Field(description="Trang tải tệp trong giao diện (cần phiên đăng nhập); rỗng khi chưa xong.")
    file_url: str = Field("", description="Tải tệp qua API (mã API hoặc phiên đăng nhập); rỗng khi chưa xong.")
    filename: str = Field("", description="Tên tệp khi tải về.")
    created_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None

    @staticmethod
    def resolve_download_url(obj: RenderJob) -> str:
        from django.urls import reverse

        return reverse("reports:job_download", args=[obj.pk]) if obj.file else ""

    @staticmethod
    def resolve_file_url(obj: RenderJob) -> str:
        from django.urls import reverse

        return reverse("api:reports_job_file", kwargs={"job_id": obj.pk}) if obj.file else ""


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
    data = patch_data(payload, Report)
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
    data = patch_data(payload, ReportIssuer)
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


def _create_block(user: Any, report: Report, data: dict[str, Any]) -> ReportBlock:
    section = selectors.get_section(user=user, report=report, pk=data["section_id"])
    owner = OWNER.resolve(user, data["owner_agency_id"])
    if not permissions.can_draft_for(user, report, owner.pk):
        raise PermissionDenied
    return services.create_block(
        actor=user, section=section, owner_agency=owner, text=data["text"], position=data["position"]
    )


ChildRoutes(
    module=__name__,
    name="block",
    under="/reports/{report_id}/blocks",
    at="/blocks/{block_id}",
    model=ReportBlock,
    out=BlockOut,
    create_in=BlockIn,
    patch_in=BlockPatch,
    detail=True,
    parent=selectors.get_report,
    get=selectors.get_block,
    rows=lambda user, report: selectors.blocks_of(report),
    create=_create_block,
    update=lambda user, block, data, version: services.update_block(
        actor=user, block=block, data=data, expected_version=version
    ),
    delete=lambda user, block, version: services.delete_block(actor=user, block=block, expected_version=version),
).mount(router)


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


@router.get(
    "/reports/{report_id}/renders",
    response={200: list[JobOut], **ERROR_RESPONSES},
    summary="Các lượt xuất báo cáo gần đây (mới nhất trước)",
)
def list_jobs(request: HttpRequest, report_id: int) -> Any:
    report = selectors.get_report(user=api_user(request), pk=report_id)
    return list(selectors.jobs_of(report)[:20])


@router.get(
    "/renders/{job_id}/file",
    response={200: bytes, **ERROR_RESPONSES},
    url_name="reports_job_file",
    summary="Tải tệp đã xuất (docx, pdf hoặc html)",
    description=(
        "Trả về tệp của lượt xuất khi đã xong (tên tệp trong Content-Disposition). Lượt đang chạy hoặc bị lỗi: 409 "
        "(mã job_not_ready hoặc job_failed) — hãy hỏi lại GET /renders/{job_id}."
    ),
    openapi_extra={
        "responses": {
            200: {
                "description": "Tệp báo cáo",
                "content": {
                    content_type: {"schema": {"type": "string", "format": "binary"}} for content_type in FILE_TYPES
                },
            }
        }
    },
)
def download_job_file(request: HttpRequest, job_id: int) -> Any:
    from phoihop.reports.choices import JobStatus
    from phoihop.reports.rendering import CONTENT_TYPES

    job = selectors.get_job(user=api_user(request), pk=job_id)
    if not job.file:
        failed = job.status == JobStatus.FAILED
        message = (
            _("Lượt xuất này bị lỗi, không có tệp: %(reason)s") % {"reason": job.message}
            if failed
            else _("Báo cáo đang được xuất (%(percent)s%%); hãy tải lại sau.") % {"percent": job.percent}
        )
        return Status(409, {"message": message, "code": "job_failed" if failed else "job_not_ready", "fields": {}})
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.filename or job.file.name.rsplit("/", 1)[-1],
        content_type=CONTENT_TYPES.get(job.format, "application/octet-stream"),
    )


# --- Creating a report --------------------------------------------------------------------------------------------


class ReportCreate(Schema):
    """Kế hoạch của báo cáo: ghi `plan_id`, hoặc `year` (kế hoạch năm đó). Các trường còn lại không bắt buộc."""

    model_config = ConfigDict(extra="forbid")

    plan_id: int | None = Field(None, description="Mã kế hoạch năm.")
    year: int | None = Field(None, ge=2000, le=2100, description="Năm của kế hoạch, khi không ghi plan_id.")
    summary: str | None = Field(None, description="Trích yếu; để trống thì ghi theo năm và các cơ quan phối hợp.")
    number: int | None = Field(None, ge=1, description="Số văn bản; để trống khi còn dự thảo.")
    place: str | None = Field(None, max_length=100, description="Địa danh, mặc định “Hải Phòng”.")
    issue_date: dt.date | None = Field(None, description="Ngày ban hành.")
    draft_mark: bool | None = Field(None, description="In dấu “(Dự thảo)”.")
    recipients: str | None = Field(None, description="Nơi nhận, mỗi dòng một nơi.")


@router.post(
    "/reports",
    response={201: ReportOut, **ERROR_RESPONSES},
    summary="Tạo báo cáo liên tịch cho kế hoạch năm",
    description=(
        "Thư ký tổng hợp (và quản trị) tạo báo cáo: các cơ quan ban hành theo chương trình, các mục theo lĩnh vực "
        "của kế hoạch, các đoạn mở đầu. 403 nếu không có quyền; 422 `unknown_plan` khi không có kế hoạch, "
        "`report_exists` khi kế hoạch đã có báo cáo, `no_issuer` khi chương trình chưa ghi cơ quan phối hợp."
    ),
)
def create_report(request: HttpRequest, payload: ReportCreate) -> Status[Report]:
    from phoihop.planning.selectors import plans_visible_to

    user = api_user(request)
    if not permissions.can_compile(user):
        raise PermissionDenied
    data = payload.dict(exclude_unset=True)
    plan_id, year = data.pop("plan_id", None), data.pop("year", None)
    if (plan_id is None) == (year is None):
        raise field_error(
            "plan_id", _("Hãy ghi một trong hai: mã kế hoạch (plan_id) hoặc năm (year)."), "plan_required"
        )
    plans = plans_visible_to(user)
    plan = plans.filter(pk=plan_id).first() if plan_id is not None else plans.filter(year=year).first()
    if plan is None:
        field, wanted = ("plan_id", plan_id) if plan_id is not None else ("year", year)
        raise field_error(field, _("Không có kế hoạch %(plan)s.") % {"plan": wanted}, "unknown_plan")
    if data.get("issue_date") is not None:
        data["issue_year"] = data["issue_date"].year
    report = services.create_report(actor=user, plan=plan, data=data)
    return Status(201, selectors.get_report(user=user, pk=report.pk))


# --- Named figures ------------------------------------------------------------------------------------------------


class FigureOut(Schema):
    id: int
    name: str = Field(description="Tên dùng trong đoạn: {{TEN}}, {{TEN.ty_le}}…")
    target_id: int = Field(description="Dòng chỉ tiêu của kế hoạch mà tên này chỉ tới.")
    indicator_code: str
    indicator_name: str
    agency_name: str = Field(description="Đơn vị của dòng chỉ tiêu; rỗng khi là chỉ tiêu chung.")
    text: str = Field("", description="Số liệu in ra trong báo cáo hiện nay (ví dụ 13.297/21.500).")
    version: int

    @staticmethod
    def resolve_indicator_code(obj: ReportFigure) -> str:
        return obj.target.indicator.code

    @staticmethod
    def resolve_indicator_name(obj: ReportFigure) -> str:
        return obj.target.indicator.name

    @staticmethod
    def resolve_agency_name(obj: ReportFigure) -> str:
        return obj.target.agency.name if obj.target.agency_id and obj.target.agency else ""


class TargetLineOut(Schema):
    target_id: int = Field(description="Mã dòng chỉ tiêu, dùng làm target_id khi đặt tên.")
    indicator_code: str
    indicator_name: str
    agency_id: int | None
    agency_name: str
    names: list[str] = Field(description="Các tên đã đặt cho dòng này trong báo cáo.")


class FiguresOut(Schema):
    named: list[FigureOut] = Field(description="Các số liệu đã đặt tên, theo tên.")
    available: list[TargetLineOut] = Field(description="Mọi dòng chỉ tiêu của kế hoạch, theo thứ tự của kế hoạch.")
    can_edit: bool = Field(description="Người gọi có được đặt, đổi, xóa tên số liệu của báo cáo này không.")


class FigureIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=40, description="Chữ không dấu, số, “_” và “-”, bắt đầu bằng một chữ; ví dụ DV_MOI.")
    target_id: int = Field(description="Dòng chỉ tiêu của kế hoạch của báo cáo.")


class FigurePatch(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    name: str | None = Field(None, max_length=40, description="Tên mới; không đổi được khi tên cũ còn trong đoạn.")
    target_id: int | None = Field(None, description="Dòng chỉ tiêu mới.")


def _target(user: Any, report: Report, target_id: int) -> Any:
    from phoihop.indicators.selectors import list_targets

    target = list_targets(user=user, plan=report.plan).filter(pk=target_id).first()
    if target is None:
        raise field_error(
            "target_id",
            _("Kế hoạch của báo cáo không có dòng chỉ tiêu số %(id)s.") % {"id": target_id},
            "unknown_target",
        )
    return target


@router.get(
    "/reports/{report_id}/figures",
    response={200: FiguresOut, **ERROR_RESPONSES},
    summary="Số liệu có thể đặt tên và số liệu đã đặt tên",
)
def list_figures(request: HttpRequest, report_id: int) -> Any:
    from phoihop.indicators.selectors import list_targets

    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    named = list(selectors.figures_of(report))
    printed = build_report_data(report).figures
    for figure in named:
        figure.text = printed[figure.name].text if figure.name in printed else ""  # type: ignore[attr-defined]
    names: dict[int, list[str]] = {}
    for figure in named:
        names.setdefault(figure.target_id, []).append(figure.name)
    available = [
        {
            "target_id": target.pk,
            "indicator_code": target.indicator.code,
            "indicator_name": target.indicator.name,
            "agency_id": target.agency_id,
            "agency_name": target.agency.name if target.agency_id and target.agency else "",
            "names": names.get(target.pk, []),
        }
        for target in list_targets(user=user, plan=report.plan).select_related("indicator", "agency")
    ]
    return {"named": named, "available": available, "can_edit": permissions.can_name_figures(user, report)}


@router.post(
    "/reports/{report_id}/figures",
    response={201: FigureOut, **ERROR_RESPONSES},
    summary="Đặt tên cho một dòng chỉ tiêu để dùng trong đoạn",
    description="422 `bad_name`, `reserved_name`, `duplicate_name`, `unknown_target`; 403 khi báo cáo không còn là "
    "dự thảo hoặc người gọi chỉ được xem.",
)
def create_figure(request: HttpRequest, report_id: int, payload: FigureIn) -> Status[ReportFigure]:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    # Checked again by the service; asked first so a caller who may not write gets 403, not a 422 about an id.
    if not permissions.can_name_figures(user, report):
        raise PermissionDenied
    figure = services.create_figure_name(
        actor=user, report=report, name=payload.name, target=_target(user, report, payload.target_id)
    )
    return Status(201, selectors.get_figure(user=user, pk=figure.pk))


@router.get("/figures/{figure_id}", response={200: FigureOut, **ERROR_RESPONSES}, summary="Một số liệu đã đặt tên")
def get_figure(request: HttpRequest, figure_id: int) -> ReportFigure:
    return selectors.get_figure(user=api_user(request), pk=figure_id)


@router.patch(
    "/figures/{figure_id}",
    response={200: FigureOut, **ERROR_RESPONSES},
    summary="Đổi tên hoặc dòng chỉ tiêu của số liệu",
    description="422 `in_use` khi tên cũ còn được dùng trong một đoạn; 409 khi `version` đã cũ.",
)
def update_figure(request: HttpRequest, figure_id: int, payload: FigurePatch) -> ReportFigure:
    user = api_user(request)
    figure = selectors.get_figure(user=user, pk=figure_id)
    # Checked again by the service; asked first so a caller who may not write gets 403, not a 422 about an id.
    if not permissions.can_name_figures(user, figure.report):
        raise PermissionDenied
    data = patch_data(payload, ReportFigure)
    version = data.pop("version")
    if "target_id" in data:
        data["target"] = _target(user, figure.report, data.pop("target_id"))
    services.update_figure_name(actor=user, figure=figure, data=data, expected_version=version)
    return selectors.get_figure(user=user, pk=figure_id)


@router.delete(
    "/figures/{figure_id}",
    response={204: None, **ERROR_RESPONSES},
    summary="Bỏ tên số liệu",
    description="422 `in_use` khi tên còn được dùng trong một đoạn; 409 khi `version` đã cũ.",
)
def delete_figure(request: HttpRequest, figure_id: int, version: int) -> Status[None]:
    user = api_user(request)
    figure = selectors.get_figure(user=user, pk=figure_id)
    services.delete_figure_name(actor=user, figure=figure, expected_version=version)
    return Status(204, None)


# --- Listings -----------------------------------------------------------------------------------------------------


class ListingOut(Schema):
    id: int
    report_id: int
    key: str = Field(description="Tên dùng trong đoạn: [[chu_thich:KEY]] hoặc [[danh_sach:KEY]].")
    title: str
    source: str = Field(description="Nguồn bản ghi (xem GET /listing-sources).")
    record_filter: dict[str, Any] = Field(description="Điều kiện lọc theo các trường của nguồn.")
    agency_id: int | None = Field(
        description="Chỉ bản ghi của đơn vị này và các đơn vị trực thuộc; null là mọi đơn vị."
    )
    period_mode: ListingPeriod
    intro: str = Field(description="Câu dẫn in trước danh sách; được dùng {{…}}.")
    pattern: str = Field(description="Mẫu câu cho mỗi bản ghi, ví dụ “[{thang}, ]khởi công {du_an}”.")
    value_field: str = Field(
        "", description="Trường số mà {{KEY.khoang}}, {{KEY.tong}}… tính trên các bản ghi; rỗng nếu chỉ liệt kê."
    )
    separator: str
    ending: str
    owner_agency_id: int = Field(description="Cơ quan soạn danh sách.")
    text: str = Field("", description="Danh sách in ra hiện nay.")
    version: int


class ListingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(max_length=40, description="Chữ không dấu, số, “_” và “-”, bắt đầu bằng một chữ.")
    title: str = Field(max_length=300, description="Mô tả.")
    source: str = Field(max_length=60, description="Nguồn bản ghi (xem GET /listing-sources).")
    record_filter: dict[str, Any] = Field(
        default_factory=dict, description='Điều kiện lọc, ví dụ {"kind": "party_cell"}.'
    )
    agency_id: int | None = Field(
        None, description="Bản ghi của đơn vị (và các đơn vị trực thuộc); null là mọi đơn vị."
    )
    period_mode: ListingPeriod = ListingPeriod.REPORTING_PERIOD
    intro: str = ""
    pattern: str = Field(description="Mẫu câu cho mỗi bản ghi; chỉ dùng các trường của nguồn.")
    value_field: str = Field("", max_length=60, description="Trường số cho {{KEY.khoang}}, {{KEY.tong}}…")
    separator: str = Field(" ", max_length=10)
    ending: str = Field("", max_length=10)
    owner_agency_id: int = Field(description="Cơ quan soạn: một cơ quan ban hành mà người gọi soạn thay được.")


@patch_schema(ListingIn)
class ListingPatch(Schema):
    pattern: str | None = Field(None, description="Mẫu câu mới; kiểm tra theo các trường của nguồn khi lưu.")


class SourceFieldOut(Schema):
    name: str
    label: str


class SourceOut(Schema):
    key: str
    label: str
    dated: bool = Field(description="Có lọc theo ngày được không (không thì chỉ dùng period_mode=current).")
    fields: list[SourceFieldOut] = Field(description="Các trường dùng được trong mẫu câu: {ten}, {ngay}…")


def _listing_data(user: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Ids of the schema to the agencies the service takes; an id the caller cannot see is a 422 on its field."""
    data = apply_refs(user, data, (AGENCY, OWNER))
    if data.get("period_mode") is not None:
        data["period_mode"] = str(getattr(data["period_mode"], "value", data["period_mode"]))
    return data


def _listing_out(listing: Listing, printed: Any) -> Listing:
    shown = printed.get(listing.key)
    listing.text = getattr(shown, "text", "") if shown is not None else ""  # type: ignore[attr-defined]
    return listing


@router.get(
    "/listing-sources",
    response=list[SourceOut],
    summary="Các nguồn bản ghi của danh sách và các trường dùng được trong mẫu câu",
)
def list_sources(request: HttpRequest) -> Any:
    from phoihop.reports.sources import all_sources

    api_user(request)
    return [
        {
            "key": key,
            "label": str(source.label),
            "dated": bool(source.dated),
            "fields": [
                {"name": f.name, "label": str(f.label)} for f in sorted(source.fields().values(), key=lambda f: f.name)
            ],
        }
        for key, source in sorted(all_sources().items())
    ]


@router.get(
    "/reports/{report_id}/listings",
    response={200: list[ListingOut], **ERROR_RESPONSES},
    summary="Các danh sách (chú thích) của báo cáo, với nội dung in ra",
)
def list_listings(request: HttpRequest, report_id: int) -> Any:
    report = selectors.get_report(user=api_user(request), pk=report_id)
    printed = build_report_data(report).listings
    return [_listing_out(listing, printed) for listing in selectors.listings_of(report).order_by("key")]


@router.post(
    "/reports/{report_id}/listings",
    response={201: ListingOut, **ERROR_RESPONSES},
    summary="Tạo danh sách (chú thích) của báo cáo",
    description="422 `bad_name`, `duplicate_name`, `unknown_source`, `unknown_field` (trường không có trong nguồn), "
    "`undated_source`, `unknown_agency`; 403 khi người gọi không soạn được cho cơ quan đã chọn.",
)
def create_listing(request: HttpRequest, report_id: int, payload: ListingIn) -> Status[Listing]:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    # Checked again by the service; asked first so a caller who may not write gets 403, not a 422 about an id.
    if not permissions.can_draft_for(user, report, payload.owner_agency_id):
        raise PermissionDenied
    listing = services.create_listing(actor=user, report=report, data=_listing_data(user, payload.dict()))
    listing = selectors.get_listing(user=user, pk=listing.pk)
    return Status(201, _listing_out(listing, build_report_data(report).listings))


@router.get("/listings/{listing_id}", response={200: ListingOut, **ERROR_RESPONSES}, summary="Một danh sách")
def get_listing(request: HttpRequest, listing_id: int) -> Listing:
    listing = selectors.get_listing(user=api_user(request), pk=listing_id)
    return _listing_out(listing, build_report_data(listing.report).listings)


@router.patch(
    "/listings/{listing_id}",
    response={200: ListingOut, **ERROR_RESPONSES},
    summary="Sửa danh sách: mẫu câu, câu dẫn, điều kiện lọc…",
    description="Mẫu câu được kiểm tra theo các trường của nguồn (422 với tên trường sai); 403 khi danh sách là của "
    "cơ quan khác hoặc cơ quan soạn đã xác nhận phần của mình; 409 khi `version` đã cũ.",
)
def update_listing(request: HttpRequest, listing_id: int, payload: ListingPatch) -> Listing:
    user = api_user(request)
    listing = selectors.get_listing(user=user, pk=listing_id)
    # Checked again by the service; asked first so a caller who may not write gets 403, not a 422 about an id.
    if not permissions.can_edit_listing(user, listing):
        raise PermissionDenied
    data = patch_data(payload, Listing)
    version = data.pop("version")
    services.update_listing(actor=user, listing=listing, data=_listing_data(user, data), expected_version=version)
    listing = selectors.get_listing(user=user, pk=listing_id)
    return _listing_out(listing, build_report_data(listing.report).listings)


@router.delete(
    "/listings/{listing_id}",
    response={204: None, **ERROR_RESPONSES},
    summary="Xóa danh sách",
    description="422 `in_use` khi danh sách còn được dùng trong một đoạn; 409 khi `version` đã cũ.",
)
def delete_listing(request: HttpRequest, listing_id: int, version: int) -> Status[None]:
    user = api_user(request)
    listing = selectors.get_listing(user=user, pk=listing_id)
    services.delete_listing(actor=user, listing=listing, expected_version=version)
    return Status(204, None)
