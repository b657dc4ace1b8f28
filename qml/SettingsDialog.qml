import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.platform as Platform
import Durian.App

// Generation settings, kept between runs by AppSettings (each change is stored at once).
Dialog {
    id: dialog
    objectName: "settingsDialog"
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

        Label { text: qsTr("Model") }
        RowLayout {
            ComboBox {
                id: modelBox
                objectName: "modelBox"
                Layout.preferredWidth: 220
                model: [qsTr("Built-in default model"), qsTr("Classical method (no model)"), AppSettings.modelWeights !== ""
                        ? qsTr("File: %1").arg(AppSettings.modelWeights.substring(AppSettings.modelWeights.lastIndexOf("/") + 1))
                        : qsTr("A safetensors file…")]
                readonly property int chosen: AppSettings.classicalMethod ? 1 : AppSettings.modelWeights === "" ? 0 : 2
                currentIndex: chosen
                onActivated: (i) => {
                    modelError.text = ""
                    if (i === 0) { AppSettings.modelWeights = ""; AppSettings.classicalMethod = false }
                    else if (i === 1) AppSettings.classicalMethod = true
                    else if (AppSettings.modelWeights !== "") AppSettings.classicalMethod = false
                    else modelDialog.open()
                    currentIndex = Qt.binding(() => chosen) // a cancelled file dialog leaves the setting as it was
                }
                ToolTip.visible: hovered
                ToolTip.text: qsTr("The shipped model, the classical warp-and-composite method (fast, no diffusion), or weights of your own in a .safetensors file")
            }
            Button {
                text: qsTr("Browse…")
                onClicked: modelDialog.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Choose a .safetensors model file")
            }
        }
        Label {
            id: modelError
            objectName: "modelError"
            Layout.columnSpan: 2
            Layout.maximumWidth: 420
            visible: text !== ""
            wrapMode: Text.WordWrap
            color: "#ff8a80"
        }

        Button {
            Layout.columnSpan: 2
            text: qsTr("Restore Defaults")
            onClicked: AppSettings.reset()
        }
    }

    Platform.FileDialog {
        id: modelDialog
        title: qsTr("Choose a Model File")
        nameFilters: [qsTr("Model weights (*.safetensors)"), qsTr("All files (*)")]
        // Checked before it is used: a damaged or foreign file is refused with the reason.
        onAccepted: {
            const problem = AppSettings.checkModelFile(file)
            modelError.text = problem
            if (problem === "") {
                AppSettings.modelWeights = file
                AppSettings.classicalMethod = false
            }
        }
    }
}
