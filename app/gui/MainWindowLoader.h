#pragma once

#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QUrl>

// Loads the editor window the way the application does (style, QML import path, Main.qml), for
// durian-studio and the window tests. The QML plugins must be imported by the executable
// (Q_IMPORT_QML_PLUGIN(Durian_AppPlugin) and (Durian_UiPlugin)). Returns false when nothing was created.
inline bool loadMainWindow(QQmlApplicationEngine& engine)
{
    if (QQuickStyle::name().isEmpty()) { // once per process: a second window (tests) keeps it
        QQuickStyle::setStyle("Fusion");
    }
    engine.addImportPath("qrc:/");
    engine.load(QUrl("qrc:/Durian/Ui/Main.qml"));
    return !engine.rootObjects().isEmpty();
}
