#include "app/gui/RenderController.h"

#include "app/gui/AppSettings.h"
#include "app/gui/DocumentBinding.h"
#include "app/gui/JobQueue.h"
#include "app/gui/RenderProgress.h"
#include "core/render/ProjectRender.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

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
    static int instances = 0;
    framesDirectory_ = QDir(cacheDirectory()).filePath(
        QStringLiteral("frames-%1-%2").arg(QCoreApplication::applicationPid()).arg(++instances));
}

RenderController::~RenderController()
{
    if (job_) {
        job_->cancel();
    }
    // Cache files: they belong to this session. (A job still running writes only into its temporaries.)
    dropVideo();
    QDir(framesDirectory_).removeRecursively();
}

void RenderController::setCacheDirectory(const QString& directory)
{
    cacheDirectory() = directory;
}

void RenderController::setDocument(ProjectDocument* document)
{
    if (rebindDocument(document_, document, this)) {
        if (document_) {
            // Another project: the clip of the previous one is not its animation. (Save As keeps it.)
            connect(document_, &ProjectDocument::projectReplaced, this, [this] {
                if (!job_) {
                    dropVideo();
                }
            });
        }
        Q_EMIT documentChanged();
    }
}

double RenderController::progress() const
{
    return job_ ? job_->progress() : -1.0;
}

QString RenderController::message() const
{
    return job_ ? job_->message() : QString();
}

void RenderController::render()
{
    QDir().mkpath(cacheDirectory());
    const QString path = QDir(cacheDirectory()).filePath(
        QStringLiteral("render-%1-%2.mp4").arg(QCoreApplication::applicationPid()).arg(++serial_));
    start(
        tr("Rendering the animation"), path, {}, false,
        [this, path](const QVariantMap& result) {
            dropVideo();
            videoUrl_ = QUrl::fromLocalFile(path);
            summary_ = result.value("summary").toString();
            Q_EMIT videoChanged();
            Q_EMIT finished(true);
        },
        [this](const QString& error) {
            // Cancelled (empty message) or failed: the previous clip stays.
            setErrorString(error.isEmpty() ? tr("Rendering was cancelled.")
                                           : tr("The animation could not be rendered: %1").arg(error));
            Q_EMIT finished(false);
        });
}

void RenderController::exportVideo(const QUrl& url, const QVariantMap& settings)
{
    if (!url.isLocalFile()) {
        setErrorString(tr("Choose a local file to export the video to."));
        Q_EMIT exportFailed(errorString_);
        return;
    }
    start(
        tr("Exporting %1").arg(url.fileName()), url.toLocalFile(), settings, true,
        [this, url](const QVariantMap& result) {
            Q_EMIT exportFinished(url, result.value("summary").toString(), result.value("reused").toBool());
        },
        [this](const QString& error) {
            if (!error.isEmpty()) {
                setErrorString(tr("The video could not be exported: %1").arg(error));
            }
            Q_EMIT exportFailed(error.isEmpty() ? QString() : errorString_);
        });
}

void RenderController::start(const QString& title, const QString& output, const QVariantMap& settings, bool exporting,
    Finish finish, Fail fail)
{
    if (job_) {
        fail(tr("A render is already running; wait for it or cancel it."));
        return;
    }
    if (!document_ || !document_->loaded() || !document_->problems().isEmpty()) {
        fail(document_ && !document_->problems().isEmpty() ? document_->problems().first()
                                                           : tr("Open a project to render its animation."));
        return;
    }
    durian::ExportOptions options;
    options.fps = settings.value("fps", 0.0).toDouble();
    options.size = settings.value("size", 0).toInt();
    options.audio = settings.value("audio", true).toBool();
    options.modelWeights = AppSettings::instance()->modelWeights().toStdString(); // the model chosen in Settings
    options.classical = AppSettings::instance()->classicalMethod();
    const QString quality = settings.value("quality", "high").toString();
    if (const auto parsed = durian::parseExportQuality(quality.toStdString())) {
        options.quality = *parsed;
    } else {
        fail(tr("Unknown export quality “%1”.").arg(quality));
        return;
    }
    const durian::Project project = document_->project(); // a snapshot: edits meanwhile do not change it
    const std::filesystem::path frames = framesDirectory_.toStdString();
    setErrorString({});
    exporting_ = exporting;
    job_ = JobQueue::instance()->submit(
        JobQueue::Lane::Render, title,
        [project, output, options, frames](JobContext& context) {
            RenderProgress progress;
            durian::ProjectRenderCallbacks callbacks;
            callbacks.stop = context.stopToken();
            callbacks.progress = [&](const std::string& stage, int done, int total) {
                const auto report = progress.update(stage, done, total);
                context.reportProgress(report.fraction, report.message);
            };
            const auto result = durian::renderProjectVideo(project, output.toStdString(), options, callbacks, frames);
            const QString summary = tr("%n frame(s), %1×%2, by %3", "", result.frames)
                                        .arg(result.width)
                                        .arg(result.height)
                                        .arg(QString::fromStdString(result.method));
            return QVariant(QVariantMap{{"summary", summary}, {"reused", result.reused}});
        },
        [self = QPointer(this), finish, output](const QVariant& result) {
            if (!self) {
                return;
            }
            self->job_.reset();
            Q_EMIT self->runningChanged();
            Q_EMIT self->progressChanged();
            finish(result.toMap());
        },
        [self = QPointer(this), fail](const QString& error) {
            if (!self) {
                return;
            }
            self->job_.reset();
            Q_EMIT self->runningChanged();
            Q_EMIT self->progressChanged();
            fail(error);
        });
    connect(job_.get(), &Job::progressChanged, this, &RenderController::progressChanged);
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
}

void RenderController::cancel()
{
    if (job_) {
        job_->cancel();
    }
}

void RenderController::dropVideo()
{
    if (videoUrl_.isLocalFile()) {
        QFile::remove(videoUrl_.toLocalFile());
        videoUrl_.clear();
        summary_.clear();
        Q_EMIT videoChanged();
    }
}

void RenderController::setErrorString(const QString& error)
{
    if (error != errorString_) {
        errorString_ = error;
        Q_EMIT errorStringChanged();
    }
}
