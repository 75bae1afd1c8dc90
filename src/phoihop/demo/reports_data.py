"""The 2023 joint report of the demo data: the seed report (shared/seed/000_5d1f240455ce4299.txt) as the bodies
would write it in the system. Its prose is the seed's, block by block and body by body; every figure in it is a
placeholder bound to the records ({{DV_MOI}} prints "13.297/21.500"), every cited document comes from the registry
({{van_ban:28-NQ/TU}}), and its four footnotes are listings of records. Where the seed slipped, the demo writes it
right: the plan is cited one way, "Tràng Duệ" is spelled as the directory spells it, and the Tràng Cát groundbreaking
of 01/2024 says "tính đến thời điểm báo cáo". Percentages are truncated, as the signed draft printed them (165,7%).

The loader step goes last: it needs the plans, the indicators and every records app's demo data. Indicators the
report needs and no records app defines (the Tet market, the kiosks, the courses…) are added here, through the
indicators' services, counting the activities' records."""

from __future__ import annotations

from typing import Any

YEAR = 2023
SECRETARIAT = "bdvtu.thuky"

# Indicators counting the activities' records for figures of part I that no other step defines.
INDICATORS: list[dict[str, Any]] = [
    {
        "code": "HD-TT-PL-CNLD",
        "name": "Công nhân lao động được tuyên truyền pháp luật lao động, bảo hiểm xã hội, dân chủ ở cơ sở",
        "unit": "người",
        "unit_kind": "persons",
        "measure": "sum_records",
        "record_kind": "activities.participants_persons",
        "record_filter": {"group": "workers", "activity__kind": "communication_campaign"},
        "sum_field": "count",
    },
    {
        "code": "HD-SO-TAY-PL",
        "name": "Tài liệu “Hỏi đáp về pháp luật lao động” phát hành",
        "unit": "cuốn",
        "unit_kind": "other",
        "measure": "sum_records",
        "record_kind": "activities.outputs",
        "record_filter": {"kind": "booklets"},
        "sum_field": "quantity",
    },
    {
        "code": "HD-CHO-TET-DV",
        "name": "Đơn vị, doanh nghiệp tham gia Chợ Tết Công đoàn",
        "unit": "đơn vị, doanh nghiệp",
        "unit_kind": "organisations",
        "measure": "sum_records",
        "record_kind": "activities.outputs",
        "record_filter": {"kind": "participating_units"},
        "sum_field": "quantity",
    },
    {
        "code": "HD-CHO-TET-GH",
        "name": "Gian hàng tiêu dùng tại Chợ Tết Công đoàn",
        "unit": "gian hàng",
        "unit_kind": "other",
        "measure": "sum_records",
        "record_kind": "activities.outputs",
        "record_filter": {"kind": "booths"},
        "sum_field": "quantity",
    },
    {
        "code": "HD-CHO-TET-LUOT",
        "name": "Lượt người tham dự Chợ Tết Công đoàn",
        "unit": "lượt người",
        "unit_kind": "person_times",
        "measure": "sum_records",
        "record_kind": "activities.participants_person_times",
        "record_filter": {"group": "workers", "activity__kind": "welfare_event"},
        "sum_field": "count",
    },
    {
        "code": "HD-KI-OT",
        "name": "Ki-ốt cung cấp hàng phúc lợi thí điểm tại các khu công nghiệp",
        "unit": "ki-ốt",
        "unit_kind": "other",
        "measure": "sum_records",
        "record_kind": "activities.outputs",
        "record_filter": {"kind": "kiosks"},
        "sum_field": "quantity",
    },
    {
        "code": "HD-HV-LUAT",
        "name": "Học viên lớp đại học văn bằng 2 ngành Luật",
        "unit": "học viên",
        "unit_kind": "persons",
        "measure": "sum_records",
        "record_kind": "activities.participants_persons",
        "record_filter": {"group": "students", "activity__kind": "training_class"},
        "sum_field": "count",
    },
    {
        "code": "HD-CB-THANH-TRA",
        "name": "Cán bộ công đoàn được bồi dưỡng nghiệp vụ thanh tra - kiểm tra",
        "unit": "cán bộ",
        "unit_kind": "persons",
        "measure": "sum_records",
        "record_kind": "activities.participants_persons",
        "record_filter": {"group": "union_cadres", "activity__kind": "training_class"},
        "sum_field": "count",
    },
]
INDICATOR_OWNER = "LĐLĐTP"

# Names the blocks use -> (indicator code, body of the plan line).
FIGURES: dict[str, tuple[str, str]] = {
    "TUYEN_TRUYEN_PL": ("HD-TT-PL-CNLD", "LĐLĐTP"),
    "SO_TAY_PL": ("HD-SO-TAY-PL", "LĐLĐTP"),
    "CHO_TET_DON_VI": ("HD-CHO-TET-DV", "LĐLĐTP"),
    "CHO_TET_GIAN_HANG": ("HD-CHO-TET-GH", "LĐLĐTP"),
    "CHO_TET_LUOT": ("HD-CHO-TET-LUOT", "LĐLĐTP"),
    "KI_OT": ("HD-KI-OT", "LĐLĐTP"),
    "TC_DANG": ("TL-TCD-DN-100-NN", "ĐUKKT"),
    "KET_NAP": ("DU-KND", "ĐUKKT"),
    "KET_NAP_NLD": ("DU-KND-NLD", "ĐUKKT"),
    "GT_DANG_LDLD": ("CD-GTD", "LĐLĐTP"),
    "KN_DANG_LDLD": ("CD-KND", "LĐLĐTP"),
    "LOP_TAP_HUAN": ("HD-LOP-TAP-HUAN-CBCD", "LĐLĐTP"),
    "LUOT_TAP_HUAN": ("HD-LUOT-CBCD-TAP-HUAN", "LĐLĐTP"),
    "HOC_VIEN_LUAT": ("HD-HV-LUAT", "LĐLĐTP"),
    "CB_THANH_TRA": ("HD-CB-THANH-TRA", "LĐLĐTP"),
    "CDCS_MOI": ("TL-CDCS-MOI", "CĐKKT"),
    "DV_MOI": ("CD-PTDV", "CĐKKT"),
    "GT_DANG_CDKKT": ("CD-GTD", "CĐKKT"),
    "TC_DOAN": ("TL-TO-CHUC-DOAN", "ĐTNKKT"),
    "GS_FDI": ("GS-DN-FDI-LDLD", "LĐLĐTP"),
}

REPORT: dict[str, Any] = {
    "summary": (
        "kết quả thực hiện Chương trình phối hợp năm 2023\n"
        "giữa Ban Dân vận Thành ủy - Ban Quản lý Khu kinh tế Hải Phòng -\n"
        "Liên đoàn Lao động thành phố"
    ),
    "doc_code": "BC",
    "symbol": "BDVTU-BQLKKT-LĐLĐTP",
    "place": "Hải Phòng",
    "issue_year": 2024,
    "draft_mark": True,
    "rounding": "truncate",
    "recipients": (
        "- Thường trực Thành ủy (để b/c);\n"
        "- Ban Chỉ đạo xây dựng giai cấp công nhân thành phố;\n"
        "- Các đồng chí lãnh đạo 03 cơ quan;\n"
        "- Lưu: VT BDVTU, VT BQLKKT, VT LĐLĐTP."
    ),
}

# The signers, in header order: each body's authority as its own rulebook prints it.
ISSUERS: list[dict[str, str]] = [
    {
        "agency": "BDVTU",
        "profile": "hd36",
        "authority": "sign_for",
        "office": "TRƯỞNG BAN",
        "signer_title": "PHÓ TRƯỞNG BAN",
        "organisation": "BAN DÂN VẬN THÀNH ỦY",
    },
    {
        "agency": "BQLKKT",
        "profile": "nd30",
        "authority": "sign_for",
        "office": "TRƯỞNG BAN",
        "signer_title": "PHÓ TRƯỞNG BAN",
        "organisation": "BAN QUẢN LÝ KHU KINH TẾ",
    },
    {
        "agency": "LĐLĐTP",
        "profile": "tld",
        "authority": "on_behalf",
        "office": "BAN CHẤP HÀNH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "organisation": "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ",
    },
]

# Footnote 2 in the seed's order: the milestone (project name) and its sentence. Footnote 3: the projects.
GROUNDBREAKINGS: list[tuple[str, str]] = [
    (
        "Dự án khu nhà ở xã hội tại Tổng kho 3 Lạc Viên",
        "{thang}, Hải Phòng khởi công {du_an|thuong} (Dự án {du_an.so_toa} block nhà chung cư cao {du_an.so_tang} "
        "tầng, tổng số {du_an.can_ho}).",
    ),
    (
        "Dự án khu nhà ở xã hội tại Khu đô thị - Dịch vụ thương mại và nhà ở công nhân Tràng Duệ",
        "{thang}, khởi công {du_an} (quy mô {du_an.so_can_ho} căn).",
    ),
    (
        "Dự án xây dựng Khu nhà ở công nhân viên của Công ty TNHH Pegatron Việt Nam",
        "Khởi công {du_an} - {du_an.khu} (với {du_an.so_toa} tòa nhà cao tầng, đáp ứng chỗ ở cho {du_an.cho_o}).",
    ),
    (
        "Dự án nhà ở xã hội Tràng Cát",
        "Tính đến thời điểm báo cáo, {thang|thuong}: khởi công {du_an}, {du_an.quan} (với {du_an.so_can_ho} căn nhà, "
        "đáp ứng chỗ ở cho {du_an.cho_o}).",
    ),
]
PROJECTS_IN_PROGRESS: list[tuple[str, str]] = [
    (
        "Dự án đầu tư xây dựng Khu nhà ở xã hội tại phường Đông Hải 2",
        "{ten}, {quan} (quy mô dân số {cho_o}) đã được chấp thuận chủ trương đầu tư và lựa chọn xong nhà đầu tư.",
    ),
    (
        "Dự án Khu nhà ở xã hội tại thị trấn An Dương và các xã Đông Thái, An Đông",
        "Dự án Khu nhà ở xã hội với diện tích {dien_tich_dat} ha tại {dia_diem}.",
    ),
    (
        "Dự án Khu ký túc xá của Công ty TNHH LG Display Việt Nam",
        "{ten} với quy mô đầu tư xây dựng gồm {so_toa} tòa nhà với quy mô tầng cao {so_tang} tầng, sau khi hoàn thành "
        "đáp ứng được chỗ ở cho {cho_o}. Dự án đã hoàn thành đưa vào sử dụng {hoan_thanh.giai_doan|thuong} gồm "
        "{hoan_thanh.so_toa|02} tòa nhà, trong đó có {hoan_thanh.toa_cong_nhan|02} tòa phục vụ công nhân với diện tích "
        "sàn xây dựng {hoan_thanh.dien_tich_san}, hiện nay đang tiếp tục tiến hành xây dựng {dang_xay.so_toa|02} tòa "
        "nhà còn lại của giai đoạn 3 với diện tích sàn xây dựng {dang_xay.dien_tich_san}, đáp ứng chỗ ở cho "
        "{dang_xay.cho_o}.",
    ),
    (
        "Dự án Khu đô thị - dịch vụ thương mại và nhà ở công nhân Tràng Duệ",
        "{ten} tại {dia_diem} với diện tích {dien_tich_dat} ha, trong đó quy hoạch lô đất để xây dựng nhà ở xã hội là "
        "{dat_noxh} ha, dự kiến bố trí {so_toa} block nhà tầng cao tối đa {so_tang} tầng, {can_ho}, đáp ứng chỗ ở "
        "cho {cho_o}.",
    ),
]

LISTINGS: list[dict[str, Any]] = [  # "entries": (kind of record, [(its name, its own pattern)])
    {
        "key": "TU_VAN_NLD",
        "title": "Tư vấn cho người lao động theo nội dung (chú thích 1)",
        "source": "cases.worker_consultations",
        "record_filter": {},
        "agency": "LĐLĐTP",
        "period_mode": "period",
        "intro": (
            "Liên đoàn Lao động thành phố tổ chức khảo sát tình hình việc làm, đời sống, tâm tư, nguyện vọng của "
            "CNVCLĐ tại một số doanh nghiệp, đơn vị. Tư vấn {{TU_VAN_NLD.so_luong}} vụ việc theo yêu cầu của người "
            "lao động hỏi về các nội dung:"
        ),
        "pattern": "{noi_dung}",
        "separator": "; ",
        "ending": ".",
        "owner": "LĐLĐTP",
    },
    {
        "key": "NHA_O_KHOI_CONG",
        "title": "Dự án nhà ở khởi công (chú thích 2)",
        "source": "housing.milestone",
        "record_filter": {"kind": "groundbreaking"},
        "agency": "",
        "period_mode": "until_report",
        "intro": "",
        "pattern": (
            "[{thang}, ]khởi công {du_an}[, {du_an.dia_diem_ngoai_ten}][ (quy mô {du_an.can_ho})][, đáp ứng chỗ ở cho "
            "{du_an.cho_o}]."
        ),
        "separator": " ",
        "ending": "",
        "owner": "BDVTU",
        "entries": ("milestone", GROUNDBREAKINGS),
    },
    {
        "key": "NHA_O_DANG_TRIEN_KHAI",
        "title": "Dự án nhà ở công nhân đang triển khai (chú thích 3)",
        "source": "housing.project",
        "record_filter": {"kind__in": ["social_housing", "worker_housing", "dormitory"]},
        "agency": "BQLKKT",
        "period_mode": "current",
        "intro": "",
        "pattern": (
            "{ten}[, {dia_diem_ngoai_ten}][ (quy mô {can_ho})][, đáp ứng chỗ ở cho {cho_o}]"
            "[; hiện ở bước: {buoc|thuong}]."
        ),
        "separator": " ",
        "ending": "",
        "owner": "BQLKKT",
        "entries": ("project", PROJECTS_IN_PROGRESS),
    },
    # Figures over workforce records, not printed as lists: {{BUA_AN.khoang}} is the lowest - highest mid-shift meal
    # value of the year's approved labour reports (the union's negotiation reaches the enterprises' own reports), and
    # {{HO_TRO_BO_TRON.tong_khong_trung}} / {{HO_TRO_BO_TRON.so_doanh_nghiep}} the workers of absconding employers
    # who were helped (each enterprise once: its support that reached the most people) and their enterprises.
    {
        "key": "BUA_AN",
        "title": "Giá trị bữa ăn giữa ca trong báo cáo tình hình lao động đã duyệt",
        "source": "workforce.labourreport",
        "record_filter": {"status": "approved", "meal_value__isnull": False},
        "agency": "",
        "period_mode": "period",
        "intro": "",
        "pattern": "{ten}: {meal_value}đ/suất",
        "value_field": "meal_value",
        "separator": "; ",
        "ending": ".",
        "owner": "LĐLĐTP",
    },
    {
        "key": "HO_TRO_BO_TRON",
        "title": "Hỗ trợ người lao động tại doanh nghiệp có chủ bỏ trốn",
        "source": "workforce.incidentsupport",
        "record_filter": {"incident__kind": "absconding"},
        "agency": "",
        "period_mode": "period",
        "intro": "",
        "pattern": "{vu_viec}: {ten|thuong}",
        "value_field": "people",
        "separator": "; ",
        "ending": ".",
        "owner": "BQLKKT",
    },
    {
        "key": "CHI_BO_FDI",
        "title": "Tổ chức đảng thành lập tại doanh nghiệp 100% vốn nước ngoài (chú thích 4)",
        "source": "organizing.founding",
        "record_filter": {"kind": "party_cell", "enterprise__ownership": "wholly_foreign"},
        "agency": "ĐUKKT",
        "period_mode": "period",
        "intro": "",
        "pattern": "{ten|thuong}",
        "separator": ", ",
        "ending": ".",
        "owner": "BDVTU",
    },
]

# The seed's text section by section: (section, body, text). Sections: "opening", an area number of the 2023 plan
# ("I.1" … "I.7"), "8.1", "8.2", or an area number of the 2024 plan ("II.1" … "II.4").
BLOCKS: list[tuple[str, str, str]] = [
    (
        "opening",
        "BDVTU",
        "Thực hiện {{ke_hoach.trich_yeu}}, Ban Dân vận Thành ủy, Ban Quản lý Khu kinh tế và Liên đoàn Lao động thành "
        "phố thống nhất đánh giá kết quả triển khai công tác phối hợp về thực hiện nhiệm vụ xây dựng giai cấp công "
        "nhân Hải Phòng trong khu công nghiệp (KCN), khu kinh tế (KKT), như sau:",
    ),
    (
        "I.1",
        "BDVTU",
        "- Phối hợp chỉ đạo tăng cường các hoạt động tuyên truyền tại các doanh nghiệp.\n"
        "- Phối hợp tham mưu tổ chức thành công Hội nghị Thường trực Thành ủy gặp gỡ, đối thoại với công nhân, viên "
        "chức, lao động thành phố năm 2023.\n"
        "- Phát huy vai trò nòng cốt trong triển khai hoạt động của Ban Chỉ đạo xây dựng giai cấp công nhân thành phố; "
        "nhất là phối hợp tham mưu Thường trực Thành ủy, Ủy ban nhân dân thành phố lãnh đạo, chỉ đạo về phát triển nhà "
        "ở xã hội, nhà ở cho công nhân, đào tạo nghề; các giải pháp, chủ trương để nâng cao đời sống vật chất, tinh "
        "thần cho công nhân lao động.",
    ),
    (
        "I.2",
        "LĐLĐTP",
        "- Phối hợp trong công tác tuyên truyền về pháp luật lao động, Bảo hiểm xã hội, các chính sách đối với lao "
        "động nữ, Luật Thực hiện dân chủ ở cơ sở cho trên {{TUYEN_TRUYEN_PL}} công nhân lao động tại các doanh nghiệp "
        "trong KCN, KKT. Biên soạn và phát hành {{SO_TAY_PL}} cuốn “Hỏi đáp về pháp luật lao động”. Từng bước thực "
        "hiện chuyển đổi số trong công tác tuyên truyền thông qua các sản phẩm truyền thông hiện đại (infographics, "
        "intro, videoclip...) đăng tải trên: Cổng thông tin Dân vận Hải Phòng, Cổng thông tin của Ban Quản lý Khu kinh "
        "tế, Cổng thông tin điện tử Liên đoàn Lao động thành phố, Fanpage Công đoàn Hải Phòng, các nhóm zalo, "
        "facebook...\n"
        "- Các cấp công đoàn tăng cường phối hợp với các cơ quan truyền thông tuyên truyền về chế độ, chính sách bảo "
        "hiểm xã hội, pháp luật lao động; tuyên truyền về Hội nghị gặp gỡ, đối thoại giữa Thường trực Thành ủy với "
        "công nhân, viên chức, lao động; “Tháng Công nhân” năm 2023; Đại hội Công đoàn các cấp nhiệm kỳ 2023-2028 và "
        "các hoạt động về xây dựng giai cấp công nhân thành phố tại một số doanh nghiệp trong KCN, KKT.",
    ),
    (
        "I.2",
        "BQLKKT",
        "- Ban Quản lý Khu kinh tế phối hợp với Đài Phát thanh và Truyền hình Hải Phòng, Báo Hải Phòng, Cổng thông "
        "tin điện tử thành phố đưa tin về tuyển dụng của các doanh nghiệp trong KCN, KKT đến người lao động có nhu "
        "cầu; thông qua đó đã kết nối, hỗ trợ các doanh nghiệp tuyển dụng lao động.",
    ),
    (
        "I.3",
        "BQLKKT",
        "- Phối hợp chỉ đạo công tác quản lý lao động tại KCN, KKT; thường xuyên nắm tình hình việc làm, tiền lương, "
        "thu nhập, quan hệ lao động, điều kiện làm việc, phúc lợi đoàn viên; khảo sát, tổng hợp ý kiến của người lao "
        "động và tình hình sản xuất của doanh nghiệp trong KCN, KKT; kịp thời tháo gỡ những khó khăn, vướng mắc trong "
        "quan hệ lao động[[chu_thich:TU_VAN_NLD]].\n"
        "- Ban quản lý Khu kinh tế thường xuyên hướng dẫn, giải quyết các thắc mắc, khó khăn của doanh nghiệp về các "
        "thủ tục hành chính trong các lĩnh vực xây dựng, đầu tư, lao động. Thực hiện các biện pháp hỗ trợ công nhân "
        "lao động thiếu việc làm, lao động nhập cư, công nhân lao động tại các doanh nghiệp có chủ lao động bỏ trốn, "
        "doanh nghiệp phá sản. Năm {{ke_hoach.nam}}, đã hỗ trợ {{HO_TRO_BO_TRON.tong_khong_trung}} công nhân lao động "
        "tại {{HO_TRO_BO_TRON.so_doanh_nghiep}} doanh nghiệp có chủ lao động bỏ trốn. Chủ trì tổ chức các Hội nghị "
        "kết nối đào tạo lao động chất lượng cao giữa các doanh "
        "nghiệp và các trường đại học, cao đẳng, thỏa thuận hợp tác đào tạo nguồn nhân lực theo chuyên ngành của các "
        "doanh nghiệp. Phối hợp với Sở Văn hóa và Thể thao tổ chức thực hiện Đề án “Sân khấu truyền hình” tại các khu "
        "công nghiệp phục vụ miễn phí cho người lao động. Trưởng Ban Quản lý Khu kinh tế, Giám đốc Công an thành phố "
        "định kỳ tổ chức các cuộc trao đổi, đối thoại với các nhà đầu tư, đặc biệt là các doanh nghiệp sử dụng nhiều "
        "lao động để kịp thời tháo gỡ các vướng mắc trong sản xuất kinh doanh.",
    ),
    (
        "I.3",
        "LĐLĐTP",
        "- Liên đoàn Lao động thành phố quan tâm chăm lo, nâng cao đời sống cho công nhân lao động. Triển khai chuỗi "
        "chương trình “Tết Sum vầy, Xuân gắn kết”; tổ chức “Chợ Tết Công đoàn 2023” với sự tham gia của gần "
        "{{CHO_TET_DON_VI}} đơn vị, doanh nghiệp trong và ngoài thành phố, trên {{CHO_TET_GIAN_HANG}} gian hàng tiêu "
        "dùng, thu hút trên {{CHO_TET_LUOT}} lượt người tham dự. Triển khai App “Hướng Công” và đường dây tư vấn, hỗ "
        "trợ đoàn viên, người lao động 24/7. Tổ chức thí điểm {{KI_OT}} ki-ốt cung cấp hàng phúc lợi cho công nhân "
        "lao động tại các khu công nghiệp. Thương lượng với người sử dụng lao động điều chỉnh bữa ăn giữa ca, bình "
        "quân từ {{BUA_AN.khoang}}/suất. Phối hợp với các doanh nghiệp giải quyết nhiều kiến nghị nhằm bảo đảm các "
        "quyền và "
        "lợi ích chính đáng cho người lao động. Tăng cường giám sát việc thực hiện chế độ chính sách đối với công nhân "
        "lao động và việc thực hiện quy chế dân chủ ở cơ sở. Tư vấn, hỗ trợ người lao động khó khăn được hưởng các gói "
        "an sinh xã hội.",
    ),
    (
        "I.4",
        "BDVTU",
        "- Phối hợp tham mưu triển khai nghị quyết của Thành ủy về phát triển nhà ở xã hội trên địa bàn thành phố đến "
        "năm 2030; khởi công nhiều dự án nhà ở xã hội[[chu_thich:NHA_O_KHOI_CONG]].",
    ),
    (
        "I.4",
        "BQLKKT",
        "- Ban Quản lý Khu kinh tế tập trung hỗ trợ, tháo gỡ khó khăn cho các doanh nghiệp để hoàn thiện các thủ tục "
        "pháp lý, đẩy nhanh tiến độ triển khai xây dựng các dự án nhà ở cho công nhân lao động"
        "[[chu_thich:NHA_O_DANG_TRIEN_KHAI]].",
    ),
    (
        "I.4",
        "LĐLĐTP",
        "- Liên đoàn Lao động thành phố làm việc với Ban Quản lý thiết chế Tổng Liên đoàn Lao động Việt Nam, huyện An "
        "Dương và Sở Xây dựng tập trung tháo gỡ khó khăn để triển khai các Dự án xây dựng thiết chế công đoàn tại KCN "
        "Tràng Duệ.",
    ),
    (
        "I.5",
        "BDVTU",
        "- Phối hợp chỉ đạo, thực hiện hiệu quả {{van_ban:28-NQ/TU.day_du}}. Đảng ủy Khu kinh tế đã thành lập mới "
        "được {{TC_DANG}} tổ chức đảng tại doanh nghiệp có 100% vốn nước ngoài[[chu_thich:CHI_BO_FDI]]. Kết nạp được "
        "{{KET_NAP}} quần chúng ưu tú vào Đảng, trong đó {{KET_NAP_NLD}} đảng viên là người lao động trong các doanh "
        "nghiệp.",
    ),
    (
        "I.5",
        "LĐLĐTP",
        "- Liên đoàn Lao động thành phố giới thiệu {{GT_DANG_LDLD}} đoàn viên ưu tú bồi dưỡng kết nạp Đảng, trong đó "
        "có {{KN_DANG_LDLD}} đoàn viên được kết nạp Đảng. Tổ chức {{LOP_TAP_HUAN}} lớp tập huấn, bồi dưỡng kỹ năng, "
        "nghiệp vụ công tác công đoàn, kiến thức pháp luật, an toàn vệ sinh lao động cho {{LUOT_TAP_HUAN}} lượt cán "
        "bộ công đoàn. Phối hợp với Trường Đại học Công đoàn Việt Nam và Trung tâm giáo dục thường xuyên Hải Phòng tổ "
        "chức lớp đào tạo Đại học văn bằng 2 (*hệ vừa làm, vừa học*) ngành Luật cho {{HOC_VIEN_LUAT}} học viên. Phối "
        "hợp với Trường Thanh tra Chính phủ mở lớp bồi dưỡng nghiệp vụ Thanh tra - Kiểm tra cho {{CB_THANH_TRA}} cán "
        "bộ công đoàn.\n"
        "- Công đoàn Khu kinh tế thành lập mới {{CDCS_MOI}} tổ chức công đoàn cơ sở (*{{CDCS_MOI.dat}}*); phát triển "
        "mới {{DV_MOI}} đoàn viên, {{DV_MOI.dat}} năm. Giới thiệu đoàn viên cho Đảng để bồi dưỡng kết nạp "
        "{{GT_DANG_CDKKT}} ({{GT_DANG_CDKKT.ty_le}}). Đoàn Thanh niên Khu kinh tế thành lập được {{TC_DOAN}} tổ chức "
        "Đoàn.",
    ),
    (
        "I.6",
        "BDVTU",
        "Các đơn vị đã tích cực triển khai thực hiện phong trào thi đua “Dân vận khéo”, thu hút được nhiều đoàn viên, "
        "công nhân lao động tham gia. Có nhiều mô hình tiêu biểu như: Mô hình “Đảm bảo nâng cao chất lượng hoạt động "
        "hỗ trợ giải quyết khó khăn, vướng mắc cho doanh nghiệp thực chất, hiệu quả qua số điện thoại đường dây nóng "
        "của Ban; mô hình “Tổ chức đối thoại định kỳ giữa Trưởng ban Ban Quản lý Khu kinh tế Hải Phòng với các doanh "
        "nghiệp và công nhân trong các KCN, KKT trên địa bàn thành phố Hải Phòng”; mô hình “Vận động tổ chức doanh "
        "nghiệp sử dụng dịch vụ Bưu chính công ích trong tiếp nhận và trả kết quả thủ tục hành chính”; mô hình “Vận "
        "động tổ chức doanh nghiệp tham gia thanh toán điện tử đạt 100%”; mô hình “Vận động tổ chức, doanh nghiệp "
        "thực hiện báo cáo, trao đổi thông tin trên hệ thống phần mềm eHeza”; mô hình “Khu nhà trọ văn minh an toàn”. "
        "Nhiều mô hình “Dân vận khéo” được Ủy ban nhân dân thành phố tặng Bằng khen trong năm 2023.",
    ),
    (
        "I.7",
        "BDVTU",
        "- Phối hợp tham gia kiểm tra, giám sát các doanh nghiệp trong việc thực hiện quy chế dân chủ cơ sở; ký kết "
        "thỏa ước lao động tập thể; tổ chức hội nghị người lao động.",
    ),
    (
        "I.7",
        "LĐLĐTP",
        "- Liên đoàn Lao động thành phố chủ trì phối hợp tổ chức giám sát tại {{GS_FDI}} doanh nghiệp FDI tập trung "
        "vào các nội dung: Mức lương tối thiểu vùng; công tác an toàn vệ sinh lao động; quy chế dân chủ, thỏa ước lao "
        "động tập thể.",
    ),
    (
        "I.7",
        "BQLKKT",
        "- Ban Quản lý Khu kinh tế chủ trì hướng dẫn, kiểm tra, giám sát doanh nghiệp trong KCN, KKT thực hiện các "
        "quy định của pháp luật về nội quy lao động, thỏa ước lao động tập thể, thực hiện công tác kết nối giữa cơ "
        "quan quản lý nhà nước với doanh nghiệp để tạo điều kiện cho Công đoàn Khu kinh tế tiến hành thành lập tổ "
        "chức công đoàn cơ sở tại doanh nghiệp. Thực hiện nhiệm vụ hướng dẫn doanh nghiệp thực hiện pháp luật nói "
        "chung và Bộ Luật lao động nói riêng. Phối hợp với Sở Lao động - Thương binh và Xã hội, Liên đoàn Lao động "
        "thành phố và các cơ quan liên quan thúc đẩy hỗ trợ đối thoại, thương lượng tập thể và giải quyết tranh chấp "
        "lao động trong các doanh nghiệp; kiểm tra, giám sát việc thực thi nghĩa vụ, thực hiện pháp luật lao động, "
        "quyền lợi của người lao động, nhất là đối với lao động nữ.",
    ),
    (
        "8.1",
        "BDVTU",
        "Chương trình phối hợp thực hiện nhiệm vụ xây dựng giai cấp công nhân Hải Phòng trong KCN, KKT giai đoạn "
        "{{ke_hoach.giai_doan}} và Kế hoạch phối hợp năm {{ke_hoach.nam}} đã được {{bao_cao.so_co_quan}} cơ quan "
        "nghiêm túc triển khai thực hiện; có sự phối hợp hiệu quả trong công tác lãnh đạo, chỉ đạo triển khai các hoạt "
        "động. Công tác phối hợp nắm tình hình về đời sống, việc làm, tiền lương, thu nhập, quan hệ lao động, điều "
        "kiện làm việc, phúc lợi của người lao động và tình hình sản xuất của doanh nghiệp trong KCN được thực hiện "
        "thường xuyên, hiệu quả. Công tác tuyên truyền đạt nhiều kết quả tích cực, có sự đổi mới, thiết thực về nội "
        "dung, linh hoạt, phù hợp về hình thức. Công tác phát triển đảng, thành lập mới công đoàn cơ sở theo tinh thần "
        "{{van_ban:28-NQ/TU.ten}} của Ban Thường vụ Thành ủy đạt chỉ tiêu đề ra. Các phong trào thi đua trong công "
        "nhân lao động được triển khai hiệu quả; có nhiều mô hình “Dân vận khéo” góp phần thiết thực chăm lo đời sống "
        "cho công nhân lao động. Việc phối hợp tham mưu tổ chức Hội nghị đối thoại giữa Thường trực Thành ủy với công "
        "nhân, viên chức lao động, tham mưu về nhà ở xã hội đạt kết quả tích cực. {{ke_hoach.ket_qua}}.",
    ),
    ("8.2", "BDVTU", "{{ke_hoach.chua_trien_khai}}"),
    (
        "II.1",
        "BDVTU",
        "- Thường xuyên định hướng thông tin, phản bác các thông tin, quan điểm sai trái, thù địch liên quan đến lao "
        "động và công đoàn trên các nền tảng mạng xã hội. Phòng ngừa, ngăn chặn việc lợi dụng thành lập tổ chức của "
        "người lao động tại doanh nghiệp ngoài tổ chức Công đoàn Việt Nam để chống phá Đảng, Nhà nước. Tăng cường "
        "công tác nắm bắt và dự báo tình hình đời sống, việc làm, chế độ bảo hiểm của công nhân lao động thành phố để "
        "kịp thời đề xuất các chủ trương, giải pháp cụ thể.",
    ),
    (
        "II.1",
        "LĐLĐTP",
        "- Tiếp tục tuyên truyền về những chính sách ưu việt của thành phố cho người lao động: Hỗ trợ học phí cho con "
        "em người lao động; hỗ trợ thông tin về nhà ở xã hội cho người lao động; đẩy nhanh tiến độ xây dựng nhà ở công "
        "nhân tại các khu công nghiệp đã được phê duyệt; tiếp tục phối hợp với Sở Văn hóa và Thể thao thực hiện các "
        "chương trình biểu diễn nghệ thuật nhằm nâng cao đời sống tinh thần cho người lao động.",
    ),
    (
        "II.1",
        "BQLKKT",
        "- Tăng cường tuyên truyền, nâng cao nhận thức và xác định đúng vị trí, vai trò của giai cấp công nhân trong "
        "quá trình xây dựng và phát triển thành phố; nâng cao nhận thức, ý thức chính trị của công nhân lao động. Tập "
        "trung tuyên truyền và định hướng tới chủ doanh nghiệp quan tâm hơn nữa tới quyền và bảo vệ lợi ích hợp pháp, "
        "chính đáng cho người lao động; đồng hành với sự phát triển của thành phố. Tăng cường gặp gỡ, tiếp xúc, đối "
        "thoại với doanh nghiệp tạo sự đồng thuận, ủng hộ của chủ doanh nghiệp đối với các chủ trương của thành phố "
        "chăm lo đời sống, việc làm, nhà ở cho công nhân lao động.",
    ),
    (
        "II.2",
        "BDVTU",
        "- Phối hợp tham mưu triển khai thực hiện {{van_ban:09-NQ/TU.day_du}}.\n"
        "- Phối hợp rà soát, đề xuất, điều chỉnh, bổ sung một số chỉ tiêu tại {{van_ban:93-KL/TU.day_du}}.",
    ),
    (
        "II.2",
        "BQLKKT",
        "- Dự báo nhu cầu sử dụng lao động của doanh nghiệp; nghiên cứu, đề xuất các giải pháp, tập trung kết nối, "
        "phối hợp đào tạo nguồn nhân lực có chất lượng, đáp ứng nhu cầu của các doanh nghiệp trong khu công nghiệp, "
        "khu kinh tế; kết nối doanh nghiệp với các trường đại học, cao đẳng, trung cấp trọng điểm trong việc tuyển "
        "dụng và đào tạo nhân lực.",
    ),
    (
        "II.2",
        "LĐLĐTP",
        "- Phối hợp đẩy nhanh việc triển khai xây dựng thiết chế văn hóa, thể thao tại các khu công nghiệp, khu kinh "
        "tế. Liên đoàn Lao động thành phố phối hợp với Tổng Liên đoàn Lao động Việt Nam đẩy nhanh đầu tư xây dựng "
        "thiết chế công đoàn tại Khu công nghiệp Tràng Duệ.\n"
        "- Phối hợp hoàn thành Đề án do Liên đoàn lao động thành phố chủ trì: Phát triển và nâng cao chất lượng giai "
        "cấp công nhân; bảo đảm quyền lợi hợp pháp và nâng cao đời sống vật chất và tinh thần cho công nhân lao động "
        "thành phố (theo {{van_ban:02-CTr/TU.day_du}}).\n"
        "- Phối hợp đánh giá 03 năm thực hiện {{van_ban:16-CTr/TU.day_du}}.",
    ),
    (
        "II.2",
        "BDVTU",
        "- Phát huy vai trò nòng cốt của {{bao_cao.so_co_quan}} cơ quan trong phối hợp thực hiện nhiệm vụ xây dựng "
        "giai cấp công nhân thành phố, trọng tâm là thực hiện Thông báo Kết luận của Thường trực Thành ủy tại Chương "
        "trình Thường trực Thành ủy gặp gỡ đối thoại với công nhân, viên chức lao động thành phố "
        "(*{{van_ban:1558-TB/TU}}*); Thông báo Kết luận của đồng chí Bí thư Thành ủy tại Hội nghị tổng kết Ban Chỉ đạo "
        "xây dựng giai cấp công nhân thành phố năm 2023 (*{{van_ban:174-TB/VPTU}}*); Thông báo Kết luận của đồng chí "
        "Phó Bí thư Thường trực Thành ủy tại Hội nghị tổng kết Ban Chỉ đạo xây dựng giai cấp công nhân thành phố năm "
        "2023 (*{{van_ban:12-TB/VPTU}}*); Chương trình công tác năm 2024 của Ban Chỉ đạo Xây dựng giai cấp công nhân "
        "thành phố (*{{van_ban:03-CTr/BCĐ}}*).",
    ),
    (
        "II.3",
        "BQLKKT",
        "- Phối hợp triển khai Luật Thực hiện dân chủ ở cơ sở. Nắm chắc tâm tư, nguyện vọng của công nhân, người lao "
        "động; tình hình quan hệ lao động, thực hiện chế độ, chính sách tại doanh nghiệp. Tăng cường thanh tra, kiểm "
        "tra các đơn vị, doanh nghiệp chậm đóng, nợ BHXH và có chế tài xử phạt nghiêm các doanh nghiệp vi phạm.",
    ),
    (
        "II.3",
        "BDVTU",
        "- Phối hợp triển khai các hoạt động phòng ngừa và tham gia giải quyết hiệu quả tranh chấp lao động tập thể. "
        "Chủ động theo dõi, phát hiện, kiến nghị với Thường trực Thành ủy để chỉ đạo ngăn chặn những vụ việc mâu "
        "thuẫn, bức xúc về quan hệ lao động không phát triển thành vụ việc phức tạp, điểm nóng.",
    ),
    (
        "II.3",
        "LĐLĐTP",
        "- Phối hợp tham mưu hỗ trợ các doanh nghiệp xây dựng ký túc xá, nhà ở cho công nhân lao động. Phối hợp thực "
        "hiện tốt chức năng đại diện chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao "
        "động. Nâng cao chất lượng hướng dẫn tư vấn pháp luật, trợ giúp pháp lý. Chỉ đạo các cấp Công đoàn thành phố "
        "phối hợp thanh tra, kiểm tra, giám sát công tác an toàn vệ sinh lao động; phòng, chống cháy nổ, các chế độ "
        "chính sách đối với người lao động.\n"
        "- Tổ chức đối thoại; nâng cao chất lượng thỏa ước lao động tập thể, trọng tâm là về tiền lương, phụ cấp, điều "
        "kiện làm việc. Phối hợp với các cơ quan chức năng xử lý các vấn đề phát sinh trong thực tiễn, nhất là liên "
        "quan đến việc thực thi các chính sách, chế độ quyền lợi cho người lao động và hoạt động công đoàn.",
    ),
    (
        "II.4",
        "BDVTU",
        "- Phối hợp làm tốt công tác xây dựng tổ chức Đảng, phát triển đảng viên; thành lập tổ chức Đoàn, Hội và kết "
        "nạp đoàn viên, hội viên. Đổi mới nội dung, phương thức hoạt động của tổ chức Công đoàn, Đoàn Thanh niên trong "
        "doanh nghiệp. Chú trọng phát hiện, bồi dưỡng, phát huy vai trò đoàn viên ưu tú, có triển vọng; chuẩn bị tốt "
        "nguồn cán bộ công đoàn giới thiệu cho Đảng xem xét, kết nạp.",
    ),
    (
        "II.4",
        "LĐLĐTP",
        "- Phát động các phong trào thi đua yêu nước, phát huy sáng kiến, cải tiến kỹ thuật, nâng cao năng suất lao "
        "động, hiệu quả công tác chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam. Tập trung xây dựng nâng "
        "cao chất lượng các mô hình “Dân vận khéo” năm 2024. Chú trọng phát hiện, nhân rộng, biểu dương, khen thưởng "
        "kịp thời tập thể, cá nhân có thành tích tiêu biểu trong lao động sản xuất.\n"
        "- Đa dạng hóa các hình thức, biện pháp tuyên truyền, giáo dục của tổ chức công đoàn đảm bảo phù hợp với điều "
        "kiện sống và làm việc của công nhân, người lao động, giúp đông đảo công nhân, người lao động thành phố nhận "
        "thức đầy đủ về Công đoàn Việt Nam.\n"
        "- Nghiên cứu mô hình tổ chức công đoàn hiện nay để đề xuất với Tổng Liên đoàn Lao động Việt Nam sắp xếp, "
        "chuyển giao bảo đảm các quy định pháp luật và điều kiện thực tế./.",
    ),
]


# --- Loader step ----------------------------------------------------------------------------------------------


def _agencies() -> dict[str, Any]:
    from phoihop.directory.models import Agency

    return {agency.short_code: agency for agency in Agency.objects.all()}


def load_report_indicators(report: Any, plan: Any, admin: Any) -> None:
    from phoihop.indicators.models import Indicator, Target
    from phoihop.indicators.services import create_indicator, create_target

    owner = _agencies()[INDICATOR_OWNER]
    position = Target.objects.filter(plan=plan).count()
    for row in INDICATORS:
        indicator = Indicator.objects.filter(code=row["code"]).first()
        if indicator is None:
            indicator = create_indicator(actor=admin, data={**row, "owner_agency": owner})
            report.count("indicators")
        if not Target.objects.filter(plan=plan, indicator=indicator, agency=owner).exists():
            position += 1
            create_target(
                actor=admin,
                plan=plan,
                data={"indicator": indicator, "agency": owner, "value": None, "position": position},
            )
            report.count("targets")


def _section_map(the_report: Any) -> dict[str, Any]:
    from phoihop.reports.choices import SectionKind

    sections: dict[str, Any] = {}
    for section in the_report.sections.select_related("area", "area__plan"):
        if section.kind == SectionKind.OPENING:
            sections["opening"] = section
        elif section.kind == SectionKind.AREA and section.area is not None:
            sections[f"I.{section.area.number}"] = section
        elif section.kind == SectionKind.NEXT_AREA and section.area is not None:
            sections[f"II.{section.area.number}"] = section
        elif section.kind == SectionKind.STRENGTHS:
            sections["8.1"] = section
        elif section.kind == SectionKind.SHORTCOMINGS:
            sections["8.2"] = section
    return sections


def load_report(report: Any) -> None:
    """Step of `load_demo`: the 2023 joint report (idempotent: an existing report of the 2023 plan is left alone)."""
    from django.core.exceptions import ValidationError

    from phoihop.accounts.models import User
    from phoihop.core.services import create_record
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.housing.models import HousingProject, Milestone
    from phoihop.indicators.models import Target
    from phoihop.planning.models import Plan
    from phoihop.reports import services
    from phoihop.reports.models import Report, ReportBlock

    plan = Plan.objects.filter(year=YEAR).first()
    if plan is None or Report.objects.filter(plan=plan).exists():
        return
    admin = User.objects.get(username=ADMIN_USERNAME)
    actor = User.objects.get(username=SECRETARIAT)
    load_report_indicators(report, plan, admin)
    agencies = _agencies()
    the_report = services.create_report(
        actor=actor,
        plan=plan,
        data=REPORT,
        issuers=[agencies[row["agency"]] for row in ISSUERS],
        starter_blocks=False,
    )
    report.count("reports")
    for row in ISSUERS:
        issuer = the_report.issuers.get(agency=agencies[row["agency"]])
        data = {k: v for k, v in row.items() if k != "agency"}
        services.update_issuer(actor=actor, issuer=issuer, data=data, expected_version=issuer.version)
    missing: list[str] = []
    for name, (code, body) in FIGURES.items():
        target = Target.objects.filter(plan=plan, indicator__code=code, agency=agencies[body]).first()
        if target is None:
            missing.append(name)
            continue
        services.create_figure_name(actor=actor, report=the_report, name=name, target=target)
    for spec in LISTINGS:
        listing = services.create_listing(
            actor=actor,
            report=the_report,
            data={
                "key": spec["key"],
                "title": spec["title"],
                "source": spec["source"],
                "record_filter": spec["record_filter"],
                "agency": agencies[spec["agency"]] if spec["agency"] else None,
                "period_mode": spec["period_mode"],
                "intro": spec["intro"],
                "pattern": spec["pattern"],
                "value_field": spec.get("value_field", ""),
                "separator": spec["separator"],
                "ending": spec["ending"],
                "owner_agency": agencies[spec["owner"]],
            },
        )
        entries: list[tuple[str, str]] = []
        kind = ""
        if "entries" in spec:
            kind, entries = spec["entries"]
        for position, (name, pattern) in enumerate(entries, start=1):
            record: Any
            if kind == "milestone":
                record = Milestone.objects.filter(project__name=name, kind="groundbreaking").first()
            else:
                record = HousingProject.objects.filter(name=name).first()
            if record is not None:
                services.set_entry(
                    actor=actor, listing=listing, record_id=record.pk, position=position, pattern=pattern
                )
    sections = _section_map(the_report)
    for position, (where, body, text) in enumerate(BLOCKS, start=1):
        section = sections.get(where)
        if section is None:
            continue
        try:
            services.create_block(
                actor=actor, section=section, owner_agency=agencies[body], text=text, position=position
            )
        except ValidationError:
            # A figure whose records app has not brought its data yet: the block is kept as written, its placeholder
            # prints as "[NAME]" and the checker reports it, rather than a number being typed in.
            create_record(
                actor=actor,
                instance=ReportBlock(section=section, owner_agency=agencies[body], position=position, text=text),
                note="Một số liệu chưa có dữ liệu; xem kết quả kiểm tra của báo cáo.",
            )
        report.count("report blocks")
    if missing:
        report.count("report figures without data", len(missing))
