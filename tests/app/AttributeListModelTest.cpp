#include "app/gui/AttributeListModel.h"
#include "app/gui/ProjectDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

// The document's attribute list model: every edit reaches QML as the smallest change (one row, one
// role), and the model keeps Qt's model contract (QAbstractItemModelTester checks every signal).
class AttributeListModelTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir autosaveDir_;

    static QUrl demoUrl() { return QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/demo.durian"); }
    static QUrl photo() { return QUrl::fromLocalFile(DURIAN_SOURCE_DIR "/resources/demo/portrait.png"); }

    // The demo open, its attribute model watched by Qt's model checker for the whole test.
    struct OpenDemo {
        ProjectDocument document;
        bool opened = document.open(demoUrl());
        AttributeListModel* model = document.attributeModel();
        QAbstractItemModelTester tester{model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    };

    struct Spies {
        explicit Spies(AttributeListModel* model)
            : changed(model, &QAbstractItemModel::dataChanged), inserted(model, &QAbstractItemModel::rowsInserted),
              removed(model, &QAbstractItemModel::rowsRemoved), reset(model, &QAbstractItemModel::modelReset),
              labels(model, &AttributeListModel::labelsChanged), count(model, &AttributeListModel::countChanged)
        {
        }
        void clear()
        {
            for (auto* spy : {&changed, &inserted, &removed, &reset, &labels, &count}) {
                spy->clear();
            }
        }
        QSignalSpy changed, inserted, removed, reset, labels, count;
    };

private Q_SLOTS:
    void initTestCase() { ProjectDocument::setAutosaveDirectory(autosaveDir_.path()); }

    void rowsShowTheProject()
    {
        OpenDemo demo;
        QVERIFY(demo.opened);
        AttributeListModel* model = demo.model;
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->count(), 2);
        QCOMPARE(model->categories(), QStringList({"hair", "eyeglasses"}));
        QCOMPARE(model->labels(), QStringList({"Hair 1", "Eyeglasses 2"}));
        const auto first = model->index(0);
        QCOMPARE(model->data(first, AttributeListModel::CategoryRole).toString(), QString("hair"));
        QCOMPARE(model->data(first, AttributeListModel::StrengthRole).toDouble(), 1.0);
        QVERIFY(model->data(first, AttributeListModel::EnabledRole).toBool());
        QCOMPARE(model->data(first, AttributeListModel::MaskConfidenceRole).toDouble(), -1.0);
        QVERIFY(model->data(first, AttributeListModel::ImageUrlRole).toUrl().isLocalFile());
        QCOMPARE(model->get(1).value("category").toString(), QString("eyeglasses"));
        QVERIFY(model->get(2).isEmpty());
        QVERIFY(model->roleNames().values().contains("pairSide"));
    }

    void aStrengthDragChangesOneRoleOfOneRow()
    {
        OpenDemo demo;
        QVERIFY(demo.opened);
        ProjectDocument& document = demo.document;
        AttributeListModel* model = demo.model;
        Spies spies(model);
        for (double s : {0.9, 0.8, 0.7}) {
            document.setAttributeStrength(1, s);
        }
        document.finishGesture();
        QCOMPARE(spies.changed.count(), 3);
        for (const auto& signal : spies.changed) {
            QCOMPARE(signal.at(0).toModelIndex().row(), 1);
            QCOMPARE(signal.at(1).toModelIndex().row(), 1);
            QCOMPARE(signal.at(2).value<QList<int>>(), QList<int>{AttributeListModel::StrengthRole});
        }
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.reset.count(), 0);
        QCOMPARE(spies.labels.count(), 0); // the pickers bound to the labels are not rebuilt
        QCOMPARE(model->data(model->index(1), AttributeListModel::StrengthRole).toDouble(), 0.7);
        document.undo(); // one gesture, one step back, one row
        QCOMPARE(spies.changed.count(), 4);
        QCOMPARE(model->data(model->index(1), AttributeListModel::StrengthRole).toDouble(), 1.0);
    }

    void addRemoveAndMoveAreRowChanges()
    {
        OpenDemo demo;
        QVERIFY(demo.opened);
        ProjectDocument& document = demo.document;
        AttributeListModel* model = demo.model;
        Spies spies(model);

        QVERIFY(document.addAttribute("beard", photo()));
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(spies.count.count(), 1);
        QCOMPARE(spies.labels.count(), 1);
        QCOMPARE(model->labels(), QStringList({"Hair 1", "Eyeglasses 2", "Beard 3"}));

        spies.clear();
        document.removeAttribute(0);
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed.at(0).at(1).toInt(), 0);
        QCOMPARE(model->labels(), QStringList({"Eyeglasses 1", "Beard 2"})); // renumbered
        QCOMPARE(spies.reset.count(), 0);

        spies.clear();
        document.moveAttribute(0, 1);
        QCOMPARE(model->categories(), QStringList({"beard", "eyeglasses"}));
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.reset.count(), 0);
        QCOMPARE(spies.changed.count(), 2);

        spies.clear();
        document.undo();
        document.undo();
        document.undo();
        QCOMPARE(model->categories(), QStringList({"hair", "eyeglasses"}));
        QCOMPARE(spies.reset.count(), 0);
    }

    void pairingMarksTheTwoSides()
    {
        OpenDemo demo;
        QVERIFY(demo.opened);
        ProjectDocument& document = demo.document;
        AttributeListModel* model = demo.model;
        QVERIFY(document.addAttribute("hair", photo()));
        Spies spies(model);
        QVERIFY(document.pairAttributes(2, 0));
        QCOMPARE(model->get(0).value("pairSide").toString(), QString("B"));
        QCOMPARE(model->get(1).value("pairSide").toString(), QString());
        QCOMPARE(model->get(2).value("pairSide").toString(), QString("A"));
        QCOMPARE(spies.changed.count(), 2);
        document.setInterpolationAlpha(0.3); // the pair's alpha is not a row's business
        QCOMPARE(spies.changed.count(), 2);
        document.unpairAttributes();
        QCOMPARE(model->get(2).value("pairSide").toString(), QString());
    }

    void anAutomaticMasksConfidenceShowsOnItsRow()
    {
        QTemporaryDir dir;
        OpenDemo demo;
        QVERIFY(demo.opened);
        ProjectDocument& document = demo.document;
        AttributeListModel* model = demo.model;
        const QString mask = dir.filePath("mask.png");
        document.setMask(1, QUrl::fromLocalFile(mask), "Automatic mask");
        Spies spies(model);
        document.setMaskConfidence(mask, 0.87);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.changed.at(0).at(2).value<QList<int>>(), QList<int>{AttributeListModel::MaskConfidenceRole});
        QCOMPARE(model->get(1).value("maskConfidence").toDouble(), 0.87);
        QCOMPARE(model->get(0).value("maskConfidence").toDouble(), -1.0);
    }

    void anotherProjectReplacesTheRows()
    {
        OpenDemo demo;
        QVERIFY(demo.opened);
        ProjectDocument& document = demo.document;
        AttributeListModel* model = demo.model;
        document.newProject();
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->labels(), QStringList());
        QVERIFY(document.open(demoUrl()));
        QCOMPARE(model->rowCount(), 2);
    }
};

QTEST_MAIN(AttributeListModelTest)
#include "AttributeListModelTest.moc"
