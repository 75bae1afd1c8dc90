"""The demo backed up, the database emptied, the archive restored: every table holds the same number of rows, the
2023 report computes the same figures, the uploaded files come back byte for byte, the workers' personal fields
still open, and new rows get fresh ids (the sequences follow the restored rows on PostgreSQL).

A transactional test: the backup, the flush and the restore each commit, as they do in production."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache as shared_cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from phoihop.accounts.models import User
from phoihop.cases.models import CasePerson
from phoihop.demo.loader import LoadReport
from phoihop.directory.models import Agency
from phoihop.reports.builders import build_report_data
from phoihop.reports.models import Report
from tests.demo.data import CASES

KEY = base64.b64encode(b"r" * 32).decode()
# Not data: rebuilt by `migrate` or never backed up (sessions, current lock-outs).
NOT_COMPARED = {"django_session", "axes_accessattempt", "phoihop_cache"}  # short-lived, not backed up


def row_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if table in NOT_COMPARED:
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (quoted name)
            counts[table] = cursor.fetchone()[0]
    return counts


def report_figures() -> dict[str, tuple[str, str, str, str, str]]:
    data = build_report_data(Report.objects.select_related("plan").get(plan__year=2023))
    return {key: (f.text, f.value, f.target, f.ratio, f.error) for key, f in data.figures.items()}


def use_media(settings: pytest.FixtureRequest, folder: Path) -> None:
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": folder}},
    }


@pytest.mark.django_db(transaction=True)
def test_the_demo_round_trips_with_identical_rows_figures_and_files(
    committed_demo: LoadReport, tmp_path: Path, settings: pytest.FixtureRequest
) -> None:
    settings.PHOIHOP_BACKUP_KEYS = [KEY]  # type: ignore[attr-defined]
    use_media(settings, tmp_path / "media-before")
    default_storage.save("hoat-dong/2023/bien-ban.pdf", ContentFile(b"%PDF-1.7 bien ban hop"))
    # Beyond the demo: a second factor (its secret must survive, or the leader is locked out after a restore) and a
    # group holding a permission (many-to-many rows that refer to permissions by natural key).
    leader = User.objects.get(username="bdvtu.lanhdao")
    device = TOTPDevice.objects.create(user=leader, name="Ứng dụng xác thực", confirmed=True)
    group = Group.objects.create(name="Kiểm thử sao lưu")
    group.permissions.add(Permission.objects.get(codename="view_agency"))
    leader.groups.add(group)
    before = row_counts()
    figures = report_figures()
    names = sorted(person.full_name for person in CasePerson.objects.all())
    assert before["cases_caseperson"] == len(CASES)
    assert before["accounts_user"] > 0
    assert figures["DV_MOI"][0] == "13.297/21.500"  # the seed report's figure, so the comparison means something

    archive = tmp_path / "phoihop.phb"
    call_command("backup", out=str(archive))
    call_command("flush", interactive=False)
    assert row_counts()["accounts_user"] == 0
    use_media(settings, tmp_path / "media-after")
    shared_cache.set("rendered-before-the-restore", "<table>…</table>", None)
    call_command("restore", str(archive))

    # The cache is not data: never in the archive, and what it held before the restore is gone after it.
    assert shared_cache.get("rendered-before-the-restore") is None

    assert row_counts() == before
    assert report_figures() == figures
    assert default_storage.open("hoat-dong/2023/bien-ban.pdf").read() == b"%PDF-1.7 bien ban hop"
    assert sorted(person.full_name for person in CasePerson.objects.all()) == names, "personal fields still open"
    assert TOTPDevice.objects.get(user__username="bdvtu.lanhdao").key == device.key
    assert User.objects.get(username="bdvtu.lanhdao").has_perm("directory.view_agency")
    newest = Agency.objects.order_by("-pk").first()
    assert newest is not None
    fresh = Agency.objects.create(short_code="MOI", name="Đơn vị mới", kind=newest.kind)
    assert fresh.pk > newest.pk
