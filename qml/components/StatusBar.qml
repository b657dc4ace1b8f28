import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The window's status line: a message, and a progress bar with a cancel button while work runs.
// progress < 0 means no work is running; progress in [0, 1] shows the bar.
ToolBar {
    id: bar
    property string message
    property real progress: -1
    property bool cancellable: false
    property string detail
    readonly property bool busy: progress >= 0
    signal cancelRequested()

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        spacing: 10
        Label {
            objectName: "statusMessage"
            text: bar.message
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        ProgressBar {
            objectName: "statusProgress"
            visible: bar.busy
            from: 0
            to: 1
            value: Math.max(0, Math.min(1, bar.progress))
            Layout.preferredWidth: 200
        }
        Button {
            objectName: "statusCancel"
            visible: bar.busy && bar.cancellable
            text: qsTr("Cancel")
            onClicked: bar.cancelRequested()
        }
        Label {
            text: bar.detail
            opacity: 0.7
        }
    }
}
