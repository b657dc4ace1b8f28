import QtQuick
import Qt.labs.platform as Platform

// Chooses one file to open. Every open() shows a new dialog: one kept between uses (Qt Widgets'
// QFileDialog, where the desktop has no dialog of its own) showed the last chosen path in its name
// field, unselected, so a typed name was appended to it.
QtObject {
    id: root
    property string title
    property var nameFilters: []
    property url folder
    // The dialog open now (null when none).
    property var current: null
    signal accepted(url file)

    function open() {
        if (current)
            current.destroy()
        const dialog = chooser.createObject(root, { title: root.title, nameFilters: root.nameFilters, folder: root.folder })
        dialog.accepted.connect(() => {
            const file = dialog.file
            root.close(dialog)
            root.accepted(file)
        })
        dialog.rejected.connect(() => root.close(dialog))
        current = dialog
        dialog.open()
    }
    function close(dialog) {
        if (current === dialog)
            current = null
        dialog.destroy()
    }

    readonly property Component chooser: Component {
        Platform.FileDialog { fileMode: Platform.FileDialog.OpenFile }
    }
}
