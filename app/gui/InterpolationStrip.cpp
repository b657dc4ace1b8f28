#include "app/gui/InterpolationStrip.h"

#include "app/gui/DocumentBinding.h"
#include "app/gui/AppSettings.h"
#include "app/gui/ImageConversion.h"
#include "app/gui/JobQueue.h"
#include "app/gui/PreviewWorker.h"
#include "core/pipeline/Pipeline.h"

#include <algorithm>

InterpolationStrip::InterpolationStrip(QObject* parent)
    : QObject(parent)
    , worker_(PreviewWorker::shared())
{
    clearImages();
    debounce_.setSingleShot(true);
    debounce_.setInterval(800); // after the preview's own debounce: the preview of an edit comes first
    connect(&debounce_, &QTimer::timeout, this, &InterpolationStrip::render);
}

void InterpolationStrip::setAutoRender(bool on)
{
    if (on != autoRender_) {
        autoRender_ = on;
        if (on && done_ == 0 && !running_) {
            debounce_.start();
        } else if (!on) {
            debounce_.stop();
        }
        Q_EMIT autoRenderChanged();
    }
}

void InterpolationStrip::setDebounceMs(int ms)
{
    if (ms != debounce_.interval()) {
        debounce_.setInterval(ms);
        Q_EMIT autoRenderChanged();
    }
}

namespace {
durian::Project withoutAlpha(durian::Project project)
{
    if (project.interpolation) {
        project.interpolation->alpha = 0.0;
    }
    return project;
}
} // namespace

void InterpolationStrip::documentEdited()
{
    if (shown_ && document_ && withoutAlpha(document_->project()) == *shown_) {
        return; // only the alpha moved: every thumbnail is still right
    }
    shown_.reset();
    cancel();
    clearImages();
    if (autoRender_ && document_ && document_->interpolation().value("paired").toBool()) {
        debounce_.start();
    }
}

InterpolationStrip::~InterpolationStrip()
{
    if (job_) {
        job_->cancel();
    }
}

void InterpolationStrip::setDocument(ProjectDocument* document)
{
    // The thumbnails show the project as it was: any edit makes them stale.
    if (rebindDocument(document_, document, this, &InterpolationStrip::documentEdited)) {
        Q_EMIT documentChanged();
    }
}

void InterpolationStrip::setCount(int count)
{
    count = std::clamp(count, 2, 12);
    if (count != count_) {
        cancel();
        count_ = count;
        clearImages();
        Q_EMIT countChanged();
    }
}

QVariantList InterpolationStrip::alphas() const
{
    QVariantList list;
    for (int i = 0; i < count_; ++i) {
        list.append(static_cast<double>(i) / (count_ - 1));
    }
    return list;
}

void InterpolationStrip::clearImages()
{
    images_.clear();
    for (int i = 0; i < count_; ++i) {
        images_.append(QVariant::fromValue(QImage()));
    }
    done_ = 0;
    Q_EMIT imagesChanged();
}

void InterpolationStrip::cancel()
{
    if (job_) {
        job_->cancel();
        job_.reset();
    }
    ++serial_; // results still on their way are dropped
    setRunning(false);
}

void InterpolationStrip::render()
{
    debounce_.stop();
    cancel();
    clearImages();
    if (!document_ || !document_->interpolation().value("paired").toBool()) {
        setErrorString(tr("Pair two references of one category to see the interpolation."));
        return;
    }
    setErrorString({});
    const int serial = serial_;
    const durian::Project project = document_->project();
    shown_ = withoutAlpha(project);
    const AppSettings* settings = AppSettings::instance();
    const int size = settings->previewResolution();
    const int steps = project.render.steps;
    const double guidance = project.render.guidance; // as the preview: the strip's ends are its images
    const std::filesystem::path weights = settings->modelWeights().toStdString();
    const bool trained = PreviewWorker::drawsWithModel(weights, settings->classicalMethod());
    const int count = count_;
    setRunning(true);

    // Each cell as it is made, {index, image}, to the connection below.
    auto post = [](JobContext& context, int index, const QImage& image) {
        context.reportPartial(QVariantList{index, QVariant::fromValue(image)});
    };
    job_ = JobQueue::instance()->submit(JobQueue::Lane::Interactive,
        tr("Interpolation strip"),
        [worker = worker_, project, size, steps, guidance, weights, trained, count, post](JobContext& context) -> QVariant {
            durian::GenerationRequest request = worker->request(project, size, steps, guidance);
            if (!request.interpolation) {
                throw durian::Error("Both references of the interpolation pair must be switched on.");
            }
            if (!trained) { // the classical method's cross-fade, as export renders it without a model
                durian::Project at = project;
                for (int i = 0; i < count; ++i) {
                    durian::throwIfStopped(context.stopToken());
                    context.reportProgress(static_cast<double>(i) / count, tr("Interpolation %1 of %2").arg(i + 1).arg(count));
                    at.interpolation->alpha = static_cast<double>(i) / (count - 1);
                    post(context, i, toQImage(worker->classicalStill(at, size)));
                }
                return QVariant(true);
            }
            durian::Generator& generator = worker->generator(weights);
            durian::GenerationCallbacks callbacks;
            callbacks.stop = context.stopToken();
            for (int i = 0; i < count; ++i) {
                context.reportProgress(static_cast<double>(i) / count, tr("Interpolation %1 of %2").arg(i + 1).arg(count));
                request.interpolation->alpha = static_cast<double>(i) / (count - 1);
                post(context, i, toQImage(generator.generate(request, callbacks).frames.front()));
            }
            return QVariant(true);
        },
        [self = QPointer(this), serial](const QVariant& result) {
            if (self && serial == self->serial_) {
                self->job_.reset();
                self->setRunning(false);
                if (result.isValid()) {
                    Q_EMIT self->finished();
                }
            }
        },
        [self = QPointer(this), serial](const QString& error) {
            if (self && serial == self->serial_) {
                self->job_.reset();
                self->setRunning(false);
                if (!error.isEmpty()) {
                    self->setErrorString(tr("The interpolation strip could not be rendered: %1").arg(error));
                }
            }
        });
    connect(job_.get(), &Job::partialResult, this, [this, job = job_.get()](const QVariant& partial) {
        const QVariantList cell = partial.toList(); // {index, image}
        const int index = cell.value(0).toInt();
        if (job_.get() == job && index < images_.size()) {
            images_[index] = cell.value(1);
            ++done_;
            Q_EMIT imagesChanged();
        }
    });
}

void InterpolationStrip::setRunning(bool running)
{
    if (running != running_) {
        running_ = running;
        Q_EMIT runningChanged();
    }
}

void InterpolationStrip::setErrorString(const QString& error)
{
    if (error != errorString_) {
        errorString_ = error;
        Q_EMIT errorStringChanged();
    }
}
