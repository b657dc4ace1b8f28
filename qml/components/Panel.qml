import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A titled region of the editor window. Content goes into the default property.
Frame {
    id: panel
    property string title
    default property alias content: body.data

    padding: 8
    background: Rectangle {
        color: panel.palette.base
        border.color: panel.palette.mid
        radius: 4
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label {
            text: panel.title
            font.bold: true
            font.pixelSize: 13
            color: panel.palette.windowText
        }
        Item {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
