import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// The attribute references of the project: one card each, with its photo, category, on/off switch,
// strength slider, mask state, and buttons to reorder and remove. Every change goes through the
// document (undoable); the cards only display it.
ColumnLayout {
    id: root
    property var document
    property var autoMasks // AutoMaskController
    property var references // ReferenceController
    // Below this an automatic mask is flagged on its card: check it before rendering.
    readonly property real lowConfidence: 0.5
    spacing: 6

    RowLayout {
        Layout.fillWidth: true
        ComboBox {
            id: addCategory
            objectName: "addCategory"
            Layout.fillWidth: true
            model: root.document ? root.document.categoryLabels : []
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Category of the next reference")
        }
        Button {
            objectName: "addReference"
            text: qsTr("Add Reference…")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Add a photo whose %1 is transferred to the portrait").arg(addCategory.currentText.toLowerCase())
            onClicked: addDialog.open()
        }
    }

    ListView {
        id: list
        objectName: "attributeListView"
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 6
        clip: true
        // The document's list model changes one row (and role) at a time: a card being edited is not
        // re-created under the mouse.
        model: root.document ? root.document.attributeModel : null

        delegate: Frame {
            id: card
            required property int index
            required property var model // the row's roles (AttributeListModel)
            width: ListView.view.width
            padding: 6
            opacity: card.model.enabled ? 1.0 : 0.55

            ColumnLayout {
                anchors.fill: parent
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 6
                    Image {
                        source: card.model.imageUrl
                        sourceSize.width: 96
                        sourceSize.height: 96
                        Layout.preferredWidth: 56
                        Layout.preferredHeight: 56
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        ComboBox {
                            objectName: "category"
                            Layout.fillWidth: true
                            model: root.document ? root.document.categoryLabels : []
                            currentIndex: root.document.categoryKeys.indexOf(card.model.category)
                            onActivated: (i) => root.document.setAttributeCategory(card.index, root.document.categoryKeys[i])
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("What this reference contributes")
                        }
                        Label {
                            objectName: "maskState"
                            Layout.fillWidth: true
                            // Two lines rather than a cut ("Mask: autom…n rendering" at 1280x720).
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            readonly property bool doubtful: card.model.maskConfidence >= 0
                                                             && card.model.maskConfidence < root.lowConfidence
                            opacity: doubtful ? 1.0 : 0.8
                            color: doubtful ? "#ffb020" : palette.windowText
                            font.bold: doubtful
                            font.pointSize: 8
                            text: doubtful
                                  ? qsTr("⚠ Automatic mask, confidence %1%: check it in the mask editor").arg(Math.round(card.model.maskConfidence * 100))
                                  : card.model.maskConfidence >= 0
                                  ? qsTr("Automatic mask, confidence %1%").arg(Math.round(card.model.maskConfidence * 100))
                                  : card.model.maskUrl.toString() !== ""
                                    ? qsTr("Mask: %1").arg(FilePaths.fileName(card.model.maskUrl))
                                    : qsTr("Mask: automatic when rendering")
                        }
                        Label {
                            objectName: "faceLabel"
                            visible: card.model.face > 0
                            opacity: 0.8
                            font.pointSize: 8
                            text: qsTr("Face %1 of the photo").arg(card.model.face + 1)
                        }
                    }
                    Label {
                        // The reference's side in the interpolation pair (Interpolation panel).
                        objectName: "pairBadge"
                        visible: card.model.pairSide !== ""
                        text: card.model.pairSide
                        font.bold: true
                        color: "#d9a400"
                        ToolTip.visible: badgeHover.hovered
                        ToolTip.text: qsTr("Interpolated: this is reference %1 of the pair").arg(text)
                        HoverHandler { id: badgeHover }
                    }
                    Switch {
                        objectName: "enabledSwitch"
                        checked: card.model.enabled
                        onToggled: root.document.setAttributeEnabled(card.index, checked)
                        ToolTip.visible: hovered
                        ToolTip.text: checked ? qsTr("Switch this reference off") : qsTr("Switch this reference on")
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Slider {
                        id: strength
                        objectName: "strengthSlider"
                        Layout.fillWidth: true
                        from: 0
                        to: 1
                        value: card.model.strength
                        enabled: card.model.enabled
                        onMoved: root.document.setAttributeStrength(card.index, value)
                        // One drag is one undo step.
                        onPressedChanged: if (!pressed) root.document.finishGesture()
                        ToolTip.visible: pressed || hovered
                        ToolTip.text: qsTr("Strength %1%").arg(Math.round(value * 100))
                    }
                    ToolButton {
                        text: "☺"
                        objectName: "chooseFace"
                        enabled: root.references && !root.references.busy
                        onClicked: root.references.chooseFaceFor(card.index)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Choose which face of the photo wears the attribute")
                    }
                    ToolButton {
                        text: "✦"
                        objectName: "autoMask"
                        onClicked: root.autoMasks.compute(card.index)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Compute the mask automatically")
                    }
                    ToolButton {
                        text: "↑"
                        enabled: card.index > 0
                        onClicked: root.document.moveAttribute(card.index, card.index - 1)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Move up")
                    }
                    ToolButton {
                        text: "↓"
                        enabled: card.index < list.count - 1
                        onClicked: root.document.moveAttribute(card.index, card.index + 1)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Move down")
                    }
                    ToolButton {
                        text: "×"
                        objectName: "remove"
                        onClicked: root.document.removeAttribute(card.index)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Remove this reference")
                    }
                }
            }
        }

        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No attribute references")
            opacity: 0.6
        }
    }

    OpenFileDialog {
        id: addDialog
        title: qsTr("Add %1 Reference").arg(addCategory.currentText)
        folder: AppSettings.lastFolders.references || ""
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"), qsTr("All files (*)")]
        onAccepted: (file) => {
            AppSettings.rememberFolder("references", file)
            root.references.addReference(root.document.categoryKeys[addCategory.currentIndex], file)
        }
    }
}
