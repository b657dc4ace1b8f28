#include "app/gui/FilePaths.h"

#include <QDir>
#include <QFileInfo>

namespace {
QString localPathOf(const QUrl& url)
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}
} // namespace

QString FilePaths::fileName(const QUrl& url)
{
    return QFileInfo(localPathOf(url)).fileName();
}

QString FilePaths::displayPath(const QUrl& url)
{
    return url.isEmpty() ? QString() : QDir::toNativeSeparators(localPathOf(url));
}

QUrl FilePaths::folderOf(const QUrl& url)
{
    return QUrl::fromLocalFile(QFileInfo(localPathOf(url)).absolutePath());
}

QUrl FilePaths::fromPath(const QString& path)
{
    QString expanded = path.trimmed();
    if (expanded == "~" || expanded.startsWith("~/")) {
        expanded = QDir::homePath() + expanded.mid(1);
    }
    return QUrl::fromLocalFile(QDir(QDir::homePath()).absoluteFilePath(QDir::fromNativeSeparators(expanded)));
}

QString FilePaths::withFormat(const QString& path, const QString& format)
{
    const QFileInfo file(path);
    const QString suffix = file.suffix().toLower();
    const bool known = suffix == "mp4" || suffix == "webm" || suffix == "gif";
    const QString stem = known ? path.left(path.size() - suffix.size() - 1) : path;
    return format == "png" ? stem : stem + "." + format;
}
