"""`phoihop verify_audit`: check that the audit trail is whole.

Walks every event in the order it was written and recomputes its hash from the previous event's hash and its own
fields; reports the first event whose hash does not follow (changed, or an event before it removed or inserted) and
exits with status 1. Also checks that the database triggers keeping the trail append-only (and revoked API tokens
revoked) are in place. On success, prints the number of events and the hash of the last one: written down
elsewhere (a ticket, the backup log), it lets a later check notice events removed from the end."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from phoihop.core.audit import missing_guards, verify_chain
from phoihop.core.vnformat import format_datetime


class Command(BaseCommand):
    help = "Kiểm tra chuỗi băm của nhật ký thay đổi. / Verify the audit trail's hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--expect-head",
            default="",
            help="Mã băm cuối chuỗi đã ghi lại lần kiểm tra trước: phải còn nằm trong chuỗi. / A head hash noted "
            "earlier, which must still be in the chain.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        using = options["database"]
        problems: list[str] = []
        missing = missing_guards(connections[using])
        if missing:
            problems.append(
                "Thiếu trigger bảo vệ trong cơ sở dữ liệu (chạy lại `phoihop migrate`, hoặc cài lại): "
                + ", ".join(missing)
                + ". / Database guards missing."
            )
        result = verify_chain(using=using)
        if result.broken_at is not None:
            event = result.broken_at
            problems.append(
                f"Chuỗi nhật ký bị đứt tại sự kiện #{event.pk} ({format_datetime(event.occurred_at)}, "
                f"{event.get_action_display()} {event.object_type} #{event.object_id}): mã băm lưu "
                f"{event.chain_hash[:16] or '(trống)'}…, tính lại được {result.expected[:16]}…. Sự kiện này đã bị "
                f"sửa, hoặc một sự kiện trước nó đã bị xóa/chèn. {result.checked} sự kiện trước đó nguyên vẹn. "
                f"/ Chain broken at event #{event.pk}."
            )
        expected_head = options["expect_head"].strip()
        if expected_head and result.broken_at is None and not _in_chain(expected_head, using):
            problems.append(
                f"Mã băm {expected_head[:16]}… ghi lại trước đây không còn trong chuỗi: nhật ký đã bị cắt bớt. "
                "/ The noted head is no longer in the chain."
            )
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError("Nhật ký thay đổi KHÔNG nguyên vẹn. / Audit trail verification FAILED.")
        self.stdout.write(
            f"Nhật ký thay đổi nguyên vẹn: {result.checked} sự kiện, mã băm cuối chuỗi {result.head or '(trống)'}. "
            "/ Audit trail verified."
        )


def _in_chain(head: str, using: str) -> bool:
    from phoihop.core.models import AuditEvent

    return AuditEvent.objects.using(using).filter(chain_hash=head).exists()
