import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// Mask editing for the portrait and each reference: the canvas (MaskEditor) and its tools. Every
// committed edit is one undo step on the document (Ctrl+Z / Ctrl+Shift+Z).
ColumnLayout {
    id: root
    property var document
    property alias editor: canvas
    spacing: 4

    readonly property var referenceCategories: document ? document.attributeModel.categories : []
    readonly property var categoryKeys: document ? document.categoryKeys : []
    // Shortcut helpers (Main.qml routes keys here).
    function useBrush() { canvas.erase = false }
    function useEraser() { canvas.erase = true }
    function resizeBrush(factor) { canvas.brushSize = Math.max(2, Math.min(400, canvas.brushSize * factor)) }

    RowLayout {
        Layout.fillWidth: true
        ComboBox {
            id: targetBox
            objectName: "maskTarget"
            Layout.fillWidth: true
            // Index 0 is the portrait, i + 1 the references.
            model: [qsTr("Portrait")].concat(root.document ? root.document.attributeModel.labels : [])
            currentIndex: canvas.target + 1
            onActivated: (i) => {
                canvas.target = i - 1
                currentIndex = Qt.binding(() => canvas.target + 1) // the user's choice broke it
            }
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Whose mask to edit")
        }
        ComboBox {
            id: autoCategory
            objectName: "autoMaskCategory"
            model: root.document ? root.document.categoryLabels : []
            currentIndex: canvas.target >= 0 && canvas.target < root.referenceCategories.length
                          ? root.categoryKeys.indexOf(root.referenceCategories[canvas.target]) : 0
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Category of the automatic mask")
        }
        Button {
            objectName: "autoMaskButton"
            text: qsTr("Auto")
            enabled: canvas.hasImage && !canvas.busy
            onClicked: canvas.autoMask(root.categoryKeys[autoCategory.currentIndex])
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Compute the mask of this category automatically (replaces the mask)")
        }
    }

    RowLayout {
        Layout.fillWidth: true
        ButtonGroup { id: toolGroup }
        ToolButton {
            objectName: "brushTool"
            text: qsTr("Brush")
            checkable: true
            checked: !canvas.erase
            ButtonGroup.group: toolGroup
            onClicked: root.useBrush()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Paint the mask (B)")
        }
        ToolButton {
            objectName: "eraserTool"
            text: qsTr("Eraser")
            checkable: true
            checked: canvas.erase
            ButtonGroup.group: toolGroup
            onClicked: root.useEraser()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Erase from the mask (E)")
        }
        Label { text: qsTr("Size") }
        Slider {
            objectName: "brushSize"
            Layout.fillWidth: true
            from: 2; to: 200
            value: canvas.brushSize
            onMoved: canvas.brushSize = value
            ToolTip.visible: hovered || pressed
            ToolTip.text: qsTr("Brush diameter %1 px ([ and ])").arg(Math.round(value))
        }
        Label { text: qsTr("Hardness") }
        Slider {
            objectName: "brushHardness"
            Layout.preferredWidth: 70
            from: 0; to: 1
            value: canvas.hardness
            onMoved: canvas.hardness = value
            ToolTip.visible: hovered || pressed
            ToolTip.text: qsTr("Edge hardness %1%").arg(Math.round(value * 100))
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Grow") }
        Slider {
            id: growSlider
            objectName: "growSlider"
            Layout.fillWidth: true
            from: -30; to: 30; stepSize: 1
            value: 0
            // Applied on release as one undo step, then back to 0.
            onPressedChanged: if (!pressed) { canvas.grow(Math.round(value)); value = 0 }
            ToolTip.visible: hovered || pressed
            ToolTip.text: value === 0 ? qsTr("Drag right to grow the mask, left to shrink it")
                                      : value > 0 ? qsTr("Grow by %1 px").arg(Math.round(value))
                                                  : qsTr("Shrink by %1 px").arg(-Math.round(value))
        }
        Label { text: qsTr("Overlay") }
        Slider {
            objectName: "overlayOpacity"
            Layout.preferredWidth: 70
            from: 0; to: 1
            value: canvas.overlayOpacity
            onMoved: canvas.overlayOpacity = value
            ToolTip.visible: hovered || pressed
            ToolTip.text: qsTr("Mask overlay opacity %1%").arg(Math.round(value * 100))
        }
        ToolButton {
            objectName: "fitView"
            text: qsTr("Fit")
            onClicked: canvas.resetView()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Fit the photo to the view (Ctrl+0); wheel zooms, right-drag pans")
        }
        ToolButton {
            objectName: "clearMask"
            text: qsTr("Clear")
            enabled: canvas.coverage > 0
            onClicked: canvas.clear()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Clear the mask")
        }
    }

    MaskEditor {
        id: canvas
        objectName: "maskCanvas"
        Layout.fillWidth: true
        Layout.fillHeight: true
        document: root.document
        clip: true
        Label {
            anchors.centerIn: parent
            visible: !canvas.hasImage
            text: qsTr("No photo to mask")
            opacity: 0.6
        }
        BusyIndicator { anchors.centerIn: parent; running: canvas.busy }
    }

    Label {
        objectName: "maskInfo"
        Layout.fillWidth: true
        elide: Text.ElideMiddle
        opacity: 0.8
        text: {
            const parts = [qsTr("Covers %1%").arg(Math.round(canvas.coverage * 100))]
            if (canvas.confidence >= 0)
                parts.push(qsTr("automatic mask confidence %1%").arg(Math.round(canvas.confidence * 100)))
            if (canvas.errorString !== "")
                parts.push(canvas.errorString)
            return parts.join(" · ")
        }
    }
}
