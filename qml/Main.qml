import QtQuick
import QtQuick.Controls
import Qt.labs.platform as Platform
import QtQuick.Layouts
import Durian.App
import "components"

// The editor window: the project (ProjectDocument) and its controllers, the panels that show and edit it,
// and the dialogs. The menus (MainMenu) call the functions below.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 900
    minimumHeight: 600
    visible: true
    title: (document.modified ? "● " : "") + (document.loaded ? document.name + " — " : "") + "Durian Studio"

    palette {
        window: "#24262b"
        windowText: "#e6e6e6"
        base: "#1b1c20"
        alternateBase: "#2b2d33"
        text: "#e6e6e6"
        button: "#33363d"
        buttonText: "#e6e6e6"
        highlight: "#d9a400"
        highlightedText: "#1b1c20"
        mid: "#3c3f46"
        placeholderText: "#8a8d94"
        disabled.windowText: "#6b6e75"
        disabled.buttonText: "#6b6e75"
        disabled.text: "#6b6e75"
    }

    readonly property alias document: document
    readonly property alias renderer: renderController

    ProjectDocument {
        id: document
        objectName: "document"
        onErrorOccurred: function(message) { messageDialog.show(message) }
        onFileUrlChanged: if (!untitled) RecentFiles.add(fileUrl)
        onProjectReplaced: previewPanel.showAnimation = false
    }
    PortraitController {
        id: portraitController
        objectName: "portraitController"
        document: document
        onErrorOccurred: function(message) { messageDialog.show(message) }
        onChoiceNeeded: faceChoiceDialog.open()
    }
    InterpolationStrip {
        id: interpolationStrip
        objectName: "interpolationStrip"
        document: document
    }
    AutoMaskController {
        id: autoMasks
        objectName: "autoMasks"
        document: document
        onErrorOccurred: function(message) { messageDialog.show(message) }
    }
    ReferenceController {
        id: referenceController
        objectName: "referenceController"
        document: document
        autoMasks: autoMasks
        onErrorOccurred: function(message) { messageDialog.show(message) }
        onChoiceNeeded: referenceFaceDialog.open()
    }
    // Render Animation (Ctrl+R) into a temporary clip, played in the preview panel; Export.
    RenderController {
        id: renderController
        objectName: "renderController"
        document: document
        onFinished: function(succeeded) { if (succeeded) previewPanel.showAnimation = true }
        onExportFinished: function(file, summary, reused) { exportedDialog.show(file, summary, reused) }
        onExportFailed: function(error) { if (error !== "") messageDialog.show(error) }
    }
    EditorShortcuts {
        portraitPanel: portraitPanel
        portrait: portraitController
        strip: interpolationStrip
    }

    // What the menus call.
    function confirmThen(action) { unsavedDialog.confirmThen(action) }
    function showMessage(message) { messageDialog.show(message) }
    function showOpenDialog() { openDialog.open() }
    function showSaveAsDialog() { saveDialog.open() }
    function showExportDialog() { exportDialog.open() }
    function showSettings() { settingsDialog.open() }
    function showAbout() { aboutDialog.open() }
    function openPortrait() { portraitPanel.openPortrait() }
    function pastePortrait() { portraitController.paste() }
    function chooseDrivingVideo() { motionPanel.chooseDrivingVideo() }
    function togglePlay() { previewPanel.showAnimation = true; previewPanel.player.togglePlay() }
    function save() {
        if (document.untitled)
            saveDialog.open()
        else
            document.save()
    }
    function openRecent(path) {
        if (!RecentFiles.exists(path)) {
            RecentFiles.remove(path)
            messageDialog.show(qsTr("%1 no longer exists; it was removed from the recent projects.").arg(path))
            return
        }
        document.open(RecentFiles.urlOf(path))
    }

    Component.onCompleted: {
        if (AppInfo.startupProject.toString() === "")
            document.newProject()
        else if (AppInfo.startupIsTemplate)
            document.openAsNew(AppInfo.startupProject) // the bundled demo: never written to
        else
            document.open(AppInfo.startupProject)
    }

    property bool closeConfirmed: false
    onClosing: function(close) {
        if (document.modified && !closeConfirmed) {
            close.accepted = false
            unsavedDialog.confirmClose()
        }
    }

    menuBar: MainMenu { editor: window }

    header: EditorToolBar { document: document; renderer: renderController; renderable: window.menuBar.renderable
                            onExportRequested: exportDialog.open() }
    RecoveryBanner {
        id: recoveryBanner
        objectName: "recoveryBanner"
        document: document
        anchors { left: parent.left; right: parent.right; top: parent.top }
    }
    SplitView {
        anchors { left: parent.left; right: parent.right; top: recoveryBanner.bottom; bottom: parent.bottom }
        anchors.margins: 6

        // Left: the portrait and its motion; right: what is transferred onto it. At 1280x720 the right
        // column then keeps three reference cards in view even with an interpolation pair open.
        ColumnLayout {
            SplitView.preferredWidth: 420
            SplitView.minimumWidth: 260
            spacing: 6
            Panel {
                objectName: "portraitPanel"
                title: qsTr("Portrait")
                Layout.fillWidth: true
                Layout.fillHeight: true
                PortraitPanel {
                    id: portraitPanel
                    anchors.fill: parent
                    document: document
                    portrait: portraitController
                }
            }
            Panel {
                objectName: "motionPanel"
                title: qsTr("Motion")
                Layout.fillWidth: true
                Layout.preferredHeight: 200
                MotionPanel {
                    id: motionPanel
                    anchors.fill: parent
                    document: document
                    onDrivingVideoRejected: function(message) { messageDialog.show(message) }
                }
            }
        }
        Panel {
            objectName: "previewPanel"
            title: qsTr("Preview")
            SplitView.fillWidth: true
            SplitView.minimumWidth: 260
            PreviewPanel {
                id: previewPanel
                anchors.fill: parent
                document: document
                renderer: renderController
            }
        }
        ColumnLayout {
            SplitView.preferredWidth: 320
            SplitView.minimumWidth: 240
            spacing: 6
            Panel {
                objectName: "attributePanel"
                title: qsTr("Attributes")
                Layout.fillWidth: true
                Layout.fillHeight: true
                AttributeList {
                    anchors.fill: parent
                    document: document
                    autoMasks: autoMasks
                    references: referenceController
                }
            }
            Panel {
                objectName: "interpolationPanel"
                title: qsTr("Interpolation")
                Layout.fillWidth: true
                Layout.preferredHeight: document.interpolation.paired ? 190 : 110
                InterpolationPanel {
                    anchors.fill: parent
                    document: document
                    strip: interpolationStrip
                }
            }
        }
    }

    // One progress for all work: the render lane's job when one runs, else the interactive one's.
    footer: StatusBar {
        id: statusBar
        objectName: "statusBar"
        message: JobQueue.current ? JobQueue.current.message : document.status !== "" ? document.status : qsTr("Ready")
        progress: JobQueue.current ? JobQueue.current.progress : -1
        cancellable: JobQueue.current !== null
        onCancelRequested: JobQueue.cancel()
        detail: qsTr("%n thread(s)", "", AppInfo.computeThreads)
    }

    // Qt.labs.platform: the desktop's dialog, or Qt Widgets' QFileDialog where there is none.
    OpenFileDialog {
        id: openDialog
        title: qsTr("Open Project")
        folder: AppSettings.lastFolders.projects || Platform.StandardPaths.writableLocation(Platform.StandardPaths.DocumentsLocation)
        nameFilters: [qsTr("Durian projects (*.durian)"), qsTr("All files (*)")]
        onAccepted: (file) => {
            AppSettings.rememberFolder("projects", file)
            document.open(file)
        }
    }
    Platform.FileDialog {
        id: saveDialog
        title: qsTr("Save Project As")
        fileMode: Platform.FileDialog.SaveFile
        folder: document.untitled ? (AppSettings.lastFolders.projects || document.folderUrl) : document.folderUrl
        defaultSuffix: "durian"
        nameFilters: [qsTr("Durian projects (*.durian)")]
        onAccepted: {
            AppSettings.rememberFolder("projects", file)
            unsavedDialog.saveAsEnded(document.saveAs(file))
        }
        onRejected: unsavedDialog.saveAsEnded(false)
    }
    FaceChoiceDialog { id: faceChoiceDialog; anchors.centerIn: parent; chooser: portraitController }
    FaceChoiceDialog {
        id: referenceFaceDialog
        objectName: "referenceFaceDialog"
        anchors.centerIn: parent
        chooser: referenceController
        prompt: qsTr("Click the one that wears the attribute.")
        action: qsTr("Take the attribute from face %1")
    }
    ExportDialog {
        id: exportDialog
        objectName: "exportDialog"
        anchors.centerIn: parent
        document: document
        renderer: renderController
        motion: motionPanel.controller
    }
    ExportedDialog {
        id: exportedDialog
        objectName: "exportedDialog"
        anchors.centerIn: parent
        width: Math.max(380, window.width * 0.5)
    }
    SettingsDialog { id: settingsDialog; document: document }
    AboutDialog { id: aboutDialog }
    MessageDialog {
        id: messageDialog
        objectName: "errorDialog"
        anchors.centerIn: parent
        width: Math.max(360, window.width * 0.5)
    }
    UnsavedChangesDialog {
        id: unsavedDialog
        objectName: "unsavedDialog"
        anchors.centerIn: parent
        document: document
        onSaveAsNeeded: saveDialog.open()
        onCloseConfirmed: { window.closeConfirmed = true; window.close() }
    }
}
