"""All tables. Importing this package registers every model on `Base.metadata`."""

from agent_app.services.models.approvals import ApprovalDecision, ApprovalRequest, ApprovalStep
from agent_app.services.models.attachments import MAX_ATTACHMENT_BYTES, Attachment, AttachmentContent
from agent_app.services.models.base import Base, utcnow
from agent_app.services.models.catalog import DictItem, ServiceCategory, ServiceLevel
from agent_app.services.models.customers import Customer, CustomerPhone
from agent_app.services.models.misc import AuditLog, Memo, Notice
from agent_app.services.models.org import Area, Company, Department, DispatchTarget, Group, GroupMember, Holiday
from agent_app.services.models.providers import Certification, Engineer, ServiceProvider
from agent_app.services.models.telephony import AgentStateChange, Call, SeatStatus
from agent_app.services.models.tickets import (
    Callback,
    Suspension,
    Ticket,
    TicketCounter,
    TicketHistory,
    TicketLink,
    WorkLog,
)
from agent_app.services.models.users import Permission, Role, RolePermission, User, UserRole

__all__ = [
    "AgentStateChange", "ApprovalDecision", "ApprovalRequest", "ApprovalStep", "Area", "Attachment",
    "AttachmentContent", "AuditLog", "Base", "Call", "Callback", "Certification", "Company", "Customer",
    "CustomerPhone", "Department", "DictItem", "DispatchTarget", "Engineer", "Group", "GroupMember",
    "Holiday", "MAX_ATTACHMENT_BYTES", "Memo", "Notice", "Permission", "Role", "RolePermission",
    "SeatStatus", "ServiceCategory", "ServiceLevel", "ServiceProvider", "Suspension", "Ticket", "TicketCounter",
    "TicketHistory", "TicketLink", "User", "UserRole", "WorkLog", "utcnow",
]
