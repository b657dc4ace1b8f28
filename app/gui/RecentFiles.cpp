#include "app/gui/RecentFiles.h"

#include <QFileInfo>
#include <QQmlEngine>
#include <QSettings>

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent)
{
    files_ = QSettings().value("recent/files").toStringList();
}

RecentFiles* RecentFiles::instance()
{
    static auto* recent = new RecentFiles(nullptr);
    return recent;
}

RecentFiles* RecentFiles::create(QQmlEngine*, QJSEngine*)
{
    QQmlEngine::setObjectOwnership(instance(), QQmlEngine::CppOwnership);
    return instance();
}

void RecentFiles::add(const QUrl& url)
{
    if (!url.isLocalFile()) {
        return;
    }
    const QString path = QFileInfo(url.toLocalFile()).absoluteFilePath();
    files_.removeAll(path);
    files_.prepend(path);
    while (files_.size() > kMaxFiles) {
        files_.removeLast();
    }
    store();
}

void RecentFiles::remove(const QString& path)
{
    if (files_.removeAll(path) > 0) {
        store();
    }
}

void RecentFiles::clear()
{
    if (!files_.isEmpty()) {
        files_.clear();
        store();
    }
}

QStringList RecentFiles::prune()
{
    QStringList gone;
    for (const QString& path : files_) {
        if (!exists(path)) {
            gone.append(path);
        }
    }
    for (const QString& path : gone) {
        files_.removeAll(path);
    }
    if (!gone.isEmpty()) {
        store();
    }
    return gone;
}

bool RecentFiles::exists(const QString& path)
{
    return QFileInfo(path).isFile();
}

void RecentFiles::store()
{
    QSettings().setValue("recent/files", files_); // at once: a crash keeps the list
    Q_EMIT filesChanged();
}
