import QtQuick
import QtTest
import Durian.App
import Durian.Ui

// The Motion panel on the demo project: it shows the project's motion, and its controls edit the
// document (undone at the end, so no autosave is left behind).
Item {
    id: root
    width: 360
    height: 420

    ProjectDocument { id: document }

    MotionPanel {
        id: panel
        anchors.fill: parent
        document: document
    }

TestCase {
    name: "MotionPanel"
    when: windowShown

    function findChildNamed(item, name) {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findChildNamed(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    function initTestCase() {
        verify(document.open(Qt.resolvedUrl("../../resources/demo/demo.durian")))
    }

    function test_showsTheProjectsMotion() {
        const presets = findChildNamed(panel, "motionPresetBox")
        compare(presets.count, document.motionPresets.length)
        compare(presets.currentText, "Nod")
        compare(findChildNamed(panel, "motionFrames").value, 48)
        compare(findChildNamed(panel, "motionFps").value, 24)
        compare(findChildNamed(panel, "motionDuration").text, "2.0 s")
        compare(findChildNamed(panel, "drivingVideoName").text, "none")
        verify(!findChildNamed(panel, "removeDrivingVideo").visible)
    }

    function test_controlsEditTheDocument() {
        const presets = findChildNamed(panel, "motionPresetBox")
        const index = document.motionPresets.indexOf("talk")
        presets.activated(index)
        compare(document.motionPreset, "talk")
        compare(presets.currentText, "Talk")
        const frames = findChildNamed(panel, "motionFrames")
        frames.increase() // as the arrow does: the binding to the document stays
        frames.valueModified()
        compare(document.motionFrames, 49)
        compare(findChildNamed(panel, "motionDuration").text, "2.0 s")
        document.undo()
        document.undo()
        compare(document.motionPreset, "nod")
        compare(document.motionFrames, 48)
        verify(!document.modified)
    }

    function test_theKeypointTrackIsDrawn() {
        tryVerify(function() { return panel.controller.frameCount > 0 }, 60000)
        verify(findChildNamed(panel, "portraitKeypoints").visible)
        verify(!findChildNamed(panel, "drivingKeypoints").visible) // a preset: no driving frames
    }
}
}
