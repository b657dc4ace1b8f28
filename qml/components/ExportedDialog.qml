import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// After an export: where the file is and what it holds, with Open Folder.
Dialog {
    id: root
    title: qsTr("Video Exported")
    modal: true
    property url file
    property string summary
    property bool reused: false
    function show(exported, text, fromRender) { file = exported; summary = text; reused = fromRender; open() }
    ColumnLayout {
        width: parent.width
        Label {
            objectName: "exportedPath"
            text: FilePaths.displayPath(root.file)
            font.bold: true
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        Label {
            objectName: "exportedSummary"
            text: root.reused ? qsTr("%1 (the frames of the last render, not rendered again)").arg(root.summary) : root.summary
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Open Folder")
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: {
                Qt.openUrlExternally(FilePaths.folderOf(root.file))
                root.close()
            }
        }
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
