from tests.planning.fixtures import demo  # noqa: F401
