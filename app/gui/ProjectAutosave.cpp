#include "app/gui/ProjectAutosave.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <exception>

namespace {

QString& area()
{
    static QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave";
    return directory;
}

const QString kUntitledPrefix = QStringLiteral("untitled-");

QString untitledOfThisProcess()
{
    return area() + "/" + kUntitledPrefix + QString::number(QCoreApplication::applicationPid()) + ".durian";
}

} // namespace

ProjectAutosave::ProjectAutosave(QObject* parent)
    : QObject(parent)
{
    timer_.setSingleShot(true);
    timer_.setInterval(kDelayMs);
    connect(&timer_, &QTimer::timeout, this, &ProjectAutosave::write);
}

void ProjectAutosave::setDirectory(const QString& directory)
{
    area() = directory;
}

QString ProjectAutosave::directory()
{
    return area();
}

void ProjectAutosave::setProjectFile(const QUrl& file)
{
    timer_.stop();
    file_ = file;
}

QString ProjectAutosave::path() const
{
    if (file_.isEmpty()) {
        return untitledOfThisProcess();
    }
    const QByteArray key = QCryptographicHash::hash(file_.toLocalFile().toUtf8(), QCryptographicHash::Sha1).toHex();
    return area() + "/" + QFileInfo(file_.toLocalFile()).completeBaseName() + "-" + key.left(12) + ".durian";
}

QString ProjectAutosave::untitledFolderOf(const QString& autosaveFile)
{
    const QFileInfo file(autosaveFile);
    if (!file.completeBaseName().startsWith(kUntitledPrefix)) {
        return {};
    }
    return file.absolutePath() + "/" + file.completeBaseName() + ".files";
}

QString ProjectAutosave::untitledFolder() const
{
    const QString folder = untitledFolderOf(untitledOfThisProcess());
    QDir().mkpath(folder);
    return folder;
}

void ProjectAutosave::discard(const QString& autosaveFile)
{
    if (autosaveFile.isEmpty()) {
        return;
    }
    QFile::remove(autosaveFile);
    if (const QString folder = untitledFolderOf(autosaveFile); !folder.isEmpty()) {
        QDir(folder).removeRecursively();
    }
}

void ProjectAutosave::removeUntitledFiles()
{
    QDir(untitledFolderOf(untitledOfThisProcess())).removeRecursively();
}

void ProjectAutosave::schedule(std::function<durian::Project()> snapshot)
{
    snapshot_ = std::move(snapshot);
    timer_.start(); // restarts: written once the edits pause
}

void ProjectAutosave::flush()
{
    if (timer_.isActive()) {
        timer_.stop();
        write();
    }
}

void ProjectAutosave::remove()
{
    timer_.stop();
    QFile::remove(path());
}

bool ProjectAutosave::newerThanFile() const
{
    const QFileInfo autosave(path());
    return !file_.isEmpty() && autosave.exists()
        && autosave.lastModified() >= QFileInfo(file_.toLocalFile()).lastModified();
}

QString ProjectAutosave::orphanedUntitled()
{
    const auto entries = QDir(area()).entryInfoList({kUntitledPrefix + "*.durian"}, QDir::Files, QDir::Time);
    for (const QFileInfo& entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.completeBaseName().mid(kUntitledPrefix.size()).toLongLong(&numeric);
        // kill(pid, 0) fails with ESRCH when no such process runs: the one that wrote it is gone.
        if (numeric && pid != QCoreApplication::applicationPid() && ::kill(static_cast<pid_t>(pid), 0) != 0
            && errno == ESRCH) {
            return entry.absoluteFilePath();
        }
    }
    return {};
}

void ProjectAutosave::write()
{
    if (!snapshot_) {
        return;
    }
    try {
        QDir().mkpath(area());
        durian::saveProject(snapshot_(), path().toStdString());
    } catch (const std::exception& e) {
        // A safety net: failing it must not interrupt editing, but the user should know.
        Q_EMIT failed(tr("Autosave failed: %1").arg(QString::fromUtf8(e.what())));
    }
}
