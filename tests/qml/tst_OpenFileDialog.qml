import QtQuick
import QtTest
import Durian.Ui

// Opening a file twice: the second dialog starts empty, not with the first one's path in its name field.
Item {
    OpenFileDialog {
        id: chooser
        title: "Open"
        nameFilters: ["Images (*.png)"]
    }
    SignalSpy { id: accepted; target: chooser; signalName: "accepted" }

    TestCase {
        name: "OpenFileDialog"

        function test_everyOpenStartsEmpty() {
            chooser.open()
            const first = chooser.current
            verify(first !== null)
            compare(first.title, "Open")
            compare(first.nameFilters, ["Images (*.png)"])
            first.currentFile = "file:///tmp/first.png"
            first.accept()
            compare(accepted.count, 1)
            compare(accepted.signalArguments[0][0], "file:///tmp/first.png")
            compare(chooser.current, null)

            chooser.open()
            const second = chooser.current
            verify(second !== null && second !== first)
            verify(!String(second.currentFile).endsWith("first.png"), String(second.currentFile))
            second.reject()
            compare(chooser.current, null)
            compare(accepted.count, 1)
        }
    }
}
