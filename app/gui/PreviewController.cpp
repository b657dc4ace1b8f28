#include "app/gui/PreviewController.h"

#include "app/gui/AppSettings.h"
#include "app/gui/DocumentBinding.h"
#include "app/gui/ImageConversion.h"
#include "app/gui/JobQueue.h"
#include "app/gui/PreviewWorker.h"
#include "app/gui/ProjectDocument.h"
#include "core/pipeline/Pipeline.h"

#include <QDateTime>

#include <algorithm>

PreviewController::PreviewController(QObject* parent)
    : QObject(parent)
    , worker_(PreviewWorker::shared())
{
    debounce_.setSingleShot(true);
    debounce_.setInterval(300);
    connect(&debounce_, &QTimer::timeout, this, &PreviewController::refresh);
    // The application's settings the preview depends on change it too (the project's steps and guidance come
    // with projectChanged).
    const AppSettings* settings = AppSettings::instance();
    connect(settings, &AppSettings::previewResolutionChanged, this, &PreviewController::scheduleRefresh);
    connect(settings, &AppSettings::modelWeightsChanged, this, &PreviewController::scheduleRefresh);
    connect(settings, &AppSettings::classicalMethodChanged, this, &PreviewController::scheduleRefresh);
}

PreviewController::~PreviewController()
{
    if (job_) {
        job_->cancel();
    }
}

void PreviewController::setDocument(ProjectDocument* document)
{
    if (!rebindDocument(document_, document, this, &PreviewController::scheduleRefresh)) {
        return;
    }
    if (document_ && document_->loaded()) {
        scheduleRefresh();
    }
    Q_EMIT documentChanged();
}

void PreviewController::setDebounceMs(int ms)
{
    if (ms != debounce_.interval()) {
        debounce_.setInterval(ms);
        Q_EMIT debounceMsChanged();
    }
}

void PreviewController::scheduleRefresh()
{
    if (!document_ || !document_->loaded()) {
        return;
    }
    if (!debounce_.isActive()) {
        changedAtMs_ = QDateTime::currentMSecsSinceEpoch();
    }
    debounce_.start(); // restarts: the preview starts once the edits pause
}

void PreviewController::refresh()
{
    debounce_.stop();
    if (!document_ || !document_->loaded()) {
        return;
    }
    if (job_) {
        job_->cancel(); // latest wins
    }
    if (changedAtMs_ == 0) {
        changedAtMs_ = QDateTime::currentMSecsSinceEpoch();
    }
    const int serial = ++serial_;
    const durian::Project project = document_->project();
    const AppSettings* settings = AppSettings::instance();
    const int size = settings->previewResolution();
    const int steps = project.render.steps; // capped for previews (durian::kPreviewSteps)
    const double guidance = project.render.guidance;
    const std::filesystem::path weights = settings->modelWeights().toStdString();
    const bool trained = PreviewWorker::drawsWithModel(weights, settings->classicalMethod());
    setRunning(true);
    setErrorString({});
    step_ = 0; // the last run's "step 6 of 6" is not this run's progress
    totalSteps_ = 0;
    Q_EMIT stepChanged();

    job_ = JobQueue::instance()->submit(JobQueue::Lane::Interactive,
        tr("Preview"),
        [worker = worker_, project, size, steps, guidance, weights, trained](JobContext& context) -> QVariant {
            if (!trained) {
                context.reportProgress(0.0, tr("Compositing the preview…"));
                return QVariant(toQImage(worker->inPhoto(project, size, worker->classicalStill(project, size))));
            }
            context.reportProgress(0.0, tr("Preparing the preview…"));
            const durian::GenerationRequest request = worker->request(project, size, steps, guidance);
            if (!worker->modelLoaded(weights)) {
                context.reportProgress(0.0, tr("Loading the model…"));
            }
            durian::Generator& generator = worker->generator(weights);
            durian::GenerationCallbacks callbacks;
            callbacks.stop = context.stopToken(); // a newer preview, or the status bar's cancel button
            callbacks.progress = [&context](int step, int total) {
                context.reportProgress(static_cast<double>(step) / std::max(1, total),
                    tr("Preview step %1 of %2").arg(step).arg(total));
            };
            callbacks.preview = [&context](const durian::Image& image, int step, int total) {
                context.reportPartial(QVariantList{toQImage(image), step, total}); // showStep()
            };
            const auto result = generator.generate(request, callbacks);
            return QVariant(toQImage(worker->inPhoto(project, size, result.frames.front())));
        },
        [self = QPointer(this), serial](const QVariant& result) {
            if (!self || serial != self->serial_) {
                if (self) {
                    Q_EMIT self->cancelled();
                }
                return;
            }
            self->setImage(result.value<QImage>());
            self->lastSeconds_ = (QDateTime::currentMSecsSinceEpoch() - self->changedAtMs_) / 1000.0;
            self->changedAtMs_ = 0;
            self->job_.reset();
            self->setRunning(false);
            Q_EMIT self->finished();
        },
        [self = QPointer(this), serial](const QString& error) {
            if (!self) {
                return;
            }
            if (serial != self->serial_) {
                Q_EMIT self->cancelled();
                return;
            }
            self->job_.reset();
            self->changedAtMs_ = 0;
            self->setRunning(false);
            if (error.isEmpty()) {
                Q_EMIT self->cancelled();
            } else {
                self->setErrorString(tr("The preview could not be rendered: %1").arg(error));
            }
        });
    // The per-step images, while this is the latest preview (a cancelled one may still send some).
    connect(job_.get(), &Job::partialResult, this, [this, job = job_.get()](const QVariant& partial) {
        if (job_.get() == job) {
            showStep(partial);
        }
    });
}

void PreviewController::showStep(const QVariant& partial)
{
    const QVariantList values = partial.toList(); // {image, step, total}
    step_ = values.value(1).toInt();
    totalSteps_ = values.value(2).toInt();
    Q_EMIT stepChanged();
    const QImage image = values.value(0).value<QImage>();
    if (!image.isNull()) {
        setImage(image);
    }
}

bool PreviewController::modelTrained() const
{
    // A user's file is taken as trained; otherwise the shipped default, when it is installed.
    return PreviewWorker::trainedModelAvailable(AppSettings::instance()->modelWeights().toStdString());
}

void PreviewController::setRunning(bool running)
{
    if (running != running_) {
        running_ = running;
        Q_EMIT runningChanged();
    }
}

void PreviewController::setImage(const QImage& image)
{
    image_ = image;
    Q_EMIT imageChanged();
}

void PreviewController::setErrorString(const QString& error)
{
    if (error != errorString_) {
        errorString_ = error;
        Q_EMIT errorStringChanged();
    }
}
