from phoihop.core import vnformat


def test_seed_fraction_and_percent() -> None:
    assert vnformat.format_fraction(13297, 21500) == "13.297/21.500"
    assert vnformat.format_ratio_percent(13297, 21500) == "61,8%"
