#include "app/gui/AppSettings.h"
#include "app/gui/JobQueue.h"
#include "tests/common/QueueDrain.h"
#include "app/gui/ImageConversion.h"
#include "app/gui/PreviewController.h"
#include "app/gui/PreviewWorker.h"
#include "app/gui/ProjectDocument.h"
#include "core/io/Project.h"
#include "tests/common/UntrainedModel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

#include <unistd.h>

// The live preview on the demo project with the default model's network, chosen in Settings as a weights
// file (random weights, fixed seed): the same code path as trained weights, small resolution to keep the
// test fast. And without any model: the classical method's still.
class PreviewControllerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir autosaveDir_;
    QTemporaryDir weightsDir_;

    static long long residentBytes()
    {
        QFile statm("/proc/self/statm");
        if (!statm.open(QIODevice::ReadOnly)) {
            return 0;
        }
        const auto fields = statm.readAll().split(' ');
        return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
    }

    static QUrl demoUrl() { return QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/demo.durian"); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings
        ProjectDocument::setAutosaveDirectory(autosaveDir_.path());
        AppSettings::instance()->setPreviewResolution(64);
        AppSettings::instance()->setClassicalMethod(false); // a run that failed midway may have left it on
        chooseUntrainedDefaultModel(weightsDir_);
    }

    void withoutATrainedModelThePreviewIsTheClassicalComposite()
    {
        const NoTrainedModel noModel;
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        PreviewController preview;
        preview.setDebounceMs(20);
        QSignalSpy finished(&preview, &PreviewController::finished);
        preview.setDocument(&document);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY2(preview.errorString().isEmpty(), qPrintable(preview.errorString()));
        QVERIFY(!preview.modelTrained());
        PreviewWorker worker; // a fresh one: the shared one belongs to the worker thread
        // The still in the portrait photo, as the export pastes it.
        const auto inPhoto = [&] { return toQImage(worker.inPhoto(document.project(), 64, worker.classicalStill(document.project(), 64))); };
        QCOMPARE(preview.image(), inPhoto());
        document.setAttributeEnabled(0, false); // the hair reference off: another composite
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(preview.image(), inPhoto());
    }

    void theClassicalSettingOverridesTheChosenModel()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        PreviewController preview;
        preview.setDebounceMs(20);
        QSignalSpy finished(&preview, &PreviewController::finished);
        AppSettings::instance()->setClassicalMethod(true); // a model file is chosen (initTestCase)
        preview.setDocument(&document);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY2(preview.errorString().isEmpty(), qPrintable(preview.errorString()));
        PreviewWorker worker;
        const QImage classical = toQImage(worker.inPhoto(document.project(), 64, worker.classicalStill(document.project(), 64)));
        QCOMPARE(preview.image(), classical);
        AppSettings::instance()->setClassicalMethod(false); // back to the model: a new preview, not the composite
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        QVERIFY(preview.image() != classical);
    }

    void aChangeLeadsToANewPreviewImage()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        PreviewController preview;
        preview.setDebounceMs(20);
        QSignalSpy finished(&preview, &PreviewController::finished);
        QSignalSpy steps(&preview, &PreviewController::stepChanged);
        preview.setDocument(&document); // an open project gets a first preview
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY2(preview.errorString().isEmpty(), qPrintable(preview.errorString()));
        QVERIFY(preview.modelTrained()); // a chosen file counts as trained
        QVERIFY(steps.count() > 1); // per-step previews arrived before the result
        const QImage first = preview.image();
        QCOMPARE(first.size(), QSize(256, 256)); // the demo photo's size: the 64-pixel crop is pasted into it
        QVERIFY(!preview.running());

        document.setAttributeEnabled(0, false); // hair reference off
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        QVERIFY2(preview.errorString().isEmpty(), qPrintable(preview.errorString()));
        QVERIFY(preview.image() != first);

        document.undo(); // same project, same seed: the same image again
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 120000);
        QCOMPARE(preview.image(), first);
    }

    void aSecondChangeCancelsTheFirst()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        PreviewController preview;
        preview.setDebounceMs(20);
        QSignalSpy finished(&preview, &PreviewController::finished);
        QSignalSpy cancelled(&preview, &PreviewController::cancelled);
        // Hold the worker thread so that the first preview is still pending when the second change comes
        // (a preview at this size takes well under a second: without this the test would race it).
        std::atomic<bool> release{false};
        JobQueue::instance()->submit(JobQueue::Lane::Interactive,
            "hold", [&release](JobContext&) {
                while (!release.load()) {
                    QThread::msleep(5);
                }
                return QVariant();
            },
            [](const QVariant&) {}, [](const QString&) {});
        preview.setDocument(&document); // first preview
        QTRY_VERIFY(preview.running());
        document.setAttributeStrength(0, 0.3); // second change, before the first got to run
        preview.refresh();                     // as its debounce ending does: the first is cancelled
        release = true;
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(cancelled.count(), 1); // the first never finished
        QVERIFY2(preview.errorString().isEmpty(), qPrintable(preview.errorString()));
        QVERIFY(!preview.running());
        QVERIFY(preview.lastSeconds() > 0);
        QVERIFY(drainLane(JobQueue::Lane::Interactive));
        QCOMPARE(finished.count(), 1); // and nothing else arrives
    }

    // Prints the figure the issue asks for: a slider release (the last strength change) to the new preview
    // shown, at the application's default preview resolution (256 px), debounce (300 ms) included.
    void printsTheTimeFromASliderReleaseToItsPreview()
    {
        AppSettings::instance()->setPreviewResolution(AppSettings::kDefaultResolution);
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        PreviewController preview;
        QSignalSpy finished(&preview, &PreviewController::finished);
        preview.setDocument(&document);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000); // model created, references cached
        for (double value : {0.9, 0.8, 0.7}) {
            document.setAttributeStrength(0, value);
        }
        document.finishGesture();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        QVERIFY2(preview.errorString().isEmpty(), qPrintable(preview.errorString()));
        qInfo("slider release to new preview: %.2f s (%d px, %d ms debounce, default model, untrained)",
            preview.lastSeconds(), AppSettings::kDefaultResolution, preview.debounceMs());
        QCOMPARE(preview.image().size(), QSize(256, 256)); // the photo, whatever the model's resolution
        AppSettings::instance()->setPreviewResolution(64); // a setting the preview depends on: a new one
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 120000);
        QCOMPARE(preview.image().size(), QSize(256, 256));
    }

    // A long editor session: every cycle starts a preview and replaces it midway through its sampling
    // (the cancel path), then lets the replacement finish. Memory must stay where the first cycles left it.
    void aHundredPreviewCancelCyclesKeepMemoryFlat()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        PreviewController preview;
        preview.setDebounceMs(20);
        QSignalSpy finished(&preview, &PreviewController::finished);
        QSignalSpy cancelled(&preview, &PreviewController::cancelled);
        QSignalSpy steps(&preview, &PreviewController::stepChanged);
        preview.setDocument(&document);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000); // the model loaded, the references cached
        long long afterTen = 0;
        for (int cycle = 1; cycle <= 100; ++cycle) {
            const auto stepsBefore = steps.count();
            preview.refresh();
            QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= stepsBefore + 2, 60000); // reset, then a sampling step
            preview.refresh(); // replaces it: the first is cancelled at its next step
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1 + cycle, 60000);
            QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), cycle, 60000);
            QVERIFY2(preview.errorString().isEmpty(), qPrintable(preview.errorString()));
            if (cycle == 10) {
                afterTen = residentBytes();
            }
        }
        const long long atEnd = residentBytes();
        qInfo("RSS after 10 preview/cancel cycles: %.1f MB, after 100: %.1f MB", afterTen / 1e6, atEnd / 1e6);
        QVERIFY2(atEnd <= afterTen + afterTen / 10, "memory grew by more than 10% over 90 preview/cancel cycles");
    }

    void aProjectWithoutAFaceReportsAnError()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        // The reference mask is a black-and-white image with no face in it.
        QVERIFY(document.addAttribute("hat", QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/hair-mask.png")));
        PreviewController preview;
        preview.setDebounceMs(20);
        QSignalSpy errors(&preview, &PreviewController::errorStringChanged);
        preview.setDocument(&document);
        QTRY_VERIFY_WITH_TIMEOUT(!preview.errorString().isEmpty(), 120000);
        QVERIFY2(preview.errorString().contains("hair-mask.png"), qPrintable(preview.errorString()));
        QVERIFY(!preview.running());
    }
};

QTEST_GUILESS_MAIN(PreviewControllerTest)
#include "PreviewControllerTest.moc"
