"""What the 2023 seed report states, as the demo tests expect it."""

# Footnote 4 of the seed: the nine wholly foreign-owned companies where a party cell was founded in 2023.
FOOTNOTE_4 = [
    "Công ty TNHH Crystal Sweater Việt Nam",
    "Công ty TNHH ngành gỗ Fuming Việt Nam",
    "Công ty TNHH Maple",
    "Công ty TNHH Công nghệ Amtran Việt Nam",
    "Công ty TNHH Horn Việt Nam",
    "Công ty TNHH Công nghệ vật liệu xây dựng Jinka",
    "Công ty TNHH Flat Việt Nam",
    "Công ty Cổ phần thiết bị điện Nano Phước Thạnh",
    "Công ty TNHH Takahata Precision Việt Nam",
]
