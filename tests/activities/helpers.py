"""What a browser posts to the activity form, what an API client sends, and small files for attachments."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any

from phoihop.activities.models import Activity

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# A real 1 × 1 grey PNG (chunks with valid checksums, IHDR to IEND) and a JPEG from its start to its end marker:
# the attachment check looks past the first bytes.
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n"
    + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    + png_chunk(b"IDAT", zlib.compress(b"\x00\x80"))
    + png_chunk(b"IEND", b"")
)
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32 + b"\xff\xd9"


def office_bytes(part: str) -> bytes:
    """A minimal OOXML package: "word/document.xml" makes a .docx, "xl/workbook.xml" an .xlsx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<x/>")
    return buffer.getvalue()


def rows_data(prefix: str, rows: list[dict[str, Any]], initial: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def activity_form_data(
    activity: Activity | None = None,
    *,
    participants: list[dict[str, Any]] | None = None,
    outputs: list[dict[str, Any]] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """The activity form as the browser submits it, with its two formsets."""
    if activity is None:
        data: dict[str, Any] = {
            "kind": "communication_campaign",
            "title": "Tuyên truyền Bộ luật Lao động tại KCN Tràng Duệ",
            "series": "",
            "start_date": "2023-04-10",
            "end_date": "2023-04-12",
            "place": "Nhà văn hóa công nhân",
            "zone": "",
            "enterprises": "",
            "notes": "",
            "version": "",
        }
        initial = 0
    else:
        data = {
            "kind": activity.kind,
            "title": activity.title,
            "series": activity.series,
            "start_date": activity.start_date.isoformat(),
            "end_date": activity.end_date.isoformat() if activity.end_date else "",
            "place": activity.place,
            "zone": activity.zone_id or "",
            "enterprises": "\n".join(e.tax_code for e in activity.enterprises.all()),
            "notes": activity.notes,
            "version": activity.version,
        }
        initial = activity.participants.count()
    if participants is None:
        participants = [{"group": "workers", "count": "350", "unit": "persons", "qualifier": "exact", "note": ""}]
    data.update(rows_data("participants", participants, initial=min(initial, len(participants))))
    data.update(rows_data("outputs", outputs or []))
    data.update(overrides)
    return data


def activity_payload(**overrides: Any) -> dict[str, Any]:
    """A valid body for POST /api/v1/activities/activities."""
    payload: dict[str, Any] = {
        "kind": "communication_campaign",
        "title": "Tuyên truyền Bộ luật Lao động tại KCN Tràng Duệ",
        "start_date": "2023-04-10",
        "end_date": "2023-04-12",
        "participants": [{"group": "workers", "count": 350, "unit": "persons"}],
        "outputs": [{"kind": "booklets", "label": "Hỏi đáp về pháp luật lao động", "quantity": 300}],
    }
    payload.update(overrides)
    return payload
