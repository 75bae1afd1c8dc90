"""The Hai Phong bodies, zones and enterprises named in the 2023 joint report (seed), plus a few more that exist.

Tax codes, workforce figures and some zone placements are illustrative: the seed does not give them. Tax codes use
the fictitious prefix 0299 so they cannot be mistaken for a real enterprise's."""

from __future__ import annotations

from phoihop.demo import read

DATA = read("directory")

AGENCIES: list[dict[str, str]] = DATA["AGENCIES"]

# The three bodies that sign the joint report, in the order they sign.
JOINT_BODIES = ["BDVTU", "BQLKKT", "LĐLĐTP"]

ZONES: list[dict[str, str]] = DATA["ZONES"]

ENTERPRISES: list[dict[str, str]] = DATA["ENTERPRISES"]

# Section I.7: more FDI enterprises supervised by the City Labour Federation in 2023 (the seed gives the count, 13,
# not the names: these six and seven of the enterprises above make the thirteen; see oversight_data.py).
ENTERPRISES += [
    {
        "name": "Công ty TNHH Yazaki Hải Phòng Việt Nam",
        "short_name": "Yazaki Hải Phòng",
        "tax_code": "0299000701",
        "zone": "KCN Nomura - Hải Phòng",
        "ownership": "wholly_foreign",
        "investor_country": "Nhật Bản",
        "sector": "Dây dẫn điện ô tô",
        "workforce": "",
        "owner": "BQLKKT",
    },
    {
        "name": "Công ty TNHH Toyoda Gosei Hải Phòng",
        "short_name": "Toyoda Gosei",
        "tax_code": "0299000702",
        "zone": "KCN Nomura - Hải Phòng",
        "ownership": "wholly_foreign",
        "investor_country": "Nhật Bản",
        "sector": "Phụ tùng ô tô",
        "workforce": "",
        "owner": "BQLKKT",
    },
    {
        "name": "Công ty TNHH Regina Miracle International Việt Nam",
        "short_name": "Regina Miracle",
        "tax_code": "0299000703",
        "zone": "KCN VSIP Hải Phòng",
        "ownership": "wholly_foreign",
        "investor_country": "Hồng Kông (Trung Quốc)",
        "sector": "May mặc",
        "workforce": "",
        "owner": "BQLKKT",
    },
    {
        "name": "Công ty TNHH Rorze Robotech",
        "short_name": "Rorze Robotech",
        "tax_code": "0299000704",
        "zone": "KCN Nomura - Hải Phòng",
        "ownership": "wholly_foreign",
        "investor_country": "Nhật Bản",
        "sector": "Thiết bị tự động hóa",
        "workforce": "",
        "owner": "BQLKKT",
    },
    {
        "name": "Công ty TNHH Haengsung Electronics Việt Nam",
        "short_name": "Haengsung",
        "tax_code": "0299000705",
        "zone": "KCN Tràng Duệ",
        "ownership": "wholly_foreign",
        "investor_country": "Hàn Quốc",
        "sector": "Điện tử",
        "workforce": "",
        "owner": "BQLKKT",
    },
    {
        "name": "Công ty TNHH Heesung Electronics Việt Nam",
        "short_name": "Heesung",
        "tax_code": "0299000706",
        "zone": "KCN Tràng Duệ",
        "ownership": "wholly_foreign",
        "investor_country": "Hàn Quốc",
        "sector": "Điện tử",
        "workforce": "",
        "owner": "BQLKKT",
    },
]

# One account per role per body, and one administrator. Every demo account shares this password.
DEMO_PASSWORD = "PhoiHop@2023"
ROLE_SLUGS = {"viewer": "xem", "officer": "canbo", "leader": "lanhdao", "secretariat": "thuky"}
BODY_SLUGS = {"BDVTU": "bdvtu", "BQLKKT": "bqlkkt", "LĐLĐTP": "ldldtp"}
ROLE_NAMES = {"viewer": "Người xem", "officer": "Cán bộ", "leader": "Lãnh đạo", "secretariat": "Thư ký"}
ADMIN_USERNAME = "quantri"
