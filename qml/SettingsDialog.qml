import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "components"
import Durian.App

// Settings: the open project's render settings (saved with it, undoable: the CLI renders the same), then
// this computer's (AppSettings, kept between runs, each change stored at once). Each says what it does.
Dialog {
    id: dialog
    objectName: "settingsDialog"
    property var document
    title: qsTr("Settings")
    modal: true
    standardButtons: Dialog.Close
    anchors.centerIn: parent
    readonly property var ranges: document ? document.renderRanges : ({ minSteps: 1, maxSteps: 1000, minGuidance: 0, maxGuidance: 30, previewSteps: 6 })
    // A model that always samples in its own number of steps (the default model: 1) ignores the project's.
    readonly property int fixedSteps: AppSettings.classicalMethod ? 0 : AppSettings.modelFixedSteps

    GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 6

        Label { text: qsTr("This project"); font.bold: true; Layout.columnSpan: 2 }
        Label { text: qsTr("Sampling steps") }
        SpinBox {
            objectName: "stepsSpin"
            enabled: dialog.document && dialog.document.loaded && dialog.fixedSteps === 0
            from: dialog.ranges.minSteps
            to: dialog.ranges.maxSteps
            value: dialog.document ? dialog.document.renderSteps : 20
            editable: true
            onValueModified: dialog.document.setRenderSteps(value)
            onFocusChanged: if (!focus && dialog.document) dialog.document.finishGesture()
        }
        Label {
            Layout.columnSpan: 2
            Layout.maximumWidth: 440
            wrapMode: Text.WordWrap
            opacity: 0.7
            text: dialog.fixedSteps === 1
                ? qsTr("The chosen model always samples in one step, whatever this says; the project keeps the value for models that take it.")
                : dialog.fixedSteps > 1
                ? qsTr("The chosen model always samples in %1 steps, whatever this says; the project keeps the value for models that take it.").arg(dialog.fixedSteps)
                : qsTr("How many denoising steps the model takes when rendering and exporting. More steps give a cleaner result and take longer; previews take at most %1 of them.").arg(dialog.ranges.previewSteps)
        }
        Label { text: qsTr("Guidance") }
        SpinBox {
            objectName: "guidanceSpin"
            enabled: dialog.document && dialog.document.loaded
            // Tenths: SpinBox counts in integers.
            from: Math.round(dialog.ranges.minGuidance * 10)
            to: Math.round(dialog.ranges.maxGuidance * 10)
            stepSize: 5
            value: Math.round((dialog.document ? dialog.document.renderGuidance : 2.5) * 10)
            editable: true
            textFromValue: (v, locale) => Number(v / 10).toLocaleString(locale, "f", 1)
            valueFromText: (text, locale) => Math.round(Number.fromLocaleString(locale, text) * 10)
            onValueModified: dialog.document.setRenderGuidance(value / 10)
            onFocusChanged: if (!focus && dialog.document) dialog.document.finishGesture()
        }
        Label {
            Layout.columnSpan: 2
            Layout.maximumWidth: 440
            wrapMode: Text.WordWrap
            opacity: 0.7
            text: qsTr("How closely the result follows the references. 1 applies them once; higher values apply them more strongly and take twice the time per step.")
        }

        Label { text: qsTr("This computer"); font.bold: true; Layout.columnSpan: 2; Layout.topMargin: 8 }
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
                        ? qsTr("File: %1").arg(FilePaths.fileName(AppSettings.modelWeights))
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

    OpenFileDialog {
        id: modelDialog
        title: qsTr("Choose a Model File")
        nameFilters: [qsTr("Model weights (*.safetensors)"), qsTr("All files (*)")]
        // Checked before it is used: a damaged or foreign file is refused with the reason.
        onAccepted: (file) => {
            const problem = AppSettings.checkModelFile(file)
            modelError.text = problem
            if (problem === "") {
                AppSettings.modelWeights = file
                AppSettings.classicalMethod = false
            }
        }
    }
}
