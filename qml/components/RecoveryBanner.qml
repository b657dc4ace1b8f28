import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Offers the unsaved changes of a session that did not close properly (ProjectDocument's recovery).
Rectangle {
    id: root
    property var document
    visible: document.recoveryAvailable
    height: visible ? 44 : 0
    color: "#4a3b00"
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        Label {
            text: root.document.untitled
                  ? qsTr("An unsaved project from a session that did not close properly can be restored.")
                  : qsTr("This project has unsaved changes from a session that did not close properly.")
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Button { text: qsTr("Restore Changes"); onClicked: root.document.recoverAutosave() }
        Button { text: qsTr("Discard"); onClicked: root.document.discardAutosave() }
    }
}
