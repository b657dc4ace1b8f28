import QtQuick

// Single-key and extra shortcuts of the editor panels (menus carry the others). Kept out of Main.qml.
Item {
    id: root
    property var portraitPanel
    property var portrait
    property var strip

    Shortcut {
        sequence: "L"
        onActivated: root.portraitPanel.showLandmarks = !root.portraitPanel.showLandmarks
    }
    Shortcut {
        sequence: "M"
        onActivated: root.portraitPanel.currentTab = root.portraitPanel.currentTab === 1 ? 0 : 1
    }
    Shortcut {
        sequence: "B"
        onActivated: root.portraitPanel.maskPanel.useBrush()
    }
    Shortcut {
        sequence: "E"
        onActivated: root.portraitPanel.maskPanel.useEraser()
    }
    Shortcut {
        sequence: "]"
        onActivated: root.portraitPanel.maskPanel.resizeBrush(1.25)
    }
    Shortcut {
        sequence: "["
        onActivated: root.portraitPanel.maskPanel.resizeBrush(0.8)
    }
    Shortcut {
        sequence: "Ctrl+0"
        onActivated: root.portraitPanel.maskPanel.editor.resetView()
    }
    Shortcut {
        sequence: "Ctrl+I"
        onActivated: root.strip.render()
    }
}
