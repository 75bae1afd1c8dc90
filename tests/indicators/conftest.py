from tests.planning.fixtures import (  # noqa: F401
    area,
    bodies,
    demo,
    ld_leader,
    ld_officer,
    members,
    members_target,
    plan,
    secretariat,
)
