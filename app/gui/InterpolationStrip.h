#pragma once

#include "app/gui/ProjectDocument.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

class Job;
class PreviewWorker;

// A row of preview thumbnails across the interpolation alpha (0 .. 1 in `count` steps) for the project's
// paired references. Rendered on the worker thread through the same model and request as the live
// preview (so the references come from its cache), one thumbnail at a time as each is done. A new
// render() or any edit of the document cancels the one running (latest wins).
class InterpolationStrip : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(int count READ count WRITE setCount NOTIFY countChanged)
    Q_PROPERTY(QVariantList images READ images NOTIFY imagesChanged) // QImage each; null until rendered
    Q_PROPERTY(QVariantList alphas READ alphas NOTIFY countChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int done READ done NOTIFY imagesChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    // On: after an edit settles (debounce), the strip renders again by itself.
    Q_PROPERTY(bool autoRender READ autoRender WRITE setAutoRender NOTIFY autoRenderChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs NOTIFY autoRenderChanged)

public:
    explicit InterpolationStrip(QObject* parent = nullptr);
    ~InterpolationStrip() override;

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    int count() const { return count_; }
    void setCount(int count);
    QVariantList images() const { return images_; }
    QVariantList alphas() const;
    bool running() const { return running_; }
    int done() const { return done_; }
    QString errorString() const { return errorString_; }
    bool autoRender() const { return autoRender_; }
    void setAutoRender(bool on);
    int debounceMs() const { return debounce_.interval(); }
    void setDebounceMs(int ms);

    Q_INVOKABLE void render();
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void documentChanged();
    void countChanged();
    void imagesChanged();
    void runningChanged();
    void errorStringChanged();
    void autoRenderChanged();
    void finished();

private:
    void setRunning(bool running);
    void setErrorString(const QString& error);
    void clearImages();
    void documentEdited();

    QPointer<ProjectDocument> document_;
    int count_ = 5;
    QVariantList images_;
    // What the thumbnails show: the project with its alpha left out, since each thumbnail has its own;
    // picking an alpha (a click on a thumbnail) therefore keeps them.
    std::optional<durian::Project> shown_;
    int done_ = 0;
    bool running_ = false;
    QString errorString_;
    bool autoRender_ = false;
    QTimer debounce_;
    int serial_ = 0;
    std::shared_ptr<Job> job_; // the strip being rendered
    std::shared_ptr<PreviewWorker> worker_;
};
