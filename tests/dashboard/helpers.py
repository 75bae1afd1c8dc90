from __future__ import annotations

import json
from typing import Any


def chart_data(page: str, key: str) -> dict[str, Any]:
    """The declaration a chart's canvas draws from: the JSON `json_script` put on the page."""
    marker = f'<script id="chart-{key}-data" type="application/json">'
    start = page.index(marker) + len(marker)
    data: dict[str, Any] = json.loads(page[start : page.index("</script>", start)])
    return data
