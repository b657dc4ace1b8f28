import QtQuick
import QtQuick.Controls
import Durian.App

// The middle of the editor: the live preview of the project (PreviewController), what keeps it from
// rendering, and the rendered animation's player over it once there is a clip to play.
Item {
    id: root
    property var document
    property var renderer // RenderController
    property bool showAnimation: false
    readonly property alias controller: preview
    readonly property alias player: animationPlayer

    PreviewController {
        id: preview
        objectName: "previewController"
        document: root.document
    }
    PreviewImage {
        objectName: "previewImage"
        anchors.fill: parent
        image: preview.image
    }
    Label {
        objectName: "untrainedModelNote"
        anchors { top: parent.top; left: parent.left; right: parent.right }
        visible: preview.hasImage && !preview.modelTrained && !AppSettings.classicalMethod
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("No trained model is installed: the preview and the export use the classical method (warp and composite). Choose trained weights in Settings.")
        padding: 4
        background: Rectangle { color: "#4a3b00"; opacity: 0.9 }
    }
    Label {
        anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
        visible: preview.running && preview.totalSteps > 0
        text: qsTr("Step %1 of %2").arg(preview.step).arg(preview.totalSteps)
        background: Rectangle { color: palette.window; opacity: 0.8 }
    }
    Label {
        anchors.centerIn: parent
        width: parent.width - 40
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        visible: !preview.hasImage || preview.errorString !== "" || root.document.problems.length > 0
        text: root.document.problems.length > 0
              ? qsTr("This project cannot be rendered yet:\n%1").arg(root.document.problems.join("\n"))
              : preview.errorString !== "" ? preview.errorString
              : preview.running ? qsTr("Rendering the preview…") : qsTr("No preview rendered yet")
        opacity: 0.6
    }
    // Shown when a render finished (or on Play); the preview stays visible while the render runs.
    AnimationPlayer {
        id: animationPlayer
        objectName: "animationPlayer"
        anchors.fill: parent
        renderer: root.renderer
        visible: root.showAnimation
        onCloseRequested: root.showAnimation = false
    }
}
