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
