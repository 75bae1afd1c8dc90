# Phối hợp — the only two commands a new machine needs are `make demo` and `make test`.
# Needs python3 (>= 3.11) and make; everything else comes from PyPI into .venv.

PYTHON ?= python3
UV_VERSION := 0.13.9
VENV := .venv
UV := $(VENV)/bin/uv
PHOIHOP := $(VENV)/bin/phoihop
# Tests run in parallel on every core (pytest-xdist); PYTEST_ARGS= runs them in one process. `loadgroup` keeps a
# module marked `xdist_group` on one worker (the query-count pins build their tenfold data once, not per worker).
PYTEST_ARGS ?= -n auto --dist loadgroup
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-fast lint check-layers format bench install run worker clean help

help:
	@echo "make demo   - cài đặt, tạo CSDL, nạp dữ liệu mẫu Hải Phòng 2023, chạy máy chủ web và tiến trình nền tại http://$(HOST):$(PORT)"
	@echo "make test   - cài đặt và chạy toàn bộ bộ kiểm thử (SQLite; PostgreSQL khi có DATABASE_URL)"
	@echo "make lint   - ruff và mypy"
	@echo "make bench  - đo hiệu năng"
	@echo "make check-layers - kiểm tra các app chỉ phụ thuộc tầng dưới, không vòng import"

$(UV):
	$(PYTHON) -c 'import sys; sys.exit("Cần Python >= 3.11 / Python >= 3.11 is required") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --inexact --quiet
	@touch $@

install: $(VENV)/.synced

demo: install
	mkdir -p var
	$(PHOIHOP) migrate --noinput
	$(PHOIHOP) load_demo
	$(PHOIHOP) serve $(HOST):$(PORT)

run: install
	$(PHOIHOP) runserver $(HOST):$(PORT)

worker: install
	$(PHOIHOP) worker

test: install
	$(VENV)/bin/pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy src

# No import cycle between apps; each app imports only the layers below it (tests/core/test_app_layers.py).
check-layers: install
	$(VENV)/bin/pytest -p no:cacheprovider -q tests/core/test_app_layers.py

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(VENV)/bin/python -m bench

clean:
	rm -rf $(VENV) var/*.sqlite3*
