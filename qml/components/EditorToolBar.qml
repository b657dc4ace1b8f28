import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The bar under the menus: the project's name (renaming is undoable), Render and Export.
ToolBar {
    id: root
    property var document
    property var renderer
    property bool renderable: false
    signal exportRequested()

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        Label { text: qsTr("Project") }
        TextField {
            objectName: "projectName"
            text: root.document.name
            enabled: root.document.loaded
            Layout.preferredWidth: 260
            onEditingFinished: root.document.name = text
        }
        Item { Layout.fillWidth: true }
        ToolButton {
            objectName: "renderButton"
            text: qsTr("Render")
            enabled: root.renderable
            onClicked: root.renderer.render()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Render the whole animation and play it (Ctrl+R)")
        }
        ToolButton {
            objectName: "exportButton"
            text: qsTr("Export…")
            enabled: root.renderable
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Export the animation as MP4, WebM, GIF or PNG frames (Ctrl+E)")
            onClicked: root.exportRequested()
        }
    }
}
