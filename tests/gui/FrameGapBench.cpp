// Benchmark (not a test): in the real editor window, drags a reference's strength slider several times
// and prints, for each release, the time to the new preview and the longest gap between two frames the
// window presented meanwhile (the window is asked for a new frame after every frame, so a gap is time the
// UI could not draw). Run under a display, e.g.:
//   QT_QPA_PLATFORM=xcb xvfb-run -a build/rel/tests/durian_framegap_bench [releases]
#include "app/common/ProcessSetup.h"
#include "app/gui/AppSettings.h"
#include "app/gui/PreviewController.h"
#include "app/gui/ProjectDocument.h"
#include "WindowTestSupport.h"
#include "tests/common/UntrainedModel.h"
#include "core/runtime/ComputeRuntime.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <atomic>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Durian_AppPlugin)
Q_IMPORT_QML_PLUGIN(Durian_UiPlugin)

using namespace windowtest;

int main(int argc, char** argv)
{
    durian::preferPassiveOpenMpWaiting(argv); // as the application does
    QApplication app(argc, argv);
    durian::initializeComputeThreads(0);
    QApplication::setApplicationName("Durian Studio Bench");
    QStandardPaths::setTestModeEnabled(true);
    AppSettings::instance()->reset(); // defaults: 128-px preview
    QTemporaryDir weights;
    chooseUntrainedDefaultModel(weights); // the model's code path, which is what the figures are about
    const int releases = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;

    QTemporaryDir dir;
    QTemporaryDir autosave;
    ProjectDocument::setAutosaveDirectory(autosave.path());
    QQmlApplicationEngine engine;
    QQuickWindow* window = openWindow(engine, demoCopy(dir));
    if (window == nullptr || !QTest::qWaitForWindowExposed(window)) {
        std::fprintf(stderr, "the window did not open\n");
        return 1;
    }
    auto* preview = qobject_cast<PreviewController*>(find(window, "previewController"));
    QSignalSpy finished(preview, &PreviewController::finished);

    // Frame clock: every presented frame is stamped, and the next one is requested at once.
    QElapsedTimer clock;
    clock.start();
    std::atomic<qint64> lastFrame{0};
    std::atomic<qint64> maxGap{0};
    std::atomic<bool> measuring{false};
    std::atomic<int> frames{0};
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 gap = now - lastFrame.exchange(now);
        if (measuring.load()) {
            ++frames;
            qint64 seen = maxGap.load();
            while (gap > seen && !maxGap.compare_exchange_weak(seen, gap)) {
            }
        }
        QMetaObject::invokeMethod(window, [window] { window->update(); }, Qt::QueuedConnection);
    }, Qt::DirectConnection);
    window->update();

    if (!QTest::qWaitFor([&] { return finished.count() >= 1 && !preview->running(); }, 300000)) {
        std::fprintf(stderr, "no first preview: %s\n", qPrintable(preview->errorString()));
        return 1;
    }
    std::printf("first preview (model load, face analysis, reference encoding): %.2f s\n", preview->lastSeconds());
    // Baseline: the same frame clock for two seconds with nothing running.
    QTest::qWait(1000);
    maxGap = 0;
    frames = 0;
    lastFrame = clock.nsecsElapsed();
    measuring = true;
    QTest::qWait(2000);
    measuring = false;
    std::printf("idle (no preview running): longest frame gap %.1f ms, %.0f frames/s\n", maxGap.load() / 1e6,
        frames.load() / 2.0);

    auto* slider = qobject_cast<QQuickItem*>(find(window, "strengthSlider", 0));
    double worstGap = 0;
    double sumSeconds = 0;
    for (int i = 0; i < releases; ++i) {
        const int before = finished.count();
        // Alternate between two positions so every release is a change.
        const double to = i % 2 == 0 ? 0.35 : 0.75;
        QTest::mousePress(window, Qt::LeftButton, {}, centerOf(slider, i % 2 == 0 ? 0.75 : 0.35));
        QTest::mouseMove(window, centerOf(slider, (to + 0.55) / 2), 20);
        QTest::mouseMove(window, centerOf(slider, to), 20);
        maxGap = 0;
        frames = 0;
        lastFrame = clock.nsecsElapsed();
        measuring = true;
        QElapsedTimer sinceRelease;
        sinceRelease.start();
        QTest::mouseRelease(window, Qt::LeftButton, {}, centerOf(slider, to));
        if (!QTest::qWaitFor([&] { return finished.count() > before && !preview->running(); }, 120000)) {
            std::fprintf(stderr, "no preview after release %d: %s\n", i + 1, qPrintable(preview->errorString()));
            return 1;
        }
        const double seconds = sinceRelease.nsecsElapsed() / 1e9;
        measuring = false;
        const double gapMs = maxGap.load() / 1e6;
        worstGap = std::max(worstGap, gapMs);
        sumSeconds += seconds;
        std::printf("release %d: new preview after %.2f s (debounce %d ms included); longest frame gap %.1f ms, "
                    "%.0f frames/s\n",
            i + 1, seconds, preview->debounceMs(), gapMs, frames.load() / seconds);
    }
    std::printf("mean release-to-preview %.2f s over %d releases; longest frame gap during previews %.1f ms "
                "(%d-px preview, built-in untrained model, %d compute threads)\n",
        sumSeconds / releases, releases, worstGap, AppSettings::instance()->previewResolution(),
        QThread::idealThreadCount());
    return 0;
}
