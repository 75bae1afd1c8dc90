"""Two hundred and more malformed files — truncated, renamed .csv, zip bombs, macro-enabled, external links, wrong
templates, huge strings, dates as text, bad numbers, NFD Vietnamese with wrong cells — each answered with a clear
Vietnamese message and nothing written; none of them a 500 through the page or the API."""

from __future__ import annotations

import io
import random
import unicodedata
import zipfile
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from phoihop.activities.models import Activity
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.registry import spreadsheets
from phoihop.spreadsheets.services import import_file
from tests.spreadsheets.helpers import xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.outside_in]

GOOD = {"name": "Công ty TNHH Alpha", "tax_code": "0201234567", "ownership": "Doanh nghiệp trong nước"}


def rezip(content: bytes, extra: dict[str, bytes], drop: tuple[str, ...] = ()) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename not in drop:
                target.writestr(item, source.read(item.filename))
        for name, data in extra.items():
            target.writestr(name, data)
    return output.getvalue()


def malformed() -> Iterator[tuple[str, str, bytes, str]]:
    """(case id, kind, content, filename)."""
    enterprises = spreadsheets.get("directory.enterprise")
    activities = spreadsheets.get("activities.activity")
    assert enterprises is not None
    assert activities is not None
    good = xlsx(enterprises, [GOOD, {**GOOD, "tax_code": "0201234568", "name": "Beta"}])
    rng = random.Random(13)
    ent = "directory.enterprise"
    # Truncated at 60 points through the file.
    for step in range(60):
        cut = max(1, len(good) * step // 60)
        yield f"truncated-{step}", ent, good[:cut], "cat.xlsx"
    # Not a spreadsheet at all: CSV renamed, text, random bytes, an old .xls name, empty.
    for index in range(20):
        csv = "Tên doanh nghiệp,Mã số thuế\n" + "\n".join(f"Công ty {i},02012345{i:02d}" for i in range(index + 1))
        yield f"csv-renamed-{index}", ent, csv.encode(), "doanh-nghiep.xlsx"
        yield f"random-bytes-{index}", ent, rng.randbytes(50 + index * 97), "x.xlsx"
    yield "empty", ent, b"", "rong.xlsx"
    yield "csv-name", ent, good, "doanh-nghiep.csv"
    yield "xls-name", ent, good, "doanh-nghiep.xls"
    yield "pk-header-only", ent, b"PK\x03\x04" + b"\0" * 100, "x.xlsx"
    # A zip that is not a workbook.
    yield "zip-not-xlsx", ent, rezip(good, {}, drop=("xl/workbook.xml",)), "x.xlsx"
    # Zip bombs: highly compressible members far larger than their compressed size.
    for index in range(10):
        yield f"zip-bomb-{index}", ent, rezip(good, {f"xl/media/pad{index}.bin": b"\0" * (2_000_000 + index)}), "x.xlsx"
    # Macros and external links.
    for index in range(10):
        yield f"macro-{index}", ent, rezip(good, {"xl/vbaProject.bin": rng.randbytes(100 + index)}), "x.xlsx"
        yield f"external-link-{index}", ent, rezip(good, {"xl/externalLinks/externalLink1.xml": b"<x/>"}), "x.xlsx"
    # Wrong templates: no key row, keys shuffled, another kind's keys, wrong sheet name.
    keys = [column.key for column in enterprises.columns]
    for index in range(10):
        shuffled = keys[:]
        random.Random(index).shuffle(shuffled)
        yield f"keys-shuffled-{index}", ent, xlsx(enterprises, [GOOD], keys=shuffled), "x.xlsx"
        yield f"keys-missing-{index}", ent, xlsx(enterprises, [GOOD], keys=keys[: index % len(keys)]), "x.xlsx"
    yield "other-kinds-keys", ent, xlsx(enterprises, [GOOD], keys=[c.key for c in activities.columns]), "x.xlsx"
    yield "wrong-sheet", ent, xlsx(enterprises, [GOOD], sheet="Sheet1"), "x.xlsx"
    # Cell problems: every one must be named, and nothing written.
    for index in range(10):
        yield f"huge-string-{index}", ent, xlsx(enterprises, [{**GOOD, "name": "Ấ" * (256 + index * 5000)}]), "x.xlsx"
        yield f"bad-tax-code-{index}", ent, xlsx(enterprises, [{**GOOD, "tax_code": "12345" + "x" * index}]), "x.xlsx"
        yield f"bad-number-{index}", ent, xlsx(enterprises, [{**GOOD, "workforce": f"khoảng {index}"}]), "x.xlsx"
        yield f"negative-{index}", ent, xlsx(enterprises, [{**GOOD, "workforce": -1 - index}]), "x.xlsx"
        yield f"bad-choice-{index}", ent, xlsx(enterprises, [{**GOOD, "ownership": f"Loại {index}"}]), "x.xlsx"
        nfd = unicodedata.normalize("NFD", "Công ty Cổ phần Hải Phòng")
        yield (
            f"nfd-bad-code-{index}",
            ent,
            xlsx(enterprises, [{**GOOD, "name": nfd, "tax_code": f"0{index}"}]),
            "x.xlsx",
        )
        yield f"duplicate-{index}", ent, xlsx(enterprises, [GOOD, GOOD]), "x.xlsx"
        row = {"kind": "Tuyên truyền", "title": f"Hoạt động {index}", "start_date": f"ngày {index + 1} tháng 3"}
        yield f"date-as-text-{index}", "activities.activity", xlsx(activities, [row]), "x.xlsx"
        yield f"missing-required-{index}", ent, xlsx(enterprises, [{"name": f"Công ty {index}"}]), "x.xlsx"


def test_two_hundred_malformed_files_are_refused_with_a_message_and_write_nothing(officer) -> None:  # type: ignore[no-untyped-def]
    cases = list(malformed())
    assert len(cases) >= 200
    for case, key, content, filename in cases:
        kind = spreadsheets.get(key)
        assert kind is not None
        outcome = import_file(actor=officer, kind=kind, content=content, filename=filename, confirm=True)
        assert outcome.status in ("refused", "invalid"), case
        assert outcome.message, case
        if outcome.status == "invalid":
            assert outcome.messages, case
            assert all(text.startswith("Trang tính Dữ liệu, dòng ") for text in outcome.messages), case
    assert Enterprise.objects.count() == 0
    assert Activity.objects.count() == 0
    assert ImportBatch.objects.count() == 0


@override_settings(SPREADSHEET_MAX_ROWS=3, SPREADSHEET_MAX_BYTES=200_000)
def test_limits_on_rows_and_size(officer) -> None:  # type: ignore[no-untyped-def]
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    rows = [{**GOOD, "tax_code": f"02012345{i:02d}"} for i in range(5)]
    outcome = import_file(actor=officer, kind=kind, content=xlsx(kind, rows), filename="x.xlsx")
    assert outcome.code == "too_many_rows"
    assert "tối đa 3 dòng" in outcome.message
    outcome = import_file(actor=officer, kind=kind, content=b"PK" + b"\0" * 300_000, filename="x.xlsx")
    assert outcome.code == "too_large"
    assert Enterprise.objects.count() == 0


def test_messages_for_each_refusal(officer) -> None:  # type: ignore[no-untyped-def]
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    good = xlsx(kind, [GOOD])
    expected = {
        "not_xlsx": (b"a,b\n1,2\n", "không phải là tệp Excel .xlsx"),
        "macros": (rezip(good, {"xl/vbaProject.bin": b"x"}), "macro"),
        "external_links": (rezip(good, {"xl/externalLinks/externalLink1.xml": b"<x/>"}), "liên kết tới tệp khác"),
        "zip_bomb": (rezip(good, {"xl/media/pad.bin": b"\0" * 3_000_000}), "bom nén"),
        "wrong_template": (xlsx(kind, [GOOD], keys=["a", "b"]), "dòng khóa ẩn"),
    }
    for code, (content, words) in expected.items():
        outcome = import_file(actor=officer, kind=kind, content=content, filename="x.xlsx")
        assert (outcome.code, words in outcome.message) == (code, True)


def test_nfd_text_is_accepted_and_stored_nfc(officer) -> None:  # type: ignore[no-untyped-def]
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    row = {
        **GOOD,
        "name": unicodedata.normalize("NFD", "Công ty Hải Phòng"),
        "ownership": unicodedata.normalize("NFD", "Doanh nghiệp trong nước"),
    }
    outcome = import_file(actor=officer, kind=kind, content=xlsx(kind, [row]), filename="x.xlsx")
    assert outcome.status == "imported"
    assert Enterprise.objects.get().name == unicodedata.normalize("NFC", "Công ty Hải Phòng")


def test_no_malformed_upload_is_a_500_on_the_page_or_the_api(officer, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    api = api_for(officer, token=True)
    for index, (case, key, content, filename) in enumerate(malformed()):
        if index % 7:
            continue
        page = client.post(f"/excel/{key}/nhap/", {"file": SimpleUploadedFile(filename, content)})
        assert page.status_code == 422, case
        answer = api.client.post(
            f"/api/v1/spreadsheets/imports?kind={key}",
            {"file": SimpleUploadedFile(filename, content)},
            headers=api.headers,
        )
        assert answer.status_code == 422, case
        assert answer.json()["message"], case
    assert Enterprise.objects.count() == 0
