import QtQuick
import QtQuick.Controls
import Qt.labs.platform as Platform
import QtQuick.Layouts
import Durian.App
import "components"

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

    ProjectDocument {
        id: document
        objectName: "document"
        onErrorOccurred: function(message) { errorDialog.show(message) }
        onExportFinished: function(file, summary) { exportedDialog.show(file, summary) }
    }

    PortraitController {
        id: portraitController
        objectName: "portraitController"
        document: document
        onErrorOccurred: function(message) { errorDialog.show(message) }
        onChoiceNeeded: faceChoiceDialog.open()
    }

    InterpolationStrip {
        id: interpolationStrip
        objectName: "interpolationStrip"
        document: document
    }

    EditorShortcuts {
        portraitPanel: portraitPanel
        portrait: portraitController
        strip: interpolationStrip
    }

    FaceChoiceDialog {
        id: faceChoiceDialog
        anchors.centerIn: parent
        portrait: portraitController
    }

    // Render Animation (Ctrl+R) into a temporary clip, played in the preview panel.
    RenderController {
        id: renderController
        objectName: "renderController"
        document: document
        onFinished: function(succeeded) { if (succeeded) window.showAnimation = true }
    }
    property bool showAnimation: false
    Connections {
        target: document
        function onFileUrlChanged() {
            RecentFiles.add(document.fileUrl)
            window.showAnimation = false
        }
    }
    // Runs action now, or after the user saved or discarded the unsaved changes (Cancel: never).
    function confirmThen(action) {
        if (!document.modified) {
            action()
            return
        }
        unsavedDialog.then = action
        unsavedDialog.open()
    }
    function openRecent(path) {
        if (!RecentFiles.exists(path)) {
            RecentFiles.remove(path)
            errorDialog.show(qsTr("%1 no longer exists; it was removed from the recent projects.").arg(path))
            return
        }
        if (document.open(RecentFiles.urlOf(path)))
            RecentFiles.add(RecentFiles.urlOf(path))
    }

    Component.onCompleted: {
        if (AppInfo.startupProject.toString() !== "")
            document.open(AppInfo.startupProject)
    }

    property bool closeConfirmed: false
    onClosing: function(close) {
        if (document.modified && !closeConfirmed) {
            close.accepted = false
            unsavedDialog.then = null
            unsavedDialog.open()
        }
    }

    menuBar: MenuBar {
        Menu {
            title: qsTr("&File")
            Action {
                text: qsTr("&Open…")
                shortcut: StandardKey.Open
                onTriggered: window.confirmThen(function() { openDialog.open() })
            }
            Menu {
                id: recentMenu
                objectName: "recentMenu"
                title: qsTr("Open &Recent")
                onAboutToShow: {
                    const gone = RecentFiles.prune()
                    if (gone.length > 0)
                        errorDialog.show(qsTr("These recent projects no longer exist and were removed from the list:\n%1")
                                         .arg(gone.join("\n")))
                }
                Instantiator {
                    model: RecentFiles.files
                    delegate: MenuItem {
                        required property string modelData
                        required property int index
                        text: (index < 9 ? "&" + (index + 1) + "  " : "") + modelData.substring(modelData.lastIndexOf("/") + 1)
                        onTriggered: { const path = modelData; window.confirmThen(function() { window.openRecent(path) }) }
                    }
                    onObjectAdded: function(index, object) { recentMenu.insertItem(index, object) }
                    onObjectRemoved: function(index, object) { recentMenu.removeItem(object) }
                }
                MenuSeparator {}
                Action {
                    text: qsTr("&Clear Recent Projects")
                    enabled: RecentFiles.files.length > 0
                    onTriggered: RecentFiles.clear()
                }
            }
            Action {
                text: qsTr("&Save")
                shortcut: StandardKey.Save
                enabled: document.loaded && document.modified
                onTriggered: document.save()
            }
            Action {
                text: qsTr("Save &As…")
                shortcut: StandardKey.SaveAs
                enabled: document.loaded
                onTriggered: saveDialog.open()
            }
            Action {
                text: qsTr("Open &Portrait…")
                shortcut: "Ctrl+Shift+O"
                onTriggered: portraitPanel.openPortrait()
            }
            MenuSeparator {}
            Action {
                text: qsTr("&Export Video…")
                shortcut: "Ctrl+E"
                enabled: document.loaded && document.problems.length === 0 && !JobQueue.busy
                onTriggered: exportDialog.open()
            }
            MenuSeparator {}
            Action {
                id: renderAction
                objectName: "renderAction"
                text: qsTr("&Render Animation")
                shortcut: "Ctrl+R"
                enabled: document.loaded && document.problems.length === 0 && !JobQueue.busy
                onTriggered: { window.showAnimation = true; renderController.render() }
            }
            Action {
                text: qsTr("&Play / Pause Animation")
                shortcut: "Ctrl+Space"
                enabled: renderController.videoUrl.toString() !== ""
                onTriggered: { window.showAnimation = true; animationPlayer.togglePlay() }
            }
            Action {
                text: qsTr("Choose &Driving Video…")
                shortcut: "Ctrl+Shift+M"
                enabled: document.loaded
                onTriggered: motionPanel.chooseDrivingVideo()
            }
            MenuSeparator {}
            Action {
                text: qsTr("&Quit")
                shortcut: StandardKey.Quit
                onTriggered: window.close()
            }
        }
        Menu {
            title: qsTr("&Edit")
            Action {
                text: document.canUndo ? qsTr("&Undo %1").arg(document.undoText) : qsTr("&Undo")
                shortcut: StandardKey.Undo
                enabled: document.canUndo
                onTriggered: document.undo()
            }
            Action {
                text: document.canRedo ? qsTr("&Redo %1").arg(document.redoText) : qsTr("&Redo")
                shortcut: StandardKey.Redo
                enabled: document.canRedo
                onTriggered: document.redo()
            }
            Action {
                text: qsTr("&Paste Portrait")
                shortcut: StandardKey.Paste
                onTriggered: portraitController.paste()
            }
            MenuSeparator {}
            Action {
                text: qsTr("&Settings…")
                shortcut: StandardKey.Preferences
                onTriggered: settingsDialog.open()
            }
        }
        Menu {
            title: qsTr("&Help")
            Action {
                text: qsTr("&About Durian Studio")
                onTriggered: aboutDialog.open()
            }
        }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            Label { text: qsTr("Project") }
            TextField {
                id: nameField
                objectName: "projectName"
                text: document.name
                enabled: document.loaded
                Layout.preferredWidth: 260
                onEditingFinished: document.name = text
            }
            Item { Layout.fillWidth: true }
            ToolButton {
                objectName: "renderButton"
                action: renderAction
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Render the whole animation and play it (Ctrl+R)")
            }
            ToolButton {
                objectName: "exportButton"
                text: qsTr("Export…")
                enabled: document.loaded && document.problems.length === 0 && !JobQueue.busy
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Export the animation as MP4, WebM, GIF or PNG frames (Ctrl+E)")
                onClicked: exportDialog.open()
            }
        }
    }

    Rectangle {
        id: recoveryBanner
        objectName: "recoveryBanner"
        visible: document.recoveryAvailable
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: visible ? 44 : 0
        color: "#4a3b00"
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Label {
                text: qsTr("This project has unsaved changes from a session that did not close properly.")
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Button { text: qsTr("Restore Changes"); onClicked: document.recoverAutosave() }
            Button { text: qsTr("Discard"); onClicked: document.discardAutosave() }
        }
    }

    SplitView {
        anchors { left: parent.left; right: parent.right; top: recoveryBanner.bottom; bottom: parent.bottom }
        anchors.margins: 6

        Panel {
            objectName: "portraitPanel"
            title: qsTr("Portrait")
            SplitView.preferredWidth: 420
            SplitView.minimumWidth: 260
            PortraitPanel {
                id: portraitPanel
                anchors.fill: parent
                document: document
                portrait: portraitController
            }
        }

        Panel {
            objectName: "previewPanel"
            title: qsTr("Preview")
            SplitView.fillWidth: true
            SplitView.minimumWidth: 260
            PreviewController {
                id: preview
                objectName: "previewController"
                document: document
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
                visible: !preview.hasImage || preview.errorString !== "" || document.problems.length > 0
                text: document.problems.length > 0
                      ? qsTr("This project cannot be rendered yet:\n%1").arg(document.problems.join("\n"))
                      : preview.errorString !== "" ? preview.errorString
                      : preview.running ? qsTr("Rendering the preview…") : qsTr("No preview rendered yet")
                opacity: 0.6
            }
            AnimationPlayer {
                id: animationPlayer
                objectName: "animationPlayer"
                anchors.fill: parent
                renderer: renderController
                visible: window.showAnimation
                onCloseRequested: window.showAnimation = false
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
            Panel {
                objectName: "motionPanel"
                title: qsTr("Motion")
                Layout.fillWidth: true
                Layout.preferredHeight: 200 // keeps three attribute cards in view at the default size
                MotionPanel {
                    id: motionPanel
                    anchors.fill: parent
                    document: document
                    onDrivingVideoRejected: function(message) { errorDialog.show(message) }
                }
            }
        }
    }

    footer: StatusBar {
        id: statusBar
        objectName: "statusBar"
        message: JobQueue.busy ? JobQueue.message
                               : document.loaded ? qsTr("Opened %1").arg(document.fileUrl.toString().replace(/^file:\/\//, ""))
                                                 : qsTr("Ready")
        progress: JobQueue.busy ? JobQueue.progress : -1
        cancellable: JobQueue.busy
        onCancelRequested: JobQueue.cancel()
        detail: qsTr("%n thread(s)", "", AppInfo.computeThreads)
    }

    // Qt.labs.platform: the desktop's dialog, or Qt Widgets' QFileDialog where there is none.
    Platform.FileDialog {
        id: openDialog
        title: qsTr("Open Project")
        folder: document.fileUrl.toString() !== "" ? projectFolder() : Platform.StandardPaths.writableLocation(Platform.StandardPaths.DocumentsLocation)
        nameFilters: [qsTr("Durian projects (*.durian)"), qsTr("All files (*)")]
        onAccepted: document.open(file)
    }

    Platform.FileDialog {
        id: saveDialog
        title: qsTr("Save Project As")
        fileMode: Platform.FileDialog.SaveFile
        folder: projectFolder()
        defaultSuffix: "durian"
        nameFilters: [qsTr("Durian projects (*.durian)")]
        onAccepted: document.saveAs(file)
    }

    function projectFolder() {
        const path = document.fileUrl.toString()
        return path.substring(0, path.lastIndexOf("/"))
    }

    ExportDialog {
        id: exportDialog
        objectName: "exportDialog"
        document: document
        anchors.centerIn: parent
    }

    Dialog {
        id: exportedDialog
        objectName: "exportedDialog"
        title: qsTr("Video Exported")
        modal: true
        anchors.centerIn: parent
        width: Math.max(380, window.width * 0.5)
        property url file
        property alias summary: exportedSummary.text
        function show(exported, text) { file = exported; summary = text; open() }
        ColumnLayout {
            width: parent.width
            Label {
                text: exportedDialog.file.toString().replace(/^file:\/\//, "")
                font.bold: true
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Label {
                id: exportedSummary
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Open Folder")
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: {
                    const path = exportedDialog.file.toString()
                    Qt.openUrlExternally(path.substring(0, path.lastIndexOf("/")))
                    exportedDialog.close()
                }
            }
            Button {
                text: qsTr("Close")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
    }

    SettingsDialog {
        id: settingsDialog
    }

    AboutDialog {
        id: aboutDialog
    }

    Dialog {
        id: errorDialog
        objectName: "errorDialog"
        title: qsTr("Durian Studio")
        modal: true
        anchors.centerIn: parent
        width: Math.max(360, window.width * 0.5)
        standardButtons: Dialog.Ok
        property alias text: errorLabel.text
        function show(message) { text = message; open() }
        Label {
            id: errorLabel
            wrapMode: Text.WordWrap
            width: parent.width
        }
    }

    Dialog {
        id: unsavedDialog
        title: qsTr("Unsaved Changes")
        modal: true
        width: 460
        anchors.centerIn: parent
        standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            text: unsavedDialog.then ? qsTr("Save the changes to “%1” first?").arg(document.name)
                                     : qsTr("Save the changes to “%1” before closing?").arg(document.name)
        }
        property var then: null // what to do after: null closes the window
        function proceed() {
            const action = then
            then = null
            if (action) {
                action()
            } else {
                window.closeConfirmed = true
                window.close()
            }
        }
        onAccepted: {
            if (document.save())
                proceed()
        }
        onDiscarded: {
            document.discardAutosave()
            close()
            proceed()
        }
        onRejected: then = null
    }
}
