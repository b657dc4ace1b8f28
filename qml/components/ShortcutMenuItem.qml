import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A menu item that shows its action's shortcut on the right, as desktop menus do.
MenuItem {
    id: item
    // Only for the text: a disabled Shortcut takes no keys, so the Action's shortcut stays the only one.
    Shortcut {
        id: hint
        sequence: item.action && item.action.shortcut ? item.action.shortcut : ""
        enabled: false
    }
    contentItem: RowLayout {
        spacing: 24
        Label {
            text: item.text.replace(/&(.)/, "$1")
            color: item.enabled ? item.palette.windowText : item.palette.mid
            Layout.fillWidth: true
        }
        Label {
            objectName: "shortcutHint"
            text: hint.nativeText
            visible: text !== ""
            color: item.palette.placeholderText
        }
    }
}
