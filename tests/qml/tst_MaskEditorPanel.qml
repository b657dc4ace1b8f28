import QtQuick
import QtTest
import Durian.App
import Durian.Ui

// The mask tools drive the canvas: target list (portrait + each reference), brush/eraser, size,
// overlay opacity, fit. (Painting and its undo steps are covered by the controller test, which works on
// a copy of the demo; this one must not write mask versions into the source tree.)
Item {
    id: root
    width: 500
    height: 500

    ProjectDocument { id: document }

    MaskEditorPanel {
        id: panel
        anchors.fill: parent
        document: document
    }

    TestCase {
        name: "MaskEditorPanel"
        when: windowShown

        function find(item, name) {
            if (item.objectName === name)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = find(item.children[i], name)
                if (found)
                    return found
            }
            return null
        }

        function test_toolsDriveTheCanvas() {
            verify(document.open(Qt.resolvedUrl("../../resources/demo/demo.durian")))
            const canvas = find(panel, "maskCanvas")
            verify(canvas.hasImage)        // the portrait
            compare(canvas.coverage, 0)    // has no mask
            const target = find(panel, "maskTarget")
            compare(target.count, 3)
            compare(target.textAt(1), "Hair 1")
            canvas.target = 0
            compare(target.currentIndex, 1)
            verify(canvas.coverage > 0)   // the hair reference's mask
            compare(find(panel, "autoMaskCategory").currentText, "Hair")

            mouseClick(find(panel, "eraserTool"))
            verify(canvas.erase)
            panel.useBrush()
            verify(!canvas.erase)
            const size = canvas.brushSize
            panel.resizeBrush(2)
            compare(canvas.brushSize, size * 2)

            canvas.zoom = 3
            canvas.pan = Qt.point(10, 20)
            mouseClick(find(panel, "fitView"))
            compare(canvas.zoom, 1)
            compare(canvas.pan, Qt.point(0, 0))
            canvas.overlayOpacity = 0.25
            compare(find(panel, "overlayOpacity").value, 0.25)
            verify(find(panel, "maskInfo").text.indexOf("Covers") === 0)
            verify(!document.canUndo) // nothing was edited
        }
    }
}
