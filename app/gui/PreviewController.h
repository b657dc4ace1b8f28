#pragma once

#include "app/gui/ProjectDocument.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>

class Job;
class PreviewWorker;

// The live preview of a still frame. After any change of the document it waits for the edits to settle
// (debounce), cancels the preview still running, and submits a new one to the JobQueue: the portrait
// aligned, the references' masks aligned to it, the portrait's own landmarks as keypoints, the
// pipeline's previewRequest(). The image shows each sampler step's cheap preview, then the result.
// The model (durian::Generator) lives on the worker thread, created by the first preview and kept.
class PreviewController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QImage image READ image NOTIFY imageChanged)
    Q_PROPERTY(bool hasImage READ hasImage NOTIFY imageChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int step READ step NOTIFY stepChanged)
    Q_PROPERTY(int totalSteps READ totalSteps NOTIFY stepChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs NOTIFY debounceMsChanged)
    Q_PROPERTY(double lastSeconds READ lastSeconds NOTIFY finished)
    // False while previews come from the untrained default model (no trained weights ship yet), so the
    // window can say why the preview looks like noise.
    // A user's weights file (Settings) counts as trained; re-read with each new image.
    Q_PROPERTY(bool modelTrained READ modelTrained NOTIFY imageChanged)

public:
    bool modelTrained() const; // false while only the untrained built-in model is there
    explicit PreviewController(QObject* parent = nullptr);
    ~PreviewController() override;

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    QImage image() const { return image_; }
    bool hasImage() const { return !image_.isNull(); }
    bool running() const { return running_; }
    // A preview runs or waits for the edits to settle.
    bool pending() const { return running_ || debounce_.isActive(); }
    int step() const { return step_; }
    int totalSteps() const { return totalSteps_; }
    QString errorString() const { return errorString_; }
    int debounceMs() const { return debounce_.interval(); }
    void setDebounceMs(int ms);
    double lastSeconds() const { return lastSeconds_; } // change to finished preview, last run

    // Starts a preview now (no debounce), cancelling the running one.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void documentChanged();
    void imageChanged();
    void runningChanged();
    void stepChanged();
    void errorStringChanged();
    void debounceMsChanged();
    void finished();  // a preview completed and its image is shown
    void cancelled(); // a preview was stopped because a newer one replaced it

private:
    void scheduleRefresh();
    void setRunning(bool running);
    void showStep(const QVariant& partial);
    void setImage(const QImage& image);
    void setErrorString(const QString& error);

    QPointer<ProjectDocument> document_;
    QTimer debounce_;
    QImage image_;
    bool running_ = false;
    int step_ = 0;
    int totalSteps_ = 0;
    QString errorString_;
    int serial_ = 0; // the latest submitted preview; results of older ones are dropped
    std::shared_ptr<Job> job_; // the latest submitted preview
    std::shared_ptr<PreviewWorker> worker_; // touched only inside jobs, on the worker thread
    qint64 changedAtMs_ = 0;
    double lastSeconds_ = 0.0;
};
