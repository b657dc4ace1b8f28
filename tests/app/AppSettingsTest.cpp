#include "app/gui/AppSettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

// The settings go to a test location (QStandardPaths test mode), never the user's own file.
class AppSettingsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("Durian Studio Tests");
        QCoreApplication::setApplicationName("AppSettingsTest");
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void defaultsWhenNothingIsStored()
    {
        const AppSettings settings(nullptr);
        QCOMPARE(settings.steps(), AppSettings::kDefaultSteps);
        QCOMPARE(settings.guidance(), AppSettings::kDefaultGuidance);
        QCOMPARE(settings.previewResolution(), AppSettings::kDefaultResolution);
        QCOMPARE(settings.threads(), 0);
        QVERIFY(!settings.classicalMethod()); // the model, where one is installed
    }

    void valuesAreKeptForTheNextRun()
    {
        {
            AppSettings settings(nullptr);
            QSignalSpy steps(&settings, &AppSettings::stepsChanged);
            settings.setSteps(8);
            settings.setSteps(8); // unchanged: no signal
            QCOMPARE(steps.count(), 1);
            settings.setGuidance(2.5);
            settings.setPreviewResolution(192);
            settings.setThreads(1);
            settings.setClassicalMethod(true);
        }
        const AppSettings nextRun(nullptr);
        QCOMPARE(nextRun.steps(), 8);
        QCOMPARE(nextRun.guidance(), 2.5);
        QCOMPARE(nextRun.previewResolution(), 192);
        QCOMPARE(nextRun.threads(), 1);
        QVERIFY(nextRun.classicalMethod());
    }

    void outOfRangeValuesAreClampedAlsoWhenStored()
    {
        AppSettings settings(nullptr);
        settings.setSteps(100000);
        QCOMPARE(settings.steps(), AppSettings::kMaxSteps);
        settings.setGuidance(-3);
        QCOMPARE(settings.guidance(), AppSettings::kMinGuidance);
        QSettings().setValue("generation/previewResolution", 5); // a hand-edited file
        QCOMPARE(AppSettings(nullptr).previewResolution(), AppSettings::kMinResolution);
        settings.setClassicalMethod(true);
        settings.reset();
        QCOMPARE(AppSettings(nullptr).steps(), AppSettings::kDefaultSteps);
        QVERIFY(!AppSettings(nullptr).classicalMethod());
    }
};

QTEST_GUILESS_MAIN(AppSettingsTest)
#include "AppSettingsTest.moc"
