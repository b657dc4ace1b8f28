#pragma once

#include "core/io/Project.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>

// The crash-safety copy of the open project, in the autosave area (never beside the user's files or in
// the install tree). Edits schedule a write, made once they pause (or at once by flush(), when a gesture
// ends), so a slider drag does not fsync every tick. A project without a file ("untitled") has an
// autosave and a work folder named after this process; the work folder holds what is made for it
// before its first save (painted and automatic masks).
class ProjectAutosave : public QObject {
    Q_OBJECT

public:
    static constexpr int kDelayMs = 1000;

    explicit ProjectAutosave(QObject* parent = nullptr);

    // The area; changed by tests.
    static void setDirectory(const QString& directory);
    static QString directory();

    // The project's file; empty for an untitled project.
    void setProjectFile(const QUrl& file);
    QString path() const;
    // Where files made for an untitled project go (created on demand).
    QString untitledFolder() const;
    static QString untitledFolderOf(const QString& autosaveFile);

    // `snapshot` is called when the write happens, so the newest state is written.
    void schedule(std::function<durian::Project()> snapshot);
    void flush();
    void remove();
    // Whether an autosave newer than the project's file is there (edits a crash did not let the user save).
    bool newerThanFile() const;
    // The autosave of an untitled project whose process is gone (it crashed), empty when there is none.
    static QString orphanedUntitled();
    // Removes an autosave file and, for an untitled project's, the files made for it.
    static void discard(const QString& autosaveFile);
    // Removes the files made for this process's untitled project.
    static void removeUntitledFiles();

Q_SIGNALS:
    void failed(const QString& message);

private:
    void write();

    QUrl file_;
    QTimer timer_;
    std::function<durian::Project()> snapshot_;
};
