import QtQuick
import QtQuick.Controls

// A message for the user (an error, or what was removed), with OK.
Dialog {
    id: root
    title: qsTr("Durian Studio")
    modal: true
    standardButtons: Dialog.Ok
    property alias text: messageLabel.text
    function show(message) { text = message; open() }
    Label {
        id: messageLabel
        objectName: "messageText"
        wrapMode: Text.WordWrap
        width: parent.width
    }
}
