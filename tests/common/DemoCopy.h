#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QUrl>

// The demo project's files copied into `folder` (writable, replacing earlier copies), so a test may
// modify and save them. Returns the copied project's URL.
inline QUrl copyDemoProject(const QString& folder)
{
    const QDir demo(DURIAN_SOURCE_DIR "/resources/demo");
    const QDir target(folder);
    for (const QString& name : demo.entryList(QDir::Files)) {
        QFile::remove(target.filePath(name));
        QFile::copy(demo.filePath(name), target.filePath(name));
        QFile(target.filePath(name)).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    return QUrl::fromLocalFile(target.filePath("demo.durian"));
}
