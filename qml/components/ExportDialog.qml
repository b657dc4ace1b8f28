import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.platform as Platform
import Durian.App

// Export Video: format, file, frame rate, quality, size and the driving video's sound, then the export
// on the worker thread with progress and Cancel. The file name starts as the project's name beside the
// project. The same settings on the command line: durian render PROJECT -o FILE --fps N --quality Q
// --size PIXELS [--no-audio].
Dialog {
    id: root
    property var document
    property bool exporting: false
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

    function projectFolder() {
        const path = document ? document.fileUrl.toString() : ""
        return path.substring(0, path.lastIndexOf("/"))
    }
    // The path with the format's extension (none for a PNG folder).
    function withFormat(path, fmt) {
        const slash = path.lastIndexOf("/")
        const dot = path.lastIndexOf(".")
        const stem = dot > slash ? path.substring(0, dot) : path
        return fmt === "png" ? stem : stem + "." + fmt
    }
    function localPath(url) { return decodeURIComponent(url.toString().replace(/^file:\/\//, "")) }
    // A local path as a file URL; each segment encoded, so "#", "?" and "%" in names stay part of the name.
    function fileUrl(path) { return "file://" + path.split("/").map(encodeURIComponent).join("/") }

    onAboutToShow: {
        if (!exporting) {
            pathField.text = withFormat(localPath(projectFolder()) + "/" + (document ? document.name : "animation"), format)
            fpsBox.value = document ? Math.round(document.motionFps) : 24
            audioBox.checked = true
        }
    }

    function startExport() {
        const options = { fps: fpsBox.value, quality: ["high", "medium", "low"][qualityBox.currentIndex],
                          size: sizes[sizeBox.currentIndex], audio: audioBox.visible && audioBox.checked }
        exporting = true
        document.exportVideoWith(fileUrl(pathField.text), options)
    }

    Connections {
        target: root.document
        function onExportFinished() { if (root.exporting) { root.exporting = false; root.close() } }
        function onErrorOccurred() { root.exporting = false }
    }
    Connections {
        target: JobQueue
        // A cancelled export ends without a result or an error.
        function onFinished(title, succeeded, error) { if (!succeeded && error === "") root.exporting = false }
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
            onActivated: pathField.text = root.withFormat(pathField.text, root.formats[currentIndex])
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
            enabled: visible && root.document.drivingVideoHasAudio()
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
                value: Math.max(0, JobQueue.progress)
            }
            Label {
                objectName: "exportProgressText"
                text: JobQueue.message
                elide: Text.ElideRight
                Layout.maximumWidth: 240
            }
        }
        DialogButtonBox {
            Layout.fillWidth: true
            Button {
                objectName: "exportStart"
                text: qsTr("Export")
                enabled: !root.exporting && pathField.text !== "" && !JobQueue.busy
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: root.startExport()
            }
            Button {
                objectName: "exportCancel"
                text: root.exporting ? qsTr("Cancel Export") : qsTr("Close")
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: root.exporting ? JobQueue.cancel() : root.close()
            }
        }
    }

    Platform.FileDialog {
        id: fileDialog
        title: qsTr("Export Video")
        fileMode: Platform.FileDialog.SaveFile
        folder: root.projectFolder()
        currentFile: root.fileUrl(pathField.text)
        onAccepted: pathField.text = root.withFormat(root.localPath(file), root.format)
    }
}
