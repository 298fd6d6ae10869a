"""The buttons of a form's QDialogButtonBox. Designer gives a button box only Qt's standard
buttons; a form's own buttons (查找下一个, 确定说明…) are QPushButtons inside the box whose
dynamic property `dialogRole` names their role (AcceptRole, RejectRole, ActionRole…), which
decides where the box puts them and which of its signals they emit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from govopen_desktop.qt.forms import FormError

ROLE_PROPERTY = "dialogRole"


def seat_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Put each of the form's own buttons into the box with its role, in the form's order."""
    for button in box.findChildren(QPushButton, options=Qt.FindChildOption.FindDirectChildrenOnly):
        role = button.property(ROLE_PROPERTY)
        if role is None or button in box.buttons():
            continue  # a standard button, or seated already
        if role not in QDialogButtonBox.ButtonRole.__members__:
            raise FormError(f"界面文件中按钮“{button.objectName()}”的 {ROLE_PROPERTY} 有误：{role}")
        box.addButton(button, QDialogButtonBox.ButtonRole[role])
    return box
