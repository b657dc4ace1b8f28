import QtQuick
import QtTest
import Durian.Ui

// The bars are created inside a visible root item: TestCase itself is not a visible item.
Item {
    id: root
    width: 800
    height: 60

TestCase {
    id: testCase
    name: "StatusBar"
    when: windowShown

    Component {
        id: barComponent
        StatusBar { width: 800 }
    }

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

    function test_idleShowsMessageWithoutProgress() {
        const bar = createTemporaryObject(barComponent, root, { message: "Ready" })
        compare(findChildNamed(bar, "statusMessage").text, "Ready")
        verify(!bar.busy)
        verify(!findChildNamed(bar, "statusProgress").visible)
        verify(!findChildNamed(bar, "statusCancel").visible)
    }

    function test_progressShowsAClampedBar() {
        const bar = createTemporaryObject(barComponent, root, { progress: 0.25 })
        const progress = findChildNamed(bar, "statusProgress")
        verify(bar.busy)
        verify(progress.visible)
        compare(progress.value, 0.25)
        bar.progress = 1.7
        compare(progress.value, 1)
        bar.progress = -1
        verify(!progress.visible)
    }

    function test_cancelButtonEmitsOnlyWhenCancellableWork() {
        const bar = createTemporaryObject(barComponent, root, { progress: 0.5, cancellable: true })
        const spy = createTemporaryObject(signalSpyComponent, testCase, { target: bar, signalName: "cancelRequested" })
        const cancel = findChildNamed(bar, "statusCancel")
        verify(cancel.visible)
        waitForRendering(bar)
        mouseClick(cancel)
        compare(spy.count, 1)
        bar.cancellable = false
        verify(!cancel.visible)
    }

    Component {
        id: signalSpyComponent
        SignalSpy {}
    }
}
}
