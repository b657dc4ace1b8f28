import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.platform as Platform
import Durian.App

// Export Video: format, file, frame rate, quality, size and the driving video's sound, then the export
// (RenderController, on the render lane) with progress and Cancel. The file name starts as the project's
// name in the folder of the last export (else beside the project). An export right after Render Animation
// reuses its frames. The same settings on the command line: durian render PROJECT -o FILE --fps N
// --quality Q --size PIXELS [--no-audio].
Dialog {
    id: root
    property var document
    property var renderer // RenderController
    property var motion   // MotionController: whether the driving video has sound
    readonly property bool exporting: renderer ? renderer.exporting : false
    title: qsTr("Export Video")
    modal: true
    closePolicy: exporting ? Popup.NoAutoClose : Popup.CloseOnEscape
    width: 520

    readonly property var formats: ["mp4", "webm", "gif", "png"]
    readonly property var formatNames: [qsTr("MP4 video (H.264)"), qsTr("WebM video (VP9)"), qsTr("GIF animation"),
        qsTr("PNG sequence (a folder of frames)")]
    readonly property var sizes: [0, 128, 256, 512, 1024]
    readonly property string format: formats[formatBox.currentIndex]
    readonly property bool hasSound: format === "mp4" || format === "webm"

    readonly property url folder: AppSettings.lastFolders.exports || (document ? document.folderUrl : "")

    onAboutToShow: {
        if (!exporting) {
            const name = document && document.name !== "" ? document.name : "animation"
            pathField.text = FilePaths.withFormat(FilePaths.displayPath(folder) + "/" + name, format)
            fpsBox.value = document ? Math.round(document.motionFps) : 24
            audioBox.checked = true
        }
    }

    function startExport() {
        const options = { fps: fpsBox.value, quality: ["high", "medium", "low"][qualityBox.currentIndex],
                          size: sizes[sizeBox.currentIndex], audio: audioBox.visible && audioBox.checked }
        const file = FilePaths.fromPath(pathField.text)
        AppSettings.rememberFolder("exports", FilePaths.folderOf(file))
        renderer.exportVideo(file, options)
    }

    Connections {
        target: root.renderer
        function onExportFinished() { root.close() }
    }

    GridLayout {
        width: parent.width
        columns: 3
        columnSpacing: 8
        enabled: !root.exporting

        Label { text: qsTr("Format") }
        ComboBox {
            id: formatBox
            objectName: "exportFormat"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            model: root.formatNames
            ToolTip.visible: hovered
            ToolTip.text: qsTr("MP4 and WebM play everywhere and carry sound; GIF loops in web pages; PNG frames are lossless")
            onActivated: pathField.text = FilePaths.withFormat(pathField.text, root.formats[currentIndex])
        }

        Label { text: root.format === "png" ? qsTr("Folder") : qsTr("File") }
        TextField {
            id: pathField
            objectName: "exportPath"
            Layout.fillWidth: true
            selectByMouse: true
        }
        Button {
            text: qsTr("Choose…")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Choose where the export is written")
            onClicked: fileDialog.open()
        }

        Label { text: qsTr("Frame rate") }
        SpinBox {
            id: fpsBox
            objectName: "exportFps"
            Layout.columnSpan: 2
            from: 1
            to: 240
            value: 24
            editable: true
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Frames per second of the file; the clip keeps its duration")
        }

        Label { text: qsTr("Quality") }
        ComboBox {
            id: qualityBox
            objectName: "exportQuality"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            enabled: root.hasSound
            model: [qsTr("High"), qsTr("Medium"), qsTr("Low (smaller file)")]
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Compression of MP4 and WebM; GIF and PNG are not affected")
        }

        Label { text: qsTr("Size") }
        ComboBox {
            id: sizeBox
            objectName: "exportSize"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            model: [qsTr("As rendered"), "128 × 128", "256 × 256", "512 × 512", "1024 × 1024"]
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Width and height of the exported frames")
        }

        Label { text: qsTr("Audio"); visible: audioBox.visible }
        CheckBox {
            id: audioBox
            objectName: "exportAudio"
            Layout.columnSpan: 2
            visible: root.document && root.document.drivingVideoUrl.toString() !== "" && root.hasSound
            enabled: visible && root.motion !== undefined && root.motion.drivingVideoHasAudio
            text: enabled ? qsTr("Sound from the driving video") : qsTr("The driving video has no sound")
            checked: true
        }
    }

    footer: ColumnLayout {
        spacing: 4
        RowLayout {
            visible: root.exporting
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            ProgressBar {
                objectName: "exportProgress"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: Math.max(0, root.renderer ? root.renderer.progress : 0)
            }
            Label {
                objectName: "exportProgressText"
                text: root.renderer ? root.renderer.message : ""
                elide: Text.ElideRight
                Layout.maximumWidth: 240
            }
        }
        DialogButtonBox {
            Layout.fillWidth: true
            Button {
                objectName: "exportStart"
                text: qsTr("Export")
                enabled: !root.exporting && pathField.text !== "" && root.renderer && !root.renderer.running
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: root.startExport()
            }
            Button {
                objectName: "exportCancel"
                text: root.exporting ? qsTr("Cancel Export") : qsTr("Close")
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: root.exporting ? root.renderer.cancel() : root.close()
            }
        }
    }

    Platform.FileDialog {
        id: fileDialog
        title: qsTr("Export Video")
        fileMode: Platform.FileDialog.SaveFile
        folder: root.folder
        currentFile: FilePaths.fromPath(pathField.text)
        onAccepted: pathField.text = FilePaths.withFormat(FilePaths.displayPath(file), root.format)
    }
}
