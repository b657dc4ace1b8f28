// The motion and render controllers without a window: motion editing on the document, the Motion panel's
// controller (tracking a driving video, rejecting one without a face), Render Animation with progress
// and cancel, export with options, and the recent-files list.
#include "app/gui/JobQueue.h"
#include "app/gui/MotionController.h"
#include "app/gui/ProjectDocument.h"
#include "app/gui/RecentFiles.h"
#include "app/gui/RenderController.h"
#include "core/io/Image.h"
#include "core/video/VideoDecoder.h"
#include "core/video/VideoEncoder.h"

#include "tests/common/DemoCopy.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

QUrl demoUrl()
{
    return QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/demo.durian");
}

// A short video of `frame` repeated, slightly shifted each frame so the tracker sees motion.
void writeVideo(const QString& path, const durian::Image& frame, int frames)
{
    durian::VideoEncodeOptions options;
    options.fps = 24;
    durian::VideoEncoder encoder(path.toStdString(), options);
    for (int i = 0; i < frames; ++i) {
        durian::Image shifted = frame;
        const int dx = i % 4;
        for (int y = 0; y < frame.height; ++y) {
            for (int x = frame.width - 1; x >= dx; --x) {
                for (int c = 0; c < 3; ++c) {
                    shifted.row(y)[x * 3 + c] = frame.row(y)[(x - dx) * 3 + c];
                }
            }
        }
        encoder.write(shifted);
    }
    encoder.finish();
}

int frameCount(const QString& path)
{
    durian::VideoDecoder decoder(path.toStdString());
    durian::VideoFrame frame;
    int count = 0;
    while (decoder.read(frame)) {
        ++count;
    }
    return count;
}

} // namespace

class MotionRenderTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings and caches under ~/.qttest
        ProjectDocument::setAutosaveDirectory(dir_.filePath("autosave"));
        RenderController::setCacheDirectory(dir_.filePath("cache"));
    }

    void motionEditsAreUndoable()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QVERIFY(document.motionPresets().contains("shake"));
        QCOMPARE(document.motionPreset(), QString("nod"));
        QVERIFY(document.setMotionPreset("shake"));
        QCOMPARE(document.project().motion.preset, std::string("shake"));
        QVERIFY(!document.setMotionPreset("moonwalk"));
        QVERIFY(document.errorString().contains("moonwalk"));
        QCOMPARE(document.motionPreset(), QString("shake"));
        // A spin box held down: many values, one undo step.
        for (int frames = 49; frames <= 60; ++frames) {
            document.setMotionFrames(frames);
        }
        document.finishGesture();
        document.setMotionFps(12);
        QCOMPARE(document.motionFrames(), 60);
        QCOMPARE(document.motionFps(), 12.0);
        document.undo();
        QCOMPARE(document.motionFps(), 24.0);
        document.undo();
        QCOMPARE(document.motionFrames(), 48);
        document.undo();
        QCOMPARE(document.motionPreset(), QString("nod"));
        QVERIFY(!document.modified());
        document.setMotionFrames(0);
        QCOMPARE(document.motionFrames(), 1); // clamped to the file format's range
    }

    void aPresetReplacesTheDrivingVideo()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        const QString video = dir_.filePath("still.mp4");
        writeVideo(video, durian::loadImageRgb(DURIAN_SOURCE_DIR "/resources/demo/portrait.png"), 4);
        QVERIFY(document.setDrivingVideo(QUrl::fromLocalFile(video)));
        QCOMPARE(document.drivingVideoUrl(), QUrl::fromLocalFile(video));
        QVERIFY(document.motionSummary().contains("still.mp4"));
        QVERIFY(document.setMotionPreset("talk"));
        QVERIFY(document.drivingVideoUrl().isEmpty());
        QVERIFY(!document.setDrivingVideo(QUrl::fromLocalFile(dir_.filePath("missing.mp4"))));
        QVERIFY(document.errorString().contains("missing.mp4"));
    }

    void thePanelShowsThePresetOnThePortrait()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        MotionController motion;
        motion.setDebounceMs(0);
        QSignalSpy built(&motion, &MotionController::built);
        motion.setDocument(&document);
        QTRY_COMPARE_WITH_TIMEOUT(built.count(), 1, 60000);
        QVERIFY2(motion.errorString().isEmpty(), qPrintable(motion.errorString()));
        QCOMPARE(motion.frameCount(), MotionController::kPreviewFrames);
        QVERIFY(!motion.hasDrivingFrames());
        QCOMPARE(motion.portraitFrame().width(), MotionController::kPreviewSize);
        // The nod moves the keypoints: the rest pose (frame 0) and the nod's lowest point (frame 6,
        // sample 2) differ.
        const QImage first = motion.portraitFrame();
        motion.setFrameIndex(2);
        QVERIFY(motion.portraitFrame() != first);
        // A motion edit rebuilds it.
        document.setMotionFrames(12);
        QTRY_COMPARE_WITH_TIMEOUT(built.count(), 2, 60000);
        QCOMPARE(motion.frameCount(), 12);
    }

    void aProjectWithoutAPortraitShowsNoMotionAndNoError()
    {
        ProjectDocument document;
        document.newProject();
        MotionController motion;
        motion.setDebounceMs(0);
        QSignalSpy built(&motion, &MotionController::built);
        motion.setDocument(&document);
        QTRY_VERIFY_WITH_TIMEOUT(built.count() >= 1, 10000);
        QVERIFY2(motion.errorString().isEmpty(), qPrintable(motion.errorString()));
        QCOMPARE(motion.frameCount(), 0);
        QVERIFY(!motion.running());
    }

    void aDrivingVideoWithAFaceIsTrackedAndShown()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        document.setMotionFrames(8);
        const QString video = dir_.filePath("face.mp4");
        writeVideo(video, durian::loadImageRgb(DURIAN_SOURCE_DIR "/resources/demo/portrait.png"), 8);
        MotionController motion;
        motion.setDebounceMs(0);
        motion.setDocument(&document);
        QSignalSpy accepted(&motion, &MotionController::drivingVideoAccepted);
        QSignalSpy rejected(&motion, &MotionController::drivingVideoRejected);
        motion.chooseDrivingVideo(QUrl::fromLocalFile(video));
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count() + rejected.count(), 1, 60000);
        QVERIFY2(rejected.isEmpty(), rejected.isEmpty() ? "" : qPrintable(rejected.first().at(1).toString()));
        QCOMPARE(document.drivingVideoUrl(), QUrl::fromLocalFile(video));
        QTRY_VERIFY_WITH_TIMEOUT(motion.hasDrivingFrames() && !motion.running(), 60000);
        QCOMPARE(motion.frameCount(), 8);
        QVERIFY(!motion.drivingFrame().isNull());
        QVERIFY(!motion.drivingVideoHasAudio()); // written without sound: the Export dialog offers none
        document.undo(); // choosing the video was one undo step
        QVERIFY(document.drivingVideoUrl().isEmpty());
    }

    void aDrivingVideoWithoutAFaceLeavesTheProjectUnchanged()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        document.setMotionFrames(6);
        const QString video = dir_.filePath("sky.mp4");
        durian::Image sky(128, 128, 3, 200);
        writeVideo(video, sky, 6);
        MotionController motion;
        motion.setDocument(&document);
        QSignalSpy rejected(&motion, &MotionController::drivingVideoRejected);
        const int undoSteps = document.canUndo();
        motion.chooseDrivingVideo(QUrl::fromLocalFile(video));
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 60000);
        const QString message = rejected.first().at(1).toString();
        QVERIFY2(message.contains("sky.mp4") && message.contains("No face") && message.contains("unchanged"),
            qPrintable(message));
        QCOMPARE(motion.errorString(), message);
        QVERIFY(document.drivingVideoUrl().isEmpty());
        QCOMPARE(document.motionPreset(), QString("nod"));
        QCOMPARE(int(document.canUndo()), undoSteps);
    }

    void renderAnimationMakesAClipAndCancelKeepsIt()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        document.setMotionFrames(12);
        RenderController render;
        render.setDocument(&document);
        QSignalSpy finished(&render, &RenderController::finished);
        QSignalSpy progress(&render, &RenderController::progressChanged);
        render.render();
        QVERIFY(render.running());
        QVERIFY(!render.exporting());
        QStringList messages;
        connect(&render, &RenderController::progressChanged, this, [&] { messages.append(render.message()); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY2(finished.first().first().toBool(), qPrintable(render.errorString()));
        QVERIFY(progress.count() >= 2);
        QVERIFY2(messages.filter("of 12").size() > 0, qPrintable(messages.join(" | "))); // "Rendering frame n of 12, …"
        QVERIFY(!render.running());
        QCOMPARE(render.progress(), -1.0);
        const QString clip = render.videoUrl().toLocalFile();
        QVERIFY(clip.startsWith(dir_.filePath("cache")));
        QCOMPARE(frameCount(clip), 12);
        QVERIFY(render.summary().contains("12 frame"));

        // Cancelled at once: a message, and the earlier clip is still there to play.
        document.setMotionFrames(200);
        render.render();
        render.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QVERIFY(!finished.last().first().toBool());
        QVERIFY(render.errorString().contains("cancelled"));
        QCOMPARE(render.videoUrl().toLocalFile(), clip);
        QVERIFY(QFile::exists(clip));
    }

    void exportWithOptions()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        RenderController render;
        render.setDocument(&document);
        QSignalSpy finished(&render, &RenderController::exportFinished);
        QSignalSpy failed(&render, &RenderController::exportFailed);
        const QString gif = dir_.filePath("small.gif");
        render.exportVideo(QUrl::fromLocalFile(gif), {{"fps", 12}, {"size", 96}, {"quality", "low"}});
        QVERIFY(render.exporting()); // returns at once; the work runs on the render lane
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(finished.first().at(0).toUrl(), QUrl::fromLocalFile(gif));
        QVERIFY(finished.first().at(1).toString().contains("24 frame"));
        durian::VideoDecoder decoder(gif.toStdString());
        QCOMPARE(decoder.info().width, 96);
        QCOMPARE(frameCount(gif), 24);
        render.exportVideo(QUrl::fromLocalFile(gif), {{"quality", "best"}});
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.last().first().toString().contains("best"));
        render.exportVideo(QUrl::fromLocalFile("/nonexistent-dir/demo.mp4"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 60000);
        QVERIFY2(failed.last().first().toString().contains("/nonexistent-dir"), qPrintable(failed.last().first().toString()));
    }

    // Export right after Render Animation writes the frames that render made; an edit makes new ones.
    void exportAfterRenderReusesTheRenderedFrames()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        document.setMotionFrames(8);
        RenderController render;
        render.setDocument(&document);
        QSignalSpy rendered(&render, &RenderController::finished);
        render.render();
        QTRY_COMPARE_WITH_TIMEOUT(rendered.count(), 1, 60000);
        QVERIFY2(rendered.first().first().toBool(), qPrintable(render.errorString()));

        QSignalSpy exported(&render, &RenderController::exportFinished);
        QSignalSpy failed(&render, &RenderController::exportFailed);
        const QString first = dir_.filePath("reused.mp4");
        render.exportVideo(QUrl::fromLocalFile(first), {{"size", 128}});
        QTRY_COMPARE_WITH_TIMEOUT(exported.count() + failed.count(), 1, 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY2(exported.last().at(2).toBool(), "the export after the render did not reuse its frames");
        QCOMPARE(frameCount(first), 8);

        document.setAttributeStrength(0, 0.5); // a change that matters: the frames are made again
        const QString second = dir_.filePath("new.mp4");
        render.exportVideo(QUrl::fromLocalFile(second));
        QTRY_COMPARE_WITH_TIMEOUT(exported.count() + failed.count(), 2, 60000);
        QVERIFY(!exported.last().at(2).toBool());

        document.setName("Renamed"); // the name does not change the frames
        render.exportVideo(QUrl::fromLocalFile(second));
        QTRY_COMPARE_WITH_TIMEOUT(exported.count() + failed.count(), 3, 60000);
        QVERIFY(exported.last().at(2).toBool());
    }

    // Save As changes the file, not the project: the rendered clip stays playable.
    void saveAsKeepsTheRenderedClip()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(copyDemoProject(dir.path())));
        document.setMotionFrames(4);
        RenderController render;
        render.setDocument(&document);
        QSignalSpy rendered(&render, &RenderController::finished);
        render.render();
        QTRY_COMPARE_WITH_TIMEOUT(rendered.count(), 1, 60000);
        const QUrl clip = render.videoUrl();
        QVERIFY(!clip.isEmpty());
        QVERIFY(document.saveAs(QUrl::fromLocalFile(dir.filePath("other.durian"))));
        QCOMPARE(render.videoUrl(), clip);
        document.newProject(); // another project: its clip is not this one's
        QVERIFY(render.videoUrl().isEmpty());
        QVERIFY(!QFile::exists(clip.toLocalFile()));
    }

    // A process killed in the middle of a save (new bytes written to the temporary, not yet renamed)
    // leaves the project as it was saved before: the document opens it unchanged.
    void aCrashDuringSaveKeepsTheProject()
    {
        QTemporaryDir dir;
        const QString path = copyDemoProject(dir.path()).toLocalFile();
        const pid_t child = fork();
        if (child == 0) {
            // The real save, killed in the middle of writing: a file size limit below the project's size, with
            // the limit's signal left deadly, ends the process inside the write, before any rename.
            ProjectDocument document;
            if (!document.open(QUrl::fromLocalFile(path))) {
                ::_exit(2);
            }
            document.setName("Half-saved");
            const rlimit limit{100, 100};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            std::signal(SIGXFSZ, SIG_DFL);
            document.save();
            ::_exit(3); // the save got through: the test cannot show what it claims
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ, qPrintable(QString::number(status)));
        ProjectDocument document;
        QVERIFY2(document.open(QUrl::fromLocalFile(path)), qPrintable(document.errorString()));
        QCOMPARE(document.name(), QString("Demo"));
        QCOMPARE(document.attributeModel()->count(), 2);
    }

    void recentFilesAreKeptAndPruned()
    {
        RecentFiles recent(nullptr);
        recent.clear();
        const QString a = dir_.filePath("a.durian");
        const QString b = dir_.filePath("b.durian");
        QFile(a).open(QIODevice::WriteOnly);
        QFile(b).open(QIODevice::WriteOnly);
        recent.add(QUrl::fromLocalFile(a));
        recent.add(QUrl::fromLocalFile(b));
        recent.add(QUrl::fromLocalFile(a)); // again: moves to the top, no duplicate
        QCOMPARE(recent.files(), (QStringList{a, b}));
        QCOMPARE(RecentFiles(nullptr).files(), (QStringList{a, b})); // stored
        QFile::remove(b);
        QCOMPARE(recent.prune(), QStringList{b});
        QCOMPARE(recent.files(), QStringList{a});
        for (int i = 0; i < RecentFiles::kMaxFiles + 3; ++i) {
            recent.add(QUrl::fromLocalFile(dir_.filePath(QString("p%1.durian").arg(i))));
        }
        QCOMPARE(recent.files().size(), RecentFiles::kMaxFiles);
        recent.clear();
    }
};

QTEST_GUILESS_MAIN(MotionRenderTest)
#include "MotionRenderTest.moc"
