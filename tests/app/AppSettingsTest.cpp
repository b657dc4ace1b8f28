#include "app/gui/AppSettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
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

    void theFileDialogsRememberTheirFolders()
    {
        QTemporaryDir dir;
        {
            AppSettings settings(nullptr);
            QSignalSpy changed(&settings, &AppSettings::lastFoldersChanged);
            settings.rememberFolder("portraits", QUrl::fromLocalFile(dir.filePath("astronaut.jpg")));
            settings.rememberFolder("portraits", QUrl::fromLocalFile(dir.filePath("other.jpg"))); // same folder
            QCOMPARE(changed.count(), 1);
            settings.rememberFolder("videos", QUrl::fromLocalFile(dir.path())); // a folder itself
        }
        const AppSettings nextRun(nullptr);
        QCOMPARE(nextRun.lastFolders().value("portraits").toUrl(), QUrl::fromLocalFile(dir.path()));
        QCOMPARE(nextRun.lastFolders().value("videos").toUrl(), QUrl::fromLocalFile(dir.path()));
        QVERIFY(!nextRun.lastFolders().contains("exports"));
    }

    void defaultsWhenNothingIsStored()
    {
        const AppSettings settings(nullptr);
        QCOMPARE(settings.previewResolution(), AppSettings::kDefaultResolution);
        QCOMPARE(settings.threads(), 0);
        QVERIFY(!settings.classicalMethod()); // the model, where one is installed
    }

    void valuesAreKeptForTheNextRun()
    {
        {
            AppSettings settings(nullptr);
            QSignalSpy resolution(&settings, &AppSettings::previewResolutionChanged);
            settings.setPreviewResolution(192);
            settings.setPreviewResolution(192); // unchanged: no signal
            QCOMPARE(resolution.count(), 1);
            settings.setThreads(1);
            settings.setClassicalMethod(true);
        }
        const AppSettings nextRun(nullptr);
        QCOMPARE(nextRun.previewResolution(), 192);
        QCOMPARE(nextRun.threads(), 1);
        QVERIFY(nextRun.classicalMethod());
    }

    void outOfRangeValuesAreClampedAlsoWhenStored()
    {
        AppSettings settings(nullptr);
        settings.setPreviewResolution(100000);
        QCOMPARE(settings.previewResolution(), AppSettings::kMaxResolution);
        QSettings().setValue("generation/previewResolution", 5); // a hand-edited file
        QCOMPARE(AppSettings(nullptr).previewResolution(), AppSettings::kMinResolution);
        settings.setClassicalMethod(true);
        settings.reset();
        QCOMPARE(AppSettings(nullptr).previewResolution(), AppSettings::kDefaultResolution);
        QVERIFY(!AppSettings(nullptr).classicalMethod());
    }
};

QTEST_GUILESS_MAIN(AppSettingsTest)
#include "AppSettingsTest.moc"
