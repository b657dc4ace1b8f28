import QtQuick
import QtQuick.Controls

// Asks whether to keep the unsaved changes before `then` runs (null: before the window closes).
// Save saves first (an untitled project asks for its file: saveAsNeeded, then the caller calls proceed()
// once it is saved); Discard drops the changes and their autosave; Cancel does nothing.
Dialog {
    id: root
    property var document
    property var then: null
    property bool awaitingSave: false // an untitled project is being saved (Save As) before proceeding
    signal saveAsNeeded()
    signal closeConfirmed() // the window may close now
    title: qsTr("Unsaved Changes")
    modal: true
    width: 460
    standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel

    // Runs action now when nothing is unsaved, else after the user's choice.
    function confirmThen(action) {
        if (!document.modified) {
            action()
            return
        }
        then = action
        open()
    }
    function confirmClose() {
        then = null
        open()
    }
    function proceed() {
        awaitingSave = false
        const action = then
        then = null
        if (action)
            action()
        else
            closeConfirmed()
    }

    Label {
        width: parent.width
        wrapMode: Text.WordWrap
        text: root.then ? qsTr("Save the changes to “%1” first?").arg(root.document.name)
                        : qsTr("Save the changes to “%1” before closing?").arg(root.document.name)
    }
    onAccepted: {
        if (document.untitled) {
            awaitingSave = true
            saveAsNeeded()
        }
        else if (document.save())
            proceed()
    }
    onDiscarded: {
        document.discardChanges()
        close()
        proceed()
    }
    onRejected: { then = null; awaitingSave = false }
    // The Save As that awaitingSave waits for ended: saved (proceed) or cancelled (stay).
    function saveAsEnded(saved) {
        if (!awaitingSave)
            return
        if (saved)
            proceed()
        else {
            awaitingSave = false
            then = null
        }
    }
}
