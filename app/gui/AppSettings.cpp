#include "app/gui/AppSettings.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QSettings>
#include <QThread>

#include <algorithm>

namespace {
int maxThreads()
{
    return std::max(1, QThread::idealThreadCount());
}

// Stores one value; the group keeps the file readable next to other sections.
void store(const char* key, const QVariant& value)
{
    QSettings settings;
    settings.setValue(QStringLiteral("generation/") + key, value);
}
} // namespace

AppSettings::AppSettings(QObject* parent)
    : QObject(parent)
{
    QSettings settings;
    settings.beginGroup("generation");
    // Stored values are clamped too: a hand-edited or older file never yields an unusable setting.
    steps_ = std::clamp(settings.value("steps", kDefaultSteps).toInt(), kMinSteps, kMaxSteps);
    guidance_ = std::clamp(settings.value("guidance", kDefaultGuidance).toDouble(), kMinGuidance, kMaxGuidance);
    previewResolution_
        = std::clamp(settings.value("previewResolution", kDefaultResolution).toInt(), kMinResolution, kMaxResolution);
    threads_ = std::clamp(settings.value("threads", 0).toInt(), 0, maxThreads());
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

void AppSettings::setSteps(int steps)
{
    steps = std::clamp(steps, kMinSteps, kMaxSteps);
    if (steps != steps_) {
        steps_ = steps;
        store("steps", steps);
        Q_EMIT stepsChanged();
    }
}

void AppSettings::setGuidance(double guidance)
{
    guidance = std::clamp(guidance, kMinGuidance, kMaxGuidance);
    if (guidance != guidance_) {
        guidance_ = guidance;
        store("guidance", guidance);
        Q_EMIT guidanceChanged();
    }
}

void AppSettings::setPreviewResolution(int resolution)
{
    resolution = std::clamp(resolution, kMinResolution, kMaxResolution);
    if (resolution != previewResolution_) {
        previewResolution_ = resolution;
        store("previewResolution", resolution);
        Q_EMIT previewResolutionChanged();
    }
}

void AppSettings::setThreads(int threads)
{
    threads = std::clamp(threads, 0, maxThreads());
    if (threads != threads_) {
        threads_ = threads;
        store("threads", threads);
        Q_EMIT threadsChanged();
    }
}

void AppSettings::reset()
{
    setSteps(kDefaultSteps);
    setGuidance(kDefaultGuidance);
    setPreviewResolution(kDefaultResolution);
    setThreads(0);
}
