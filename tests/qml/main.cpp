#include <QApplication>
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

// A QApplication, as the application has: Qt.labs.platform's file dialog is Qt Widgets' QFileDialog
// where the desktop has none, and the tests open the real one.
int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "durian_qml", QUICK_TEST_SOURCE_DIR, &setup);
}
#include "main.moc"
