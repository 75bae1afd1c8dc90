"""The JSON API under /api/v1/: each app contributes a router from its api.py."""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from phoihop.accounts.auth import SessionAuth, TokenAuth, api_login_required
from phoihop.activities.api import router as activities_router
from phoihop.cases.api import router as cases_router
from phoihop.core.api import install_error_handlers
from phoihop.directory.api import router as directory_router
from phoihop.housing.api import router as housing_router
from phoihop.indicators.api import router as indicators_router
from phoihop.organizing.api import router as organizing_router
from phoihop.oversight.api import router as oversight_router
from phoihop.planning.api import router as planning_router
from phoihop.practices.api import router as practices_router
from phoihop.reports.api import router as reports_router
from phoihop.spreadsheets.api import router as spreadsheets_router
from phoihop.workforce.api import router as workforce_router


class VietnameseJSONRenderer(JSONRenderer):
    """UTF-8 JSON with Vietnamese letters as they are ("Đông Hải", not "\\u0110\\u00f4ng H\\u1ea3i"): readable in
    curl and logs of integrations; the bytes are valid JSON either way."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Phối hợp API",
    version="1",
    description=(
        "API của hệ thống Phối hợp. Xác thực bằng phiên đăng nhập hoặc mã API cá nhân (Authorization: Bearer …)."
    ),
    # Token first: SessionAuth raises on a missing CSRF token, which would end the chain before the token's turn.
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
    renderer=VietnameseJSONRenderer(),
    docs_decorator=api_login_required,
)
install_error_handlers(api)

api.add_router("/directory/", directory_router)
api.add_router("/planning/", planning_router)
api.add_router("/indicators/", indicators_router)
api.add_router("/activities/", activities_router)
api.add_router("/organizing/", organizing_router)
api.add_router("/oversight/", oversight_router)
api.add_router("/practices/", practices_router)
api.add_router("/housing/", housing_router)
api.add_router("/cases/", cases_router)
api.add_router("/reports/", reports_router)
api.add_router("/workforce/", workforce_router)
api.add_router("/spreadsheets/", spreadsheets_router)
