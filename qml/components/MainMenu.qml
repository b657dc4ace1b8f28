import QtQuick
import QtQuick.Controls
import Durian.App

// The editor's menus. Each item calls the editor (Main.qml), which owns the dialogs and the controllers;
// shortcuts show beside the items.
MenuBar {
    id: root
    property var editor
    readonly property var document: editor.document
    readonly property bool renderable: document.loaded && document.problems.length === 0 && !editor.renderer.running

    Menu {
        title: qsTr("&File")
        delegate: ShortcutMenuItem {}
        Action {
            text: qsTr("&New Project")
            shortcut: StandardKey.New
            onTriggered: root.editor.confirmThen(function() { root.document.newProject() })
        }
        Action {
            text: qsTr("&Open…")
            shortcut: StandardKey.Open
            onTriggered: root.editor.confirmThen(function() { root.editor.showOpenDialog() })
        }
        Menu {
            id: recentMenu
            objectName: "recentMenu"
            title: qsTr("Open &Recent")
            onAboutToShow: {
                const gone = RecentFiles.prune()
                if (gone.length > 0)
                    root.editor.showMessage(qsTr("These recent projects no longer exist and were removed from the list:\n%1")
                                            .arg(gone.join("\n")))
            }
            Instantiator {
                model: RecentFiles.files
                delegate: MenuItem {
                    required property string modelData
                    required property int index
                    text: (index < 9 ? "&" + (index + 1) + "  " : "") + FilePaths.fileName(modelData)
                    onTriggered: { const path = modelData; root.editor.confirmThen(function() { root.editor.openRecent(path) }) }
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
            enabled: root.document.loaded && (root.document.modified || root.document.untitled)
            onTriggered: root.editor.save()
        }
        Action {
            text: qsTr("Save &As…")
            shortcut: StandardKey.SaveAs
            enabled: root.document.loaded
            onTriggered: root.editor.showSaveAsDialog()
        }
        Action {
            text: qsTr("Open &Portrait…")
            shortcut: "Ctrl+Shift+O"
            onTriggered: root.editor.openPortrait()
        }
        MenuSeparator {}
        Action {
            text: qsTr("&Export Video…")
            shortcut: "Ctrl+E"
            enabled: root.renderable
            onTriggered: root.editor.showExportDialog()
        }
        MenuSeparator {}
        Action {
            id: renderAction
            objectName: "renderAction"
            text: qsTr("&Render Animation")
            shortcut: "Ctrl+R"
            enabled: root.renderable
            onTriggered: root.editor.renderer.render()
        }
        Action {
            text: qsTr("&Play / Pause Animation")
            shortcut: "Ctrl+Space"
            enabled: root.editor.renderer.videoUrl.toString() !== ""
            onTriggered: root.editor.togglePlay()
        }
        Action {
            text: qsTr("Choose &Driving Video…")
            shortcut: "Ctrl+Shift+M"
            enabled: root.document.loaded
            onTriggered: root.editor.chooseDrivingVideo()
        }
        MenuSeparator {}
        Action {
            text: qsTr("&Quit")
            shortcut: StandardKey.Quit
            onTriggered: root.editor.close()
        }
    }
    Menu {
        title: qsTr("&Edit")
        delegate: ShortcutMenuItem {}
        Action {
            text: root.document.canUndo ? qsTr("&Undo %1").arg(root.document.undoText) : qsTr("&Undo")
            shortcut: StandardKey.Undo
            enabled: root.document.canUndo
            onTriggered: root.document.undo()
        }
        Action {
            text: root.document.canRedo ? qsTr("&Redo %1").arg(root.document.redoText) : qsTr("&Redo")
            shortcut: StandardKey.Redo
            enabled: root.document.canRedo
            onTriggered: root.document.redo()
        }
        Action {
            text: qsTr("&Paste Portrait")
            shortcut: StandardKey.Paste
            onTriggered: root.editor.pastePortrait()
        }
        MenuSeparator {}
        Action {
            text: qsTr("&Settings…")
            shortcut: "Ctrl+,"
            onTriggered: root.editor.showSettings()
        }
    }
    Menu {
        title: qsTr("&Help")
        delegate: ShortcutMenuItem {}
        Action {
            text: qsTr("&About Durian Studio")
            onTriggered: root.editor.showAbout()
        }
    }
}
