"""工单详情: the full hotline flow and a repair work order done through the detail's buttons, each
step signed in as the person who does it; a concurrent change; forms that keep their input; new
related ticket; attachments; printing to PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from agent_app.ui.tickets.action_form import ActionForm
from agent_app.ui.tickets.detail_dialog import TicketDetailDialog
from agent_app.ui.tickets.tickets_page import TicketsPage
from tests.ui.test_tickets_world import settle, world, world_on_both  # noqa: F401 - the fixtures

LEFT = Qt.MouseButton.LeftButton


def _detail(qtbot, world, key: str, ticket_id: int) -> TicketDetailDialog:  # noqa: F811
    """Sign in as `key`, open the tickets page and the ticket's detail from it."""
    page = TicketsPage(world.session(key))
    qtbot.addWidget(page)
    settle(qtbot)
    dialog = page.open_ticket(ticket_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    settle(qtbot)
    return dialog


def _click_action(qtbot, dialog: TicketDetailDialog, action: str) -> ActionForm:
    assert action in dialog.action_buttons, f"{action} not offered: {list(dialog.action_buttons)}"
    qtbot.mouseClick(dialog.action_buttons[action], LEFT)
    form = dialog.form
    assert isinstance(form, ActionForm) and form.action == action
    settle(qtbot)  # pickers load their choices
    return form


def _ok(qtbot, dialog: TicketDetailDialog, form: ActionForm, status: str | None = None) -> None:
    version = dialog.detail.version
    qtbot.mouseClick(form.ok, LEFT)
    qtbot.waitUntil(lambda: dialog.detail.version > version, timeout=10_000)
    settle(qtbot)
    if status is not None:
        assert dialog.detail.ticket["status"] == status



def test_full_hotline_flow_through_the_detail_buttons(qtbot, world_on_both):  # noqa: F811
    world = world_on_both
    ticket_id = world.register()

    dispatcher = _detail(qtbot, world, "dispatcher", ticket_id)
    assert list(dispatcher.action_buttons) == dispatcher.detail.allowed_actions  # exactly the allowed ones
    assert dispatcher.action_buttons["dispatch"].text() == "派单"
    form = _click_action(qtbot, dispatcher, "dispatch")
    form.choose("target_id", world.a.target_ids["供水管网部"])
    form.set_text("opinion", "请尽快处理")
    _ok(qtbot, dispatcher, form, "dispatched")
    assert [node.property("done") for node in dispatcher.flow.nodes] == [True, True, False, False, False, False]
    page = dispatcher.parent()  # the page's tree and list heard the change
    qtbot.waitUntil(lambda: page.tree.counts().get("my_processed") == 1)
    assert page.tree.counts()["my_pending"] == 0

    handler = _detail(qtbot, world, "handler", ticket_id)
    _ok(qtbot, handler, _click_action(qtbot, handler, "accept"), "processing")
    form = _click_action(qtbot, handler, "handle")
    qtbot.mouseClick(form.ok, LEFT)  # the opinion is required: the form says so and stays open
    assert form.isVisible() and "处理意见" in form.error.text()
    form.set_text("opinion", "已更换破损管段，恢复供水")
    _ok(qtbot, handler, form, "handled")

    callback = _detail(qtbot, world, "callback", ticket_id)
    form = _click_action(qtbot, callback, "callback")
    assert [form.fields["result"].itemText(i) for i in range(3)] == ["请选择…", "满意", "基本满意"]
    form.choose("result", "satisfied")
    form.fields["satisfaction"].setValue(5)
    form.set_text("feedback", "很满意")
    _ok(qtbot, callback, form, "visited")
    _ok(qtbot, callback, _click_action(qtbot, callback, "close"), "closed")

    assert all(node.property("done") for node in callback.flow.nodes)
    assert [node.text() for node in callback.flow.nodes] == ["✔ 登记信息", "✔ 派单", "✔ 接受", "✔ 处理", "✔ 回访",
                                                             "✔ 结束"]
    history = callback.history
    assert history.rowCount() == 6
    assert [history.index(row, 1).data() for row in range(6)] == ["登记", "派单", "接受", "处理", "回访", "结束"]
    assert [history.index(row, 2).data() for row in range(6)] == ["李晓燕", "王建国", "张伟", "张伟", "赵敏", "赵敏"]
    assert history.index(1, 5).data() == "请尽快处理"
    assert "回访结果：满意" in history.index(4, 6).data()
    assert callback.info.values["callback_result"].text() == "满意"
    assert callback.info.values["final_handler"].text() == "张伟"
    assert list(callback.action_buttons) == callback.detail.allowed_actions == []  # 回访员 may not link


def test_repair_work_order_through_the_detail_buttons(qtbot, world_on_both, tmp_path):  # noqa: F811
    world = world_on_both
    order = world.work_order()
    provider = _detail(qtbot, world, "provider", order)
    assert list(provider.action_buttons) == provider.detail.allowed_actions
    form = _click_action(qtbot, provider, "assign")
    engineers = {form.fields["engineer_id"].itemText(i) for i in range(form.fields["engineer_id"].count())}
    assert {"吴海波", "郑凯"} <= engineers
    form.choose("engineer_id", world.a.engineer_ids["engineer2"])  # certification expired
    qtbot.mouseClick(form.ok, LEFT)
    qtbot.waitUntil(lambda: form.error.isVisible())
    assert "郑凯" in form.error.text() and form.isVisible()  # refused, the form keeps its input
    form.choose("engineer_id", world.a.engineer_ids["engineer"])
    _ok(qtbot, provider, form, "assigned")

    engineer = _detail(qtbot, world, "engineer", order)
    _ok(qtbot, engineer, _click_action(qtbot, engineer, "process"), "processing")
    form = _click_action(qtbot, engineer, "work_log")
    qtbot.keyClicks(form.fields["title"], "On-site check")
    form.set_text("content", "现场排查，通讯模块损坏")
    _ok(qtbot, engineer, form)
    assert engineer.work_logs.rowCount() == 1 and engineer.work_logs.index(0, 2).data() == "On-site check"
    form = _click_action(qtbot, engineer, "suspend")
    form.set_text("opinion", "等待备件到货")
    _ok(qtbot, engineer, form, "suspended")
    assert "close_order" not in engineer.action_buttons and "work_log" not in engineer.action_buttons
    _ok(qtbot, engineer, _click_action(qtbot, engineer, "resume"), "processing")

    report = tmp_path / "现场服务报告.pdf"
    report.write_bytes(b"%PDF-1.4 service report")
    form = _click_action(qtbot, engineer, "close_order")
    assert form.findChild(type(form.error), "reportsHint").text() == "需上传：现场服务报告"
    form.choose("root_cause", "meter_fault")
    form.set_text("cause_description", "通讯模块损坏")
    form.set_text("solution", "更换通讯模块")
    form.fields["attachments"].add_file(str(report))
    assert form.fields["attachments"].chosen() == [(str(report), "service_report")]
    _ok(qtbot, engineer, form, "closed")
    assert [engineer.history.index(r, 1).data() for r in range(engineer.history.rowCount())] == [
        "登记", "指派", "处理", "写日志", "挂起", "结束挂起", "关闭工单"]
    assert engineer.attachments.rowCount() == 1
    assert engineer.attachments.index(0, 1).data() == "现场服务报告"
    assert engineer.info.values["root_cause"].text() == "水表故障"
    assert engineer.suspensions.rowCount() == 1


def test_a_concurrent_change_is_reported_and_the_detail_reloaded(qtbot, world_on_both):  # noqa: F811
    world = world_on_both
    ticket_id = world.register()
    dispatcher = _detail(qtbot, world, "dispatcher", ticket_id)
    shown_version = dispatcher.detail.version
    world.perform("agent", ticket_id, "urge", opinion="客户再次来电催促")  # behind the dialog's back

    form = _click_action(qtbot, dispatcher, "dispatch")
    form.choose("target_id", world.a.target_ids["营业部"])
    qtbot.mouseClick(form.ok, LEFT)
    qtbot.waitUntil(lambda: dispatcher.findChild(QMessageBox, "conflictBox") is not None)
    box = dispatcher.findChild(QMessageBox, "conflictBox")
    assert "已被他人修改" in box.text() and "本次操作未保存" in box.text()
    qtbot.waitUntil(lambda: dispatcher.detail.version > shown_version)
    settle(qtbot)
    assert dispatcher.form is None
    assert dispatcher.detail.ticket["status"] == "registered"  # nothing was overwritten
    assert dispatcher.info.values["urge_count"].text() == "1"
    assert dispatcher.history.index(dispatcher.history.rowCount() - 1, 1).data() == "催办"
    box.accept()


def test_a_refused_link_keeps_the_form_and_its_input(qtbot, world):  # noqa: F811
    first = world.register()
    second = world.register()
    agent = _detail(qtbot, world, "agent", second)
    form = _click_action(qtbot, agent, "link")
    qtbot.keyClicks(form.fields["related_to"], "20990101-000001")
    qtbot.mouseClick(form.ok, LEFT)
    qtbot.waitUntil(lambda: form.error.isVisible())
    assert form.error.text() == "工单不存在或无权查看。"
    assert form.fields["related_to"].text() == "20990101-000001"
    form.fields["related_to"].setText(world.detail("agent", first).ticket["number"])
    _ok(qtbot, agent, form)
    assert agent.links.rowCount() == 1 and agent.links.index(0, 1).data() == "关联"


def test_related_tickets_open_and_a_new_related_ticket_is_linked(qtbot, world):  # noqa: F811
    ticket_id = world.register()
    agent = _detail(qtbot, world, "agent", ticket_id)
    page = agent.parent()
    dialog = agent.new_related_ticket()
    dialog.category.setCurrentIndex(dialog.category.findData(world.leaf_category("水压低")))
    dialog.description.setPlainText("同一楼栋水压也不足")
    assert dialog.contact_phone.text() == "138 0013 8000"  # copied from the ticket, as people read it
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: len(page.dialogs) == 2, timeout=10_000)
    new_id = next(key for key in page.dialogs if key != ticket_id)
    new = page.dialogs[new_id]
    qtbot.waitUntil(lambda: new.detail is not None)
    settle(qtbot)
    assert [link.ticket_id for link in new.detail.links] == [ticket_id]
    assert agent.links.rowCount() == 1  # the first detail reloaded on the change
    new.close()
    settle(qtbot)
    agent.links_view.setCurrentIndex(agent.links.index(0, 0))
    qtbot.mouseClick(agent.open_link_button, LEFT)
    assert new_id in page.dialogs
    settle(qtbot)


def test_attachments_are_added_and_opened(qtbot, world, tmp_path, monkeypatch):  # noqa: F811
    opened: list[str] = []
    monkeypatch.setattr("agent_app.ui.tickets.detail_dialog.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff jpeg bytes")
    ticket_id = world.register()
    agent = _detail(qtbot, world, "agent", ticket_id)
    assert agent.add_attachment_button.isEnabled()
    qtbot.mouseClick(agent.add_attachment_button, LEFT)
    form = agent.form
    settle(qtbot)
    form.fields["attachments"].add_file(str(photo), "photo")
    _ok(qtbot, agent, form)
    assert agent.attachments.index(0, 0).data() == "现场照片.jpg"
    assert agent.attachments.index(0, 1).data() == "现场照片"
    agent.open_attachment(0)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert Path(opened[0]).read_bytes() == photo.read_bytes()


def test_detail_models_pass_the_model_tester(qtbot, qtmodeltester, world):  # noqa: F811
    first = world.register()
    ticket_id = world.register()
    world.perform("agent", ticket_id, "link", related_to=first)
    world.perform("dispatcher", ticket_id, "dispatch", target_id=world.a.target_ids["张伟"])
    dialog = _detail(qtbot, world, "dispatcher", ticket_id)
    for model in (dialog.history, dialog.links, dialog.attachments, dialog.work_logs, dialog.suspensions,
                  dialog.callbacks):
        qtmodeltester.check(model)


def test_ticket_is_saved_as_a_pdf_with_its_number(qtbot, world, tmp_path):  # noqa: F811
    ticket_id = world.register()
    dialog = _detail(qtbot, world, "agent", ticket_id)
    number = dialog.detail.ticket["number"]
    target = tmp_path / "ticket.pdf"
    dialog.export_pdf(str(target))
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert dialog.status.text() == f"已保存 {target}"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: checked the header only")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert number in text
    assert "工单信息" in text and "历史记录" in text and "天河路100号" in text


def test_extension_with_two_approvals_and_a_duplicate(qtbot, world):  # noqa: F811
    ticket_id = world.register()
    world.perform("dispatcher", ticket_id, "dispatch", target_id=world.a.target_ids["张伟"])
    world.perform("handler", ticket_id, "accept")
    handler = _detail(qtbot, world, "handler", ticket_id)
    form = _click_action(qtbot, handler, "extend")
    form.fields["days"].setValue(3)
    form.set_text("opinion", "需要开挖路面，等待路政审批")
    _ok(qtbot, handler, form)
    assert "extend" not in handler.action_buttons  # one request at a time

    supervisor = _detail(qtbot, world, "supervisor", ticket_id)
    form = _click_action(qtbot, supervisor, "approve")
    _ok(qtbot, supervisor, form)
    manager = _detail(qtbot, world, "manager", ticket_id)
    form = _click_action(qtbot, manager, "reject")
    qtbot.mouseClick(form.ok, LEFT)
    assert "驳回原因" in form.error.text()  # a rejection needs a reason
    form.set_text("opinion", "可先临时处置")
    _ok(qtbot, manager, form)
    assert manager.info.values["extend_count"].text() == "0"

    other = world.register()
    dispatcher = _detail(qtbot, world, "dispatcher", other)
    form = _click_action(qtbot, dispatcher, "mark_duplicate")
    qtbot.keyClicks(form.fields["duplicate_of"], world.detail("agent", ticket_id).ticket["number"])
    _ok(qtbot, dispatcher, form, "closed")
    assert dispatcher.info.values["duplicate_of"].text() == world.detail("agent", ticket_id).ticket["number"]


def test_installation_order_closes_with_both_reports_and_no_visit_time(qtbot, world, tmp_path):  # noqa: F811
    order = world.work_order("installation", engineer_id=world.a.engineer_ids["engineer"])
    engineer = _detail(qtbot, world, "engineer", order)
    assert "assign" not in engineer.action_buttons and "reassign" not in engineer.action_buttons
    _ok(qtbot, engineer, _click_action(qtbot, engineer, "process"), "processing")
    form = _click_action(qtbot, engineer, "close_order")
    assert "visit_time" not in form.fields
    assert form.findChild(type(form.error), "reportsHint").text() == "需上传：验收报告、实施报告"
    form.choose("root_cause", "installation_done")
    form.set_text("cause_description", "设备安装调试完成")
    acceptance, implementation = tmp_path / "验收报告.pdf", tmp_path / "实施报告.docx"
    acceptance.write_bytes(b"%PDF acceptance")
    implementation.write_bytes(b"PK implementation")
    form.fields["attachments"].add_file(str(acceptance))  # the first expected kind
    qtbot.mouseClick(form.ok, LEFT)
    qtbot.waitUntil(lambda: form.error.isVisible())
    assert "实施报告" in form.error.text()  # the service names the missing report; the input stays
    form.fields["attachments"].add_file(str(implementation), "implementation_report")
    _ok(qtbot, engineer, form, "closed")
    assert sorted(engineer.attachments.index(r, 1).data() for r in range(2)) == ["实施报告", "验收报告"]
