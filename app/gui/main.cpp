#include "app/common/ProcessSetup.h"
#include "app/gui/AppInfo.h"
#include "app/gui/AppSettings.h"
#include "app/gui/MainWindowLoader.h"
#include "app/gui/RecentFiles.h"
#include "core/runtime/ComputeRuntime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Durian_AppPlugin)
Q_IMPORT_QML_PLUGIN(Durian_UiPlugin)

namespace {

void installTranslators(QApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    auto* ours = new QTranslator(&app);
    // English is the fallback (it carries the plural forms), also for the "C" locale of bare systems.
    if (ours->load(locale, "durian", "_", ":/i18n") || ours->load("durian_en", ":/i18n")) {
        QGuiApplication::installTranslator(ours);
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QGuiApplication::installTranslator(qt);
    }
}

// --screenshot: once the window has drawn, save it to a file and quit (used for docs and e2e tests).
void scheduleScreenshot(QQmlApplicationEngine& engine, const QString& path, int delayMs)
{
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    if (window == nullptr) {
        return;
    }
    QTimer::singleShot(delayMs, window, [window, path] {
        const QImage image = window->grabWindow();
        if (image.isNull() || !image.save(path)) {
            std::fprintf(stderr, "durian-studio: cannot save screenshot to %s\n", qPrintable(path));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("%s\n", qPrintable(QDir::toNativeSeparators(path)));
        QCoreApplication::quit();
    });
}

// The bundled demo, beside the binary: <prefix>/share/durian-studio (a build tree links its share/ to the
// source's resources/). Empty when it is not there; then the editor starts a new project.
QString demoProjectPath()
{
    const QFileInfo demo(QCoreApplication::applicationDirPath() + "/../share/durian-studio/demo/demo.durian");
    return demo.exists() ? demo.canonicalFilePath() : QString();
}

} // namespace

int main(int argc, char* argv[])
{
    durian::preferPassiveOpenMpWaiting(argv);
    // A QApplication (not QGuiApplication) so file dialogs can fall back to Qt Widgets' QFileDialog where
    // the desktop offers no native one: Qt 6.4's QML-only fallback cannot save to a new file name.
    QApplication app(argc, argv);
    QGuiApplication::setApplicationName("Durian Studio");
    QGuiApplication::setOrganizationName("Durian Studio");
    QGuiApplication::setApplicationVersion(DURIAN_APP_VERSION);
    QGuiApplication::setWindowIcon(QIcon(":/icons/durian-studio-256.png"));
    QGuiApplication::setDesktopFileName("durian-studio");

    QCommandLineParser parser;
    parser.setApplicationDescription("Durian Studio: portrait animation with attribute transfer.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("project", "Project file (.durian) to open; the demo project by default.");
    const QCommandLineOption screenshot("screenshot", "Save a screenshot of the window to <file> and quit.", "file");
    const QCommandLineOption screenshotDelay("screenshot-delay", "Milliseconds to wait before the screenshot.", "ms", "1500");
    const QCommandLineOption language("language", "User-interface language, for example de.", "code");
    const QCommandLineOption threads("threads", "Compute threads (default: one per core).", "n", "0");
    parser.addOptions({screenshot, screenshotDelay, language, threads});
    parser.process(app);

    // --threads wins over the stored setting (Settings dialog), which takes effect at start-up.
    durian::initializeComputeThreads(
        parser.isSet(threads) ? parser.value(threads).toInt() : AppSettings::instance()->threads());
    installTranslators(app, parser.value(language));

    const QStringList positional = parser.positionalArguments();
    // No file named: the last project, or on the first start (none yet) the demo.
    const QStringList recent = RecentFiles::instance()->files();
    const QString last = recent.isEmpty() || !RecentFiles::exists(recent.first()) ? QString() : recent.first();
    const QString project = !positional.isEmpty() ? positional.first() : !last.isEmpty() ? last : demoProjectPath();
    // The demo is a template: it opens as a new project, and nothing is ever written into the install tree.
    if (!project.isEmpty()) {
        const QFileInfo file(project);
        const bool isDemo = !demoProjectPath().isEmpty() && file.canonicalFilePath() == demoProjectPath();
        AppInfo::setStartupProject(QUrl::fromLocalFile(file.absoluteFilePath()), isDemo);
    }

    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    if (!loadMainWindow(engine)) {
        return 1;
    }
    if (parser.isSet(screenshot)) {
        scheduleScreenshot(engine, parser.value(screenshot), parser.value(screenshotDelay).toInt());
    }
    return QGuiApplication::exec();
}
