#include "app/gui/MotionController.h"

#include "app/gui/DocumentBinding.h"
#include "app/gui/ImageConversion.h"
#include "app/gui/JobQueue.h"
#include "app/gui/PreviewWorker.h"
#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/KeypointImage.h"
#include "core/io/Image.h"
#include "core/render/ProjectRender.h"
#include "core/util/Error.h"
#include "core/video/VideoDecoder.h"

#include <QFileInfo>
#include <QPainter>
#include <QVariantMap>

#include <algorithm>
#include <set>

namespace {

// The photo dimmed, with the keypoint drawing lightened over it, scaled to the panel's size.
QImage overlay(const durian::Image& photo, const durian::Landmarks& landmarks)
{
    const double scale = static_cast<double>(MotionController::kPreviewSize) / std::max(photo.width, photo.height);
    const int width = std::max(1, static_cast<int>(photo.width * scale));
    const int height = std::max(1, static_cast<int>(photo.height * scale));
    QImage image = toQImage(photo).convertToFormat(QImage::Format_RGB32) // QPainter draws on it
                       .scaled(width, height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    durian::Landmarks scaled = landmarks;
    for (auto& point : scaled) {
        point.x = static_cast<float>(point.x * scale);
        point.y = static_cast<float>(point.y * scale);
    }
    QPainter painter(&image);
    painter.fillRect(image.rect(), QColor(0, 0, 0, 110));
    painter.setCompositionMode(QPainter::CompositionMode_Lighten);
    painter.drawImage(0, 0, toQImage(durian::renderKeypointImage(scaled, width, height)));
    return image;
}

std::vector<int> sampleIndices(int frames)
{
    std::vector<int> indices;
    const int count = std::min(frames, MotionController::kPreviewFrames);
    for (int i = 0; i < count; ++i) {
        indices.push_back(count == 1 ? 0 : static_cast<int>(static_cast<long long>(i) * (frames - 1) / (count - 1)));
    }
    return indices;
}

QVariantList drivingOverlays(const durian::Project& project, const durian::KeypointTrack& driver,
    const std::vector<int>& indices)
{
    QVariantList frames;
    durian::VideoDecoder decoder(project.motion.drivingVideo);
    const std::set<int> wanted(indices.begin(), indices.end());
    durian::VideoFrame frame;
    for (int i = 0; i <= indices.back() && i < driver.size() && decoder.read(frame); ++i) {
        if (wanted.count(i) != 0) {
            frames.append(overlay(frame.image, driver.frames[static_cast<std::size_t>(i)]));
        }
    }
    return frames;
}

QString motionKey(const durian::Project& project)
{
    return QString::fromStdString(project.portraitImage.string() + "|" + std::to_string(project.portraitFace) + "|" + project.motion.preset + "|"
        + project.motion.drivingVideo.string() + "|" + std::to_string(project.motion.frames) + "|"
        + std::to_string(project.motion.fps));
}

} // namespace

MotionController::MotionController(QObject* parent)
    : QObject(parent)
{
    debounce_.setSingleShot(true);
    debounce_.setInterval(400);
    connect(&debounce_, &QTimer::timeout, this, &MotionController::refresh);
}

void MotionController::setDocument(ProjectDocument* document)
{
    if (rebindDocument(document_, document, this, &MotionController::onProjectChanged)) {
        Q_EMIT documentChanged();
        onProjectChanged();
    }
}

void MotionController::onProjectChanged()
{
    // Only a change of the motion (or the portrait it is retargeted to) needs a new view.
    if (document_ && document_->loaded() && motionKey(document_->project()) != builtKey_) {
        debounce_.start();
    }
}

void MotionController::setFrameIndex(int index)
{
    index = frameCount() == 0 ? 0 : std::clamp(index, 0, frameCount() - 1);
    if (index != frameIndex_) {
        frameIndex_ = index;
        Q_EMIT frameIndexChanged();
    }
}

void MotionController::refresh()
{
    debounce_.stop();
    build({});
}

void MotionController::chooseDrivingVideo(const QUrl& url)
{
    if (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile()) {
        const QString message = tr("The driving video %1 is not a readable file.").arg(url.toDisplayString());
        setErrorString(message);
        Q_EMIT drivingVideoRejected(url, message);
        return;
    }
    build(url);
}

// candidateVideo set: the view is built for the project with that driving video, which is set on the
// document only if that works.
void MotionController::build(const QUrl& candidateVideo)
{
    debounce_.stop(); // this build covers any change still waiting
    if (!document_ || !document_->loaded()) {
        return;
    }
    durian::Project project = document_->project();
    if (!candidateVideo.isEmpty()) {
        project.motion.drivingVideo = QFileInfo(candidateVideo.toLocalFile()).absoluteFilePath().toStdString();
    }
    builtKey_ = motionKey(project);
    if (project.portraitImage.empty() && candidateVideo.isEmpty()) {
        // Nothing to move yet: an empty view, not an error about a file that was never chosen.
        ++generation_; // a build still running for an earlier portrait is stale
        portraitFrames_.clear();
        drivingFrames_.clear();
        setErrorString({});
        Q_EMIT framesChanged();
        Q_EMIT built();
        return;
    }
    const int generation = ++generation_;
    ++pending_;
    setRunning(true);
    const QString title = candidateVideo.isEmpty() ? tr("Motion preview")
                                                    : tr("Tracking %1").arg(QFileInfo(candidateVideo.toLocalFile()).fileName());
    JobQueue::instance()->submit(JobQueue::Lane::Interactive,
        title,
        [project, candidateVideo](JobContext& context) {
            context.reportProgress(0.0, candidateVideo.isEmpty() ? tr("Finding the portrait's face…")
                                                                 : tr("Finding the face in every frame…"));
            // The interactive lane's one face analyzer, and the face the user chose.
            durian::FaceAnalyzer& analyzer = PreviewWorker::shared()->analyzer();
            const durian::Image photo = durian::loadImageRgb(project.portraitImage);
            const auto analysis = analyzer.analyze(photo);
            if (project.portraitFace >= static_cast<int>(analysis.faces.size())) {
                throw durian::Error("No face found in the portrait " + project.portraitImage.string());
            }
            const auto& face = analysis.faces[static_cast<std::size_t>(project.portraitFace)];
            const auto aligned = durian::alignFace(photo, face.landmarks, project.render.resolution);
            durian::KeypointTrack driver;
            const auto track = durian::projectMotionTrack(
                analyzer, project, aligned.landmarks, project.render.resolution, &driver);
            context.reportProgress(0.8, tr("Drawing the keypoints…"));
            const auto indices = sampleIndices(track.size());
            QVariantList portrait;
            for (const int i : indices) {
                portrait.append(overlay(aligned.image, track.frames[static_cast<std::size_t>(i)]));
            }
            const bool video = !project.motion.drivingVideo.empty();
            const QVariantList driving = video ? drivingOverlays(project, driver, indices) : QVariantList();
            const bool audio = video && durian::VideoDecoder(project.motion.drivingVideo).info().hasAudio;
            return QVariant(QVariantMap{{"portrait", portrait}, {"driving", driving}, {"audio", audio}});
        },
        [self = QPointer(this), generation, candidateVideo](const QVariant& result) {
            if (!self) {
                return;
            }
            if (--self->pending_ == 0) {
                self->setRunning(false);
            }
            if (!candidateVideo.isEmpty() && self->document_) {
                self->document_->setDrivingVideo(candidateVideo); // the key already matches: no rebuild
                Q_EMIT self->drivingVideoAccepted(candidateVideo);
            }
            if (generation != self->generation_) {
                return; // a newer build is on its way
            }
            const QVariantMap map = result.toMap();
            self->portraitFrames_.clear();
            self->drivingFrames_.clear();
            for (const auto& image : map.value("portrait").toList()) {
                self->portraitFrames_.append(image.value<QImage>());
            }
            for (const auto& image : map.value("driving").toList()) {
                self->drivingFrames_.append(image.value<QImage>());
            }
            self->drivingVideoHasAudio_ = map.value("audio").toBool();
            self->setErrorString({});
            self->frameIndex_ = std::min(self->frameIndex_, std::max(0, self->frameCount() - 1));
            Q_EMIT self->framesChanged();
            Q_EMIT self->frameIndexChanged();
            Q_EMIT self->built();
        },
        [self = QPointer(this), generation, candidateVideo](const QString& error) {
            if (!self) {
                return;
            }
            if (--self->pending_ == 0) {
                self->setRunning(false);
            }
            if (!candidateVideo.isEmpty()) {
                // The project keeps its motion; the view goes back to showing it.
                const QString message = error.isEmpty()
                    ? tr("Tracking the driving video was cancelled; the motion is unchanged.")
                    : tr("The video %1 cannot drive the animation (%2). The motion is unchanged.")
                          .arg(QFileInfo(candidateVideo.toLocalFile()).fileName(), error);
                self->setErrorString(message);
                Q_EMIT self->drivingVideoRejected(candidateVideo, message);
                if (self->document_) {
                    self->builtKey_ = motionKey(self->document_->project());
                }
                return;
            }
            if (generation == self->generation_ && !error.isEmpty()) {
                self->setErrorString(error);
                Q_EMIT self->built();
            }
        });
}

void MotionController::setRunning(bool running)
{
    if (running != running_) {
        running_ = running;
        Q_EMIT runningChanged();
    }
}

void MotionController::setErrorString(const QString& error)
{
    if (error != errorString_) {
        errorString_ = error;
        Q_EMIT errorStringChanged();
    }
}
