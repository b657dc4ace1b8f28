import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Several faces in a photo: shows it with a numbered box per face; the user picks one, or cancels (the
// project stays as it was). For the portrait (the face to animate) and for a reference (the face that wears
// the attribute): `chooser` is the PortraitController or the ReferenceController.
Dialog {
    id: dialog
    property var chooser
    // What the chosen face is for, as the user reads it.
    property string prompt: qsTr("Click the one to animate.")
    property string action: qsTr("Animate face %1")
    objectName: "faceChoiceDialog"
    title: qsTr("Choose a Face")
    modal: true
    width: 520
    height: 520
    standardButtons: Dialog.Cancel
    onRejected: chooser.cancelChoice()

    ColumnLayout {
        anchors.fill: parent
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This photo shows %n face(s).", "", dialog.chooser ? dialog.chooser.facesToChoose.length : 0) + " " + dialog.prompt
        }
        Image {
            id: photo
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: dialog.chooser ? dialog.chooser.pendingUrl : ""
            fillMode: Image.PreserveAspectFit
            readonly property real fit: Math.min(width / Math.max(1, sourceSize.width), height / Math.max(1, sourceSize.height))
            readonly property real offsetX: (width - sourceSize.width * fit) / 2
            readonly property real offsetY: (height - sourceSize.height * fit) / 2
            Repeater {
                model: dialog.chooser ? dialog.chooser.facesToChoose : []
                delegate: Button {
                    required property var modelData
                    required property int index
                    objectName: "face" + index
                    x: photo.offsetX + modelData.x * photo.fit
                    y: photo.offsetY + modelData.y * photo.fit
                    width: modelData.width * photo.fit
                    height: modelData.height * photo.fit
                    text: String(index + 1)
                    flat: true
                    background: Rectangle { color: parent.hovered ? "#30ffcc33" : "transparent"; border.color: "#ffcc33"; border.width: 2 }
                    contentItem: Label {
                        text: parent.text
                        font.pixelSize: 20
                        font.bold: true
                        color: "#ffcc33"
                        style: Text.Outline
                        styleColor: "black"
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignTop
                    }
                    // Close first: the choice empties facesToChoose, which destroys this button mid-handler.
                    onClicked: {
                        const chooser = dialog.chooser, face = index
                        dialog.close()
                        chooser.chooseFace(face)
                    }
                    ToolTip.visible: hovered
                    ToolTip.text: dialog.action.arg(index + 1)
                }
            }
        }
    }
}
