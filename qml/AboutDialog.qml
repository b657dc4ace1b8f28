import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

Dialog {
    id: dialog
    title: qsTr("About Durian Studio")
    modal: true
    standardButtons: Dialog.Close
    anchors.centerIn: parent

    ColumnLayout {
        spacing: 8
        Label {
            text: qsTr("Durian Studio %1").arg(AppInfo.version)
            font.pixelSize: 18
            font.bold: true
        }
        Label {
            text: qsTr("Portrait animation with attribute transfer, after the Durian method.")
        }
        Repeater {
            objectName: "libraryVersions"
            model: AppInfo.libraries
            delegate: RowLayout {
                required property var modelData
                Label { text: modelData.name; font.bold: true; Layout.preferredWidth: 90 }
                Label { text: modelData.version }
            }
        }
        RowLayout {
            Label { text: qsTr("Threads"); font.bold: true; Layout.preferredWidth: 90 }
            Label { text: AppInfo.computeThreads }
        }
    }
}
