"""The JSON API under /api/v1/: each app contributes a router from its api.py."""

from ninja import NinjaAPI

from phoihop.accounts.auth import SessionAuth, TokenAuth, api_login_required
from phoihop.core.api import install_error_handlers
from phoihop.directory.api import router as directory_router

api = NinjaAPI(
    title="Phối hợp API",
    version="1",
    description=(
        "API của hệ thống Phối hợp. Xác thực bằng phiên đăng nhập hoặc mã API cá nhân (Authorization: Bearer …)."
    ),
    auth=[SessionAuth(), TokenAuth()],
    urls_namespace="api",
    docs_decorator=api_login_required,
)
install_error_handlers(api)

api.add_router("/directory/", directory_router)
