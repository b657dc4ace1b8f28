#include "app/gui/AutoMaskController.h"
#include "app/gui/ProjectDocument.h"
#include "core/io/Project.h"

#include "tests/common/DemoCopy.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class ProjectDocumentTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir autosaveDir_;

    // A copy of the demo project in a temporary folder, so tests may modify and save it.
    static QUrl demoCopy(const QTemporaryDir& dir) { return copyDemoProject(dir.path()); }

    static QUrl demoUrl() { return QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/demo.durian"); }

private Q_SLOTS:
    void initTestCase() { ProjectDocument::setAutosaveDirectory(autosaveDir_.path()); }

    void editsSurviveACrashThroughTheAutosave()
    {
        QTemporaryDir dir;
        const QUrl url = demoCopy(dir);
        QString autosave;
        {
            auto* crashed = new ProjectDocument; // never deleted: the process "dies" with edits unsaved
            QVERIFY(crashed->open(url));
            crashed->setName("Edited before the crash");
            autosave = crashed->autosavePath();
            QTRY_VERIFY(QFile::exists(autosave)); // once the edits pause
        }
        ProjectDocument document;
        QVERIFY(document.open(url));
        QVERIFY(document.recoveryAvailable());
        QCOMPARE(document.name(), QString("Demo")); // nothing changes until the user says so
        document.recoverAutosave();
        QCOMPARE(document.name(), QString("Edited before the crash"));
        QVERIFY(document.modified());
        QVERIFY(!document.recoveryAvailable());
        document.undo(); // recovery is one undoable step
        QCOMPARE(document.name(), QString("Demo"));
        document.redo();
        QVERIFY(document.save());
        QVERIFY2(!QFile::exists(autosave), "saving removes the autosave");
        ProjectDocument reopened;
        QVERIFY(reopened.open(url));
        QVERIFY(!reopened.recoveryAvailable());
        QCOMPARE(reopened.name(), QString("Edited before the crash"));
    }

    void discardingRecoveryKeepsTheFileAsSaved()
    {
        QTemporaryDir dir;
        const QUrl url = demoCopy(dir);
        {
            auto* crashed = new ProjectDocument;
            QVERIFY(crashed->open(url));
            crashed->setName("Unwanted");
            crashed->finishGesture(); // the name field lost focus: written at once
            QVERIFY(QFile::exists(crashed->autosavePath()));
        }
        ProjectDocument document;
        QVERIFY(document.open(url));
        QVERIFY(document.recoveryAvailable());
        document.discardAutosave();
        QVERIFY(!document.recoveryAvailable());
        QVERIFY(!QFile::exists(document.autosavePath()));
        QCOMPARE(document.name(), QString("Demo"));
    }

    void aCleanCloseLeavesNoAutosave()
    {
        QTemporaryDir dir;
        const QUrl url = demoCopy(dir);
        QString autosave;
        {
            ProjectDocument document;
            QVERIFY(document.open(url));
            document.setName("Temporary");
            autosave = document.autosavePath();
            QTRY_VERIFY(QFile::exists(autosave));
            document.undo(); // back to the saved state: nothing to keep
            QVERIFY(!QFile::exists(autosave));
        }
        QVERIFY(!QFile::exists(autosave));
    }

    void opensTheDemoProject()
    {
        ProjectDocument document;
        QSignalSpy changed(&document, &ProjectDocument::projectChanged);
        QVERIFY(document.open(demoUrl()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(document.loaded());
        QCOMPARE(document.name(), QString("Demo"));
        QVERIFY(document.portraitUrl().isLocalFile());
        QVERIFY(QFile::exists(document.portraitUrl().toLocalFile()));
        QVERIFY(document.problems().isEmpty());
        QVERIFY(!document.modified());
        QVERIFY(!document.canUndo());
    }

    void renameIsUndoableAndTypingMergesIntoOneStep()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy modified(&document, &ProjectDocument::modifiedChanged);
        document.setName("Demo 2");
        document.setName("Demo 22");
        QCOMPARE(document.name(), QString("Demo 22"));
        QVERIFY(document.modified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(document.undoText(), QString("Rename Project"));
        document.undo();
        QCOMPARE(document.name(), QString("Demo"));
        QVERIFY(!document.modified());
        QVERIFY(!document.canUndo());
        document.redo();
        QCOMPARE(document.name(), QString("Demo 22"));
    }

    void saveAsWritesAFileThatReopensTheSame()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        document.setName("Saved copy");
        const QUrl target = QUrl::fromLocalFile(dir.filePath("copy.durian"));
        QVERIFY(document.saveAs(target));
        QVERIFY(!document.modified());
        QCOMPARE(document.fileUrl(), target);

        ProjectDocument reopened;
        QVERIFY(reopened.open(target));
        QCOMPARE(reopened.name(), QString("Saved copy"));
        QCOMPARE(reopened.portraitUrl(), document.portraitUrl());
    }

    void aCorruptProjectReportsAnErrorAndKeepsTheOpenOne()
    {
        QTemporaryDir dir;
        QFile corrupt(dir.filePath("broken.durian"));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write("{\"format\": \"durian-project\", \"vers");
        corrupt.close();

        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy error(&document, &ProjectDocument::errorStringChanged);
        QVERIFY(!document.open(QUrl::fromLocalFile(corrupt.fileName())));
        QCOMPARE(error.count(), 1);
        QVERIFY2(document.errorString().contains("not valid JSON"), qPrintable(document.errorString()));
        QCOMPARE(document.name(), QString("Demo"));
        QCOMPARE(document.fileUrl(), demoUrl());
    }

    static QVariantMap attributeAt(const ProjectDocument& document, int index)
    {
        return document.attributeModel()->get(index);
    }

    void addRemoveAndReorderAreUndoable()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy changed(&document, &ProjectDocument::projectChanged);
        const QUrl image = QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/portrait.png");
        QVERIFY(document.addAttribute("beard", image));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(document.attributeModel()->count(), 3);
        QCOMPARE(attributeAt(document, 2).value("category").toString(), QString("beard"));
        QCOMPARE(attributeAt(document, 2).value("imageUrl").toUrl(), image);
        QVERIFY(attributeAt(document, 2).value("maskUrl").toUrl().isEmpty()); // automatic
        QVERIFY(attributeAt(document, 2).value("enabled").toBool());
        QCOMPARE(document.undoText(), QString("Add Beard Reference"));

        document.moveAttribute(2, 0);
        QCOMPARE(attributeAt(document, 0).value("category").toString(), QString("beard"));
        QCOMPARE(attributeAt(document, 1).value("category").toString(), QString("hair"));
        document.undo();
        QCOMPARE(attributeAt(document, 2).value("category").toString(), QString("beard"));
        document.removeAttribute(0);
        QCOMPARE(attributeAt(document, 0).value("category").toString(), QString("eyeglasses"));
        document.undo();
        document.undo();
        QCOMPARE(document.attributeModel()->count(), 2);
        QVERIFY(!document.modified());
    }

    void addingAMissingImageOrUnknownCategoryFails()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy errors(&document, &ProjectDocument::errorOccurred);
        QVERIFY(!document.addAttribute("hair", QUrl::fromLocalFile("/nonexistent/photo.png")));
        QVERIFY(document.errorString().contains("/nonexistent/photo.png"));
        QVERIFY(!document.addAttribute("wig", QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/portrait.png")));
        QVERIFY(document.errorString().contains("wig"));
        QCOMPARE(errors.count(), 2);
        QCOMPARE(document.attributeModel()->count(), 2);
        QVERIFY(!document.canUndo());
    }

    void switchAndCategoryAreUndoableAndSaved()
    {
        QTemporaryDir dir;
        const QUrl url = demoCopy(dir);
        ProjectDocument document;
        QVERIFY(document.open(url));
        document.setAttributeEnabled(1, false);
        QVERIFY(!attributeAt(document, 1).value("enabled").toBool());
        document.setAttributeCategory(0, "hat");
        QCOMPARE(attributeAt(document, 0).value("category").toString(), QString("hat"));
        QVERIFY(document.save());
        ProjectDocument reopened;
        QVERIFY(reopened.open(url));
        QVERIFY(!attributeAt(reopened, 1).value("enabled").toBool());
        QCOMPARE(attributeAt(reopened, 0).value("category").toString(), QString("hat"));
        document.undo();
        document.undo();
        QVERIFY(attributeAt(document, 1).value("enabled").toBool());
        QCOMPARE(attributeAt(document, 0).value("category").toString(), QString("hair"));
    }

    void aSliderDragIsOneUndoStep()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy changed(&document, &ProjectDocument::projectChanged);
        for (double value : {0.9, 0.8, 0.7, 0.5}) {
            document.setAttributeStrength(0, value); // one drag
        }
        document.finishGesture(); // released
        QCOMPARE(changed.count(), 4); // every move updates the views (and the preview)
        QCOMPARE(attributeAt(document, 0).value("strength").toDouble(), 0.5);
        document.setAttributeStrength(0, 0.25); // a second drag: its own step
        document.setAttributeStrength(1, 0.4);  // another slider: its own step
        document.setAttributeStrength(1, 7.0);  // clamped
        QCOMPARE(attributeAt(document, 1).value("strength").toDouble(), 1.0);
        document.undo();
        QCOMPARE(attributeAt(document, 1).value("strength").toDouble(), 1.0);
        QCOMPARE(attributeAt(document, 0).value("strength").toDouble(), 0.25);
        document.undo();
        QCOMPARE(attributeAt(document, 0).value("strength").toDouble(), 0.5);
        document.undo();
        QCOMPARE(attributeAt(document, 0).value("strength").toDouble(), 1.0);
        QVERIFY(!document.canUndo());
    }

    void autoMaskWritesAMaskWithItsConfidence()
    {
        QTemporaryDir dir;
        const QUrl url = demoCopy(dir);
        ProjectDocument document;
        QVERIFY(document.open(url));
        QVERIFY(document.addAttribute("hair", QUrl::fromLocalFile(dir.filePath("hair-reference.png"))));
        AutoMaskController masks;
        masks.setDocument(&document);
        QSignalSpy computed(&masks, &AutoMaskController::maskComputed);
        QSignalSpy errors(&masks, &AutoMaskController::errorOccurred);
        masks.compute(2);
        QVERIFY(masks.busy());
        QTRY_COMPARE_WITH_TIMEOUT(computed.count() + errors.count(), 1, 60000);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
        QVERIFY(!masks.busy());
        const auto attribute = attributeAt(document, 2);
        const QString mask = attribute.value("maskUrl").toUrl().toLocalFile();
        QCOMPARE(mask, dir.filePath("hair-reference-hair-mask.png")); // the project's folder
        QVERIFY(QFileInfo(mask).size() > 100);
        const double confidence = attribute.value("maskConfidence").toDouble();
        QVERIFY2(confidence > 0.0 && confidence <= 1.0, qPrintable(QString::number(confidence)));
        QCOMPARE(computed.first().at(1).toDouble(), confidence);
        QCOMPARE(document.undoText(), QString("Automatic Hair Mask"));
        document.undo(); // the mask assignment is undoable
        QVERIFY(attributeAt(document, 2).value("maskUrl").toUrl().isEmpty());
        QCOMPARE(attributeAt(document, 2).value("maskConfidence").toDouble(), -1.0);
    }

    void anUntitledProjectWritesOnlyIntoTheAutosaveArea()
    {
        QTemporaryDir dir;
        copyDemoProject(dir.path());
        const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        ProjectDocument document;
        document.newProject();
        QVERIFY(document.untitled());
        QCOMPARE(document.status(), QString("New project"));
        QVERIFY(document.workFolder().startsWith(autosaveDir_.path()));
        document.setPortrait(QUrl::fromLocalFile(dir.filePath("portrait.png")), 0);
        QVERIFY(document.addAttribute("hair", QUrl::fromLocalFile(dir.filePath("hair-reference.png"))));
        AutoMaskController masks;
        masks.setDocument(&document);
        QSignalSpy computed(&masks, &AutoMaskController::maskComputed);
        QSignalSpy errors(&masks, &AutoMaskController::errorOccurred);
        masks.compute(0);
        QTRY_COMPARE_WITH_TIMEOUT(computed.count() + errors.count(), 1, 60000);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
        const QString mask = attributeAt(document, 0).value("maskUrl").toUrl().toLocalFile();
        QVERIFY2(mask.startsWith(document.workFolder()), qPrintable(mask));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before); // the photos' folder
        document.finishGesture();
        QVERIFY(QFile::exists(document.autosavePath()));
        QVERIFY(document.autosavePath().startsWith(autosaveDir_.path()));

        // The first save gathers the mask beside the project and names the project after its file.
        const QUrl target = QUrl::fromLocalFile(dir.filePath("astro.durian"));
        QVERIFY(document.saveAs(target));
        QCOMPARE(document.name(), QString("astro"));
        QVERIFY(!document.untitled());
        const QString saved = attributeAt(document, 0).value("maskUrl").toUrl().toLocalFile();
        QVERIFY2(saved.startsWith(dir.filePath("astro.assets")), qPrintable(saved));
    }

    void theDemoOpensAsANewProjectThatIsNeverWrittenTo()
    {
        const QFileInfo demo(demoUrl().toLocalFile());
        const QDateTime modifiedBefore = demo.lastModified();
        QTemporaryDir dir;
        ProjectDocument document;
        QSignalSpy replaced(&document, &ProjectDocument::projectReplaced);
        QVERIFY(document.openAsNew(demoUrl()));
        QCOMPARE(replaced.count(), 1);
        QVERIFY(document.untitled());
        QVERIFY(document.fileUrl().isEmpty());
        QCOMPARE(document.name(), QString("Demo"));
        QVERIFY(document.problems().isEmpty()); // its files are found
        document.setMotionFrames(12);
        QVERIFY(document.saveAs(QUrl::fromLocalFile(dir.filePath("mine.durian"))));
        QCOMPARE(document.name(), QString("mine")); // the demo's name was the file's: it follows the new one
        QCOMPARE(QFileInfo(demo.filePath()).lastModified(), modifiedBefore);
        QVERIFY(!QFile::exists(demo.absolutePath() + "/demo.masks"));
    }

    void aNameTheUserGaveIsKeptOnSaveAs()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        document.setName("Astronaut, take 2");
        QVERIFY(document.saveAs(QUrl::fromLocalFile(dir.filePath("astro.durian"))));
        QCOMPARE(document.name(), QString("Astronaut, take 2"));
        QVERIFY(document.status().startsWith("Saved "));
        QVERIFY(document.status().contains("astro.durian"));
    }

    void aSliderDragWritesTheAutosaveOnceWhenItEnds()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoCopy(dir)));
        for (int i = 1; i <= 20; ++i) {
            document.setAttributeStrength(0, 1.0 - i * 0.01); // ticks of one drag
        }
        QVERIFY2(!QFile::exists(document.autosavePath()), "not written on every tick");
        document.finishGesture(); // released
        QVERIFY(QFile::exists(document.autosavePath()));
        QCOMPARE(durian::loadProject(document.autosavePath().toStdString()).attributes[0].strength, 0.8);
    }

    void stepsAndGuidanceAreTheProjectsAndUndoable()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy changed(&document, &ProjectDocument::projectChanged); // what refreshes the preview
        document.setRenderGuidance(4.0);
        document.setRenderGuidance(99); // a held spin box: one step, clamped to core's range
        QCOMPARE(document.renderGuidance(), durian::kMaxGuidance);
        QCOMPARE(changed.count(), 2);
        document.finishGesture();
        document.setRenderSteps(0);
        QCOMPARE(document.renderSteps(), durian::kMinRenderSteps);
        QCOMPARE(document.renderRanges().value("maxSteps").toInt(), durian::kMaxRenderSteps);
        document.undo();
        QCOMPARE(document.renderSteps(), 20);
        document.undo();
        QCOMPARE(document.renderGuidance(), 1.0); // the demo's
        QVERIFY(!document.canUndo());
    }

    void problemsAreComputedOncePerChange()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QVERIFY(document.problems().isEmpty());
        document.setPortrait(QUrl::fromLocalFile("/nonexistent/portrait.png"), 0);
        QCOMPARE(document.problems().size(), 1);
        QVERIFY(document.problems().first().contains("/nonexistent/portrait.png"));
        document.undo();
        QVERIFY(document.problems().isEmpty());
    }

    void anUntitledProjectOfACrashedSessionIsOffered()
    {
        // What a session that died leaves: its untitled project's autosave, named after its process.
        const QString orphan = autosaveDir_.filePath("untitled-999999999.durian");
        durian::Project lost;
        lost.name = "Lost work";
        durian::saveProject(lost, orphan.toStdString());
        ProjectDocument document;
        document.newProject();
        QVERIFY(document.recoveryAvailable());
        document.recoverAutosave();
        QCOMPARE(document.name(), QString("Lost work"));
        QVERIFY(!QFile::exists(orphan)); // now this session's
        QVERIFY(document.modified());
    }

    void saveToAnUnwritablePlaceFailsCleanly()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        document.setName("Changed");
        QVERIFY(!document.saveAs(QUrl::fromLocalFile("/nonexistent-dir/p.durian")));
        QVERIFY(document.errorString().contains("/nonexistent-dir/p.durian"));
        QVERIFY(document.modified());
        QCOMPARE(document.fileUrl(), demoUrl());
    }
};

QTEST_GUILESS_MAIN(ProjectDocumentTest)
#include "ProjectDocumentTest.moc"
