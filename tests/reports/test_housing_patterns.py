"""The demo's default sentence patterns for housing listings name each place once: a project whose name already
says its ward, district or zone is not followed by that place again ("… tại phường Đông Hải 2, phường Đông Hải 2"
was printed). Each default pattern is rendered for projects that share a ward, a district or a zone with their
names and with one another, and no place appears twice in a sentence."""

from __future__ import annotations

import re

import pytest

from phoihop.reports import patterns
from phoihop.reports.sources import Window, get_source
from tests.demo.data import rows
from tests.directory.factories import ZoneFactory
from tests.housing.factories import MilestoneFactory, ProjectFactory

PLACE = re.compile(r"(?:phường|xã|thị trấn|quận|huyện|khu công nghiệp) [A-ZĐ]\w*(?: [A-ZĐ0-9]\w*)*")
LISTINGS = [listing["data"] for listing in rows("reports", "reports.report")[0]["listings"]]
DEFAULTS = {listing["key"]: listing for listing in LISTINGS if listing["source"].startswith("housing.")}


def _projects() -> list[object]:
    zone = ZoneFactory(name="Khu công nghiệp Tràng Duệ")
    return [
        # the ward in the name, and a second project in the same ward whose name does not say it
        ProjectFactory(
            name="Dự án đầu tư xây dựng Khu nhà ở xã hội tại phường Đông Hải 2",
            commune="phường Đông Hải 2",
            district="quận Hải An",
        ),
        ProjectFactory(name="Dự án Nhà ở công nhân Hải An", commune="phường Đông Hải 2", district="quận Hải An"),
        # the district in the name
        ProjectFactory(name="Dự án Khu nhà ở xã hội huyện An Dương", commune="xã Lê Lợi", district="huyện An Dương"),
        # the zone in the name and the project in that zone
        ProjectFactory(
            name="Dự án Nhà ở công nhân Khu công nghiệp Tràng Duệ",
            zone=zone,
            commune="xã Lê Lợi",
            district="huyện An Dương",
        ),
        # ward and district both in the name
        ProjectFactory(
            name="Dự án nhà ở xã hội phường Đông Hải 2, quận Hải An",
            commune="phường Đông Hải 2",
            district="quận Hải An",
        ),
    ]


def _sentences(key: str) -> list[str]:
    listing = DEFAULTS[key]
    parts = patterns.parse(listing["pattern"])
    source = get_source(listing["source"])
    result = source.rows(
        record_filter={},
        agency=None,
        agency_ids=None,
        window=Window(None, None),
        used=patterns.fields_of(parts),
    )
    return [patterns.render(parts, patterns.values_from(row.values)) for row in result.rows]


def _repeated_places(sentence: str) -> list[str]:
    places = [match.casefold() for match in PLACE.findall(sentence)]
    return sorted({place for place in places if places.count(place) > 1})


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(DEFAULTS))
def test_a_default_housing_pattern_names_each_place_once(key: str) -> None:
    projects = _projects()
    if DEFAULTS[key]["source"] == "housing.milestone":
        for project in projects:
            MilestoneFactory(project=project)
    sentences = _sentences(key)
    assert len(sentences) == len(projects)
    for sentence in sentences:
        assert _repeated_places(sentence) == [], sentence
    joined = " ".join(sentences)
    # The places the names do not say are still printed, once.
    assert "Khu nhà ở xã hội tại phường Đông Hải 2, quận Hải An" in joined
    assert "Nhà ở công nhân Hải An, phường Đông Hải 2, quận Hải An" in joined
    assert "Khu nhà ở xã hội huyện An Dương, xã Lê Lợi" in joined
    assert "Khu công nghiệp Tràng Duệ, xã Lê Lợi, huyện An Dương" in joined


def test_the_place_beyond_the_name_only_drops_a_place_the_name_says_whole(db: None) -> None:
    project = ProjectFactory(name="Khu nhà ở phường Đông Hải 20", commune="phường Đông Hải 2", district="quận Hải An")
    assert project.location_not_in_name == "phường Đông Hải 2, quận Hải An"
    project.name = "Khu nhà ở PHƯỜNG ĐÔNG HẢI 2"
    assert project.location_not_in_name == "quận Hải An"
