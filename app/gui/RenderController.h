#pragma once

#include "app/gui/ProjectDocument.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

// Render Animation: the whole clip of the open project, on the worker thread, into a temporary MP4 in
// the cache folder (the same renderer and settings as Export, at the project's frame rate and size),
// for the in-app player. Progress (frame n of N, time left) shows through the JobQueue and here;
// JobQueue.cancel() stops it and keeps the previous clip. A newer render replaces the older file.
class RenderController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int framesDone READ framesDone NOTIFY progressChanged)
    Q_PROPERTY(int framesTotal READ framesTotal NOTIFY progressChanged)
    Q_PROPERTY(double secondsLeft READ secondsLeft NOTIFY progressChanged) // -1: not known yet
    Q_PROPERTY(QUrl videoUrl READ videoUrl NOTIFY videoChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY videoChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit RenderController(QObject* parent = nullptr);
    ~RenderController() override;

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    bool running() const { return running_; }
    int framesDone() const { return framesDone_; }
    int framesTotal() const { return framesTotal_; }
    double secondsLeft() const { return secondsLeft_; }
    QUrl videoUrl() const { return videoUrl_; }
    QString summary() const { return summary_; }
    QString errorString() const { return errorString_; }

    // Where rendered clips go; the directory can be changed for tests.
    static void setCacheDirectory(const QString& directory);

    Q_INVOKABLE void render();
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void documentChanged();
    void runningChanged();
    void progressChanged();
    void videoChanged();
    void errorStringChanged();
    void finished(bool succeeded);

private:
    void onJobProgress();
    void setRunning(bool running);
    void setErrorString(const QString& error);

    QPointer<ProjectDocument> document_;
    bool running_ = false;
    int framesDone_ = 0;
    int framesTotal_ = 0;
    double secondsLeft_ = -1;
    QUrl videoUrl_;
    QString summary_;
    QString errorString_;
    int serial_ = 0;
    QElapsedTimer clock_;
    std::shared_ptr<std::atomic<bool>> cancelRequested_ = std::make_shared<std::atomic<bool>>(false);
    int firstFrameSeen_ = 0;
};
