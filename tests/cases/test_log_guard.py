"""The run-wide guard in tests/conftest.py is installed and recognises a demo personal value in a log record."""

from __future__ import annotations

import logging

from tests.conftest import PersonalDataLogGuard
from tests.demo.data import PERSONAL_STRINGS


def test_the_guard_watches_the_root_logger_for_the_whole_run() -> None:
    assert any(isinstance(handler, PersonalDataLogGuard) for handler in logging.getLogger().handlers)
    assert "Nguyễn Văn Mẫu" in PERSONAL_STRINGS
    assert "0900000001" in PERSONAL_STRINGS
    assert "0900 000 001" in PERSONAL_STRINGS


def test_the_guard_recognises_a_personal_value_in_a_message_args_or_traceback() -> None:
    guard = PersonalDataLogGuard(PERSONAL_STRINGS)
    clean = logging.LogRecord("x", logging.INFO, __file__, 1, "Not Found: /vu-viec/%s/", (5,), None)
    guard.handle(clean)
    assert guard.hits == []
    in_args = logging.LogRecord("x", logging.DEBUG, __file__, 1, "caller %s", ("0900 000 001",), None)
    guard.handle(in_args)
    try:
        raise ValueError("Nguyễn Văn Mẫu")
    except ValueError:
        import sys

        in_traceback = logging.LogRecord("y", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    guard.handle(in_traceback)
    assert [hit.split(" ")[0] for hit in guard.hits] == ["x", "y"]
    assert all("Mẫu" not in hit and "0900" not in hit for hit in guard.hits)  # the report itself repeats nothing
