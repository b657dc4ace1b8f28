#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

// File > Open Recent: the last projects opened or saved, newest first, kept in QSettings
// ("recent/files", local paths). A file that no longer exists is dropped when the list is read
// (prune) or when the user picks it (open fails and the caller removes it).
class RecentFiles : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QStringList files READ files NOTIFY filesChanged)

public:
    static constexpr int kMaxFiles = 10;

    explicit RecentFiles(QObject* parent); // no default: QML must use create() (Qt 6.4)
    static RecentFiles* instance();
    static RecentFiles* create(QQmlEngine*, QJSEngine*);

    QStringList files() const { return files_; }

    Q_INVOKABLE void add(const QUrl& url);
    Q_INVOKABLE void remove(const QString& path);
    Q_INVOKABLE void clear();
    // Removes the entries whose file is gone and returns them (the menu says which were dropped).
    Q_INVOKABLE QStringList prune();
    Q_INVOKABLE static bool exists(const QString& path);
    Q_INVOKABLE static QUrl urlOf(const QString& path) { return QUrl::fromLocalFile(path); }

Q_SIGNALS:
    void filesChanged();

private:
    void store();
    QStringList files_;
};
