import QtQuick
import QtTest
import Durian.Ui

// The attribute cards against a stand-in document that records the calls: the cards show the document's
// state and route every edit through it.
Item {
    id: root
    width: 400
    height: 500

    QtObject {
        id: fakeDocument
        // The roles of AttributeListModel.
        property ListModel attributeModel: ListModel {
            ListElement { category: "hair"; categoryLabel: "Hair"; label: "Hair 1"; imageUrl: ""; maskUrl: ""; strength: 1.0; enabled: true; maskConfidence: -1; pairSide: ""; face: 0 }
            ListElement { category: "beard"; categoryLabel: "Beard"; label: "Beard 2"; imageUrl: ""; maskUrl: ""; strength: 0.5; enabled: false; maskConfidence: 0.87; pairSide: ""; face: 2 }
        }
        property var categoryKeys: ["hair", "eyeglasses", "hat", "beard"]
        property var categoryLabels: ["Hair", "Eyeglasses", "Hat", "Beard"]
        property var calls: []
        function setAttributeEnabled(i, on) { calls.push(["enabled", i, on]) }
        function setAttributeStrength(i, v) { calls.push(["strength", i, v]) }
        function setAttributeCategory(i, c) { calls.push(["category", i, c]) }
        function finishGesture() { calls.push(["finish"]) }
        function moveAttribute(a, b) { calls.push(["move", a, b]) }
        function removeAttribute(i) { calls.push(["remove", i]) }
    }
    QtObject {
        id: fakeMasks
        function compute(i) { fakeDocument.calls.push(["automask", i]) }
    }

    QtObject {
        id: fakeReferences
        property bool busy: false
        function chooseFaceFor(i) { fakeDocument.calls.push(["chooseFace", i]) }
        function addReference(c, url) { fakeDocument.calls.push(["add", c, url]) }
    }

    AttributeList {
        id: list
        anchors.fill: parent
        document: fakeDocument
        autoMasks: fakeMasks
        references: fakeReferences
    }

    TestCase {
        name: "AttributeList"
        when: windowShown

        function findAll(item, name, out) {
            if (item.objectName === name)
                out.push(item)
            for (let i = 0; i < item.children.length; ++i)
                findAll(item.children[i], name, out)
            return out
        }

        function init() { fakeDocument.calls = [] }

        function test_aRowChangeKeepsItsCard() {
            waitForRendering(list)
            const before = findAll(list, "strengthSlider", [])[1]
            fakeDocument.attributeModel.setProperty(1, "strength", 0.25)
            const after = findAll(list, "strengthSlider", [])[1]
            verify(before === after) // the card a user drags is not re-created
            compare(after.value, 0.25)
            fakeDocument.attributeModel.setProperty(1, "strength", 0.5)
        }

        function test_cardsShowTheDocument() {
            waitForRendering(list)
            const switches = findAll(list, "enabledSwitch", [])
            compare(switches.length, 2)
            verify(switches[0].checked)
            verify(!switches[1].checked)
            const sliders = findAll(list, "strengthSlider", [])
            compare(sliders[1].value, 0.5)
            verify(!sliders[1].enabled) // a switched-off reference cannot be dragged
            const masks = findAll(list, "maskState", [])
            compare(masks[0].text, "Mask: automatic when rendering")
            compare(masks[1].text, "Automatic mask, confidence 87%")
            compare(findAll(list, "category", [])[1].currentText, "Beard")
        }

        function test_editsGoThroughTheDocument() {
            waitForRendering(list)
            mouseClick(findAll(list, "enabledSwitch", [])[0])
            compare(fakeDocument.calls[0], ["enabled", 0, false])
            const slider = findAll(list, "strengthSlider", [])[0]
            mouseDrag(slider, slider.width * 0.9, slider.height / 2, -slider.width * 0.5, 0)
            const kinds = fakeDocument.calls.map(c => c[0])
            verify(kinds.indexOf("strength") > 0, JSON.stringify(kinds))
            compare(kinds[kinds.length - 1], "finish") // release ends the undo step
            mouseClick(findAll(list, "remove", [])[1])
            compare(fakeDocument.calls[fakeDocument.calls.length - 1], ["remove", 1])
        }

        // A doubtful automatic mask is flagged on its card before anything is rendered; the chosen face shows.
        function test_aLowConfidenceMaskIsFlaggedAndTheFaceShown() {
            waitForRendering(list)
            let masks = findAll(list, "maskState", [])
            verify(!masks[1].doubtful)
            fakeDocument.attributeModel.setProperty(1, "maskConfidence", 0.37)
            masks = findAll(list, "maskState", [])
            verify(masks[1].doubtful)
            compare(masks[1].text, "⚠ Automatic mask, confidence 37%: check it in the mask editor")
            verify(masks[1].font.bold)
            fakeDocument.attributeModel.setProperty(1, "maskConfidence", 0.87)
            const faces = findAll(list, "faceLabel", [])
            verify(!faces[0].visible)
            verify(faces[1].visible)
            compare(faces[1].text, "Face 3 of the photo")
            mouseClick(findAll(list, "chooseFace", [])[1])
            compare(fakeDocument.calls[fakeDocument.calls.length - 1], ["chooseFace", 1])
        }

        function test_pairedCardsShowTheirSide() {
            waitForRendering(list)
            let badges = findAll(list, "pairBadge", [])
            verify(!badges[0].visible && !badges[1].visible)
            fakeDocument.attributeModel.setProperty(0, "pairSide", "B")
            fakeDocument.attributeModel.setProperty(1, "pairSide", "A")
            badges = findAll(list, "pairBadge", [])
            verify(badges[0].visible && badges[1].visible)
            compare(badges[0].text, "B")
            compare(badges[1].text, "A")
            fakeDocument.attributeModel.setProperty(0, "pairSide", "")
            fakeDocument.attributeModel.setProperty(1, "pairSide", "")
        }
    }
}
