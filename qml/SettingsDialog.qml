import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Durian.App

// Generation settings, kept between runs by AppSettings (each change is stored at once).
Dialog {
    id: dialog
    title: qsTr("Settings")
    modal: true
    standardButtons: Dialog.Close
    anchors.centerIn: parent

    GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 6

        Label { text: qsTr("Sampling steps") }
        SpinBox {
            objectName: "stepsSpin"
            from: 1
            to: 200
            value: AppSettings.steps
            editable: true
            onValueModified: AppSettings.steps = value
            ToolTip.visible: hovered
            ToolTip.text: qsTr("More steps: a cleaner image, a slower preview")
        }

        Label { text: qsTr("Guidance") }
        SpinBox {
            objectName: "guidanceSpin"
            // Tenths: SpinBox counts in integers.
            from: 0
            to: 200
            stepSize: 5
            value: Math.round(AppSettings.guidance * 10)
            editable: true
            textFromValue: (v, locale) => Number(v / 10).toLocaleString(locale, "f", 1)
            valueFromText: (text, locale) => Math.round(Number.fromLocaleString(locale, text) * 10)
            onValueModified: AppSettings.guidance = value / 10
            ToolTip.visible: hovered
            ToolTip.text: qsTr("How strongly the references steer the result (1 = no extra guidance)")
        }

        Label { text: qsTr("Preview resolution") }
        SpinBox {
            objectName: "resolutionSpin"
            from: 64
            to: 512
            stepSize: 32
            value: AppSettings.previewResolution
            editable: true
            onValueModified: AppSettings.previewResolution = value
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Side of the preview image in pixels")
        }

        Label { text: qsTr("Threads") }
        SpinBox {
            objectName: "threadsSpin"
            from: 0
            to: AppInfo.computeThreads
            value: AppSettings.threads
            editable: true
            textFromValue: (v) => v === 0 ? qsTr("All") : String(v)
            valueFromText: (text) => text === qsTr("All") ? 0 : parseInt(text)
            onValueModified: AppSettings.threads = value
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Processor threads for generation (from the next start)")
        }

        Button {
            Layout.columnSpan: 2
            text: qsTr("Restore Defaults")
            onClicked: AppSettings.reset()
        }
    }
}
