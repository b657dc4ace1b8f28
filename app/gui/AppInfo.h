#pragma once

#include <QObject>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// Facts about the running application for QML: versions, threads, the project to open at start-up.
class AppInfo : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QVariantList libraries READ libraries CONSTANT)
    Q_PROPERTY(int computeThreads READ computeThreads CONSTANT)
    Q_PROPERTY(QUrl startupProject READ startupProject CONSTANT)
    // The start-up project is a template (the bundled demo): it opens as a new, untitled project.
    Q_PROPERTY(bool startupIsTemplate READ startupIsTemplate CONSTANT)

public:
    explicit AppInfo(QObject* parent = nullptr);

    QString version() const;
    // [{name, version}] for Qt, LibTorch, OpenCV, FFmpeg, dlib.
    QVariantList libraries() const;
    int computeThreads() const;
    QUrl startupProject() const;
    bool startupIsTemplate() const;

    // A shortcut as menus show it in this system's words ("Ctrl+N"): a key sequence's text or a
    // QKeySequence::StandardKey (its first binding); empty for none.
    Q_INVOKABLE static QString shortcutText(const QVariant& shortcut);

    // Set by main() before QML is loaded; an empty url starts a new project.
    static void setStartupProject(const QUrl& url, bool isTemplate = false);
};
