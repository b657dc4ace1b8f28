import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// The portrait photo, with the 68 landmarks of the animated face drawn over it when showLandmarks is
// on, and a drop target for a new portrait photo (the face is found before the project changes).
Item {
    id: root
    property var document
    property var portrait // PortraitController
    property bool showLandmarks: false

    Image {
        id: photo
        objectName: "portraitImage"
        anchors.fill: parent
        source: root.document ? root.document.portraitUrl : ""
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        Label {
            anchors.centerIn: parent
            width: parent.width - 20
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: parent.status !== Image.Ready
            text: root.document && root.document.loaded && root.document.portraitUrl.toString() !== ""
                  ? qsTr("The portrait image could not be loaded")
                  : qsTr("Drop a portrait photo here, paste one (Ctrl+V) or open one (Ctrl+Shift+O)")
            opacity: 0.6
        }
    }

    // Landmarks in photo pixels, placed over the painted (fitted) photo.
    Repeater {
        objectName: "landmarkDots"
        model: root.showLandmarks && root.portrait && photo.status === Image.Ready ? root.portrait.landmarks : []
        delegate: Rectangle {
            required property var modelData
            readonly property real fit: Math.min(photo.width / photo.sourceSize.width, photo.height / photo.sourceSize.height)
            x: (photo.width - photo.sourceSize.width * fit) / 2 + modelData.x * fit - width / 2
            y: (photo.height - photo.sourceSize.height * fit) / 2 + modelData.y * fit - height / 2
            width: 4
            height: 4
            radius: 2
            color: "#40ff80"
        }
    }

    DropArea {
        id: drop
        objectName: "portraitDropArea"
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: function(event) {
            if (event.hasUrls && event.urls.length > 0) {
                root.portrait.openImage(event.urls[0])
                event.accept()
            }
        }
    }
    Rectangle {
        anchors.fill: parent
        visible: drop.containsDrag
        color: "transparent"
        border.color: "#d9a400"
        border.width: 3
        radius: 4
    }
    BusyIndicator {
        anchors.centerIn: parent
        running: root.portrait ? root.portrait.busy : false
    }
}
