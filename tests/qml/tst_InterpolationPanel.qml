import QtQuick
import QtTest
import Durian.App
import Durian.Ui

// The interpolation panel against a stand-in document: pairing offers only references of one category,
// the alpha slider routes through the document with one gesture per drag, the strip shows `count` cells.
Item {
    id: root
    width: 360
    height: 260

    QtObject {
        id: fakeDocument
        property QtObject attributeModel: QtObject { // AttributeListModel's lists
            property var labels: ["Hair 1", "Eyeglasses 2", "Hair 3"]
            property var categories: ["hair", "eyeglasses", "hair"]
        }
        property var interpolation: ({ paired: false, slot: -1, with: -1, alpha: 0.5 })
        property var calls: []
        function pairAttributes(a, b) { calls.push(["pair", a, b]); interpolation = { paired: true, slot: a, with: b, alpha: 0.5 }; return true }
        // The rule as the real document has it (durian::validateInterpolation): two references of one category.
        function canPair(a, b) { return a !== b && attributeModel.categories[a] === attributeModel.categories[b] }
        function unpairAttributes() { calls.push(["unpair"]); interpolation = { paired: false, slot: -1, with: -1, alpha: 0.5 } }
        function setInterpolationAlpha(v) { calls.push(["alpha", v]) }
        function finishGesture() { calls.push(["finish"]) }
    }

    InterpolationStrip { id: strip; count: 5 } // no document: its cells stay empty

    InterpolationPanel {
        id: panel
        anchors.fill: parent
        document: fakeDocument
        strip: strip
    }

    TestCase {
        name: "InterpolationPanel"
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

        function test_pairThenBlend() {
            waitForRendering(panel)
            // Only the two hair references are candidates, and B excludes A.
            compare(find(panel, "pairA").count, 2)
            compare(find(panel, "pairA").currentText, "Hair 1")
            compare(find(panel, "pairB").count, 1)
            compare(find(panel, "pairB").currentText, "Hair 3")
            mouseClick(find(panel, "pairButton"))
            compare(fakeDocument.calls[0], ["pair", 0, 2])
            waitForRendering(panel)
            compare(find(panel, "pairLabel").text, "Hair 1 ↔ Hair 3")
            const slider = find(panel, "alphaSlider")
            verify(slider.visible)
            mouseDrag(slider, slider.width * 0.5, slider.height / 2, slider.width * 0.3, 0)
            const kinds = fakeDocument.calls.map(c => c[0])
            verify(kinds.indexOf("alpha") > 0, JSON.stringify(kinds))
            compare(kinds[kinds.length - 1], "finish")
            compare(find(panel, "stripThumbnails").count, 5)
            mouseClick(find(panel, "unpairButton"))
            compare(fakeDocument.calls[fakeDocument.calls.length - 1], ["unpair"])
        }
    }
}
