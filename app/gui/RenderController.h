#pragma once

#include "app/gui/ProjectDocument.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

class Job;

// The whole clip of the open project, on the JobQueue's render lane (previews never wait for it):
// - Render Animation: into a temporary MP4 in the cache folder, for the in-app player;
// - Export: into the user's file, with the Export dialog's settings.
// Both keep the animation's frames (durian::RenderedFrames, in a folder of this process), so an export
// after a render, or a render after an export, with the project and the model unchanged, writes the
// frames made before instead of making them again. One job at a time; its progress line (frame n of N,
// time left) is the one the status bar shows. cancel() stops it; the previous clip and file stay.
class RenderController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged) // a render or an export
    Q_PROPERTY(bool exporting READ exporting NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged) // 0..1, -1 when nothing runs
    Q_PROPERTY(QString message READ message NOTIFY progressChanged)
    Q_PROPERTY(QUrl videoUrl READ videoUrl NOTIFY videoChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY videoChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit RenderController(QObject* parent = nullptr);
    ~RenderController() override;

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    bool running() const { return job_ != nullptr; }
    bool exporting() const { return job_ && exporting_; }
    double progress() const;
    QString message() const;
    QUrl videoUrl() const { return videoUrl_; }
    QString summary() const { return summary_; }
    QString errorString() const { return errorString_; }

    // Where rendered clips and kept frames go; the directory can be changed for tests.
    static void setCacheDirectory(const QString& directory);

    Q_INVOKABLE void render();
    // The Export dialog's settings: {"fps": 0|1..240, "quality": "high"|"medium"|"low", "size": 0|pixels,
    // "audio": bool}; missing keys keep the defaults (durian::ExportOptions). Ends in exportFinished or
    // exportFailed (an empty error: cancelled).
    Q_INVOKABLE void exportVideo(const QUrl& url, const QVariantMap& settings = {});
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void documentChanged();
    void runningChanged();
    void progressChanged();
    void videoChanged();
    void errorStringChanged();
    void finished(bool succeeded); // a render
    // `reused`: the frames came from the render before, not from the model again.
    void exportFinished(const QUrl& file, const QString& summary, bool reused);
    void exportFailed(const QString& error);

private:
    using Finish = std::function<void(const QVariantMap& result)>;
    using Fail = std::function<void(const QString& error)>;
    // Runs renderProjectVideo on the render lane with the kept frames; result {summary, reused}.
    void start(const QString& title, const QString& output, const QVariantMap& settings, bool exporting,
        Finish finish, Fail fail);
    void setErrorString(const QString& error);
    void dropVideo();

    QPointer<ProjectDocument> document_;
    std::shared_ptr<Job> job_;
    bool exporting_ = false;
    QUrl videoUrl_;
    QString summary_;
    QString errorString_;
    int serial_ = 0;
    QString framesDirectory_; // this controller's kept frames, removed when it goes
};
