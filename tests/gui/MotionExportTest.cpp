// The editor end to end, in its real window on a virtual X display (run through editor_e2e_test.sh):
// open the demo project, pick a preset motion, render and play the animation, export MP4, GIF and PNG
// frames (checked with ffprobe), compare the PNG frames with `durian render` on the saved project, and
// the bad inputs: a corrupt project, a driving video without a face, an unwritable export path and a
// full disk during export. Screenshots of each state go to $DURIAN_SCREENSHOT_DIR (if set).
#include "app/gui/AppInfo.h"
#include "app/gui/JobQueue.h"
#include "app/gui/MainWindowLoader.h"
#include "app/gui/MotionController.h"
#include "app/gui/ProjectDocument.h"
#include "app/gui/RecentFiles.h"
#include "app/gui/RenderController.h"
#include "core/io/Image.h"
#include "core/video/VideoEncoder.h"

#include "tests/common/DemoCopy.h"
#include "tests/gui/WindowTestSupport.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unistd.h>
#include <sys/resource.h>

Q_IMPORT_QML_PLUGIN(Durian_AppPlugin)
Q_IMPORT_QML_PLUGIN(Durian_UiPlugin)

namespace {

QString ffprobe(const QString& file)
{
    QProcess process;
    process.start("ffprobe", {"-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
                                 "stream=codec_name,width,height,r_frame_rate,nb_read_frames", "-of", "default=nw=1", file});
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class MotionExportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    ProjectDocument* document_ = nullptr;
    QString projectPath_;

    template <typename T = QObject>
    T* find(const char* name)
    {
        auto* object = window_->findChild<T*>(name);
        if (object == nullptr && window_->contentItem() != nullptr) {
            object = window_->contentItem()->findChild<T*>(name);
        }
        return object;
    }

    void screenshot(const QString& name)
    {
        const QString folder = qEnvironmentVariable("DURIAN_SCREENSHOT_DIR");
        QVERIFY(windowtest::waitForFrame(window_)); // the last change drawn
        if (!folder.isEmpty()) {
            QDir().mkpath(folder);
            QVERIFY(window_->grabWindow().save(folder + "/" + name + ".png"));
        }
    }

    QObject* errorDialog() { return find("errorDialog"); }
    QString shownError() { return errorDialog()->property("text").toString(); }
    void closeError() { QMetaObject::invokeMethod(errorDialog(), "close"); }

    // Sets the Export dialog's format (index) and path, and starts the export as its button does.
    void exportThroughTheDialog(int format, const QString& path)
    {
        QObject* dialog = find("exportDialog");
        QMetaObject::invokeMethod(dialog, "open");
        QTRY_VERIFY(dialog->property("opened").toBool());
        QObject* formatBox = find("exportFormat");
        formatBox->setProperty("currentIndex", format);
        QMetaObject::invokeMethod(formatBox, "activated", Q_ARG(int, format));
        find("exportPath")->setProperty("text", path);
        QMetaObject::invokeMethod(dialog, "startExport");
    }

    void waitForExport(const QString& screenshotName)
    {
        QObject* exported = find("exportedDialog");
        QTRY_VERIFY_WITH_TIMEOUT(exported->property("opened").toBool() || errorDialog()->property("opened").toBool(), 120000);
        QVERIFY2(!errorDialog()->property("opened").toBool(), qPrintable(shownError()));
        screenshot(screenshotName);
        QMetaObject::invokeMethod(exported, "close");
        QTRY_VERIFY(!JobQueue::instance()->busy());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ProjectDocument::setAutosaveDirectory(dir_.filePath("autosave"));
        RenderController::setCacheDirectory(dir_.filePath("cache"));
        // The demo copied, so the test may save it.
        projectPath_ = copyDemoProject(dir_.path()).toLocalFile();
        for (const QString& name : QDir(DURIAN_SOURCE_DIR "/resources/demo").entryList(QDir::Files)) {
            QVERIFY(QFile::exists(dir_.filePath(name)));
        }
        AppInfo::setStartupProject(QUrl::fromLocalFile(projectPath_));
        engine_ = new QQmlApplicationEngine(this);
        QVERIFY(loadMainWindow(*engine_));
        QCOMPARE(engine_->rootObjects().size(), 1);
        window_ = qobject_cast<QQuickWindow*>(engine_->rootObjects().first());
        QVERIFY(window_ != nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(window_));
        document_ = window_->findChild<ProjectDocument*>();
        QVERIFY(document_ != nullptr);
        QTRY_VERIFY(document_->loaded());
        QCOMPARE(document_->name(), QString("Demo"));
    }

    void pickAPresetMotion()
    {
        auto* motion = find<MotionController>("motionController");
        QVERIFY(motion != nullptr);
        QObject* presetBox = find("motionPresetBox");
        const int shake = document_->motionPresets().indexOf("shake");
        QMetaObject::invokeMethod(presetBox, "activated", Q_ARG(int, shake));
        QCOMPARE(document_->motionPreset(), QString("shake"));
        QVERIFY(document_->modified());
        QTRY_VERIFY_WITH_TIMEOUT(motion->frameCount() > 0 && !motion->running(), 60000);
        QVERIFY2(motion->errorString().isEmpty(), qPrintable(motion->errorString()));
        screenshot("01-motion-preset");
        QVERIFY(document_->save());
    }

    void renderAndPlay()
    {
        auto* render = find<RenderController>("renderController");
        QObject* action = find("renderAction");
        QVERIFY(action != nullptr);
        QMetaObject::invokeMethod(action, "trigger"); // what Ctrl+R does
        QTRY_VERIFY(render->running());
        QTRY_VERIFY_WITH_TIMEOUT(render->progress() >= 0.2 || !render->running(), 60000);
        screenshot("02-rendering");
        QTRY_VERIFY_WITH_TIMEOUT(!render->running(), 120000);
        QVERIFY2(render->errorString().isEmpty(), qPrintable(render->errorString()));
        QObject* player = find("mediaPlayer");
        QVERIFY(player != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(player->property("hasVideo").toBool(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(player->property("duration").toLongLong() > 1500, 20000);
        QCOMPARE(player->property("loops").toInt(), -1); // MediaPlayer.Infinite: the loop box is on
        // It plays: the position moves past the first second, and around the loop.
        QTRY_VERIFY_WITH_TIMEOUT(player->property("position").toLongLong() > 1000, 20000);
        screenshot("03-playing");
        // The video output shows the portrait (saturated colours), not a black rectangle.
        auto* output = find<QQuickItem>("videoOutput");
        const QImage shot = window_->grabWindow();
        const QPointF centre = output->mapToScene(QPointF(output->width() / 2, output->height() / 2));
        int coloured = 0;
        for (int dy = -40; dy <= 40; dy += 4) {
            for (int dx = -40; dx <= 40; dx += 4) {
                const QColor c = shot.pixelColor(int(centre.x()) + dx, int(centre.y()) + dy);
                coloured += (c.value() > 40) ? 1 : 0;
            }
        }
        QVERIFY2(coloured > 100, qPrintable(QString("only %1 lit pixels in the video").arg(coloured)));
        // Pause and scrub.
        QMetaObject::invokeMethod(player, "pause");
        QTRY_COMPARE(player->property("playbackState").toInt(), 2); // PausedState
        player->setProperty("position", 500);
        QTRY_VERIFY(qAbs(player->property("position").toLongLong() - 500) < 100);
        screenshot("04-paused-scrubbed");
    }

    // A long clip: its progress (frames, time left) shows in the player and the status bar, the same line,
    // and Cancel keeps the last clip.
    void renderProgressAndCancel()
    {
        auto* render = find<RenderController>("renderController");
        const QUrl previous = render->videoUrl();
        document_->setMotionFrames(480);
        QMetaObject::invokeMethod(find("renderAction"), "trigger");
        QTRY_VERIFY_WITH_TIMEOUT(render->message().contains("of 480") && render->message().contains("left"), 60000);
        QVERIFY(find<QQuickItem>("renderProgressRow")->isVisible());
        QTRY_VERIFY(find("renderProgressText")->property("text").toString().contains("of 480"));
        // QML's JobQueue is the controllers' queue (Qt 6.4 constructed a second one while JobQueue was
        // default-constructible; then the status bar never showed their progress and Cancel did nothing).
        QCOMPARE(engine_->singletonInstance<JobQueue*>(qmlTypeId("Durian.App", 1, 0, "JobQueue")), JobQueue::instance());
        // The status bar says so too.
        QVERIFY2(find("statusMessage")->property("text").toString().contains("of 480"),
            qPrintable(find("statusMessage")->property("text").toString()));
        QTRY_COMPARE(find("statusMessage")->property("text").toString(), render->message()); // one estimate
        screenshot("04b-render-progress");
        QMetaObject::invokeMethod(find("renderCancel"), "clicked");
        QTRY_VERIFY_WITH_TIMEOUT(!render->running(), 30000);
        QVERIFY(render->errorString().contains("cancelled"));
        QCOMPARE(render->videoUrl(), previous);
        QVERIFY(QFile::exists(previous.toLocalFile()));
        document_->undo();
        QCOMPARE(document_->motionFrames(), 48);
        QTRY_VERIFY_WITH_TIMEOUT(!JobQueue::instance()->busy(), 60000); // the previews of the undone edit
    }

    void exportMp4GifAndPngLikeTheCli()
    {
        const QString mp4 = dir_.filePath("Demo.mp4");
        exportThroughTheDialog(0, mp4);
        QTRY_VERIFY_WITH_TIMEOUT(JobQueue::instance()->busy(), 5000);
        screenshot("05-exporting");
        waitForExport("06-exported-mp4");
        QString probe = ffprobe(mp4);
        for (const char* field : {"codec_name=h264", "width=256", "height=256", "r_frame_rate=24/1", "nb_read_frames=48"}) {
            QVERIFY2(probe.contains(field), qPrintable(probe));
        }
        const QString gif = dir_.filePath("Demo.gif");
        exportThroughTheDialog(2, gif);
        waitForExport("07-exported-gif");
        probe = ffprobe(gif);
        for (const char* field : {"codec_name=gif", "width=256", "nb_read_frames=48"}) {
            QVERIFY2(probe.contains(field), qPrintable(probe));
        }
        // The same saved project through the CLI gives the same frames.
        const QString guiFrames = dir_.filePath("gui-frames");
        exportThroughTheDialog(3, guiFrames);
        waitForExport("08-exported-png");
        const QString cliFrames = dir_.filePath("cli-frames");
        QProcess cli;
        cli.start(DURIAN_CLI, {"render", projectPath_, "-o", cliFrames, "--quiet"});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const QStringList names = QDir(guiFrames).entryList(QDir::Files, QDir::Name);
        QCOMPARE(names.size(), 48);
        QCOMPARE(QDir(cliFrames).entryList(QDir::Files, QDir::Name), names);
        for (const QString& name : names) {
            QCOMPARE(QImage(guiFrames + "/" + name), QImage(cliFrames + "/" + name));
        }
    }

    // Cancel in the Export dialog: the export stops and the earlier file of that name stays as it was.
    void cancelAnExportKeepsTheEarlierFile()
    {
        const QString mp4 = dir_.filePath("Demo.mp4");
        QFile earlier(mp4);
        QVERIFY(earlier.open(QIODevice::ReadOnly));
        const QByteArray before = earlier.readAll();
        earlier.close();
        document_->setMotionFrames(480);
        exportThroughTheDialog(0, mp4);
        QTRY_VERIFY_WITH_TIMEOUT(find<RenderController>("renderController")->progress() > 0.1, 60000);
        screenshot("08b-export-progress");
        QMetaObject::invokeMethod(find("exportCancel"), "clicked");
        QObject* dialog = find("exportDialog");
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("exporting").toBool(), 30000);
        QVERIFY(!find("exportedDialog")->property("opened").toBool());
        QVERIFY(earlier.open(QIODevice::ReadOnly));
        QVERIFY2(earlier.readAll() == before, "a cancelled export changed the earlier file");
        QCOMPARE(QDir(dir_.path()).entryList({"Demo*.mp4"}, QDir::Files), QStringList{"Demo.mp4"});
        QMetaObject::invokeMethod(dialog, "close");
        document_->undo();
        QTRY_VERIFY_WITH_TIMEOUT(!JobQueue::instance()->busy(), 60000);
    }

    // The opened project is in File > Open Recent; a recent project that was deleted is explained and dropped.
    void recentProjects()
    {
        QCOMPARE(RecentFiles::instance()->files().value(0), projectPath_);
        const QString gone = dir_.filePath("gone.durian");
        RecentFiles::instance()->add(QUrl::fromLocalFile(gone)); // listed, then deleted
        QVERIFY(QMetaObject::invokeMethod(window_, "openRecent", Q_ARG(QVariant, gone)));
        QTRY_VERIFY(errorDialog()->property("opened").toBool());
        QVERIFY2(shownError().contains("gone.durian") && shownError().contains("no longer exists"), qPrintable(shownError()));
        screenshot("08c-recent-project-gone");
        closeError();
        QVERIFY(!RecentFiles::instance()->files().contains(gone));
        QCOMPARE(document_->fileUrl(), QUrl::fromLocalFile(projectPath_));
    }

    void anUnwritableExportPathIsExplained()
    {
        exportThroughTheDialog(0, "/nonexistent-dir/Demo.mp4");
        QTRY_VERIFY_WITH_TIMEOUT(errorDialog()->property("opened").toBool(), 60000);
        QVERIFY2(shownError().contains("/nonexistent-dir"), qPrintable(shownError()));
        screenshot("09-unwritable-export");
        closeError();
        QMetaObject::invokeMethod(find("exportDialog"), "close");
    }

    void aFullDiskDuringExportKeepsTheEarlierExport()
    {
        const QString mp4 = dir_.filePath("Demo.mp4");
        const QByteArray before = [&] { QFile f(mp4); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        QVERIFY(before.size() > 1000);
        // A file-size limit makes the encoder's writes fail (EFBIG) as a full disk would (ENOSPC).
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old {};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 16 * 1024;
        setrlimit(RLIMIT_FSIZE, &small);
        exportThroughTheDialog(0, mp4);
        QTRY_VERIFY_WITH_TIMEOUT(errorDialog()->property("opened").toBool(), 60000);
        setrlimit(RLIMIT_FSIZE, &old);
        QVERIFY2(shownError().contains("Demo.mp4"), qPrintable(shownError()));
        screenshot("10-full-disk");
        closeError();
        QMetaObject::invokeMethod(find("exportDialog"), "close");
        QFile after(mp4);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QVERIFY2(after.readAll() == before, "the earlier export was damaged");
        QCOMPARE(QDir(dir_.path()).entryList({"Demo*.mp4"}, QDir::Files), QStringList{"Demo.mp4"});
    }

    void aDrivingVideoWithoutAFaceIsRejected()
    {
        const QString sky = dir_.filePath("sky.mp4");
        {
            durian::VideoEncoder encoder(sky.toStdString(), {});
            for (int i = 0; i < 6; ++i) {
                encoder.write(durian::Image(128, 128, 3, 180));
            }
            encoder.finish();
        }
        auto* motion = find<MotionController>("motionController");
        const QString presetBefore = document_->motionPreset();
        motion->chooseDrivingVideo(QUrl::fromLocalFile(sky)); // what the file dialog's accept does
        QTRY_VERIFY_WITH_TIMEOUT(errorDialog()->property("opened").toBool(), 60000);
        QVERIFY2(shownError().contains("No face") && shownError().contains("sky.mp4"), qPrintable(shownError()));
        screenshot("11-driving-video-without-face");
        closeError();
        QVERIFY(document_->drivingVideoUrl().isEmpty());
        QCOMPARE(document_->motionPreset(), presetBefore);
    }

    void aDrivingVideoShowsItsKeypoints()
    {
        // The portrait, shifted a little each frame, as a driving video.
        const QString video = dir_.filePath("driver.mp4");
        {
            const durian::Image portrait = durian::loadImageRgb(dir_.filePath("portrait.png").toStdString());
            durian::VideoEncoder encoder(video.toStdString(), {});
            for (int i = 0; i < 48; ++i) {
                durian::Image frame(portrait.width, portrait.height, 3, 0);
                const int dx = (i % 12) - 6;
                for (int y = 0; y < frame.height; ++y) {
                    for (int x = 0; x < frame.width; ++x) {
                        const int sx = std::clamp(x - dx, 0, frame.width - 1);
                        for (int c = 0; c < 3; ++c) {
                            frame.row(y)[x * 3 + c] = portrait.row(y)[sx * 3 + c];
                        }
                    }
                }
                encoder.write(frame);
            }
            encoder.finish();
        }
        auto* motion = find<MotionController>("motionController");
        motion->chooseDrivingVideo(QUrl::fromLocalFile(video));
        QTRY_VERIFY_WITH_TIMEOUT(document_->drivingVideoUrl().isValid() && !document_->drivingVideoUrl().isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(motion->hasDrivingFrames() && !motion->running(), 60000);
        QTRY_VERIFY(find<QQuickItem>("drivingKeypoints")->isVisible());
        QCOMPARE(find("drivingVideoName")->property("text").toString(), QString("driver.mp4"));
        screenshot("11b-driving-video");
        document_->undo();
        QVERIFY(document_->drivingVideoUrl().isEmpty());
    }

    void aCorruptProjectIsExplainedAndTheOpenOneStays()
    {
        const QString corrupt = dir_.filePath("corrupt.durian");
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"durian-pro");
        file.close();
        QVERIFY(!document_->open(QUrl::fromLocalFile(corrupt))); // what the Open dialog's accept does
        QTRY_VERIFY(errorDialog()->property("opened").toBool());
        QVERIFY2(shownError().contains("corrupt.durian") && shownError().contains("not valid JSON"), qPrintable(shownError()));
        screenshot("12-corrupt-project");
        closeError();
        QCOMPARE(document_->fileUrl(), QUrl::fromLocalFile(projectPath_));
        QCOMPARE(document_->motionPreset(), QString("shake"));
    }

    // The app killed during work (an edit autosaved, never saved) gives the work back on the next start.
    void recoveryAfterTheAppIsKilled()
    {
        QDir().mkpath(dir_.filePath("crash"));
        for (const QString& name : QDir(dir_.path()).entryList({"*.png"}, QDir::Files)) {
            QFile::copy(dir_.filePath(name), dir_.filePath("crash/" + name));
        }
        QVERIFY(QFile::copy(DURIAN_SOURCE_DIR "/resources/demo/demo.durian", dir_.filePath("crash/demo.durian")));
        QFile(dir_.filePath("crash/demo.durian")).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        const QString project = dir_.filePath("crash/demo.durian");
        QProcess app; // this program, in its "edit, then die" mode, on the same display and autosave folder
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("DURIAN_E2E_CRASH_PROJECT", project);
        environment.insert("DURIAN_E2E_AUTOSAVE", dir_.filePath("autosave"));
        app.setProcessEnvironment(environment);
        app.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(app.waitForFinished(120000));
        QVERIFY2(app.exitStatus() == QProcess::CrashExit, app.readAllStandardError().constData());
        QVERIFY2(app.readAllStandardOutput().contains("edited"), "the app died before its edit");

        QVERIFY(document_->open(QUrl::fromLocalFile(project)));
        QCOMPARE(document_->motionPreset(), QString("nod")); // the file as saved
        QVERIFY(find<RenderController>("renderController")->videoUrl().isEmpty()); // the last project's clip is gone
        QVERIFY(!find<QQuickItem>("animationPlayer")->isVisible());
        QVERIFY(document_->recoveryAvailable());
        QTRY_VERIFY(find<QQuickItem>("recoveryBanner")->isVisible());
        screenshot("13-recovery-after-crash");
        document_->recoverAutosave(); // the banner's Restore Changes
        QCOMPARE(document_->motionPreset(), QString("talk"));
        QVERIFY(document_->modified());
        QVERIFY(document_->save());
    }

    void cleanupTestCase()
    {
        delete engine_;
    }
};

// The child of recoveryAfterTheAppIsKilled: the editor on a project, one edit through the Motion panel,
// the autosave written, then killed with no chance to clean up.
int editThenDie(const QString& project)
{
    ProjectDocument::setAutosaveDirectory(qEnvironmentVariable("DURIAN_E2E_AUTOSAVE"));
    AppInfo::setStartupProject(QUrl::fromLocalFile(project));
    QQmlApplicationEngine engine;
    loadMainWindow(engine);
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    if (window == nullptr || !QTest::qWaitForWindowExposed(window)) {
        return 1;
    }
    auto* document = window->findChild<ProjectDocument*>();
    QObject* presets = window->findChild<QObject*>("motionPresetBox");
    if (document == nullptr || presets == nullptr || !QTest::qWaitFor([&] { return document->loaded(); })) {
        return 1;
    }
    QMetaObject::invokeMethod(presets, "activated", Q_ARG(int, document->motionPresets().indexOf("talk")));
    // The autosave is written once the edits pause (ProjectAutosave::kDelayMs).
    if (document->motionPreset() != "talk" || !QTest::qWaitFor([&] { return QFile::exists(document->autosavePath()); })) {
        return 1;
    }
    std::printf("edited\n");
    std::fflush(stdout);
    ::kill(::getpid(), SIGKILL);
    return 0;
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("DURIAN_E2E_CRASH_PROJECT")) {
        return editThenDie(qEnvironmentVariable("DURIAN_E2E_CRASH_PROJECT"));
    }
    MotionExportTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "MotionExportTest.moc"
