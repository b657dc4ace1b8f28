#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

// File URLs as QML needs them, so that no QML takes a URL apart as a string ("#", "%" and "?" are
// parts of file names, and a local path is not a URL).
class FilePaths : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit FilePaths(QObject* parent = nullptr) : QObject(parent) {}

    // "portrait.jpg" of file:///home/ann/portrait.jpg (a plain path works too).
    Q_INVOKABLE static QString fileName(const QUrl& url);
    // The path as the user's system writes it, for labels; empty for an empty URL.
    Q_INVOKABLE static QString displayPath(const QUrl& url);
    // The folder holding the file.
    Q_INVOKABLE static QUrl folderOf(const QUrl& url);
    // A URL from a path the user typed ("~/" is the home folder); relative paths are taken from the home folder.
    Q_INVOKABLE static QUrl fromPath(const QString& path);
    // The path with the export format's extension (none for a PNG sequence, which is a folder).
    Q_INVOKABLE static QString withFormat(const QString& path, const QString& format);
};
