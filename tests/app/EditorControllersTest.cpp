#include "app/gui/AppSettings.h"
#include "app/gui/InterpolationStrip.h"
#include "app/gui/MaskEditor.h"
#include "app/gui/AutoMaskController.h"
#include "app/gui/PortraitController.h"
#include "app/gui/ReferenceController.h"
#include "app/gui/PreviewController.h"
#include "app/gui/ProjectDocument.h"

#include "app/gui/ImageConversion.h"
#include "app/gui/PreviewWorker.h"
#include "tests/common/DemoCopy.h"
#include "tests/common/QueueDrain.h"
#include "tests/common/UntrainedModel.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdlib>

// The editor's part-1 controllers without a window: interpolation pairing and its strip, the mask
// canvas's undoable edits, and the portrait's face check. The demo project, copied to a temporary folder.
class EditorControllersTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir autosaveDir_;
    QTemporaryDir weightsDir_;

    static QUrl demoCopy(const QTemporaryDir& dir) { return copyDemoProject(dir.path()); }

    // The demo plus a second hair reference (the eyeglasses photo, whose face has hair too).
    static void addSecondHair(ProjectDocument& document, const QTemporaryDir& dir)
    {
        QVERIFY(document.addAttribute("hair", QUrl::fromLocalFile(dir.filePath("eyeglasses-reference.png"))));
    }

    static int maxDifference(const QImage& a, const QImage& b)
    {
        if (a.size() != b.size()) {
            return 255;
        }
        int most = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x) {
                const QRgb p = a.pixel(x, y);
                const QRgb q = b.pixel(x, y);
                most = std::max({most, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                    std::abs(qBlue(p) - qBlue(q))});
            }
        }
        return most;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ProjectDocument::setAutosaveDirectory(autosaveDir_.path());
        AppSettings::instance()->setPreviewResolution(64);
        chooseUntrainedDefaultModel(weightsDir_); // the strip's model path; the classical one is tested below
    }

    void pairingIsValidatedUndoableAndFollowsTheList()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        QSignalSpy errors(&document, &ProjectDocument::errorOccurred);
        QVERIFY(!document.pairAttributes(0, 1)); // hair with eyeglasses
        QVERIFY(errors.last().first().toString().contains("two categories (hair and eyeglasses)"));
        QVERIFY(!document.interpolation().value("paired").toBool());

        addSecondHair(document, dir); // index 2
        QVERIFY(document.pairAttributes(0, 2));
        QCOMPARE(document.interpolation().value("with").toInt(), 2);
        // One drag of the alpha slider is one undo step.
        for (double alpha : {0.6, 0.7, 0.8}) {
            document.setInterpolationAlpha(alpha);
        }
        document.finishGesture();
        QCOMPARE(document.interpolation().value("alpha").toDouble(), 0.8);
        document.undo();
        QCOMPARE(document.interpolation().value("alpha").toDouble(), 0.5);
        document.redo();

        // Moving keeps the pair on the same references; removing one of them ends the pair.
        document.moveAttribute(2, 0); // B to the top: A is now 1, B 0
        QCOMPARE(document.interpolation().value("slot").toInt(), 1);
        QCOMPARE(document.interpolation().value("with").toInt(), 0);
        document.removeAttribute(2); // eyeglasses: indices of the pair unchanged
        QVERIFY(document.interpolation().value("paired").toBool());
        document.setAttributeCategory(0, "hat"); // no longer one category
        QVERIFY(!document.interpolation().value("paired").toBool());
        document.undo();
        QVERIFY(document.interpolation().value("paired").toBool());

        // Saved and read back.
        QVERIFY(document.save());
        ProjectDocument reopened;
        QVERIFY(reopened.open(document.fileUrl()));
        QCOMPARE(reopened.interpolation(), document.interpolation());
    }

    // Without a trained model the strip shows the classical method's cross-fade, as export renders it.
    void withoutATrainedModelTheStripCrossFadesTheClassicalComposites()
    {
        const NoTrainedModel noModel;
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        addSecondHair(document, dir);
        QVERIFY(document.pairAttributes(0, 2));
        InterpolationStrip strip;
        strip.setDocument(&document);
        strip.setCount(3);
        QSignalSpy done(&strip, &InterpolationStrip::finished);
        strip.render();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QVERIFY2(strip.errorString().isEmpty(), qPrintable(strip.errorString()));
        QCOMPARE(strip.done(), 3);
        PreviewWorker worker;
        durian::Project project = document.project();
        for (int i = 0; i < 3; ++i) {
            project.interpolation->alpha = i / 2.0;
            QCOMPARE(strip.images().at(i).value<QImage>(), toQImage(worker.classicalStill(project, 64)));
        }
        QVERIFY(maxDifference(strip.images().at(0).value<QImage>(), strip.images().at(2).value<QImage>()) > 40);
    }

    void alphaChangesThePreviewAndTheStripRendersAcrossAlpha()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        addSecondHair(document, dir);
        QVERIFY(document.pairAttributes(0, 2));
        document.setInterpolationAlpha(0.0);
        document.finishGesture();

        PreviewController preview;
        preview.setDebounceMs(20);
        QSignalSpy finished(&preview, &PreviewController::finished);
        preview.setDocument(&document);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY2(preview.errorString().isEmpty(), qPrintable(preview.errorString()));
        const QImage atA = preview.image();
        document.setInterpolationAlpha(1.0);
        document.finishGesture();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        QVERIFY(preview.image() != atA); // B's features, not A's

        InterpolationStrip strip;
        strip.setDocument(&document);
        strip.setCount(3);
        QSignalSpy done(&strip, &InterpolationStrip::finished);
        strip.render();
        QVERIFY(strip.running());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
        QVERIFY2(strip.errorString().isEmpty(), qPrintable(strip.errorString()));
        QCOMPARE(strip.done(), 3);
        const QImage first = strip.images().at(0).value<QImage>();
        const QImage last = strip.images().at(2).value<QImage>();
        QCOMPARE(first.size(), QSize(64, 64));
        // Same request and seed as the preview: alpha 0 and 1 are the preview's images at those alphas
        // (up to one level of rounding: the reference cache holds different entries in the two runs).
        // The preview is the crop pasted into the photo; the thumbnails are the crops.
        PreviewWorker worker;
        durian::Project atZero = document.project();
        atZero.interpolation->alpha = 0.0;
        QVERIFY(maxDifference(toQImage(worker.inPhoto(atZero, 64, imageFromQImage(first))), atA) <= 2);
        QVERIFY(maxDifference(toQImage(worker.inPhoto(document.project(), 64, imageFromQImage(last))), preview.image()) <= 2);
        // (The untrained model mixes in little of the references: the two ends differ by a few levels only.)
        QVERIFY(first != last);

        // Picking an alpha, as a click on a thumbnail does, keeps the strip: each thumbnail has its own alpha.
        document.setInterpolationAlpha(0.5);
        document.finishGesture();
        QCOMPARE(strip.done(), 3);
        QCOMPARE(strip.images().at(0).value<QImage>(), first);

        // Any other edit makes the strip stale and cancels a running one (latest wins).
        document.setAttributeStrength(0, 0.8);
        QCOMPARE(strip.done(), 0);
        strip.render();
        document.setAttributeStrength(0, 0.7);
        QVERIFY(!strip.running());
        QCOMPARE(strip.done(), 0);
        QVERIFY(drainLane(JobQueue::Lane::Interactive));
        QCOMPARE(done.count(), 1); // the cancelled strip never finished

        // Live: the strip renders again by itself once an edit settles.
        strip.setDebounceMs(20);
        strip.setAutoRender(true);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 120000);
        document.setAttributeStrength(0, 0.6);
        QCOMPARE(strip.done(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 3, 120000);
        QCOMPARE(strip.done(), 3);
    }

    void everyMaskEditIsOneUndoStepPointingToAVersionFile()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        MaskEditor editor;
        editor.setDocument(&document);
        editor.setTarget(-1); // the portrait: no mask yet
        QVERIFY(editor.hasImage());
        QCOMPARE(editor.coverage(), 0.0);
        QSignalSpy committed(&editor, &MaskEditor::committed);

        editor.setProperty("brushSize", 30.0);
        editor.beginStroke({100, 100});
        editor.continueStroke({200, 100});
        editor.endStroke();
        QCOMPARE(committed.count(), 1);
        const QString first = committed.last().first().toString();
        QVERIFY2(first.endsWith("demo.masks/portrait-1.png"), qPrintable(first));
        QCOMPARE(document.portraitMaskUrl(), QUrl::fromLocalFile(first));
        const double painted = editor.coverage();
        QVERIFY(painted > 0.0);
        QCOMPARE(editor.maskImage().pixelColor(150, 100).value(), 255);

        editor.grow(5);
        QVERIFY(editor.coverage() > painted);
        editor.setProperty("erase", true);
        editor.beginStroke({150, 100});
        editor.endStroke();
        QCOMPARE(editor.maskImage().pixelColor(150, 100).value(), 0);
        QCOMPARE(document.undoText(), QString("Erase Mask"));

        document.undo(); // erase
        QCOMPARE(editor.maskImage().pixelColor(150, 100).value(), 255);
        document.undo(); // grow
        QCOMPARE(editor.coverage(), painted);
        document.undo(); // the stroke: no mask at all
        QVERIFY(document.portraitMaskUrl().isEmpty());
        QCOMPARE(editor.coverage(), 0.0);
        document.redo();
        QCOMPARE(editor.coverage(), painted);

        editor.clear();
        QCOMPARE(editor.coverage(), 0.0);
        QCOMPARE(document.undoText(), QString("Clear Mask"));
        QVERIFY(QFile::exists(first)); // versions stay: undo needs them
    }

    void maskVersionsNoProjectUsesAreDeletedWhenItCloses()
    {
        QTemporaryDir dir;
        const QUrl project = demoCopy(dir);
        QStringList versions;
        QString stranger;
        {
            ProjectDocument document;
            QVERIFY(document.open(project));
            MaskEditor editor;
            editor.setDocument(&document);
            editor.setTarget(-1);
            QSignalSpy committed(&editor, &MaskEditor::committed);
            const auto stroke = [&](double y) {
                editor.beginStroke({100, y});
                editor.continueStroke({200, y});
                editor.endStroke();
            };
            stroke(60);
            stroke(100);
            stroke(140);
            QCOMPARE(committed.count(), 3);
            // A file in the versions' folder that the editor did not write.
            stranger = QFileInfo(committed.first().first().toString()).dir().filePath("portrait-kept.png");
            QVERIFY(QFile::copy(committed.first().first().toString(), stranger));
            document.undo(); // the project uses the second version
            QVERIFY(document.save());
            stroke(180); // a fourth, undone: no project has it
            document.undo();
            QCOMPARE(committed.count(), 4);
            for (const auto& c : committed) {
                versions << c.first().toString();
            }
            for (const auto& v : versions) {
                QVERIFY2(QFile::exists(v), qPrintable(v)); // undo and redo need them while it is open
            }
            document.newProject();
            QVERIFY(!QFile::exists(versions[0]));
            QVERIFY(QFile::exists(versions[1])); // the saved file's mask
            QVERIFY(!QFile::exists(versions[2]));
            QVERIFY(!QFile::exists(versions[3]));
            QVERIFY(QFile::exists(stranger));
            QVERIFY(document.open(project));
            QCOMPARE(document.portraitMaskUrl(), QUrl::fromLocalFile(versions[1]));
            stroke(60); // two more, both undone before it closes
            versions << committed.last().first().toString();
            stroke(100);
            versions << committed.last().first().toString();
            document.undo();
            document.undo();
            QVERIFY(document.save()); // back at the saved mask: both strokes are undone and not needed
        }
        QVERIFY(!QFile::exists(versions[4]));
        QVERIFY(!QFile::exists(versions[5]));
        QVERIFY(QFile::exists(versions[1]));
        QVERIFY(QFile::exists(stranger));
        for (const QString demoFile : {"demo.durian", "hair-mask.png", "portrait.png"}) {
            QVERIFY2(QFile::exists(dir.filePath(demoFile)), qPrintable(demoFile));
        }
    }

    void automaticMaskOfAReferenceShowsItsConfidence()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        MaskEditor editor;
        editor.setDocument(&document);
        editor.setTarget(1); // the eyeglasses reference, with a mask
        QVERIFY(editor.coverage() > 0.0);
        editor.clear();
        QSignalSpy committed(&editor, &MaskEditor::committed);
        editor.autoMask("hair"); // its hair: the automatic mask is sure of it (the hair reference's is not)
        QVERIFY(editor.busy());
        QTRY_COMPARE_WITH_TIMEOUT(committed.count(), 1, 60000);
        QVERIFY2(editor.errorString().isEmpty(), qPrintable(editor.errorString()));
        QVERIFY2(editor.confidence() > 0.5 && editor.confidence() <= 1.0, qPrintable(QString::number(editor.confidence())));
        QVERIFY2(editor.coverage() > 0.02, qPrintable(QString::number(editor.coverage())));
        QCOMPARE(document.attributeModel()->get(1).value("maskUrl").toUrl(),
            QUrl::fromLocalFile(committed.last().first().toString()));
        const double automatic = editor.confidence();
        QCOMPARE(document.attributeModel()->get(1).value("maskConfidence").toDouble(), automatic); // the card's figure

        // The figure belongs to the automatic mask's file: a stroke makes another mask, undo brings it back.
        editor.beginStroke(QPointF(10, 10));
        editor.continueStroke(QPointF(40, 10));
        editor.endStroke();
        QCOMPARE(editor.confidence(), -1.0);
        document.undo();
        QCOMPARE(editor.confidence(), automatic);
        document.undo();
        QCOMPARE(editor.coverage(), 0.0); // back to the cleared mask
        QCOMPARE(editor.confidence(), -1.0);
    }

    void aPortraitWithoutAFaceLeavesTheProjectUnchanged()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        const QUrl before = document.portraitUrl();
        PortraitController portrait;
        portrait.setDocument(&document);
        QSignalSpy errors(&portrait, &PortraitController::errorOccurred);
        portrait.openImage(QUrl::fromLocalFile(dir.filePath("hair-mask.png"))); // black and white, no face
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 60000);
        QVERIFY2(errors.last().first().toString().contains("No face was found in hair-mask.png"),
            qPrintable(errors.last().first().toString()));
        QCOMPARE(document.portraitUrl(), before);
        QVERIFY(!document.canUndo());
    }

    void severalFacesAskWhichOneAndTheChoiceIsKept()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        PortraitController portrait;
        portrait.setDocument(&document);
        QSignalSpy choice(&portrait, &PortraitController::choiceNeeded);
        QSignalSpy changed(&portrait, &PortraitController::portraitChanged);
        // OpenCV's facereg.jpg: four faces (fetched into the build folder by the photos fixture).
        const QString path = DURIAN_TEST_PHOTOS_DIR "/facereg.jpg";
        if (!QFile::exists(path)) {
            QSKIP("facereg.jpg is not there (ctest's data.FetchPhotos fetches it)");
        }
        const QUrl photo = QUrl::fromLocalFile(path);
        portrait.openImage(photo);
        QTRY_COMPARE_WITH_TIMEOUT(choice.count(), 1, 60000);
        QCOMPARE(choice.last().first().toInt(), 4);
        QCOMPARE(portrait.facesToChoose().size(), choice.last().first().toInt());
        QVERIFY(portrait.facesToChoose().first().toRectF().width() > 40);
        QCOMPARE(document.portraitUrl().fileName(), QString("portrait.png")); // nothing changed yet

        portrait.chooseFace(1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(document.portraitUrl(), photo);
        QCOMPARE(document.portraitFace(), 1);
        QVERIFY(portrait.facesToChoose().isEmpty());
        // The landmarks of the chosen face arrive for the overlay.
        QTRY_COMPARE_WITH_TIMEOUT(portrait.landmarks().size(), 68, 60000);
        document.undo();
        QCOMPARE(document.portraitUrl().fileName(), QString("portrait.png"));
        QCOMPARE(document.portraitFace(), 0);
    }

    // A reference photo with four faces: the user picks the one wearing the attribute; the choice is one
    // undo step, goes into the project, and the new reference gets its automatic mask (and its confidence,
    // the card's figure) at once, around that face.
    void aReferenceWithSeveralFacesAsksWhichOneWearsTheAttribute()
    {
        const QString path = DURIAN_TEST_PHOTOS_DIR "/facereg.jpg";
        if (!QFile::exists(path)) {
            QSKIP("facereg.jpg is not there (ctest's data.FetchPhotos fetches it)");
        }
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        AutoMaskController masks;
        masks.setDocument(&document);
        ReferenceController references;
        references.setDocument(&document);
        references.setAutoMasks(&masks);
        QSignalSpy choice(&references, &ReferenceController::choiceNeeded);
        QSignalSpy added(&references, &ReferenceController::referenceAdded);
        QSignalSpy computed(&masks, &AutoMaskController::maskComputed);
        QSignalSpy errors(&references, &ReferenceController::errorOccurred);
        const int before = document.attributeModel()->rowCount();

        references.addReference("eyeglasses", QUrl::fromLocalFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(choice.count(), 1, 60000);
        QCOMPARE(choice.last().first().toInt(), 4);
        QCOMPARE(document.attributeModel()->rowCount(), before); // nothing added before the choice
        references.chooseFace(2);
        QCOMPARE(added.count(), 1);
        const int index = added.last().first().toInt();
        QCOMPARE(index, before);
        QCOMPARE(document.project().attributes.at(index).face, 2);
        QCOMPARE(document.attributeModel()->get(index).value("face").toInt(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(computed.count(), 1, 60000);
        const double confidence = document.attributeModel()->get(index).value("maskConfidence").toDouble();
        QVERIFY2(confidence >= 0.0 && confidence <= 1.0, qPrintable(QString::number(confidence)));

        // Another face from the card: the old face's automatic mask goes, the new face gets its own.
        references.chooseFaceFor(index);
        QTRY_COMPARE_WITH_TIMEOUT(choice.count() + errors.count(), 2, 60000);
        QVERIFY2(errors.count() == 0, errors.isEmpty() ? "" : errors.last().first().toString().toUtf8().constData());
        references.chooseFace(0);
        QCOMPARE(document.project().attributes.at(index).face, 0);
        QTRY_COMPARE_WITH_TIMEOUT(computed.count(), 2, 60000);
        QVERIFY(!document.project().attributes.at(index).mask.empty());
        document.undo(); // the new automatic mask
        document.undo(); // the face
        QCOMPARE(document.project().attributes.at(index).face, 2);

        // A photo without a face adds nothing and says why.
        references.addReference("hair", QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/hair-mask.png"));
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 60000);
        const QString error = errors.last().first().toString();
        QVERIFY2(error.contains("No face was found in hair-mask.png"), qPrintable(error));
        QCOMPARE(document.attributeModel()->rowCount(), before + 1);
    }

    void pastingAnImageOrAFileUrlOpensItAsThePortrait()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        PortraitController portrait;
        portrait.setDocument(&document);
        QSignalSpy changed(&portrait, &PortraitController::portraitChanged);

        // Image data: saved as a PNG beside the project, then checked for a face like a file.
        QGuiApplication::clipboard()->setImage(QImage(dir.filePath("hair-reference.png")));
        QVERIFY(portrait.paste());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 60000);
        const QString pasted = document.portraitUrl().toLocalFile();
        QVERIFY2(pasted.startsWith(dir.path() + "/pasted-portrait-") && QFile::exists(pasted), qPrintable(pasted));

        // A file URL as text (what a file manager's "copy" gives).
        QGuiApplication::clipboard()->setText(QUrl::fromLocalFile(dir.filePath("eyeglasses-reference.png")).toString());
        QVERIFY(portrait.paste());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 60000);
        QCOMPARE(document.portraitUrl().fileName(), QString("eyeglasses-reference.png"));
        document.undo();
        QCOMPARE(document.portraitUrl().toLocalFile(), pasted);
    }

    void aBrokenModelFileIsRefusedWithAReadableMessage()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath("broken.safetensors");
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a model");
        file.close();
        AppSettings* settings = AppSettings::instance();
        QCOMPARE(settings->checkModelFile(""), QString()); // the built-in model
        QCOMPARE(settings->modelFixedSteps(), 0); // the untrained model chosen: it takes the project's steps
        QVERIFY(settings->checkModelFile(dir.filePath("missing.safetensors")).contains("does not exist"));
        const QString why = settings->checkModelFile(QUrl::fromLocalFile(broken).toString());
        QVERIFY2(why.contains("broken.safetensors") && why.contains("cannot be read"), qPrintable(why));

        // Set anyway (a hand-edited setting): the preview says so, and nothing crashes.
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        PreviewController preview;
        preview.setDebounceMs(20);
        QSignalSpy modelChanged(settings, &AppSettings::modelWeightsChanged);
        settings->setModelWeights(broken);
        QCOMPARE(modelChanged.count(), 1); // modelFixedSteps is read again: a broken file fixes nothing
        QCOMPARE(settings->modelFixedSteps(), 0);
        preview.setDocument(&document);
        QTRY_VERIFY_WITH_TIMEOUT(!preview.errorString().isEmpty(), 60000);
        QVERIFY2(preview.errorString().contains("The model file " + broken + " cannot be used"),
            qPrintable(preview.errorString()));
        QVERIFY(!preview.running());
        settings->setModelWeights({}); // back to the built-in model: previews work again
        QCOMPARE(settings->modelFixedSteps(), 1); // it samples in one step, whatever the project says
        QSignalSpy finished(&preview, &PreviewController::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY(preview.errorString().isEmpty());
    }
};

QTEST_MAIN(EditorControllersTest)
#include "EditorControllersTest.moc"
