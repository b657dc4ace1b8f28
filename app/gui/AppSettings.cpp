#include "app/gui/AppSettings.h"

#include "core/io/Safetensors.h"
#include "core/model/ModelConfig.h"
#include "core/pipeline/ShippedModel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>
#include <QQmlEngine>
#include <QSettings>
#include <QThread>

#include <algorithm>

namespace {
int maxThreads()
{
    return std::max(1, QThread::idealThreadCount());
}

// Sets field to value and stores it; false when nothing changed (then no signal is due). The group keeps
// the file readable next to other sections.
template <typename T>
bool update(T& field, T value, const char* key)
{
    if (value == field) {
        return false;
    }
    field = value;
    QSettings settings;
    settings.setValue(QStringLiteral("generation/") + key, QVariant::fromValue(value));
    return true;
}
} // namespace

AppSettings::AppSettings(QObject* parent)
    : QObject(parent)
{
    QSettings settings;
    settings.beginGroup("generation");
    // Stored values are clamped too: a hand-edited or older file never yields an unusable setting.
    previewResolution_
        = std::clamp(settings.value("previewResolution", kDefaultResolution).toInt(), kMinResolution, kMaxResolution);
    threads_ = std::clamp(settings.value("threads", 0).toInt(), 0, maxThreads());
    modelWeights_ = settings.value("modelWeights", QString()).toString();
    classicalMethod_ = settings.value("classicalMethod", false).toBool();
    settings.endGroup();
    settings.beginGroup("folders");
    for (const QString& kind : settings.childKeys()) {
        lastFolders_.insert(kind, QUrl(settings.value(kind).toString()));
    }
}

void AppSettings::rememberFolder(const QString& kind, const QUrl& fileOrFolder)
{
    if (!fileOrFolder.isLocalFile()) {
        return;
    }
    const QFileInfo info(fileOrFolder.toLocalFile());
    const QUrl folder = QUrl::fromLocalFile(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    if (lastFolders_.value(kind).toUrl() == folder) {
        return;
    }
    lastFolders_.insert(kind, folder);
    QSettings().setValue("folders/" + kind, folder.toString());
    Q_EMIT lastFoldersChanged();
}

AppSettings* AppSettings::instance()
{
    static AppSettings* settings = new AppSettings(QCoreApplication::instance());
    return settings;
}

AppSettings* AppSettings::create(QQmlEngine*, QJSEngine*)
{
    AppSettings* settings = instance();
    QQmlEngine::setObjectOwnership(settings, QQmlEngine::CppOwnership);
    return settings;
}

void AppSettings::setPreviewResolution(int resolution)
{
    if (update(previewResolution_, std::clamp(resolution, kMinResolution, kMaxResolution), "previewResolution")) {
        Q_EMIT previewResolutionChanged();
    }
}

void AppSettings::setThreads(int threads)
{
    if (update(threads_, std::clamp(threads, 0, maxThreads()), "threads")) {
        Q_EMIT threadsChanged();
    }
}

void AppSettings::setModelWeights(const QString& path)
{
    const QString local = path.startsWith("file:") ? QUrl(path).toLocalFile() : path;
    if (update(modelWeights_, local, "modelWeights")) {
        Q_EMIT modelWeightsChanged();
    }
}

void AppSettings::setClassicalMethod(bool classical)
{
    if (update(classicalMethod_, classical, "classicalMethod")) {
        Q_EMIT classicalMethodChanged();
    }
}

QString AppSettings::checkModelFile(const QString& path) const
{
    const QString local = path.startsWith("file:") ? QUrl(path).toLocalFile() : path;
    if (local.isEmpty()) {
        return {};
    }
    if (!QFileInfo(local).isFile()) {
        return tr("The model file %1 does not exist.").arg(local);
    }
    try {
        const auto file = durian::readSafetensors(local.toStdString());
        if (file.tensors.empty()) {
            return tr("The model file %1 holds no tensors.").arg(local);
        }
        // The configuration it records is validated as the renderer will (ranges, size) before anything loads.
        if (const auto stored = file.metadata.find("durian.config"); stored != file.metadata.end()) {
            durian::parseModelConfig(stored->second, local.toStdString());
        }
    } catch (const std::exception& e) {
        return tr("The model file %1 cannot be read: %2").arg(local, QString::fromUtf8(e.what()));
    }
    return {};
}

int AppSettings::modelFixedSteps() const
{
    const QString file = !modelWeights_.isEmpty()
        ? modelWeights_
        : QString::fromStdString(durian::shippedModelWeights().value_or(std::filesystem::path()).string());
    if (file != fixedStepsFile_) {
        fixedStepsFile_ = file;
        fixedSteps_ = 0;
        try { // an unreadable file says why when it is used; here it simply fixes nothing
            const auto weights = durian::readSafetensors(file.toStdString());
            if (const auto stored = weights.metadata.find("durian.config"); stored != weights.metadata.end()) {
                fixedSteps_ = durian::parseModelConfig(stored->second, file.toStdString()).samplingSteps;
            }
        } catch (const std::exception&) {
        }
    }
    return fixedSteps_;
}

void AppSettings::reset()
{
    setPreviewResolution(kDefaultResolution);
    setThreads(0);
    setModelWeights({});
    setClassicalMethod(false);
}
