#pragma once

#include "app/gui/ProjectDocument.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVector>
#include <QtQml/qqmlregistration.h>

// The Motion panel's view of the project's motion: the retargeted keypoint track drawn over the aligned
// portrait and, for a driving video, the tracked keypoints drawn over the video's frames, a few frames
// sampled over the clip so the panel can play them. Built on the worker thread after the motion changes
// (debounced; a newer build wins). chooseDrivingVideo() tracks the video first and sets it on the
// document only when a face was found, so a video without a face leaves the project unchanged.
class MotionController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ProjectDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int frameCount READ frameCount NOTIFY framesChanged)
    Q_PROPERTY(int frameIndex READ frameIndex WRITE setFrameIndex NOTIFY frameIndexChanged)
    Q_PROPERTY(QImage portraitFrame READ portraitFrame NOTIFY frameIndexChanged)
    Q_PROPERTY(QImage drivingFrame READ drivingFrame NOTIFY frameIndexChanged)
    Q_PROPERTY(bool hasDrivingFrames READ hasDrivingFrames NOTIFY framesChanged)
    // Whether the driving video has a sound track (the Export dialog offers audio only then).
    Q_PROPERTY(bool drivingVideoHasAudio READ drivingVideoHasAudio NOTIFY framesChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs)

public:
    static constexpr int kPreviewSize = 192;  // pixels of the panel's images
    static constexpr int kPreviewFrames = 16; // frames sampled over the clip

    explicit MotionController(QObject* parent = nullptr);

    ProjectDocument* document() const { return document_; }
    void setDocument(ProjectDocument* document);
    bool running() const { return running_; }
    int frameCount() const { return static_cast<int>(portraitFrames_.size()); }
    int frameIndex() const { return frameIndex_; }
    void setFrameIndex(int index);
    QImage portraitFrame() const { return portraitFrames_.value(frameIndex_); }
    QImage drivingFrame() const { return drivingFrames_.value(frameIndex_); }
    bool hasDrivingFrames() const { return !drivingFrames_.isEmpty(); }
    bool drivingVideoHasAudio() const { return drivingVideoHasAudio_; }
    QString errorString() const { return errorString_; }
    int debounceMs() const { return debounce_.interval(); }
    void setDebounceMs(int ms) { debounce_.setInterval(ms); }

    // Tracks the video's face on the worker thread; on success sets it as the driving video (undoable)
    // and shows it; on failure (no face, not a video) only errorString and drivingVideoRejected.
    Q_INVOKABLE void chooseDrivingVideo(const QUrl& url);
    // Rebuilds the view now.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void documentChanged();
    void runningChanged();
    void framesChanged();
    void frameIndexChanged();
    void errorStringChanged();
    void drivingVideoAccepted(const QUrl& url);
    void drivingVideoRejected(const QUrl& url, const QString& message);
    void built(); // a view finished building (tests wait on it)

private:
    void onProjectChanged();
    void build(const QUrl& candidateVideo);
    void setRunning(bool running);
    void setErrorString(const QString& error);

    QPointer<ProjectDocument> document_;
    QTimer debounce_;
    QString builtKey_; // the motion settings the view shows (or is being built for)
    int generation_ = 0;
    int pending_ = 0;
    bool running_ = false;
    int frameIndex_ = 0;
    QVector<QImage> portraitFrames_;
    QVector<QImage> drivingFrames_;
    bool drivingVideoHasAudio_ = false;
    QString errorString_;
};
