#include "app/gui/RenderController.h"

#include "app/gui/DocumentBinding.h"
#include "app/gui/RenderProgress.h"

#include "app/gui/AppSettings.h"
#include "app/gui/JobQueue.h"
#include "core/render/ProjectRender.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cmath>

namespace {

QString& cacheDirectory()
{
    static QString directory = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + "/renders";
    return directory;
}

} // namespace

RenderController::RenderController(QObject* parent)
    : QObject(parent)
{
    connect(JobQueue::instance(), &JobQueue::progressChanged, this, &RenderController::onJobProgress);
}

RenderController::~RenderController()
{
    if (videoUrl_.isLocalFile()) {
        QFile::remove(videoUrl_.toLocalFile()); // a cache file: it belongs to this session
    }
}

void RenderController::setCacheDirectory(const QString& directory)
{
    cacheDirectory() = directory;
}

void RenderController::setDocument(ProjectDocument* document)
{
    if (rebindDocument(document_, document, this)) {
        if (document_) {
            // Another project: the clip of the previous one is not its animation.
            connect(document_, &ProjectDocument::fileUrlChanged, this, [this] {
                if (videoUrl_.isLocalFile() && !running_) {
                    QFile::remove(videoUrl_.toLocalFile());
                    videoUrl_.clear();
                    summary_.clear();
                    Q_EMIT videoChanged();
                }
            });
        }
        Q_EMIT documentChanged();
    }
}

void RenderController::render()
{
    if (running_) {
        return;
    }
    if (!document_ || !document_->loaded() || !document_->problems().isEmpty()) {
        setErrorString(document_ && !document_->problems().isEmpty() ? document_->problems().first()
                                                                     : tr("Open a project to render its animation."));
        return;
    }
    const durian::Project project = document_->project();
    QDir().mkpath(cacheDirectory());
    const QString path = QDir(cacheDirectory()).filePath(
        QStringLiteral("render-%1-%2.mp4").arg(QCoreApplication::applicationPid()).arg(++serial_));
    framesDone_ = 0;
    framesTotal_ = project.motion.frames;
    secondsLeft_ = -1;
    Q_EMIT progressChanged();
    setErrorString({});
    setRunning(true);
    // Our own cancel flag too: JobQueue.cancel() reaches only a job already running, and this one may
    // still wait behind a preview.
    cancelRequested_ = std::make_shared<std::atomic<bool>>(false);
    durian::ExportOptions options;
    options.modelWeights = AppSettings::instance()->modelWeights().toStdString(); // the model chosen in Settings
    options.classical = AppSettings::instance()->classicalMethod();
    JobQueue::instance()->submit(
        tr("Rendering the animation"),
        [project, path, options, cancelled = cancelRequested_](JobContext& context) {
            if (*cancelled) {
                return QVariant();
            }
            RenderProgress progress;
            durian::ProjectRenderCallbacks callbacks;
            callbacks.cancel = &context.cancelFlag();
            callbacks.progress = [&](const std::string& stage, int done, int total) {
                if (*cancelled) {
                    throw durian::RenderCancelled();
                }
                const auto report = progress.update(stage, done, total);
                context.reportProgress(report.fraction, report.message);
            };
            try {
                const auto result = durian::renderProjectVideo(project, path.toStdString(), options, callbacks);
                return QVariant(tr("%n frame(s), %1×%2 at %3 fps", "", result.frames)
                                    .arg(result.width)
                                    .arg(result.height)
                                    .arg(project.motion.fps));
            } catch (const durian::RenderCancelled&) {
                return QVariant(); // the queue sees the cancel flag and reports a cancel
            }
        },
        [self = QPointer(this), path](const QVariant& summary) {
            if (!self) {
                QFile::remove(path);
                return;
            }
            if (!summary.isValid()) { // cancelled through our own flag
                self->setErrorString(tr("Rendering was cancelled."));
                self->setRunning(false);
                Q_EMIT self->finished(false);
                return;
            }
            if (self->videoUrl_.isLocalFile()) {
                QFile::remove(self->videoUrl_.toLocalFile());
            }
            self->videoUrl_ = QUrl::fromLocalFile(path);
            self->summary_ = summary.toString();
            self->framesDone_ = self->framesTotal_;
            self->secondsLeft_ = 0;
            Q_EMIT self->progressChanged();
            Q_EMIT self->videoChanged();
            self->setRunning(false);
            Q_EMIT self->finished(true);
        },
        [self = QPointer(this)](const QString& error) {
            if (!self) {
                return;
            }
            // Cancelled (empty message) or failed: the previous clip stays.
            self->setErrorString(error.isEmpty() ? tr("Rendering was cancelled.")
                                                 : tr("The animation could not be rendered: %1").arg(error));
            self->setRunning(false);
            Q_EMIT self->finished(false);
        });
}

void RenderController::cancel()
{
    if (running_) {
        *cancelRequested_ = true;
        JobQueue::instance()->cancel();
    }
}

void RenderController::onJobProgress()
{
    auto* queue = JobQueue::instance();
    if (!running_ || queue->title() != tr("Rendering the animation") || queue->progress() < 0) {
        return;
    }
    const int done = static_cast<int>(std::lround(queue->progress() * framesTotal_));
    if (done != framesDone_) {
        // The time left, from the rate since this controller saw the first frame.
        if (framesDone_ == 0) {
            clock_.start();
            firstFrameSeen_ = done;
            secondsLeft_ = -1;
        } else if (done > firstFrameSeen_) {
            secondsLeft_ = clock_.elapsed() / 1000.0 / (done - firstFrameSeen_) * (framesTotal_ - done);
        }
        framesDone_ = done;
        Q_EMIT progressChanged();
    }
}

void RenderController::setRunning(bool running)
{
    if (running != running_) {
        running_ = running;
        Q_EMIT runningChanged();
    }
}

void RenderController::setErrorString(const QString& error)
{
    if (error != errorString_) {
        errorString_ = error;
        Q_EMIT errorStringChanged();
    }
}
