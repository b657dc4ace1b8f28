import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// The project's motion: a built-in preset or a driving video, the clip's length and frame rate, and
// what the motion looks like: the driving video's tracked keypoints over its frames, and the track
// retargeted onto the portrait, played as a loop. Every change goes through the document (undoable).
ColumnLayout {
    id: root
    property var document
    readonly property alias controller: motion
    readonly property bool usesVideo: document && document.drivingVideoUrl.toString() !== ""
    spacing: 6

    // A driving video rejected for having no face (or not being a video) is reported where it was chosen.
    signal drivingVideoRejected(string message)

    MotionController {
        id: motion
        objectName: "motionController"
        document: root.document
        onDrivingVideoRejected: function(url, message) { root.drivingVideoRejected(message) }
    }

    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Preset") }
        ComboBox {
            id: presetBox
            objectName: "motionPresetBox"
            Layout.fillWidth: true
            enabled: root.document && root.document.loaded
            model: root.document ? root.document.motionPresetLabels : []
            currentIndex: root.document && !root.usesVideo ? root.document.motionPresets.indexOf(root.document.motionPreset) : -1
            displayText: root.usesVideo ? qsTr("(driving video)") : currentText
            ToolTip.visible: hovered
            ToolTip.text: qsTr("A built-in head motion (replaces the driving video)")
            onActivated: function(index) { root.document.setMotionPreset(root.document.motionPresets[index]) }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Button {
            objectName: "drivingVideoButton"
            text: qsTr("Driving Video…")
            enabled: root.document && root.document.loaded && !motion.running
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Take the motion from the face in a video (Ctrl+Shift+M)")
            onClicked: videoDialog.open()
        }
        Label {
            objectName: "drivingVideoName"
            Layout.fillWidth: true
            elide: Text.ElideMiddle
            text: root.usesVideo ? FilePaths.fileName(root.document.drivingVideoUrl) : qsTr("none")
            opacity: root.usesVideo ? 1 : 0.6
        }
        ToolButton {
            objectName: "removeDrivingVideo"
            visible: root.usesVideo
            text: "✕"
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Use the preset instead of the driving video")
            onClicked: root.document.setDrivingVideo("")
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Frames") }
        SpinBox {
            objectName: "motionFrames"
            from: 1
            to: 100000
            editable: true
            enabled: root.document && root.document.loaded
            value: root.document ? root.document.motionFrames : 48
            Layout.preferredWidth: 100
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Length of the clip in frames")
            onValueModified: root.document.setMotionFrames(value)
        }
        Label { text: qsTr("fps") }
        SpinBox {
            objectName: "motionFps"
            from: 1
            to: 240
            editable: true
            enabled: root.document && root.document.loaded
            value: root.document ? Math.round(root.document.motionFps) : 24
            Layout.preferredWidth: 80
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Frames per second of the clip")
            onValueModified: root.document.setMotionFps(value)
        }
        Label {
            objectName: "motionDuration"
            text: root.document && root.document.loaded
                  ? qsTr("%1 s").arg(Number(root.document.motionFrames / root.document.motionFps).toLocaleString(Qt.locale(), "f", 1)) : ""
            opacity: 0.7
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 56
        PreviewImage {
            objectName: "drivingKeypoints"
            visible: motion.hasDrivingFrames && root.usesVideo
            Layout.fillWidth: true
            Layout.fillHeight: true
            image: motion.drivingFrame
        }
        PreviewImage {
            objectName: "portraitKeypoints"
            Layout.fillWidth: true
            Layout.fillHeight: true
            image: motion.portraitFrame
            Label {
                anchors.centerIn: parent
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: motion.frameCount === 0 || motion.running
                text: motion.running ? qsTr("Tracking the motion…") : ""
                opacity: 0.7
            }
        }
    }

    Label {
        objectName: "motionError"
        Layout.fillWidth: true
        visible: text !== ""
        text: motion.errorString
        wrapMode: Text.WordWrap
        color: "#ff8a80"
    }

    // The sampled frames play as a loop at the clip's pace (the samples span the whole clip).
    Timer {
        running: motion.frameCount > 1 && root.visible
        repeat: true
        interval: root.document && root.document.motionFrames > 0
                  ? Math.max(40, 1000 * root.document.motionFrames / root.document.motionFps / motion.frameCount) : 100
        onTriggered: motion.frameIndex = (motion.frameIndex + 1) % motion.frameCount
    }

    function chooseDrivingVideo() { videoDialog.open() }

    OpenFileDialog {
        id: videoDialog
        title: qsTr("Choose a Driving Video")
        folder: AppSettings.lastFolders.videos || ""
        nameFilters: [qsTr("Videos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.gif)"), qsTr("All files (*)")]
        onAccepted: (file) => {
            AppSettings.rememberFolder("videos", file)
            motion.chooseDrivingVideo(file)
        }
    }
}
