import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The attribute references of the project: one card each, with its photo, category and strength.
ListView {
    id: list
    property var document
    spacing: 6
    clip: true
    model: document ? document.attributes : []

    readonly property var categoryNames: ({
        hair: qsTr("Hair"), eyeglasses: qsTr("Eyeglasses"), hat: qsTr("Hat"), beard: qsTr("Beard")
    })

    delegate: Frame {
        required property var modelData
        required property int index
        width: ListView.view.width
        padding: 6
        RowLayout {
            anchors.fill: parent
            spacing: 8
            Image {
                source: modelData.imageUrl
                sourceSize.width: 96
                sourceSize.height: 96
                Layout.preferredWidth: 64
                Layout.preferredHeight: 64
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
            }
            ColumnLayout {
                Layout.fillWidth: true
                Label {
                    text: list.categoryNames[modelData.category] || modelData.category
                    font.bold: true
                }
                Label {
                    text: qsTr("Strength %1%").arg(Math.round(modelData.strength * 100))
                    opacity: 0.8
                }
            }
            ToolButton {
                text: "×"
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Remove this reference")
                onClicked: list.document.removeAttribute(index)
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("No attribute references")
        opacity: 0.6
    }
}
