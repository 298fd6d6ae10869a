# Compiled from ui/cover.ui by `make forms` (pyside6-uic; imports trimmed to the names used).
# Do not edit: tests/qt/test_ui_forms.py fails when this is not what the .ui compiles to.
# ruff: noqa
# mypy: ignore-errors

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout

UI_SIZE = 4411
UI_CRC32 = 1766052717
ROOT_CLASS = 'QWidget'


class Ui_CoverForm(object):
    def setupUi(self, coverForm):
        if not coverForm.objectName():
            coverForm.setObjectName(u"coverForm")
        self.coverLayout = QVBoxLayout(coverForm)
        self.coverLayout.setObjectName(u"coverLayout")
        self.coverLayout.setContentsMargins(16, 12, 16, 12)
        self.pageTitle = QLabel(coverForm)
        self.pageTitle.setObjectName(u"pageTitle")

        self.coverLayout.addWidget(self.pageTitle)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setProperty("labelAlignment", "AlignRight")
        self.agencyCaption = QLabel(coverForm)
        self.agencyCaption.setObjectName(u"agencyCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agencyCaption)

        self.agencyEdit = QLineEdit(coverForm)
        self.agencyEdit.setObjectName(u"agencyEdit")
        self.agencyEdit.setMaximumSize(QSize(560, 16777215))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agencyEdit)

        self.yearCaption = QLabel(coverForm)
        self.yearCaption.setObjectName(u"yearCaption")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearCaption)

        self.yearEdit = QSpinBox(coverForm)
        self.yearEdit.setObjectName(u"yearEdit")
        self.yearEdit.setMaximumSize(QSize(140, 16777215))
        self.yearEdit.setKeyboardTracking(False)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.yearEdit)

        self.dateCaption = QLabel(coverForm)
        self.dateCaption.setObjectName(u"dateCaption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateCaption)

        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.dateSet = QCheckBox(coverForm)
        self.dateSet.setObjectName(u"dateSet")

        self.dateRow.addWidget(self.dateSet)

        self.dateEdit = QDateEdit(coverForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateRow.addWidget(self.dateEdit)

        self.dateRowEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateRowEnd)

        self.dateRow.setStretch(2, 1)

        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.dateRow)

        self.formatCaption = QLabel(coverForm)
        self.formatCaption.setObjectName(u"formatCaption")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.formatCaption)

        self.formatLabel = QLabel(coverForm)
        self.formatLabel.setObjectName(u"formatLabel")
        self.formatLabel.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.formatLabel)

        self.titleCaption = QLabel(coverForm)
        self.titleCaption.setObjectName(u"titleCaption")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.titleCaption)

        self.titlePreview = QLabel(coverForm)
        self.titlePreview.setObjectName(u"titlePreview")
        self.titlePreview.setWordWrap(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.titlePreview)

        self.priorCaption = QLabel(coverForm)
        self.priorCaption.setObjectName(u"priorCaption")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.priorCaption)

        self.priorLabel = QLabel(coverForm)
        self.priorLabel.setObjectName(u"priorLabel")
        self.priorLabel.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.priorLabel)

        self.provenanceCaption = QLabel(coverForm)
        self.provenanceCaption.setObjectName(u"provenanceCaption")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.provenanceCaption)

        self.provenanceLabel = QLabel(coverForm)
        self.provenanceLabel.setObjectName(u"provenanceLabel")
        self.provenanceLabel.setWordWrap(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.provenanceLabel)


        self.coverLayout.addLayout(self.form)

        self.coverEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.coverLayout.addItem(self.coverEnd)

        self.coverLayout.setStretch(2, 1)

        self.retranslateUi(coverForm)

        QMetaObject.connectSlotsByName(coverForm)
    # setupUi

    def retranslateUi(self, coverForm):
        self.pageTitle.setText(QCoreApplication.translate("CoverForm", u"\u5c01\u9762\u4fe1\u606f", None))
        self.agencyCaption.setText(QCoreApplication.translate("CoverForm", u"\u673a\u5173\u540d\u79f0\uff1a", None))
        self.agencyEdit.setPlaceholderText(QCoreApplication.translate("CoverForm", u"\u5982\uff1a\u9752\u5c71\u5e02\u81ea\u7136\u8d44\u6e90\u548c\u89c4\u5212\u5c40", None))
        self.yearCaption.setText(QCoreApplication.translate("CoverForm", u"\u62a5\u544a\u5e74\u5ea6\uff1a", None))
        self.yearEdit.setSuffix(QCoreApplication.translate("CoverForm", u" \u5e74\u5ea6", None))
        self.dateCaption.setText(QCoreApplication.translate("CoverForm", u"\u6210\u6587\u65e5\u671f\uff1a", None))
        self.dateSet.setText(QCoreApplication.translate("CoverForm", u"\u586b\u5199\u6210\u6587\u65e5\u671f", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("CoverForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.formatCaption.setText(QCoreApplication.translate("CoverForm", u"\u9002\u7528\u683c\u5f0f\uff1a", None))
        self.titleCaption.setText(QCoreApplication.translate("CoverForm", u"\u62a5\u544a\u6807\u9898\uff1a", None))
        self.priorCaption.setText(QCoreApplication.translate("CoverForm", u"\u4e0a\u5e74\u62a5\u544a\uff1a", None))
        self.provenanceCaption.setText(QCoreApplication.translate("CoverForm", u"\u6570\u636e\u6765\u6e90\uff1a", None))
        pass
    # retranslateUi


FORM_CLASS = Ui_CoverForm
