"""`phoihop worker`: runs background tasks (report rendering, imports) from the database queue.

A thin, stable name over django-tasks-db's `db_worker`, so deployment scripts do not depend on the backend's own
command name; every option of `db_worker` is accepted."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand


class Command(DbWorkerCommand):
    help = "Chạy tác vụ nền (kết xuất báo cáo, nhập dữ liệu). / Run background tasks from the database queue."
