import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// The left side of the editor: the portrait photo (open, drop, paste; landmarks) and the mask editor of
// the portrait and the references, on two tabs.
ColumnLayout {
    id: root
    property var document
    property var portrait // PortraitController
    property alias showLandmarks: view.showLandmarks
    property alias maskPanel: masks
    property alias currentTab: tabs.currentIndex
    spacing: 4

    function openPortrait() { openDialog.open() }

    TabBar {
        id: tabs
        objectName: "portraitTabs"
        Layout.fillWidth: true
        TabButton { text: qsTr("Photo"); objectName: "photoTab" }
        TabButton { text: qsTr("Masks"); objectName: "masksTab" }
    }

    StackLayout {
        currentIndex: tabs.currentIndex
        Layout.fillWidth: true
        Layout.fillHeight: true
        ColumnLayout {
            spacing: 4
            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "openPortrait"
                    text: qsTr("Open Portrait…")
                    onClicked: root.openPortrait()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Choose a new portrait photo (Ctrl+Shift+O); you can also drop or paste one")
                }
                Item { Layout.fillWidth: true }
                Switch {
                    objectName: "landmarksToggle"
                    text: qsTr("Landmarks")
                    checked: view.showLandmarks
                    onToggled: view.showLandmarks = checked
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Show the 68 facial landmarks found on the portrait (L)")
                }
            }
            PortraitView {
                id: view
                Layout.fillWidth: true
                Layout.fillHeight: true
                document: root.document
                portrait: root.portrait
            }
        }
        MaskEditorPanel {
            id: masks
            document: root.document
        }
    }

    OpenFileDialog {
        id: openDialog
        title: qsTr("Open Portrait")
        folder: AppSettings.lastFolders.portraits || ""
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"), qsTr("All files (*)")]
        onAccepted: (file) => {
            AppSettings.rememberFolder("portraits", file)
            root.portrait.openImage(file)
        }
    }
}
