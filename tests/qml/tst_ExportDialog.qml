import QtQuick
import QtTest
import Durian.App
import Durian.Ui

// The Export dialog's file naming and defaults, and the player before anything was rendered.
Item {
    id: root
    width: 800
    height: 600

    ProjectDocument { id: document }
    RenderController { id: renderer; document: document }
    ExportDialog { id: dialog; document: document; renderer: renderer }
    AnimationPlayer { id: player; anchors.fill: parent; renderer: renderer }

TestCase {
    name: "ExportDialog"
    when: windowShown

    function findChildNamed(item, name) {
        if (item.objectName === name)
            return item
        const children = item.contentItem ? [item.contentItem].concat(item.children || []) : (item.children || [])
        for (let i = 0; i < children.length; ++i) {
            const found = findChildNamed(children[i], name)
            if (found)
                return found
        }
        return null
    }

    function initTestCase() {
        verify(document.open(Qt.resolvedUrl("../../resources/demo/demo.durian")))
    }

    function test_extensionFollowsTheFormat() {
        compare(FilePaths.withFormat("/a/Demo.mp4", "gif"), "/a/Demo.gif")
        compare(FilePaths.withFormat("/a/Demo.mp4", "png"), "/a/Demo")
        compare(FilePaths.withFormat("/a/Demo", "webm"), "/a/Demo.webm")
        compare(FilePaths.withFormat("/a.b/Demo", "mp4"), "/a.b/Demo.mp4")
        compare(FilePaths.withFormat("/a/Take 1.5", "mp4"), "/a/Take 1.5.mp4") // not a format's extension
    }

    function test_pathsWithUrlCharactersRoundTrip() {
        // "#" and "?" would start a fragment or a query if the path were pasted into a URL unencoded.
        const path = "/tmp/take #2?/50% done.mp4"
        const url = FilePaths.fromPath(path)
        compare(FilePaths.displayPath(url), path)
        compare(FilePaths.fileName(url), "50% done.mp4")
        compare(FilePaths.displayPath(FilePaths.folderOf(url)), "/tmp/take #2?")
        compare(FilePaths.fromPath("/a/b.mp4").toString(), "file:///a/b.mp4")
    }

    function test_prefilledFromTheProject() {
        dialog.open()
        tryVerify(function() { return dialog.opened })
        const path = findChildNamed(dialog, "exportPath")
        verify(path.text.endsWith("/Demo.mp4"), path.text)
        compare(findChildNamed(dialog, "exportFps").value, 24)
        compare(dialog.format, "mp4")
        // No driving video: no audio choice.
        verify(!findChildNamed(dialog, "exportAudio").visible)
        dialog.close()
    }

    function test_playerWaitsForARender() {
        verify(!findChildNamed(player, "playPauseButton").enabled)
        verify(!findChildNamed(player, "renderProgressRow").visible)
        compare(player.player.source.toString(), "")
    }
}
}
