#include "app/gui/PreviewController.h"

#include "app/gui/AppSettings.h"
#include "app/gui/JobQueue.h"
#include "app/gui/ProjectDocument.h"
#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/KeypointImage.h"
#include "core/io/Image.h"
#include "core/masks/AlignedMask.h"
#include "core/masks/AutoMasks.h"
#include "core/pipeline/Pipeline.h"

#include <QDateTime>

#include <algorithm>
#include <map>

namespace {

QImage toQImage(const durian::Image& image)
{
    const QImage::Format format = image.channels == 1 ? QImage::Format_Grayscale8
        : image.channels == 4                          ? QImage::Format_RGBA8888
                                                       : QImage::Format_RGB888;
    // copy(): the QImage must own its pixels once the durian::Image is gone.
    return QImage(image.pixels.data(), image.width, image.height, image.width * image.channels, format).copy();
}

struct Analysed {
    durian::Image photo;
    durian::Landmarks landmarks;
};

} // namespace

// What the worker thread keeps between previews: the model and the face analyzer (each loads once),
// and the landmarks of the photos seen so far (a slider move re-analyses nothing).
struct PreviewController::WorkerState {
    std::unique_ptr<durian::Generator> generator;
    std::unique_ptr<durian::FaceAnalyzer> analyzer;
    std::map<std::filesystem::path, Analysed> faces;

    const Analysed& face(const std::filesystem::path& path, const std::string& what)
    {
        auto it = faces.find(path);
        if (it != faces.end()) {
            return it->second;
        }
        if (!analyzer) {
            analyzer = std::make_unique<durian::FaceAnalyzer>();
        }
        Analysed analysed;
        analysed.photo = durian::loadImageRgb(path);
        const auto analysis = analyzer->analyze(analysed.photo);
        if (!analysis.found()) {
            throw durian::Error("No face found in the " + what + " " + path.string()
                + ". Use a photo in which the face is frontal and clearly visible.");
        }
        analysed.landmarks = analysis.primary().landmarks;
        return faces.emplace(path, std::move(analysed)).first->second;
    }

    durian::GenerationRequest request(const durian::Project& project, int size, int steps, double guidance)
    {
        if (project.portraitImage.empty()) {
            throw durian::Error("The project has no portrait image.");
        }
        const Analysed& portrait = face(project.portraitImage, "portrait");
        const durian::AlignedFace aligned = durian::alignFace(portrait.photo, portrait.landmarks, size);
        durian::GenerationRequest request;
        request.portrait = aligned.image;
        request.portraitMask = durian::Image(size, size, 1, 0);
        for (const auto& reference : project.attributes) {
            if (!reference.enabled) {
                continue;
            }
            const Analysed& photo = face(reference.image, durian::toString(reference.category) + " reference");
            const durian::Image mask = reference.mask.empty()
                ? durian::computeAutoMasks(photo.photo, photo.landmarks, {durian::maskKindOf(reference.category)})
                      .front()
                      .mask
                : durian::loadMask(reference.mask);
            // The hole in the portrait: every reference's attribute region, aligned to the portrait's face.
            const durian::Image hole
                = durian::inferenceMask(mask, photo.landmarks, durian::Image(), aligned.landmarks, size, size);
            for (std::size_t i = 0; i < hole.pixels.size(); ++i) {
                request.portraitMask.pixels[i] = std::max(request.portraitMask.pixels[i], hole.pixels[i]);
            }
            const durian::AlignedFace reference_aligned = durian::alignFace(photo.photo, photo.landmarks, size);
            durian::AttributeInput input;
            input.category = reference.category;
            input.image = reference_aligned.image;
            input.mask = durian::warpImage(mask, reference_aligned.toAligned, size, size);
            input.strength = reference.strength;
            request.attributes.push_back(std::move(input));
        }
        request.keypoints = {durian::renderKeypointImage(aligned.landmarks, size, size)};
        request.frames = 1;
        request.steps = steps;
        request.guidance = guidance;
        request.seed = project.render.seed;
        request.resolution = size;
        return durian::previewRequest(request);
    }
};

PreviewController::PreviewController(QObject* parent)
    : QObject(parent)
    , worker_(std::make_shared<WorkerState>())
{
    debounce_.setSingleShot(true);
    debounce_.setInterval(300);
    connect(&debounce_, &QTimer::timeout, this, &PreviewController::refresh);
    // The settings the preview depends on change it too (previewRequest caps the steps, so few steps count).
    const AppSettings* settings = AppSettings::instance();
    connect(settings, &AppSettings::previewResolutionChanged, this, &PreviewController::scheduleRefresh);
    connect(settings, &AppSettings::stepsChanged, this, &PreviewController::scheduleRefresh);
}

PreviewController::~PreviewController()
{
    if (runningToken_) {
        runningToken_->cancel();
    }
}

void PreviewController::setDocument(ProjectDocument* document)
{
    if (document == document_) {
        return;
    }
    if (document_) {
        disconnect(document_, nullptr, this, nullptr);
    }
    document_ = document;
    if (document_) {
        connect(document_, &ProjectDocument::projectChanged, this, &PreviewController::scheduleRefresh);
        if (document_->loaded()) {
            scheduleRefresh();
        }
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
    if (runningToken_) {
        runningToken_->cancel(); // latest wins
    }
    if (changedAtMs_ == 0) {
        changedAtMs_ = QDateTime::currentMSecsSinceEpoch();
    }
    const auto token = std::make_shared<durian::CancelToken>();
    runningToken_ = token;
    const int serial = ++serial_;
    const durian::Project project = document_->project();
    const AppSettings* settings = AppSettings::instance();
    const int size = settings->previewResolution();
    const int steps = settings->steps();
    const double guidance = settings->guidance();
    setRunning(true);
    setErrorString({});

    // Per-step images come back through the event loop; only the latest preview's are shown.
    auto post = [self = QPointer(this), serial](const QImage& image, int step, int total) {
        // JobQueue (alive as long as the application) carries the call; self is checked on the UI thread.
        QMetaObject::invokeMethod(JobQueue::instance(), [self, serial, image, step, total] {
            if (self && serial == self->serial_) {
                self->step_ = step;
                self->totalSteps_ = total;
                Q_EMIT self->stepChanged();
                if (!image.isNull()) {
                    self->setImage(image);
                }
            }
        });
    };
    JobQueue::instance()->submit(
        tr("Preview"),
        [worker = worker_, project, size, steps, guidance, token, post](JobContext& context) -> QVariant {
            if (token->isCancelled()) {
                return QVariant(); // replaced before it started
            }
            context.reportProgress(0.0, tr("Preparing the preview…"));
            const durian::GenerationRequest request = worker->request(project, size, steps, guidance);
            if (!worker->generator) {
                context.reportProgress(0.0, tr("Loading the model…"));
                durian::GeneratorOptions options; // the untrained "default" model until weights ship
                worker->generator = std::make_unique<durian::Generator>(options);
            }
            durian::GenerationCallbacks callbacks;
            callbacks.cancel = token.get();
            callbacks.progress = [&context, &token](int step, int total) {
                if (context.cancelled()) {
                    token->cancel(); // the status bar's cancel button
                }
                context.reportProgress(static_cast<double>(step) / std::max(1, total),
                    tr("Preview step %1 of %2").arg(step).arg(total));
            };
            callbacks.preview = [&post](const durian::Image& image, int step, int total) {
                post(toQImage(image), step, total);
            };
            try {
                const auto result = worker->generator->generate(request, callbacks);
                return QVariant(toQImage(result.frames.front()));
            } catch (const durian::GenerationCancelled&) {
                return QVariant();
            }
        },
        [self = QPointer(this), serial, token](const QVariant& result) {
            if (!self || serial != self->serial_) {
                if (self) {
                    Q_EMIT self->cancelled();
                }
                return;
            }
            if (token->isCancelled() || !result.isValid()) {
                Q_EMIT self->cancelled();
                self->setRunning(false);
                return;
            }
            self->setImage(result.value<QImage>());
            self->lastSeconds_ = (QDateTime::currentMSecsSinceEpoch() - self->changedAtMs_) / 1000.0;
            self->changedAtMs_ = 0;
            self->runningToken_.reset();
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
            self->runningToken_.reset();
            self->changedAtMs_ = 0;
            self->setRunning(false);
            if (error.isEmpty()) {
                Q_EMIT self->cancelled();
            } else {
                self->setErrorString(tr("The preview could not be rendered: %1").arg(error));
            }
        });
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
