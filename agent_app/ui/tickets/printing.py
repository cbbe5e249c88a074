"""Printing a ticket and saving it as PDF: one HTML document of the detail, laid out by QTextDocument."""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from agent_app.services.tickets.detail import TicketDetail
from agent_app.ui.tickets.detail_info import WIDE, info_fields
from agent_app.ui.tickets.lookups import Lookups
from agent_app.ui.tickets.text import (
    action_text,
    attachment_kind_text,
    duration,
    local_time,
    milestone_text,
    type_text,
)

STYLE = """
body { font-family: 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 12pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #bbb; padding: 3pt 5pt; vertical-align: top; }
th { background: #eef2f6; text-align: left; }
td.label { background: #f6f8fa; color: #444; white-space: nowrap; }
.muted { color: #666; }
"""


HISTORY_HEADERS = [
    QT_TRANSLATE_NOOP("TicketPrint", "Time"), QT_TRANSLATE_NOOP("TicketPrint", "Action"),
    QT_TRANSLATE_NOOP("TicketPrint", "By"), QT_TRANSLATE_NOOP("TicketPrint", "Phone"),
    QT_TRANSLATE_NOOP("TicketPrint", "Took"), QT_TRANSLATE_NOOP("TicketPrint", "Opinion"),
    QT_TRANSLATE_NOOP("TicketPrint", "Attachments"),
]
WORK_LOG_HEADERS = [
    QT_TRANSLATE_NOOP("TicketPrint", "Start"), QT_TRANSLATE_NOOP("TicketPrint", "End"),
    QT_TRANSLATE_NOOP("TicketPrint", "Title"), QT_TRANSLATE_NOOP("TicketPrint", "Work done"),
    QT_TRANSLATE_NOOP("TicketPrint", "Handled by"),
]
ATTACHMENT_HEADERS = [
    QT_TRANSLATE_NOOP("TicketPrint", "File"), QT_TRANSLATE_NOOP("TicketPrint", "Kind"),
    QT_TRANSLATE_NOOP("TicketPrint", "Uploaded"),
]


def _h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(QCoreApplication.translate('TicketPrint', h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0'><tr>{head}</tr>{body}</table>"


def detail_html(detail: TicketDetail, lookups: Lookups) -> str:
    t = detail.ticket
    title = QCoreApplication.translate("TicketPrint", "Ticket %1").replace("%1", t["number"])
    printed = QCoreApplication.translate("TicketPrint", "printed %1").replace(
        "%1", local_time(datetime.now(timezone.utc)))
    parts = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>",
             f"<h1>{escape(title)}</h1>",
             f"<p class='muted'>{escape(type_text(t['ticket_type']))} · {escape(printed)}</p>"]

    parts.append(_h2(QCoreApplication.translate("TicketPrint", "Ticket information")) + "<table cellspacing='0'>")
    pending: list[str] = []
    for key, label, value in info_fields(detail, lookups):
        cell = f"<td class='label'>{escape(label)}</td><td{{span}}>{escape(value) or '—'}</td>"
        if key in WIDE:
            if pending:
                parts.append("<tr>" + "".join(pending) + "</tr>")
                pending = []
            parts.append("<tr>" + cell.replace("{span}", " colspan='3'") + "</tr>")
            continue
        pending.append(cell.replace("{span}", ""))
        if len(pending) == 2:
            parts.append("<tr>" + "".join(pending) + "</tr>")
            pending = []
    if pending:
        parts.append("<tr>" + "".join(pending) + "<td></td><td></td></tr>")
    parts.append("</table>")

    flow = " → ".join(("✔ " if m.done else "○ ") + milestone_text(m.action, m.label) for m in detail.milestones)
    parts.append(_h2(QCoreApplication.translate("TicketPrint", "Flow")) + f"<p>{escape(flow)}</p>")

    parts.append(_h2(QCoreApplication.translate("TicketPrint", "History")))
    parts.append(_table(HISTORY_HEADERS, [
        [local_time(h.at), action_text(h.action), h.actor_name, h.actor_phone or "", duration(h.elapsed_seconds),
         h.opinion or "", "、".join(h.attachments)] for h in detail.history]))
    if detail.work_logs:
        parts.append(_h2(QCoreApplication.translate("TicketPrint", "Work logs")))
        parts.append(_table(WORK_LOG_HEADERS, [
            [local_time(w["start"]), local_time(w["end"]), w["title"], w["content"], w["handler_name"]]
            for w in detail.work_logs]))
    if detail.attachments:
        parts.append(_h2(QCoreApplication.translate("TicketPrint", "Attachments")))
        parts.append(_table(ATTACHMENT_HEADERS, [
            [a.filename, attachment_kind_text(a.kind), local_time(a.uploaded_at)] for a in detail.attachments]))
    parts.append("</body></html>")
    return "".join(parts)


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


def write_pdf(path: str | Path, html: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(Path(path).stem)
    writer.setCreator("Agent Desk")
    _document(html).print_(writer)


def print_html(parent: QWidget | None, html: str) -> bool:
    """Ask for a printer (QPrintDialog) and print; False if the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _document(html).print_(printer)
    return True
