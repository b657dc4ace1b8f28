import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// A menu item that shows its action's shortcut on the right, as desktop menus do.
MenuItem {
    id: item
    contentItem: RowLayout {
        spacing: 24
        Label {
            text: item.text.replace(/&(.)/, "$1")
            color: item.enabled ? item.palette.windowText : item.palette.mid
            Layout.fillWidth: true
        }
        Label {
            objectName: "shortcutHint"
            text: item.action ? AppInfo.shortcutText(item.action.shortcut) : ""
            visible: text !== ""
            color: item.palette.placeholderText
        }
    }
}
