import QtQuick
import QtQuick.Controls
import QtTest
import Durian.Ui

// The unsaved-changes flow against a stand-in document: Save saves and goes on, an untitled project asks
// for its file first, Discard drops the changes and goes on, Cancel stays.
Item {
    id: root
    width: 600
    height: 400

    QtObject {
        id: fakeDocument
        property bool modified: true
        property bool untitled: false
        property string name: "Astro"
        property bool saveResult: true
        property var calls: []
        function save() { calls.push("save"); return saveResult }
        function discardChanges() { calls.push("discard") }
    }

    UnsavedChangesDialog {
        id: dialog
        document: fakeDocument
        onSaveAsNeeded: fakeDocument.calls.push("saveAs")
        onCloseConfirmed: fakeDocument.calls.push("close")
    }

    TestCase {
        name: "UnsavedChangesDialog"
        when: windowShown

        property var ran: []
        function action() { ran.push("action") }

        function init() {
            fakeDocument.calls = []
            fakeDocument.modified = true
            fakeDocument.untitled = false
            fakeDocument.saveResult = true
            ran = []
        }
        function cleanup() { dialog.close(); tryVerify(function() { return !dialog.visible }) }
        function asked() { tryVerify(function() { return dialog.opened }) }

        function test_nothingUnsavedRunsAtOnce() {
            fakeDocument.modified = false
            dialog.confirmThen(action)
            compare(ran, ["action"])
            verify(!dialog.visible)
        }

        function test_saveThenGoOn() {
            dialog.confirmThen(action)
            asked()
            dialog.accept()
            compare(fakeDocument.calls, ["save"])
            compare(ran, ["action"])
        }

        function test_aFailedSaveStays() {
            fakeDocument.saveResult = false
            dialog.confirmThen(action)
            asked()
            dialog.accept()
            compare(ran, [])
        }

        function test_anUntitledProjectAsksForItsFileFirst() {
            fakeDocument.untitled = true
            dialog.confirmThen(action)
            asked()
            dialog.accept()
            compare(fakeDocument.calls, ["saveAs"])
            compare(ran, []) // not until it is saved
            dialog.saveAsEnded(true)
            compare(ran, ["action"])
        }

        function test_aCancelledSaveAsStays() {
            fakeDocument.untitled = true
            dialog.confirmThen(action)
            asked()
            dialog.accept()
            dialog.saveAsEnded(false)
            compare(ran, [])
            dialog.saveAsEnded(true) // a later, unrelated Save As goes on with nothing
            compare(ran, [])
        }

        function test_discardDropsTheChangesAndGoesOn() {
            dialog.confirmThen(action)
            asked()
            dialog.standardButton(Dialog.Discard).clicked()
            compare(fakeDocument.calls, ["discard"])
            compare(ran, ["action"])
        }

        function test_cancelStays() {
            dialog.confirmThen(action)
            asked()
            dialog.reject()
            compare(fakeDocument.calls, [])
            compare(ran, [])
        }

        function test_closingAsksAndThenConfirms() {
            dialog.confirmClose()
            asked()
            dialog.accept()
            compare(fakeDocument.calls, ["save", "close"])
        }
    }
}
