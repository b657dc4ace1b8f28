import QtQuick
import QtQuick.Controls
import QtTest
import Durian.Ui

// Menu items show their action's shortcut, as desktop menus do.
Item {
    id: root
    width: 400
    height: 300

    Menu {
        id: menu
        delegate: ShortcutMenuItem {}
        Action { text: qsTr("&New Project"); shortcut: "Ctrl+N" }
        Action { text: qsTr("&Settings…"); shortcut: "Ctrl+," }
        Action { text: qsTr("&About") }
    }

    TestCase {
        name: "ShortcutMenuItem"
        when: windowShown

        function hintOf(item) {
            const row = item.contentItem
            return row.children[1]
        }

        function test_theShortcutShowsBesideTheText() {
            menu.open()
            tryVerify(function() { return menu.opened })
            compare(menu.itemAt(0).contentItem.children[0].text, "New Project")
            compare(hintOf(menu.itemAt(0)).text, "Ctrl+N")
            compare(hintOf(menu.itemAt(1)).text, "Ctrl+,")
            verify(!hintOf(menu.itemAt(2)).visible) // no shortcut, no hint
            menu.close()
        }
    }
}
