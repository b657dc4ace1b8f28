#pragma once

#include "app/gui/AppSettings.h"
#include "core/pipeline/Pipeline.h"

#include <QString>
#include <QTemporaryDir>

// The default model's network with random weights (fixed seed), written to `folder` and chosen in Settings
// as the user's model file: previews then run the real model code path, which is what a test of the
// model's mechanics needs (without a chosen or shipped model, previews use the classical method).
inline QString chooseUntrainedDefaultModel(const QTemporaryDir& folder)
{
    const QString path = folder.filePath("untrained-default.safetensors");
    durian::Generator(durian::GeneratorOptions{}).saveWeights(path.toStdString());
    AppSettings::instance()->setModelWeights(path);
    return path;
}

// While it lives: no model chosen in Settings and none shipped (an empty DURIAN_MODELS_DIR), so previews
// use the classical method. Puts the chosen file and the environment back on destruction, so a failed
// check in the middle of a test does not leave the next tests without their model.
class NoTrainedModel {
public:
    NoTrainedModel() : chosen_(AppSettings::instance()->modelWeights())
    {
        AppSettings::instance()->setModelWeights({});
        qputenv("DURIAN_MODELS_DIR", empty_.path().toUtf8());
    }
    ~NoTrainedModel()
    {
        qunsetenv("DURIAN_MODELS_DIR");
        AppSettings::instance()->setModelWeights(chosen_);
    }
    NoTrainedModel(const NoTrainedModel&) = delete;
    NoTrainedModel& operator=(const NoTrainedModel&) = delete;

private:
    QString chosen_;
    QTemporaryDir empty_;
};
