"""A DocumentSpec that mirrors the seed report (the 2023 draft joint report), with its four footnotes in place."""

from __future__ import annotations

from phoihop.reports.docx import (
    Authority,
    DocumentNumber,
    DocumentSpec,
    Footnote,
    Heading,
    Issuer,
    Paragraph,
    Signature,
    Text,
)

FOOTNOTE_1 = (
    "Liên đoàn Lao động thành phố tổ chức khảo sát tình hình việc làm, đời sống, tâm tư, nguyện vọng của CNVCLĐ tại "
    "một số doanh nghiệp, đơn vị. Tư vấn 05 vụ việc theo yêu cầu của người lao động hỏi về các nội dung: Trợ cấp thôi "
    "việc của người lao động; tiền lương làm thêm giờ; chuyển người lao động làm công việc khác so với hợp đồng lao "
    "động; điều kiện hưởng bảo hiểm thất nghiệp."
)
FOOTNOTE_2 = (
    "Tháng 3/2023, Hải Phòng khởi công dự án khu nhà ở xã hội tại Tổng kho 3 Lạc Viên (Dự án 10 block nhà chung cư cao "
    "15 tầng, tổng số khoảng 4.456 căn hộ). Tháng 5/2023, khởi công Dự án khu nhà ở xã hội tại Khu đô thị - Dịch vụ "
    "thương mại và nhà ở công nhân Tràng Duệ (quy mô 2.538 căn). Khởi công Dự án xây dựng Khu nhà ở công nhân viên của "
    "Công ty TNHH Pegatron Việt Nam - Khu kinh tế Đình Vũ Cát Hải (với 10 tòa nhà cao tầng, đáp ứng chỗ ở cho 10.000 "
    "công nhân lao động). Tháng 01/2024: Khởi công Dự án nhà ở xã hội Tràng Cát, quận Hải An (với 4.000 căn nhà, đáp "
    "ứng chỗ ở cho gần 10.000 lao động)."
)
FOOTNOTE_3 = (
    "Dự án đầu tư Xây dựng Khu nhà ở xã hội tại phường Đông Hải 2, quận Hải An (quy mô dân số khoảng 12.000 người) đã "
    "được chấp thuận chủ trương đầu tư và lựa chọn xong nhà đầu tư. Dự án Khu nhà ở xã hội với diện tích 56 ha tại thị "
    "trấn An Dương và các xã Đông Thái, An Đông, huyện An Dương. Dự án Khu ký túc xá của Công ty TNHH LG Display Việt "
    "Nam với quy mô đầu tư xây dựng gồm 12 tòa nhà với quy mô tầng cao 5 tầng, sau khi hoàn thành đáp ứng được chỗ ở "
    "cho khoảng 10.800 người. Dự án đã hoàn thành đưa vào sử dụng giai đoạn 1, giai đoạn 2 và một phần giai đoạn 3 gồm "
    "06 tòa nhà, trong đó có 04 tòa phục vụ công nhân với diện tích sàn xây dựng khoảng 37.000 m², hiện nay đang tiếp "
    "tục tiến hành xây dựng 02 tòa nhà còn lại của giai đoạn 3 với diện tích sàn xây dựng khoảng 18.500m², đáp ứng chỗ "
    "ở cho 1.800 người. Dự án khu đô thị - dịch vụ thương mại và nhà ở công nhân Tràng Duệ tại xã Lê Lợi, huyện An "
    "Dương với diện tích 42,08 ha, trong đó quy hoạch lô đất để xây dựng nhà ở xã hội là 3,14 ha, dự kiến bố trí 4 "
    "block nhà tầng cao tối đa 20 tầng, khoảng 3.600 căn hộ, đáp ứng chỗ ở cho khoảng 12.600 người."
)
PARTY_CELLS = (
    "chi bộ công ty TNHH Crystal Sweater VN",
    "chi bộ công ty TNHH ngành gỗ Fuming Việt Nam",
    "chi bộ công ty TNHH Maple",
    "chi bộ công ty TNHH Công nghệ Amtran Việt Nam",
    "chi bộ Công ty TNHH Horn Việt Nam",
    "Công ty TNHH Công nghệ vật liệu xây dựng Jinka",
    "Chi bộ Công ty TNHH Flat Việt Nam",
    "chi bộ Công ty Cổ phần thiết bị điện Nano Phước Thạnh",
    "chi bộ Công ty TNHH Takahata Precision Việt Nam",
)
FOOTNOTE_4 = ("Chi bộ công ty TNHH Crystal Sweater VN, " + ", ".join(PARTY_CELLS[1:])) + "."
FOOTNOTES = (FOOTNOTE_1, FOOTNOTE_2, FOOTNOTE_3, FOOTNOTE_4)

NUMBER_LINE = "Số -BC/BDVTU-BQLKKT-LĐLĐTP"
SUMMARY_LINES = (
    "kết quả thực hiện Chương trình phối hợp năm 2023",
    "giữa Ban Dân vận Thành ủy - Ban Quản lý Khu kinh tế Hải Phòng -",
    "Liên đoàn Lao động thành phố",
)
RECIPIENTS = (
    "- Thường trực Thành ủy (để b/c);",
    "- Ban Chỉ đạo xây dựng giai cấp công nhân thành phố;",
    "- Lưu: VT.",
)

BDVTU = Issuer(
    header_lines=("THÀNH ỦY HẢI PHÒNG", "BAN DÂN VẬN"),
    profile="hd36",
    signature=Signature(
        authority=Authority.SIGN_FOR,
        office="TRƯỞNG BAN",
        signer_title="PHÓ TRƯỞNG BAN",
        organisation="BAN DÂN VẬN THÀNH ỦY",
    ),
)
BQLKKT = Issuer(
    header_lines=("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "BAN QUẢN LÝ KHU KINH TẾ"),
    profile="nd30",
    signature=Signature(
        authority=Authority.SIGN_FOR,
        office="TRƯỞNG BAN",
        signer_title="PHÓ TRƯỞNG BAN",
        organisation="BAN QUẢN LÝ KHU KINH TẾ",
    ),
)
LDLDTP = Issuer(
    header_lines=("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG"),
    profile="tld",
    signature=Signature(
        authority=Authority.ON_BEHALF,
        office="BAN CHẤP HÀNH",
        signer_title="PHÓ CHỦ TỊCH",
        organisation="LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ",
    ),
)


def seed_blocks() -> tuple[Heading | Paragraph, ...]:
    return (
        Paragraph.of(
            "Thực hiện Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023 về phối hợp thực hiện nhiệm vụ xây dựng "
            "giai cấp công nhân trong khu công nghiệp, khu kinh tế năm 2023, Ban Dân vận Thành ủy, Ban Quản lý Khu "
            "kinh tế và Liên đoàn Lao động thành phố thống nhất đánh giá kết quả triển khai công tác phối hợp về "
            "thực hiện nhiệm vụ xây dựng giai cấp công nhân Hải Phòng trong khu công nghiệp (KCN), khu kinh tế "
            "(KKT), như sau:"
        ),
        Heading(1, "I", "Kết quả thực hiện"),
        Heading(2, "1", "Phối hợp trong công tác lãnh đạo, chỉ đạo"),
        Paragraph.of("- Phối hợp chỉ đạo tăng cường các hoạt động tuyên truyền tại các doanh nghiệp."),
        Heading(
            2, "3", "Phối hợp trong nắm tình hình công nhân lao động, chăm lo bảo vệ quyền lợi cho công nhân lao động"
        ),
        Paragraph.of(
            "- Phối hợp chỉ đạo công tác quản lý lao động tại KCN, KKT; thường xuyên nắm tình hình việc làm, tiền "
            "lương, thu nhập, quan hệ lao động, điều kiện làm việc, phúc lợi đoàn viên; khảo sát, tổng hợp ý kiến của "
            "người lao động và tình hình sản xuất của doanh nghiệp trong KCN, KKT; kịp thời tháo gỡ những khó khăn, "
            "vướng mắc trong quan hệ lao động",
            Footnote.of(FOOTNOTE_1),
            ".",
        ),
        Heading(2, "4", "Phối hợp tham mưu xây dựng các dự án nhà ở cho công nhân"),
        Paragraph.of(
            "- Phối hợp tham mưu triển khai nghị quyết của Thành ủy về phát triển nhà ở xã hội trên địa bàn thành phố "
            "đến năm 2030; khởi công nhiều dự án nhà ở xã hội",
            Footnote.of(FOOTNOTE_2),
            ".",
        ),
        Paragraph.of(
            "- Ban Quản lý Khu kinh tế tập trung hỗ trợ, tháo gỡ khó khăn cho các doanh nghiệp để hoàn thiện các thủ "
            "tục pháp lý, đẩy nhanh tiến độ triển khai xây dựng các dự án nhà ở cho công nhân lao động",
            Footnote.of(FOOTNOTE_3),
            ".",
        ),
        Heading(2, "5", "Phối hợp trong xây dựng, nâng cao chất lượng tổ chức đảng, đoàn thể trong các doanh nghiệp"),
        Paragraph.of(
            "- Phối hợp chỉ đạo, thực hiện hiệu quả Nghị quyết 28-NQ/TU, ngày 10/11/2009 của Ban Thường vụ Thành ủy. "
            "Đảng ủy Khu kinh tế đã thành lập mới được 09/09 tổ chức đảng tại doanh nghiệp có 100% vốn nước ngoài",
            Footnote.of(FOOTNOTE_4),
            ". Kết nạp được 175 quần chúng ưu tú vào Đảng, trong đó 169 đảng viên là người lao động trong các doanh "
            "nghiệp.",
        ),
        Paragraph.of(
            "- Công đoàn Khu kinh tế thành lập mới 22/22 tổ chức công đoàn cơ sở (",
            Text("đạt 100% kế hoạch", italic=True),
            "); phát triển mới 13.297/21.500 đoàn viên, đạt 61,8% kế hoạch năm. Giới thiệu đoàn viên cho Đảng để bồi "
            "dưỡng kết nạp 315/190 (165,7%). Đoàn Thanh niên Khu kinh tế thành lập được 03 tổ chức Đoàn.",
        ),
        Heading(2, "8", "Đánh giá chung"),
        Heading(3, "8.1", "Về ưu điểm"),
        Paragraph.of("Hoàn thành 19/20 nội dung phối hợp tại Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023."),
        Heading(3, "8.2", "Về hạn chế và nguyên nhân"),
        Paragraph.of(
            "Còn 01 nội dung phối hợp chưa được triển khai: Tổ chức kiểm tra, giám sát kết quả thực hiện các chỉ thị, "
            "nghị quyết, kết luận về xây dựng giai cấp công nhân."
        ),
        Heading(1, "II", "Một số nhiệm vụ trọng tâm năm 2024"),
        Paragraph.of(
            "- Nghiên cứu mô hình tổ chức công đoàn hiện nay để đề xuất với Tổng Liên đoàn Lao động Việt Nam sắp xếp, "
            "chuyển giao bảo đảm các quy định pháp luật và điều kiện thực tế./."
        ),
    )


def seed_spec(**overrides: object) -> DocumentSpec:
    values: dict[str, object] = {
        "issuers": (BDVTU, BQLKKT, LDLDTP),
        "number": DocumentNumber(kind="BC", symbol="BDVTU-BQLKKT-LĐLĐTP"),
        "place": "Hải Phòng",
        "year": 2024,
        "draft": True,
        "summary_lines": SUMMARY_LINES,
        "blocks": seed_blocks(),
        "recipients": RECIPIENTS,
    }
    values.update(overrides)
    return DocumentSpec(**values)  # type: ignore[arg-type]
