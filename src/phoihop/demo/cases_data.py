"""Cases and petitions of the Hai Phong 2023 demo data set.

The seed report (footnote 1) says the City Labour Federation "Tư vấn 05 vụ việc theo yêu cầu của người lao động"
on four topics: severance allowance, overtime pay, moving a worker to other work than in the contract, and the
conditions for unemployment insurance. The five cases below are those consultations; everything personal in them is
invented and obviously fictitious (names with "Mẫu"/"Thử", numbers 0900 000 00x, employers "Mẫu Thử"). The
Economic Zone Authority's enterprise-hotline cases are answered the same day and are enterprise requests, so they do
not change the count of worker consultations. Dates and times of day are illustrative: the seed gives none.

`PERSONAL_STRINGS` lists every personal value here: the test suite fails if any of them appears in a log."""

from __future__ import annotations

# Topic tree: (parent name or "", name, report phrase, position).
TOPICS: list[tuple[str, str, str, int]] = [
    ("", "Tiền lương, phụ cấp", "", 10),
    ("Tiền lương, phụ cấp", "Tiền lương làm thêm giờ", "tiền lương làm thêm giờ", 1),
    ("Tiền lương, phụ cấp", "Lương tối thiểu vùng", "mức lương tối thiểu vùng", 2),
    ("Tiền lương, phụ cấp", "Phụ cấp, bữa ăn giữa ca", "phụ cấp, bữa ăn giữa ca", 3),
    ("", "Hợp đồng lao động", "", 20),
    (
        "Hợp đồng lao động",
        "Chuyển người lao động làm công việc khác so với hợp đồng",
        "chuyển người lao động làm công việc khác so với hợp đồng lao động",
        1,
    ),
    ("Hợp đồng lao động", "Giao kết hợp đồng, thử việc", "giao kết hợp đồng lao động, thử việc", 2),
    ("", "Chấm dứt hợp đồng", "", 30),
    ("Chấm dứt hợp đồng", "Trợ cấp thôi việc", "trợ cấp thôi việc của người lao động", 1),
    ("Chấm dứt hợp đồng", "Trợ cấp mất việc làm", "trợ cấp mất việc làm", 2),
    (
        "Chấm dứt hợp đồng",
        "Đơn phương chấm dứt hợp đồng lao động",
        "đơn phương chấm dứt hợp đồng lao động",
        3,
    ),
    ("", "Bảo hiểm xã hội", "", 40),
    (
        "Bảo hiểm xã hội",
        "Điều kiện hưởng bảo hiểm thất nghiệp",
        "điều kiện hưởng bảo hiểm thất nghiệp",
        1,
    ),
    ("Bảo hiểm xã hội", "Chế độ thai sản", "chế độ thai sản", 2),
    ("Bảo hiểm xã hội", "Bảo hiểm xã hội một lần", "hưởng bảo hiểm xã hội một lần", 3),
    (
        "Bảo hiểm xã hội",
        "Doanh nghiệp chậm đóng, nợ bảo hiểm xã hội",
        "doanh nghiệp chậm đóng, nợ bảo hiểm xã hội",
        4,
    ),
    ("", "Thời giờ làm việc, nghỉ ngơi", "", 50),
    ("Thời giờ làm việc, nghỉ ngơi", "Nghỉ hằng năm, nghỉ lễ, Tết", "nghỉ hằng năm, nghỉ lễ, Tết", 1),
    ("", "An toàn, vệ sinh lao động", "", 60),
    (
        "An toàn, vệ sinh lao động",
        "Tai nạn lao động, bệnh nghề nghiệp",
        "chế độ tai nạn lao động, bệnh nghề nghiệp",
        1,
    ),
    ("", "Tổ chức công đoàn", "", 70),
    (
        "Tổ chức công đoàn",
        "Thành lập công đoàn cơ sở, kết nạp đoàn viên",
        "thành lập công đoàn cơ sở, kết nạp đoàn viên",
        1,
    ),
    ("", "Thủ tục hành chính của doanh nghiệp", "", 80),
    (
        "Thủ tục hành chính của doanh nghiệp",
        "Nội quy lao động, thỏa ước lao động tập thể",
        "đăng ký nội quy lao động, thỏa ước lao động tập thể",
        1,
    ),
    (
        "Thủ tục hành chính của doanh nghiệp",
        "Giấy phép lao động cho người nước ngoài",
        "giấy phép lao động cho người nước ngoài",
        2,
    ),
    ("Thủ tục hành chính của doanh nghiệp", "Thủ tục đầu tư, xây dựng", "thủ tục đầu tư, xây dựng", 3),
]

# Public holidays of 2023 that fell on working days (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương with 30/4 and
# 1/5, Quốc khánh), as the deadline clock needs them.
HOLIDAYS_2023: list[tuple[str, str]] = [
    ("2023-01-02", "Nghỉ bù Tết Dương lịch"),
    ("2023-01-20", "Tết Nguyên đán Quý Mão"),
    ("2023-01-23", "Tết Nguyên đán Quý Mão"),
    ("2023-01-24", "Tết Nguyên đán Quý Mão"),
    ("2023-01-25", "Tết Nguyên đán Quý Mão"),
    ("2023-01-26", "Tết Nguyên đán Quý Mão"),
    ("2023-05-01", "Ngày Quốc tế Lao động"),
    ("2023-05-02", "Nghỉ Giỗ Tổ Hùng Vương, 30/4 và 1/5"),
    ("2023-05-03", "Nghỉ Giỗ Tổ Hùng Vương, 30/4 và 1/5"),
    ("2023-09-01", "Quốc khánh"),
    ("2023-09-04", "Quốc khánh"),
]

# Who handles cases in the demo: (body, officer username, leader username who granted it).
HANDLER_GRANTS: list[tuple[str, str, str]] = [
    ("LĐLĐTP", "ldldtp.canbo", "ldldtp.lanhdao"),
    ("BQLKKT", "bqlkkt.canbo", "bqlkkt.lanhdao"),
]

# Each case: facts, the requester's (fictitious) data, and the steps it went through (status, local time, text).
CASES: list[dict[str, object]] = [
    {
        "agency": "LĐLĐTP",
        "handler": "ldldtp.canbo",
        "channel": "hotline",
        "requester_kind": "worker",
        "topic": "Trợ cấp thôi việc",
        "zone": "KCN Tràng Duệ",
        "enterprise": "",
        "received_at": "2023-03-14 09:15",
        "consent_method": "phone",
        "person": {
            "full_name": "Nguyễn Văn Mẫu",
            "phone": "0900 000 001",
            "employer": "Công ty TNHH Mẫu Thử Số Một",
            "account": (
                "Em làm việc ở công ty được sáu năm, nay công ty chấm dứt hợp đồng. Em hỏi cách tính trợ cấp thôi "
                "việc và thời gian đã đóng bảo hiểm thất nghiệp có được tính không (nội dung minh họa Mẫu Thử 01)."
            ),
        },
        "steps": [
            (
                "answered",
                "2023-03-14 10:40",
                "Đã tư vấn theo Điều 46 Bộ luật Lao động năm 2019: mỗi năm làm việc được trợ cấp một nửa tháng tiền "
                "lương; thời gian đã đóng bảo hiểm thất nghiệp không được tính.",
            ),
            ("closed", "2023-03-20 08:00", ""),
        ],
    },
    {
        "agency": "LĐLĐTP",
        "handler": "ldldtp.canbo",
        "channel": "app",
        "requester_kind": "worker",
        "topic": "Tiền lương làm thêm giờ",
        "zone": "KCN Nomura - Hải Phòng",
        "enterprise": "",
        "received_at": "2023-05-09 14:00",
        "consent_method": "online_form",
        "person": {
            "full_name": "Trần Thị Mẫu",
            "phone": "0900 000 002",
            "employer": "Công ty TNHH Mẫu Thử Số Hai",
            "account": (
                "Chị làm thêm vào ngày nghỉ hằng tuần nhưng công ty chỉ trả như ngày thường; hỏi mức trả lương làm "
                "thêm giờ đúng quy định (nội dung minh họa Mẫu Thử 02)."
            ),
        },
        "steps": [
            ("in_progress", "2023-05-09 15:00", ""),
            (
                "answered",
                "2023-05-10 09:30",
                "Đã tư vấn theo Điều 98 Bộ luật Lao động năm 2019: làm thêm ngày thường ít nhất 150%, ngày nghỉ hằng "
                "tuần ít nhất 200%, ngày nghỉ lễ, Tết ít nhất 300% tiền lương.",
            ),
            ("closed", "2023-05-15 08:00", ""),
        ],
    },
    {
        "agency": "LĐLĐTP",
        "handler": "ldldtp.canbo",
        "channel": "in_person",
        "requester_kind": "worker",
        "topic": "Chuyển người lao động làm công việc khác so với hợp đồng",
        "zone": "KCN An Dương",
        "enterprise": "",
        "received_at": "2023-07-18 08:30",
        "consent_method": "in_person",
        "person": {
            "full_name": "Lê Văn Thử",
            "phone": "0900 000 003",
            "employer": "Công ty TNHH Mẫu Thử Số Ba",
            "account": (
                "Anh bị công ty chuyển sang làm công việc khác với hợp đồng đã ba tháng; hỏi công ty có được làm "
                "như vậy không (nội dung minh họa Mẫu Thử 03)."
            ),
        },
        "steps": [
            (
                "answered",
                "2023-07-18 11:00",
                "Đã tư vấn theo Điều 29 Bộ luật Lao động năm 2019: chỉ được chuyển tạm thời khi có lý do theo luật, "
                "báo trước ít nhất 03 ngày làm việc, không quá 60 ngày làm việc cộng dồn trong một năm nếu người "
                "lao động không đồng ý.",
            ),
            ("closed", "2023-07-25 08:00", ""),
        ],
    },
    {
        "agency": "LĐLĐTP",
        "handler": "ldldtp.canbo",
        "channel": "hotline",
        "requester_kind": "worker",
        "topic": "Điều kiện hưởng bảo hiểm thất nghiệp",
        "zone": "KCN Đình Vũ",
        "enterprise": "",
        "received_at": "2023-09-12 15:20",
        "consent_method": "phone",
        "person": {
            "full_name": "Phạm Thị Thử",
            "phone": "0900 000 004",
            "employer": "Công ty TNHH Mẫu Thử Số Bốn",
            "account": (
                "Chị nghỉ việc sau mười tháng đóng bảo hiểm ở công ty hiện tại, trước đó đóng ở công ty khác; hỏi "
                "có đủ điều kiện hưởng trợ cấp thất nghiệp không (nội dung minh họa Mẫu Thử 04)."
            ),
        },
        "steps": [
            (
                "answered",
                "2023-09-13 08:45",
                "Đã tư vấn theo Điều 49 Luật Việc làm năm 2013: cần đóng đủ 12 tháng trong 24 tháng trước khi chấm "
                "dứt hợp đồng (được cộng các nơi đã đóng) và nộp hồ sơ trong 03 tháng.",
            ),
            ("closed", "2023-09-20 08:00", ""),
        ],
    },
    {
        "agency": "LĐLĐTP",
        "handler": "ldldtp.canbo",
        "channel": "app",
        "requester_kind": "worker",
        "topic": "Tiền lương làm thêm giờ",
        "zone": "KCN Tràng Duệ",
        "enterprise": "",
        "received_at": "2023-10-24 10:05",
        "consent_method": "online_form",
        "person": {
            "full_name": "Hoàng Văn Mẫu",
            "phone": "0900 000 005",
            "employer": "Công ty TNHH Mẫu Thử Số Năm",
            "account": (
                "Anh làm thêm ca đêm, hỏi tiền lương làm thêm giờ vào ban đêm được tính thế nào "
                "(nội dung minh họa Mẫu Thử 05)."
            ),
        },
        "steps": [
            (
                "answered",
                "2023-10-24 16:00",
                "Đã tư vấn theo Điều 98 Bộ luật Lao động năm 2019: làm thêm giờ vào ban đêm được trả thêm ít nhất "
                "30% và 20% tiền lương của ngày làm việc bình thường.",
            ),
            ("closed", "2023-10-31 08:00", ""),
        ],
    },
    {
        "agency": "BQLKKT",
        "handler": "bqlkkt.canbo",
        "channel": "enterprise_hotline",
        "requester_kind": "enterprise",
        "topic": "Nội quy lao động, thỏa ước lao động tập thể",
        "zone": "",
        "enterprise": "0299000014",
        "received_at": "2023-04-11 09:00",
        "consent_method": "phone",
        "person": {
            "full_name": "Đỗ Thị Mẫu",
            "phone": "0900 000 006",
            "employer": "Phòng nhân sự (minh họa Mẫu Thử 06)",
            "account": "Doanh nghiệp hỏi hồ sơ đăng ký nội quy lao động (nội dung minh họa Mẫu Thử 06).",
        },
        "steps": [
            (
                "answered",
                "2023-04-11 14:30",
                "Đã hướng dẫn hồ sơ đăng ký nội quy lao động theo Điều 119, 120 Bộ luật Lao động năm 2019.",
            ),
            ("closed", "2023-04-11 16:00", ""),
        ],
    },
    {
        "agency": "BQLKKT",
        "handler": "bqlkkt.canbo",
        "channel": "enterprise_hotline",
        "requester_kind": "enterprise",
        "topic": "Giấy phép lao động cho người nước ngoài",
        "zone": "",
        "enterprise": "0299000021",
        "received_at": "2023-06-20 10:30",
        "consent_method": "phone",
        "person": {
            "full_name": "Vũ Văn Thử",
            "phone": "0900 000 007",
            "employer": "Phòng hành chính (minh họa Mẫu Thử 07)",
            "account": "Doanh nghiệp hỏi thời hạn cấp giấy phép lao động cho chuyên gia (minh họa Mẫu Thử 07).",
        },
        "steps": [
            ("answered", "2023-06-20 15:00", "Đã hướng dẫn hồ sơ, thời hạn cấp giấy phép lao động."),
            ("closed", "2023-06-20 16:30", ""),
        ],
    },
    {
        "agency": "BQLKKT",
        "handler": "bqlkkt.canbo",
        "channel": "enterprise_hotline",
        "requester_kind": "enterprise",
        "topic": "Thủ tục đầu tư, xây dựng",
        "zone": "",
        "enterprise": "0299000022",
        "received_at": "2023-11-07 08:45",
        "consent_method": "phone",
        "person": {
            "full_name": "Bùi Thị Thử",
            "phone": "0900 000 008",
            "employer": "Ban dự án (minh họa Mẫu Thử 08)",
            "account": "Doanh nghiệp hỏi thủ tục điều chỉnh giấy chứng nhận đầu tư (nội dung minh họa Mẫu Thử 08).",
        },
        "steps": [
            ("answered", "2023-11-07 11:15", "Đã hướng dẫn thủ tục điều chỉnh dự án đầu tư."),
            ("closed", "2023-11-07 16:00", ""),
        ],
    },
    {
        "agency": "LĐLĐTP",
        "handler": "ldldtp.canbo",
        "channel": "letter",
        "requester_kind": "union_cadre",
        "topic": "Thành lập công đoàn cơ sở, kết nạp đoàn viên",
        "zone": "KCN Nam Cầu Kiền",
        "enterprise": "",
        "received_at": "2023-12-27 09:00",
        "consent_method": "in_person",
        "person": {
            "full_name": "Ngô Văn Mẫu",
            "phone": "0900 000 009",
            "employer": "Công đoàn cơ sở (minh họa Mẫu Thử 09)",
            "account": "Cán bộ công đoàn hỏi thủ tục công nhận công đoàn cơ sở mới (nội dung minh họa Mẫu Thử 09).",
        },
        "steps": [("in_progress", "2023-12-27 10:00", "")],
    },
]

CONFERENCE_2023 = (
    "Hội nghị Thường trực Thành ủy gặp gỡ, đối thoại với công nhân, viên chức, lao động thành phố năm 2023"
)
CONCLUSION_2023 = {"number": "1558", "symbol": "TB/TU"}  # Thông báo số 1558-TB/TU, ngày 27/5/2023

PETITIONS: list[dict[str, object]] = [
    {
        "title": "Đẩy nhanh tiến độ các dự án nhà ở xã hội, nhà ở cho công nhân tại các khu công nghiệp",
        "raised_by": "Công nhân lao động các doanh nghiệp trong KCN, KKT",
        "raised_on": "2023-05-13",
        "owner": "BDVTU",
        "responsible": "BQLKKT",
        "zone": "",
        "answer": "Thường trực Thành ủy giao các cơ quan đẩy nhanh thủ tục, khởi công các dự án nhà ở xã hội, "
        "nhà ở công nhân trong năm 2023.",
        "follow_ups": [
            ("2023-05-27", "answered", "Thường trực Thành ủy kết luận tại Thông báo số 1558-TB/TU, ngày 27/5/2023."),
            (
                "2023-12-15",
                "in_progress",
                "Đã khởi công các dự án nhà ở xã hội Lạc Viên, Tràng Duệ; tiếp tục theo dõi.",
            ),
        ],
    },
    {
        "title": "Sớm xây dựng thiết chế công đoàn tại KCN Tràng Duệ",
        "raised_by": "Đoàn viên, người lao động KCN Tràng Duệ",
        "raised_on": "2023-05-13",
        "owner": "BDVTU",
        "responsible": "LĐLĐTP",
        "zone": "KCN Tràng Duệ",
        "answer": "Liên đoàn Lao động thành phố phối hợp tháo gỡ khó khăn để triển khai dự án thiết chế công đoàn.",
        "follow_ups": [
            ("2023-05-27", "answered", "Thường trực Thành ủy kết luận tại Thông báo số 1558-TB/TU, ngày 27/5/2023."),
        ],
    },
]


def _personal_strings() -> list[str]:
    values: list[str] = []
    for case in CASES:
        person = case["person"]
        assert isinstance(person, dict)  # noqa: S101
        for value in person.values():
            values.append(str(value))
        values.append(str(person["phone"]).replace(" ", ""))
    return values


# Every personal value of the demo (phones also without spaces): none may ever appear in a log.
PERSONAL_STRINGS: tuple[str, ...] = tuple(_personal_strings())
