#include "app/common/ProcessSetup.h"
#include "app/gui/AppSettings.h"
#include "app/gui/MaskEditor.h"
#include "app/gui/PreviewController.h"
#include "app/gui/ProjectDocument.h"
#include "app/gui/RenderController.h"
#include "WindowTestSupport.h"
#include "core/runtime/ComputeRuntime.h"

#include <QApplication>
#include <QMimeData>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Durian_AppPlugin)
Q_IMPORT_QML_PLUGIN(Durian_UiPlugin)

using namespace windowtest;

// The editor end to end, in the real window on a virtual X display (see editor_e2e_test.sh): load the demo
// portrait, add a reference, auto-mask it, move its strength slider, get a new preview, undo, get the old
// one back. DURIAN_SCREENSHOT_DIR set: a PNG of the window in each state is written there.
class EditorEndToEndTest : public QObject {
    Q_OBJECT

    void screenshot(QQuickWindow* window, const QString& name)
    {
        const QString dir = qEnvironmentVariable("DURIAN_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(window->grabWindow().save(dir + "/" + name + ".png"));
        }
    }

    // Waits for the preview the last change started (debounce included) to be shown.
    static void waitForPreview(PreviewController* preview, QSignalSpy& finished, int count)
    {
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= count && !preview->pending(), 120000); // nothing newer pending
        QVERIFY2(preview->errorString().isEmpty(), qPrintable(preview->errorString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::instance()->reset(); // default previews (256 px) through the shipped model
    }

    void composeAutoMaskSlideAndUndo()
    {
        QTemporaryDir dir;
        QTemporaryDir autosave;
        ProjectDocument::setAutosaveDirectory(autosave.path());
        QQmlApplicationEngine engine;
        QQuickWindow* window = openWindow(engine, demoCopy(dir));
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto* document = qobject_cast<ProjectDocument*>(find(window, "document"));
        auto* preview = qobject_cast<PreviewController*>(find(window, "previewController"));
        QVERIFY(document && preview);
        QSignalSpy finished(preview, &PreviewController::finished);

        // 1. The demo portrait, opened at start-up, gets its first preview.
        QVERIFY(document->loaded());
        QCOMPARE(document->portraitUrl().fileName(), QString("portrait.png"));
        waitForPreview(preview, finished, 1);
        screenshot(window, "1-demo-loaded");

        // 2. A reference is added (what the Add Reference dialog calls) and shows as a third card.
        QVERIFY(document->addAttribute("hair", QUrl::fromLocalFile(dir.filePath("eyeglasses-reference.png"))));
        QTRY_VERIFY(find(window, "strengthSlider", 2) != nullptr);
        waitForPreview(preview, finished, 2);

        // 3. Auto-mask it in the mask editor: the Masks tab, the new reference, the Auto button.
        auto* masksTab = qobject_cast<QQuickItem*>(find(window, "masksTab"));
        QTest::mouseClick(window, Qt::LeftButton, {}, centerOf(masksTab));
        auto* canvas = qobject_cast<MaskEditor*>(find(window, "maskCanvas"));
        QVERIFY(canvas);
        canvas->setTarget(2); // what choosing "Reference 3: Hair" in the list does
        QCOMPARE(find(window, "maskTarget")->property("currentIndex").toInt(), 3);
        QSignalSpy committed(canvas, &MaskEditor::committed);
        auto* autoButton = qobject_cast<QQuickItem*>(find(window, "autoMaskButton"));
        QTRY_VERIFY(autoButton->isVisible() && autoButton->isEnabled());
        QTest::mouseClick(window, Qt::LeftButton, {}, centerOf(autoButton));
        QTRY_COMPARE_WITH_TIMEOUT(committed.count(), 1, 60000);
        QVERIFY(canvas->confidence() >= 0.0);
        QVERIFY(canvas->coverage() > 0.01);
        QCOMPARE(document->attributeModel()->get(2).value("maskUrl").toUrl(),
            QUrl::fromLocalFile(committed.first().first().toString()));
        QVERIFY(find(window, "maskInfo")->property("text").toString().contains("confidence"));
        waitForPreview(preview, finished, 3);
        const QImage before = preview->image();
        screenshot(window, "2-reference-auto-masked");

        // 4. Drag the new reference's strength slider to the left: one undo step, a new preview.
        auto* slider = qobject_cast<QQuickItem*>(find(window, "strengthSlider", 2));
        QVERIFY(slider && slider->isVisible());
        const int undoIndexBefore = document->canUndo() ? 1 : 0;
        drag(window, centerOf(slider, 0.97), centerOf(slider, 0.4));
        const double strength = document->attributeModel()->get(2).value("strength").toDouble();
        QVERIFY2(strength < 0.7, qPrintable(QString::number(strength)));
        QCOMPARE(document->undoText(), QString("Change Hair Strength"));
        waitForPreview(preview, finished, 4);
        QVERIFY(preview->image() != before);
        qInfo("slider release to new preview: %.2f s", preview->lastSeconds());
        screenshot(window, "3-slider-moved");

        // 5. Undo (what Ctrl+Z calls): the strength is back, and so is the preview, pixel for pixel.
        QVERIFY(undoIndexBefore == 1);
        document->undo();
        QCOMPARE(document->attributeModel()->get(2).value("strength").toDouble(), 1.0);
        waitForPreview(preview, finished, 5);
        QCOMPARE(preview->image(), before);
        screenshot(window, "4-undone");
    }

    // The other part-1 panels in the real window: landmarks over the portrait, a pair interpolated with
    // its strip, a mask stroke painted with the mouse and undone, the several-faces dialog.
    void landmarksStripMaskAndFaceChoice()
    {
        QTemporaryDir dir;
        QTemporaryDir autosave;
        ProjectDocument::setAutosaveDirectory(autosave.path());
        QQmlApplicationEngine engine;
        QQuickWindow* window = openWindow(engine, demoCopy(dir));
        QVERIFY(window && QTest::qWaitForWindowExposed(window));
        auto* document = qobject_cast<ProjectDocument*>(find(window, "document"));
        QVERIFY(document->addAttribute("hair", QUrl::fromLocalFile(dir.filePath("eyeglasses-reference.png"))));

        auto* toggle = qobject_cast<QQuickItem*>(find(window, "landmarksToggle"));
        QTest::mouseClick(window, Qt::LeftButton, {}, centerOf(toggle));
        auto* dots = find(window, "landmarkDots");
        QTRY_COMPARE_WITH_TIMEOUT(dots->property("count").toInt(), 68, 60000);

        // A photo dropped on the portrait (as from a file manager) becomes the portrait once its face is found.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(dir.filePath("eyeglasses-reference.png"))});
        const QPoint at = centerOf(qobject_cast<QQuickItem*>(find(window, "portraitDropArea")));
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(window, &enter);
        QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(window, &move);
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(window, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(document->portraitUrl().fileName(), QString("eyeglasses-reference.png"), 60000);
        QCOMPARE(document->undoText(), QString("Change Portrait"));
        document->undo();
        QCOMPARE(document->portraitUrl().fileName(), QString("portrait.png"));

        QVERIFY(document->pairAttributes(0, 2));
        auto* strip = find(window, "interpolationStrip");
        QSignalSpy stripDone(strip, SIGNAL(finished()));
        auto* render = qobject_cast<QQuickItem*>(find(window, "renderStrip"));
        QTRY_VERIFY(render->isVisible());
        QTest::mouseClick(window, Qt::LeftButton, {}, centerOf(render));
        QTRY_COMPARE_WITH_TIMEOUT(stripDone.count(), 1, 120000);
        QCOMPARE(strip->property("done").toInt(), 5);
        auto* preview = qobject_cast<PreviewController*>(find(window, "previewController"));
        QTRY_VERIFY_WITH_TIMEOUT(preview->hasImage() && !preview->running(), 120000);
        screenshot(window, "5-landmarks-and-strip");

        // A brush stroke on the portrait's mask with the mouse: one undo step.
        QTest::mouseClick(window, Qt::LeftButton, {}, centerOf(qobject_cast<QQuickItem*>(find(window, "masksTab"))));
        auto* canvas = qobject_cast<MaskEditor*>(find(window, "maskCanvas"));
        QCOMPARE(canvas->target(), -1);
        QTRY_VERIFY(canvas->isVisible() && canvas->hasImage());
        drag(window, centerOf(canvas, 0.4, 0.3), centerOf(canvas, 0.6, 0.3));
        QVERIFY(canvas->coverage() > 0.0);
        QCOMPARE(document->undoText(), QString("Paint Mask"));
        QVERIFY(!document->portraitMaskUrl().isEmpty());
        screenshot(window, "6-portrait-mask-stroke");
        document->undo();
        QCOMPARE(canvas->coverage(), 0.0);

        // A photo with four faces asks which one.
        const QString photos = DURIAN_TEST_PHOTOS_DIR "/facereg.jpg";
        QVERIFY2(QFile::exists(photos), "the photos fixture (data.FetchPhotos) did not fetch facereg.jpg");
        QMetaObject::invokeMethod(find(window, "portraitController"), "openImage", Q_ARG(QUrl, QUrl::fromLocalFile(photos)));
        auto* dialog = find(window, "faceChoiceDialog");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->property("opened").toBool(), 60000); // its enter transition ended
        screenshot(window, "7-face-choice");
        QMetaObject::invokeMethod(dialog, "reject");
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QCOMPARE(document->portraitUrl().fileName(), QString("portrait.png")); // cancelled: unchanged

        // A reference photo with four faces asks which one wears the attribute; a click on a face picks it,
        // closes the dialog, and the card says which face it is.
        const int references = static_cast<int>(document->project().attributes.size());
        QMetaObject::invokeMethod(find(window, "referenceController"), "addReference", Q_ARG(QString, "eyeglasses"),
            Q_ARG(QUrl, QUrl::fromLocalFile(photos)));
        auto* referenceDialog = find(window, "referenceFaceDialog");
        QTRY_VERIFY_WITH_TIMEOUT(referenceDialog->property("opened").toBool(), 60000);
        auto* third = qobject_cast<QQuickItem*>(find(referenceDialog, "face2"));
        QVERIFY(third);
        QTest::mouseClick(window, Qt::LeftButton, {}, centerOf(third));
        QTRY_VERIFY(!referenceDialog->property("visible").toBool());
        QCOMPARE(static_cast<int>(document->project().attributes.size()), references + 1);
        QCOMPARE(document->project().attributes.back().face, 2);
        QTRY_VERIFY_WITH_TIMEOUT(find(window, "faceLabel", references)->property("visible").toBool(), 10000);
        // Its automatic mask comes at once, with its confidence on the card.
        QTRY_VERIFY_WITH_TIMEOUT(find(window, "maskState", references)->property("text").toString().contains("confidence"), 60000);
        screenshot(window, "7b-reference-face-chosen");
        document->undo(); // the automatic mask
        document->undo(); // the reference
        QCOMPARE(static_cast<int>(document->project().attributes.size()), references);

        // The settings, with the model choice.
        auto* settings = find(window, "settingsDialog");
        QMetaObject::invokeMethod(settings, "open");
        QTRY_VERIFY(settings->property("opened").toBool());
        auto* modelBox = find(window, "modelBox");
        QCOMPARE(modelBox->property("currentIndex").toInt(), 0); // the built-in model
        screenshot(window, "8-settings");
        QMetaObject::invokeMethod(modelBox, "activated", Q_ARG(int, 1)); // as a click on "Classical method"
        QVERIFY(AppSettings::instance()->classicalMethod());
        QCOMPARE(modelBox->property("currentIndex").toInt(), 1);
        QMetaObject::invokeMethod(modelBox, "activated", Q_ARG(int, 0));
        QVERIFY(!AppSettings::instance()->classicalMethod());
        QCOMPARE(modelBox->property("currentIndex").toInt(), 0);
    }

    // A whole project as a new artist makes one: New, a portrait, a reference, a painted mask, Render, Export
    // (which reuses the render), Save, and the saved project reopened the same. Nothing is written beside
    // the photos until the save.
    void newProjectToExportAndReopen()
    {
        QTemporaryDir photos; // the artist's photos
        copyDemoProject(photos.path());
        QFile::remove(photos.filePath("demo.durian"));
        const QStringList photosBefore = QDir(photos.path()).entryList(QDir::Files);
        QTemporaryDir work;
        QTemporaryDir autosave;
        ProjectDocument::setAutosaveDirectory(autosave.path());
        RenderController::setCacheDirectory(work.filePath("cache"));
        // The walk, not the model's speed, is tested here; the setting goes back however the test ends.
        AppSettings::instance()->setClassicalMethod(true);
        const auto restore = qScopeGuard([] { AppSettings::instance()->setClassicalMethod(false); });
        QQmlApplicationEngine engine;
        QQuickWindow* window = openWindow(engine, QUrl()); // no project named, none recent: a new one
        QVERIFY(window && QTest::qWaitForWindowExposed(window));
        auto* document = qobject_cast<ProjectDocument*>(find(window, "document"));
        QTRY_VERIFY(document->loaded());
        QVERIFY(document->untitled());
        QVERIFY(window->title().contains("Untitled"));

        // A portrait (what Open Portrait's dialog calls) and a reference.
        QMetaObject::invokeMethod(find(window, "portraitController"), "openImage",
            Q_ARG(QUrl, QUrl::fromLocalFile(photos.filePath("portrait.png"))));
        QTRY_COMPARE_WITH_TIMEOUT(document->portraitUrl().fileName(), QString("portrait.png"), 60000);
        QVERIFY(document->addAttribute("hair", QUrl::fromLocalFile(photos.filePath("hair-reference.png"))));
        document->setMotionFrames(8);

        // A mask painted on the reference with the mouse.
        QTest::mouseClick(window, Qt::LeftButton, {}, centerOf(qobject_cast<QQuickItem*>(find(window, "masksTab"))));
        auto* canvas = qobject_cast<MaskEditor*>(find(window, "maskCanvas"));
        canvas->setTarget(0);
        QTRY_VERIFY(canvas->isVisible() && canvas->hasImage());
        drag(window, centerOf(canvas, 0.3, 0.2), centerOf(canvas, 0.7, 0.2));
        const QString mask = document->attributeModel()->get(0).value("maskUrl").toUrl().toLocalFile();
        QVERIFY2(mask.startsWith(autosave.path()), qPrintable(mask)); // untitled: in the autosave area
        QVERIFY(document->problems().isEmpty());

        // Render, then Export with the same settings: the export writes the rendered frames.
        auto* render = qobject_cast<RenderController*>(find(window, "renderController"));
        QSignalSpy rendered(render, &RenderController::finished);
        QMetaObject::invokeMethod(find(window, "renderAction"), "trigger");
        QTRY_COMPARE_WITH_TIMEOUT(rendered.count(), 1, 120000);
        QVERIFY2(rendered.first().first().toBool(), qPrintable(render->errorString()));
        QTRY_VERIFY(find(window, "animationPlayer")->property("visible").toBool());
        screenshot(window, "9-new-project-rendered");
        QSignalSpy exported(render, &RenderController::exportFinished);
        auto* exportDialog = find(window, "exportDialog");
        QMetaObject::invokeMethod(exportDialog, "open");
        QTRY_VERIFY(exportDialog->property("opened").toBool());
        const QString mp4 = work.filePath("walk.mp4");
        find(window, "exportPath")->setProperty("text", mp4);
        QMetaObject::invokeMethod(exportDialog, "startExport");
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 120000);
        QVERIFY2(exported.first().at(2).toBool(), "the export rendered again");
        QTRY_VERIFY(find(window, "exportedDialog")->property("opened").toBool());
        QVERIFY(find(window, "exportedSummary")->property("text").toString().contains("not rendered again"));
        screenshot(window, "10-exported");
        QMetaObject::invokeMethod(find(window, "exportedDialog"), "close");
        QVERIFY(QFileInfo(mp4).size() > 1000);

        // Save (what Save As's dialog calls): named after the file, everything gathered beside it.
        QCOMPARE(QDir(photos.path()).entryList(QDir::Files), photosBefore);
        const QString project = work.filePath("walk.durian");
        QVERIFY(document->saveAs(QUrl::fromLocalFile(project)));
        QCOMPARE(document->name(), QString("walk"));
        QTRY_VERIFY(window->title().contains("walk"));
        QTRY_VERIFY_WITH_TIMEOUT(find(window, "statusMessage")->property("text").toString().contains("walk.durian"), 60000);
        QVERIFY(render->videoUrl().isLocalFile()); // Save As keeps the clip to play

        ProjectDocument reopened;
        QVERIFY(reopened.open(QUrl::fromLocalFile(project)));
        QCOMPARE(reopened.name(), QString("walk"));
        QCOMPARE(reopened.motionFrames(), 8);
        const QString savedMask = reopened.attributeModel()->get(0).value("maskUrl").toUrl().toLocalFile();
        QVERIFY2(savedMask.startsWith(work.filePath("walk.assets")), qPrintable(savedMask));
        QVERIFY(QFile::exists(savedMask));
        QVERIFY(reopened.problems().isEmpty());
    }
};

int main(int argc, char** argv)
{
    durian::preferPassiveOpenMpWaiting(argv); // as the application does
    QApplication app(argc, argv);
    durian::initializeComputeThreads(0);
    QApplication::setApplicationName("Durian Studio Tests");
    EditorEndToEndTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "EditorEndToEndTest.moc"
