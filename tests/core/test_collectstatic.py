"""`phoihop collectstatic --noinput`, step 3 of a deployment (docs/deployment.md), runs with the production storage:
WhiteNoise's compressed manifest, which refuses a file that names one it cannot find (a vendored script's source map
reference stopped it once). The manifest then names the files every page uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management import call_command


def test_collectstatic_runs_with_the_production_storage(settings: Any, tmp_path: Path) -> None:
    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    assert "favicon.svg" in manifest
    assert "vendor/chartjs-4.6.2/chart.umd.min.js" in manifest
    assert (tmp_path / manifest["vendor/chartjs-4.6.2/chart.umd.min.js"]).exists()
