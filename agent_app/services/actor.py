"""Who is calling a service: the signed-in user with their company, roles and permissions."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    user_id: int
    company_id: int
    account: str
    name: str
    roles: frozenset[str] = field(default_factory=frozenset)
    permissions: frozenset[str] = field(default_factory=frozenset)
    department_id: int | None = None
    provider_id: int | None = None
    engineer_id: int | None = None
    agent_no: str | None = None
    extension: str | None = None
    company_name: str = ""
    mobile: str | None = None
    group_ids: frozenset[int] = field(default_factory=frozenset)

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    @property
    def is_provider_user(self) -> bool:
        return self.provider_id is not None
