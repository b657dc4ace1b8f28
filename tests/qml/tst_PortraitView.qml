import QtQuick
import QtTest
import Durian.Ui

// The portrait with its landmark overlay: dots only when switched on, one per landmark, inside the photo.
Item {
    id: root
    width: 400
    height: 400

    QtObject {
        id: fakeDocument
        property bool loaded: true
        property url portraitUrl: Qt.resolvedUrl("../../resources/demo/portrait.png")
    }
    QtObject {
        id: fakePortrait
        property bool busy: false
        property var landmarks: {
            const points = []
            for (let i = 0; i < 68; ++i)
                points.push(Qt.point(100 + i, 120 + i))
            return points
        }
        property var opened: []
        function openImage(url) { opened.push(url) }
    }

    PortraitView {
        id: view
        anchors.fill: parent
        document: fakeDocument
        portrait: fakePortrait
    }

    TestCase {
        name: "PortraitView"
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

        function test_landmarksToggle() {
            const photo = find(view, "portraitImage")
            tryCompare(photo, "status", Image.Ready)
            const dots = find(view, "landmarkDots")
            compare(dots.count, 0)
            view.showLandmarks = true
            compare(dots.count, 68)
            const first = dots.itemAt(0)
            verify(first.x >= 0 && first.x < view.width && first.y >= 0 && first.y < view.height)
            view.showLandmarks = false
            compare(dots.count, 0)
        }
    }
}
