import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia

// The rendered animation, played in the editor (QtMultimedia): play/pause, a scrub slider, loop.
// While a render runs it shows the render's progress line (the status bar's: frame n of N, time left) and a
// Cancel button. `renderer` is the RenderController whose clip it plays.
Rectangle {
    id: root
    property var renderer
    readonly property alias player: player
    signal closeRequested()
    color: palette.base

    function formatTime(ms) {
        const seconds = Math.max(0, ms) / 1000
        return qsTr("%1 s").arg(Number(seconds).toLocaleString(Qt.locale(), "f", 1))
    }
    function togglePlay() {
        if (player.playbackState === MediaPlayer.PlayingState)
            player.pause()
        else
            player.play()
    }

    MediaPlayer {
        id: player
        objectName: "mediaPlayer"
        source: root.renderer ? root.renderer.videoUrl : ""
        videoOutput: videoOutput
        loops: loopBox.checked ? MediaPlayer.Infinite : 1
        onSourceChanged: if (player.source.toString() !== "") player.play()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        VideoOutput {
            id: videoOutput
            objectName: "videoOutput"
            Layout.fillWidth: true
            Layout.fillHeight: true
            fillMode: VideoOutput.PreserveAspectFit

            Label {
                anchors.centerIn: parent
                visible: root.renderer && root.renderer.videoUrl.toString() === "" && !root.renderer.running
                text: qsTr("No animation rendered yet: Render Animation (Ctrl+R)")
                opacity: 0.6
            }
            Label {
                objectName: "playerError"
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                visible: text !== ""
                text: player.errorString
                wrapMode: Text.WordWrap
                color: "#ff8a80"
            }
        }

        // Render progress, with Cancel.
        RowLayout {
            objectName: "renderProgressRow"
            visible: root.renderer && root.renderer.running
            Layout.fillWidth: true
            ProgressBar {
                objectName: "renderProgress"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: root.renderer ? Math.max(0, root.renderer.progress) : 0
            }
            Label {
                objectName: "renderProgressText"
                text: root.renderer ? root.renderer.message : ""
                elide: Text.ElideRight
                Layout.maximumWidth: root.width * 0.6
            }
            Button {
                objectName: "renderCancel"
                text: qsTr("Cancel")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Stop rendering; the previous clip stays")
                onClicked: root.renderer.cancel()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Button {
                objectName: "playPauseButton"
                enabled: player.hasVideo
                text: player.playbackState === MediaPlayer.PlayingState ? qsTr("Pause") : qsTr("Play")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Play or pause the animation (Ctrl+Space)")
                onClicked: root.togglePlay()
            }
            Slider {
                id: scrub
                objectName: "scrubSlider"
                enabled: player.hasVideo
                Layout.fillWidth: true
                from: 0
                to: Math.max(1, player.duration)
                value: player.position
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Drag to scrub through the animation")
                onMoved: player.position = value
            }
            Label {
                objectName: "playerTime"
                text: root.formatTime(player.position) + " / " + root.formatTime(player.duration)
            }
            CheckBox {
                id: loopBox
                objectName: "loopBox"
                text: qsTr("Loop")
                checked: true
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Play the animation in a loop")
            }
            ToolButton {
                objectName: "closeAnimation"
                text: qsTr("Still Preview")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Back to the still preview")
                onClicked: { player.pause(); root.closeRequested() }
            }
        }
    }
}
