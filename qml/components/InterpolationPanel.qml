import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// Interpolation between two references of one category: pick the pair, blend with the alpha slider
// (one undo step per drag), and render a strip of thumbnails across alpha; clicking one sets alpha.
ColumnLayout {
    id: root
    property var document
    property var strip // InterpolationStrip
    spacing: 4

    // "Hair 1" ...: these change with the references' number and categories, not with a strength.
    readonly property var labels: document ? document.attributeModel.labels : []
    readonly property var pairing: document ? document.interpolation : ({ paired: false })
    function label(i) { return root.labels[i] || "" }
    // References that can be paired with another one (the document's rule, which reads the categories):
    // the candidates for A.
    readonly property var candidates: {
        const categories = document ? document.attributeModel.categories : []
        const list = []
        for (let i = 0; i < categories.length; ++i)
            for (let j = 0; j < categories.length; ++j)
                if (document.canPair(i, j)) { list.push(i); break }
        return list
    }

    RowLayout {
        Layout.fillWidth: true
        visible: !root.pairing.paired
        ComboBox {
            id: slotA
            objectName: "pairA"
            Layout.fillWidth: true
            model: root.candidates.map(i => root.label(i))
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Reference A (alpha 0)")
        }
        ComboBox {
            id: slotB
            objectName: "pairB"
            Layout.fillWidth: true
            readonly property int a: slotA.currentIndex >= 0 && slotA.currentIndex < root.candidates.length
                                     ? root.candidates[slotA.currentIndex] : -1
            readonly property var options: a < 0 ? [] : root.candidates.filter(i => root.document.canPair(a, i))
            model: options.map(i => root.label(i))
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Reference B (alpha 1), of the same category")
        }
        Button {
            objectName: "pairButton"
            text: qsTr("Pair")
            enabled: slotB.options.length > 0
            onClicked: root.document.pairAttributes(root.candidates[slotA.currentIndex], slotB.options[slotB.currentIndex])
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Blend these two references with a slider")
        }
    }
    Label {
        Layout.fillWidth: true
        visible: !root.pairing.paired && root.candidates.length === 0
        wrapMode: Text.WordWrap
        opacity: 0.6
        text: qsTr("Add two references of one category to interpolate between them.")
    }

    RowLayout {
        Layout.fillWidth: true
        visible: root.pairing.paired
        Label {
            objectName: "pairLabel"
            text: qsTr("%1 ↔ %2").arg(root.label(root.pairing.slot)).arg(root.label(root.pairing.with))
        }
        Slider {
            id: alphaSlider
            objectName: "alphaSlider"
            Layout.fillWidth: true
            from: 0; to: 1
            value: root.pairing.paired ? root.pairing.alpha : 0.5
            onMoved: root.document.setInterpolationAlpha(value)
            onPressedChanged: if (!pressed) root.document.finishGesture()
            ToolTip.visible: hovered || pressed
            ToolTip.text: qsTr("Alpha %1: 0 is all A, 1 is all B").arg(value.toFixed(2))
        }
        ToolButton {
            objectName: "unpairButton"
            text: "×"
            onClicked: root.document.unpairAttributes()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Stop interpolating")
        }
    }

    Row {
        id: stripRow
        Layout.fillWidth: true
        visible: root.pairing.paired
        spacing: 2
        Repeater {
            objectName: "stripThumbnails"
            model: root.strip ? root.strip.count : 0
            delegate: Rectangle {
                required property int index
                readonly property var image: root.strip.images[index]
                width: (stripRow.width - stripRow.spacing * (root.strip.count - 1)) / root.strip.count
                height: width
                color: "#111"
                border.color: Math.abs(root.pairing.alpha - root.strip.alphas[index]) < 0.01 ? "#d9a400" : "#3c3f46"
                PreviewImage {
                    anchors.fill: parent
                    anchors.margins: 1
                    image: parent.image
                }
                Label {
                    anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
                    text: Number(root.strip.alphas[index]).toFixed(2)
                    font.pointSize: 7
                }
                MouseArea {
                    objectName: "stripThumbnail"
                    anchors.fill: parent
                    onClicked: { root.document.setInterpolationAlpha(root.strip.alphas[index]); root.document.finishGesture() }
                    onDoubleClicked: largeView.show(index)
                    ToolTip.visible: containsMouse
                    ToolTip.text: qsTr("Use alpha %1 (double-click: view it large)").arg(Number(root.strip.alphas[index]).toFixed(2))
                    hoverEnabled: true
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        visible: root.pairing.paired
        Button {
            objectName: "renderStrip"
            text: root.strip && root.strip.running ? qsTr("Stop") : qsTr("Render Strip")
            onClicked: root.strip.running ? root.strip.cancel() : root.strip.render()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Preview %n step(s) across alpha (Ctrl+I)", "", root.strip ? root.strip.count : 0)
        }
        Switch {
            objectName: "autoStrip"
            text: qsTr("Live")
            checked: root.strip ? root.strip.autoRender : false
            onToggled: root.strip.autoRender = checked
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Render the strip again after every change")
        }
        Label {
            Layout.fillWidth: true
            elide: Text.ElideRight
            opacity: 0.7
            text: root.strip ? (root.strip.errorString !== "" ? root.strip.errorString
                               : root.strip.running ? qsTr("%1 of %2 rendered").arg(root.strip.done).arg(root.strip.count) : "")
                             : ""
        }
    }

    // One thumbnail at the preview's size: the strip's are too small to tell apart.
    Popup {
        id: largeView
        objectName: "stripLargeView"
        property int index: 0
        function show(i) { index = i; open() }
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width * 0.6 : 512, 560)
        height: width + 30
        modal: true
        Column {
            anchors.fill: parent
            spacing: 4
            PreviewImage {
                width: parent.width
                height: parent.width
                image: root.strip && root.strip.images.length > largeView.index ? root.strip.images[largeView.index] : null
            }
            Label {
                text: root.strip ? qsTr("Alpha %1").arg(Number(root.strip.alphas[largeView.index]).toFixed(2)) : ""
                anchors.horizontalCenter: parent.horizontalCenter
            }
        }
        TapHandler { onTapped: largeView.close() }
    }
}
