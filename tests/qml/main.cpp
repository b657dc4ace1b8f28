#include <QQmlEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Durian_AppPlugin)
Q_IMPORT_QML_PLUGIN(Durian_UiPlugin)

// Loads the application's own QML modules, with the style the application uses.
class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        QStandardPaths::setTestModeEnabled(true); // settings (last folders, ...) of the tests, not the user's
        QQuickStyle::setStyle("Fusion");
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath("qrc:/"); }
};

QUICK_TEST_MAIN_WITH_SETUP(durian_qml, Setup)
#include "main.moc"
