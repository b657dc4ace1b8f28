#include "app/gui/JobQueue.h"
#include "app/gui/ProjectDocument.h"

#include "tests/common/DemoCopy.h"

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
            QVERIFY(QFile::exists(autosave));
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
            QVERIFY(QFile::exists(autosave));
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
        return document.attributes().at(index).toMap();
    }

    void addRemoveAndReorderAreUndoable()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy changed(&document, &ProjectDocument::projectChanged);
        const QUrl image = QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/portrait.png");
        QVERIFY(document.addAttribute("beard", image));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(document.attributes().size(), 3);
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
        QCOMPARE(document.attributes().size(), 2);
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
        QCOMPARE(document.attributes().size(), 2);
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
        QSignalSpy computed(&document, &ProjectDocument::maskComputed);
        QSignalSpy errors(&document, &ProjectDocument::errorOccurred);
        document.autoMaskAttribute(2);
        QTRY_COMPARE_WITH_TIMEOUT(computed.count() + errors.count(), 1, 60000);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
        const auto attribute = attributeAt(document, 2);
        const QString mask = attribute.value("maskUrl").toUrl().toLocalFile();
        QCOMPARE(mask, dir.filePath("hair-reference-hair-mask.png"));
        QVERIFY(QFileInfo(mask).size() > 100);
        const double confidence = attribute.value("maskConfidence").toDouble();
        QVERIFY2(confidence > 0.0 && confidence <= 1.0, qPrintable(QString::number(confidence)));
        QCOMPARE(computed.first().at(1).toDouble(), confidence);
        document.undo(); // the mask assignment is undoable
        QVERIFY(attributeAt(document, 2).value("maskUrl").toUrl().isEmpty());
        QCOMPARE(attributeAt(document, 2).value("maskConfidence").toDouble(), -1.0);
    }

    void exportsTheDemoAsAVideoOnTheWorkerThread()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy finished(&document, &ProjectDocument::exportFinished);
        QSignalSpy errors(&document, &ProjectDocument::errorOccurred);
        const QUrl target = QUrl::fromLocalFile(dir.filePath("demo.mp4"));
        document.exportVideo(target);
        QVERIFY(JobQueue::instance()->busy()); // returns at once; the work runs on the worker thread
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + errors.count(), 1, 60000);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
        QCOMPARE(finished.first().at(0).toUrl(), target);
        QVERIFY(finished.first().at(1).toString().contains("48 frame"));
        QVERIFY(QFileInfo(target.toLocalFile()).size() > 10000);
    }

    void aFailedExportReportsWhy()
    {
        ProjectDocument document;
        QVERIFY(document.open(demoUrl()));
        QSignalSpy errors(&document, &ProjectDocument::errorOccurred);
        document.exportVideo(QUrl::fromLocalFile("/nonexistent-dir/demo.mp4"));
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 60000);
        QVERIFY2(errors.first().first().toString().contains("/nonexistent-dir"), qPrintable(errors.first().first().toString()));
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
