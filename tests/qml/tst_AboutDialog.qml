import QtQuick
import QtTest
import Durian.App
import Durian.Ui

Item {
    id: root
    width: 800
    height: 600

    AboutDialog {
        id: about
    }

    TestCase {
        name: "AboutDialog"
        when: windowShown

        function test_listsEveryLibraryAndTheThreadCount() {
            about.open()
            tryCompare(about, "opened", true)
            const names = AppInfo.libraries.map(lib => lib.name)
            compare(names, ["Qt", "LibTorch", "OpenCV", "FFmpeg", "dlib"])
            for (const lib of AppInfo.libraries)
                verify(/^n?\d+\.\d+/.test(lib.version), lib.name + " " + lib.version)
            verify(AppInfo.computeThreads >= 1)
            const text = collectText(about.contentItem)
            for (const lib of AppInfo.libraries) {
                verify(text.indexOf(lib.name) >= 0, "dialog shows " + lib.name)
                verify(text.indexOf(lib.version) >= 0, "dialog shows the " + lib.name + " version")
            }
            verify(text.indexOf("Threads") >= 0)
            about.close()
        }

        // All label texts under an item, for checking what the user sees.
        function collectText(item) {
            let text = item.text !== undefined ? String(item.text) + "\n" : ""
            for (let i = 0; i < item.children.length; ++i)
                text += collectText(item.children[i])
            return text
        }
    }
}
