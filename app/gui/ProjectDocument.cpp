#include "app/gui/ProjectDocument.h"

#include "app/gui/AppSettings.h"
#include "app/gui/JobQueue.h"
#include "app/gui/ProjectCommands.h"
#include "app/gui/RenderProgress.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/MotionPresets.h"
#include "core/io/Image.h"
#include "core/io/ProjectAssets.h"
#include "core/masks/AutoMasks.h"
#include "core/render/ProjectRender.h"
#include "core/util/Error.h"
#include "core/video/VideoDecoder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <exception>

namespace {
enum MergeId { RenameMerge = 1, AlphaMerge = 2, StrengthMerge = 1000 }; // StrengthMerge + attribute index
enum MotionMergeId { MotionFramesMerge = 10, MotionFpsMerge = 11 };

// Keeps the interpolation pair pointing at the same references after the list changed: `newIndex` maps
// an old index to its new one (-1: removed). A pair that lost a reference or no longer fits is dropped.
template <typename Map>
void remapInterpolation(durian::Project& project, Map newIndex)
{
    if (!project.interpolation) {
        return;
    }
    project.interpolation->slot = newIndex(project.interpolation->slot);
    project.interpolation->with = newIndex(project.interpolation->with);
    try {
        durian::validateInterpolation(*project.interpolation, project.attributes);
    } catch (const durian::Error&) {
        project.interpolation.reset();
    }
}

QString categoryLabel(durian::AttributeCategory category)
{
    switch (category) {
    case durian::AttributeCategory::Hair: return ProjectDocument::tr("Hair");
    case durian::AttributeCategory::Eyeglasses: return ProjectDocument::tr("Eyeglasses");
    case durian::AttributeCategory::Hat: return ProjectDocument::tr("Hat");
    case durian::AttributeCategory::Beard: return ProjectDocument::tr("Beard");
    }
    return {};
}

QString& autosaveDirectory()
{
    static QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave";
    return directory;
}

QUrl fileUrlOf(const std::filesystem::path& path)
{
    return path.empty() ? QUrl() : QUrl::fromLocalFile(QString::fromStdString(path.string()));
}
} // namespace

ProjectDocument::ProjectDocument(QObject* parent)
    : QObject(parent)
{
    connect(&undoStack_, &QUndoStack::cleanChanged, this, &ProjectDocument::modifiedChanged);
    connect(&undoStack_, &QUndoStack::indexChanged, this, &ProjectDocument::undoStateChanged);
    connect(&undoStack_, &QUndoStack::canUndoChanged, this, &ProjectDocument::undoStateChanged);
    connect(&undoStack_, &QUndoStack::canRedoChanged, this, &ProjectDocument::undoStateChanged);
    // Every change of the undo stack (edit, undo, redo) is mirrored to the autosave file.
    connect(&undoStack_, &QUndoStack::indexChanged, this, &ProjectDocument::writeAutosave);
}

ProjectDocument::~ProjectDocument()
{
    // A clean close: the user saved or chose to discard, so the autosave has done its job. An
    // autosave with unsaved edits stays only when the process dies before getting here.
    if (!modified()) {
        QFile::remove(autosavePath());
    }
}

void ProjectDocument::setAutosaveDirectory(const QString& directory)
{
    autosaveDirectory() = directory;
}

QString ProjectDocument::autosavePath() const
{
    if (fileUrl_.isEmpty()) {
        return {};
    }
    const QByteArray key = QCryptographicHash::hash(fileUrl_.toLocalFile().toUtf8(), QCryptographicHash::Sha1).toHex();
    return autosaveDirectory() + "/" + QFileInfo(fileUrl_.toLocalFile()).completeBaseName() + "-" + key.left(12)
        + ".durian";
}

void ProjectDocument::writeAutosave()
{
    const QString path = autosavePath();
    if (path.isEmpty()) {
        return;
    }
    if (!modified()) {
        QFile::remove(path);
        return;
    }
    try {
        QDir().mkpath(autosaveDirectory());
        durian::saveProject(project_, path.toStdString());
    } catch (const std::exception& e) {
        // Autosave is a safety net; failing it must not interrupt editing, but the user should know.
        setErrorString(tr("Autosave failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void ProjectDocument::recoverAutosave()
{
    if (!recoveryAvailable_) {
        return;
    }
    try {
        auto recovered = durian::loadProject(autosavePath().toStdString());
        setRecoveryAvailable(false);
        edit(tr("Recover Unsaved Changes"), std::move(recovered));
    } catch (const std::exception& e) {
        setErrorString(tr("The unsaved changes could not be recovered: %1").arg(QString::fromUtf8(e.what())));
        discardAutosave();
    }
}

void ProjectDocument::discardAutosave()
{
    QFile::remove(autosavePath());
    setRecoveryAvailable(false);
}

void ProjectDocument::setRecoveryAvailable(bool available)
{
    if (available != recoveryAvailable_) {
        recoveryAvailable_ = available;
        Q_EMIT recoveryAvailableChanged();
    }
}

QString ProjectDocument::name() const
{
    return QString::fromStdString(project_.name);
}

void ProjectDocument::setName(const QString& name)
{
    if (name == this->name()) {
        return;
    }
    auto after = project_;
    after.name = name.toStdString();
    edit(tr("Rename Project"), std::move(after), RenameMerge);
}

QUrl ProjectDocument::portraitUrl() const
{
    return fileUrlOf(project_.portraitImage);
}

QVariantList ProjectDocument::attributes() const
{
    QVariantList list;
    for (const auto& attribute : project_.attributes) {
        list.append(QVariantMap{
            {"category", QString::fromStdString(durian::toString(attribute.category))},
            {"imageUrl", fileUrlOf(attribute.image)},
            {"maskUrl", fileUrlOf(attribute.mask)},
            {"strength", attribute.strength},
            {"enabled", attribute.enabled},
            {"maskConfidence", maskConfidence_.value(QString::fromStdString(attribute.mask.string()), -1.0)},
        });
    }
    return list;
}

QString ProjectDocument::motionSummary() const
{
    const auto& motion = project_.motion;
    const QString source = motion.drivingVideo.empty()
        ? tr("preset “%1”").arg(QString::fromStdString(motion.preset))
        : tr("video %1").arg(QString::fromStdString(motion.drivingVideo.filename().string()));
    return tr("%1, %2 frames at %3 fps").arg(source).arg(motion.frames).arg(motion.fps);
}

QStringList ProjectDocument::problems() const
{
    QStringList list;
    if (loaded_) {
        for (const auto& problem : durian::findProjectProblems(project_)) {
            list.append(QString::fromStdString(problem));
        }
    }
    return list;
}

bool ProjectDocument::open(const QUrl& url)
{
    try {
        project_ = durian::loadProject(url.toLocalFile().toStdString());
    } catch (const std::exception& e) {
        setErrorString(QString::fromUtf8(e.what()));
        return false;
    }
    loaded_ = true;
    // Clear before the new file is set: clearing a stack with edits writes the autosave, which would
    // delete the autosave of the file being opened, the one that recovery needs.
    undoStack_.clear();
    fileUrl_ = url;
    setErrorString({});
    Q_EMIT fileUrlChanged();
    Q_EMIT projectChanged();
    const QFileInfo autosave(autosavePath());
    setRecoveryAvailable(autosave.exists() && autosave.lastModified() >= QFileInfo(url.toLocalFile()).lastModified());
    return true;
}

bool ProjectDocument::save()
{
    return saveAs(fileUrl_);
}

bool ProjectDocument::saveAs(const QUrl& url)
{
    if (!url.isLocalFile()) {
        setErrorString(tr("Choose a local file to save the project to."));
        return false;
    }
    try {
        // The files it uses are gathered beside it first, so the project's folder holds everything.
        const std::filesystem::path file = url.toLocalFile().toStdString();
        durian::saveProject(durian::collectProjectAssets(project_, file), file);
        // Paths are stored relative to the file: reload so the project reflects what was written.
        project_ = durian::loadProject(url.toLocalFile().toStdString());
    } catch (const std::exception& e) {
        setErrorString(QString::fromUtf8(e.what()));
        return false;
    }
    QFile::remove(autosavePath());
    if (fileUrl_ != url) {
        fileUrl_ = url;
        Q_EMIT fileUrlChanged();
    }
    undoStack_.setClean();
    setRecoveryAvailable(false);
    setErrorString({});
    return true;
}

void ProjectDocument::removeAttribute(int index)
{
    if (index < 0 || index >= static_cast<int>(project_.attributes.size())) {
        return;
    }
    auto after = project_;
    const auto category = categoryLabel(after.attributes[index].category);
    after.attributes.erase(after.attributes.begin() + index);
    remapInterpolation(after, [index](int i) { return i == index ? -1 : i > index ? i - 1 : i; });
    edit(tr("Remove %1 Reference").arg(category), std::move(after));
}

bool ProjectDocument::addAttribute(const QString& category, const QUrl& image, const QUrl& mask)
{
    const auto parsed = durian::parseAttributeCategory(category.toStdString());
    if (!parsed) {
        setErrorString(tr("Unknown attribute category “%1”.").arg(category));
        return false;
    }
    const QFileInfo imageFile(image.toLocalFile());
    if (!image.isLocalFile() || !imageFile.isFile() || !imageFile.isReadable()) {
        setErrorString(tr("The reference image %1 is not a readable file.").arg(image.toDisplayString()));
        return false;
    }
    if (!mask.isEmpty() && !QFileInfo(mask.toLocalFile()).isFile()) {
        setErrorString(tr("The mask %1 is not a readable file.").arg(mask.toDisplayString()));
        return false;
    }
    durian::AttributeReference reference;
    reference.category = *parsed;
    reference.image = imageFile.absoluteFilePath().toStdString();
    if (!mask.isEmpty()) {
        reference.mask = QFileInfo(mask.toLocalFile()).absoluteFilePath().toStdString();
    }
    auto after = project_;
    after.attributes.push_back(std::move(reference));
    loaded_ = true; // adding to an empty document starts a project
    setErrorString({});
    edit(tr("Add %1 Reference").arg(categoryLabel(*parsed)), std::move(after));
    return true;
}

void ProjectDocument::moveAttribute(int from, int to)
{
    if (!validIndex(from) || !validIndex(to) || from == to) {
        return;
    }
    auto after = project_;
    auto moved = after.attributes[from];
    after.attributes.erase(after.attributes.begin() + from);
    after.attributes.insert(after.attributes.begin() + to, std::move(moved));
    remapInterpolation(after, [from, to](int i) {
        if (i == from) {
            return to;
        }
        if (from < to && i > from && i <= to) {
            return i - 1;
        }
        return from > to && i >= to && i < from ? i + 1 : i;
    });
    edit(tr("Move %1 Reference").arg(categoryLabel(project_.attributes[from].category)), std::move(after));
}

void ProjectDocument::setAttributeEnabled(int index, bool enabled)
{
    if (!validIndex(index) || project_.attributes[index].enabled == enabled) {
        return;
    }
    auto after = project_;
    after.attributes[index].enabled = enabled;
    const QString label = categoryLabel(after.attributes[index].category);
    edit(enabled ? tr("Switch On %1 Reference").arg(label) : tr("Switch Off %1 Reference").arg(label), std::move(after));
}

void ProjectDocument::setAttributeCategory(int index, const QString& category)
{
    const auto parsed = durian::parseAttributeCategory(category.toStdString());
    if (!validIndex(index) || !parsed || project_.attributes[index].category == *parsed) {
        return;
    }
    auto after = project_;
    after.attributes[index].category = *parsed;
    remapInterpolation(after, [](int i) { return i; }); // a pair of two categories is dropped
    edit(tr("Change Reference to %1").arg(categoryLabel(*parsed)), std::move(after));
}

void ProjectDocument::setAttributeStrength(int index, double strength)
{
    strength = std::clamp(strength, 0.0, 1.0);
    if (!validIndex(index) || project_.attributes[index].strength == strength) {
        return;
    }
    auto after = project_;
    after.attributes[index].strength = strength;
    // The label first: argument evaluation order is unspecified, and `after` is moved.
    const QString text = tr("Change %1 Strength").arg(categoryLabel(after.attributes[index].category));
    edit(text, std::move(after), StrengthMerge + index);
}

void ProjectDocument::autoMaskAttribute(int index)
{
    if (!validIndex(index)) {
        return;
    }
    const durian::AttributeReference reference = project_.attributes[index];
    const QFileInfo imageFile(QString::fromStdString(reference.image.string()));
    const QString folder = fileUrl_.isLocalFile() ? QFileInfo(fileUrl_.toLocalFile()).absolutePath() : imageFile.absolutePath();
    const QString maskPath = folder + "/" + imageFile.completeBaseName() + "-"
        + QString::fromStdString(durian::toString(reference.category)) + "-mask.png";
    JobQueue::instance()->submit(
        tr("Automatic mask for %1").arg(imageFile.fileName()),
        [reference, maskPath](JobContext& context) {
            context.reportProgress(0.0, tr("Finding the face…"));
            durian::FaceAnalyzer analyzer;
            const durian::Image image = durian::loadImageRgb(reference.image);
            const auto analysis = analyzer.analyze(image);
            if (!analysis.found()) {
                throw durian::Error("No face found in " + reference.image.string()
                    + "; an automatic mask needs a face. Paint the mask or choose another photo.");
            }
            context.reportProgress(0.5, tr("Computing the mask…"));
            const auto masks = durian::computeAutoMasks(
                image, analysis.primary().landmarks, {durian::maskKindOf(reference.category)});
            durian::saveImage(masks.front().mask, maskPath.toStdString());
            return QVariant(static_cast<double>(masks.front().confidence));
        },
        [self = QPointer(this), index, reference, maskPath](const QVariant& confidence) {
            if (!self) {
                return;
            }
            self->maskConfidence_.insert(maskPath, confidence.toDouble());
            // The list may have changed meanwhile: set the mask only on the same reference.
            if (!self->validIndex(index) || self->project_.attributes[index].image != reference.image) {
                return;
            }
            auto after = self->project_;
            after.attributes[index].mask = maskPath.toStdString();
            self->edit(tr("Automatic %1 Mask").arg(categoryLabel(reference.category)), std::move(after));
            Q_EMIT self->maskComputed(index, confidence.toDouble());
        },
        [self = QPointer(this)](const QString& error) {
            if (self && !error.isEmpty()) {
                self->setErrorString(tr("The automatic mask could not be computed: %1").arg(error));
            }
        });
}

void ProjectDocument::exportVideo(const QUrl& url)
{
    exportVideoWith(url, {});
}

void ProjectDocument::exportVideoWith(const QUrl& url, const QVariantMap& settings)
{
    if (!loaded_ || !url.isLocalFile()) {
        setErrorString(tr("Choose a local file to export the video to."));
        return;
    }
    const durian::Project project = project_; // a snapshot: edits during the export do not affect it
    const QString path = url.toLocalFile();
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
        setErrorString(tr("Unknown export quality “%1”.").arg(quality));
        return;
    }
    JobQueue::instance()->submit(
        tr("Exporting %1").arg(QFileInfo(path).fileName()),
        [project, path, options](JobContext& context) {
            durian::ProjectRenderCallbacks callbacks;
            callbacks.cancel = &context.cancelFlag();
            RenderProgress progress;
            callbacks.progress = [&context, &progress](const std::string& stage, int done, int total) {
                const auto report = progress.update(stage, done, total);
                context.reportProgress(0.03 + 0.94 * report.fraction, report.message);
            };
            try {
                const auto result = durian::renderProjectVideo(project, path.toStdString(), options, callbacks);
                return QVariant(tr("%n frame(s), %1×%2, by %3", "", result.frames)
                                    .arg(result.width)
                                    .arg(result.height)
                                    .arg(QString::fromStdString(result.method)));
            } catch (const durian::RenderCancelled&) {
                return QVariant(); // the queue sees the cancel flag and reports a cancel
            }
        },
        [self = QPointer(this), url](const QVariant& summary) {
            if (self) {
                Q_EMIT self->exportFinished(url, summary.toString());
            }
        },
        [self = QPointer(this)](const QString& error) {
            if (self && !error.isEmpty()) {
                self->setErrorString(tr("The video could not be exported: %1").arg(error));
            }
        });
}

QStringList ProjectDocument::motionPresets()
{
    QStringList names;
    for (const auto& name : durian::motionPresetNames()) {
        names.append(QString::fromStdString(name));
    }
    return names;
}

QString ProjectDocument::motionPreset() const
{
    return QString::fromStdString(project_.motion.preset);
}

QUrl ProjectDocument::drivingVideoUrl() const
{
    return fileUrlOf(project_.motion.drivingVideo);
}

bool ProjectDocument::setMotionPreset(const QString& name)
{
    if (!motionPresets().contains(name)) {
        setErrorString(tr("Unknown motion preset “%1”.").arg(name));
        return false;
    }
    if (name == motionPreset() && project_.motion.drivingVideo.empty()) {
        return true;
    }
    auto after = project_;
    after.motion.preset = name.toStdString();
    after.motion.drivingVideo.clear();
    edit(tr("Motion Preset %1").arg(name), std::move(after));
    return true;
}

bool ProjectDocument::setDrivingVideo(const QUrl& url)
{
    const QString path = url.isEmpty() ? QString() : QFileInfo(url.toLocalFile()).absoluteFilePath();
    if (!url.isEmpty() && (!url.isLocalFile() || !QFileInfo(path).isFile())) {
        setErrorString(tr("The driving video %1 is not a readable file.").arg(url.toDisplayString()));
        return false;
    }
    if (path.toStdString() == project_.motion.drivingVideo.string()) {
        return true;
    }
    auto after = project_;
    after.motion.drivingVideo = path.toStdString();
    edit(path.isEmpty() ? tr("Remove Driving Video") : tr("Driving Video %1").arg(QFileInfo(path).fileName()),
        std::move(after));
    return true;
}

void ProjectDocument::setMotionFrames(int frames)
{
    frames = std::clamp(frames, 1, 100000);
    if (frames == project_.motion.frames) {
        return;
    }
    auto after = project_;
    after.motion.frames = frames;
    edit(tr("Change Clip Length"), std::move(after), MotionFramesMerge);
}

void ProjectDocument::setMotionFps(double fps)
{
    fps = std::clamp(fps, 1.0, 240.0);
    if (fps == project_.motion.fps) {
        return;
    }
    auto after = project_;
    after.motion.fps = fps;
    edit(tr("Change Frame Rate"), std::move(after), MotionFpsMerge);
}

bool ProjectDocument::drivingVideoHasAudio() const
{
    if (project_.motion.drivingVideo.empty()) {
        return false;
    }
    try {
        return durian::VideoDecoder(project_.motion.drivingVideo).info().hasAudio;
    } catch (const std::exception&) {
        return false; // an unreadable video is reported when rendering
    }
}

void ProjectDocument::edit(const QString& text, durian::Project after, int mergeId)
{
    undoStack_.push(new ProjectEditCommand(
        text, project_, std::move(after), [this](const durian::Project& p) { applySnapshot(p); }, mergeId,
        mergeGeneration_));
}

void ProjectDocument::applySnapshot(const durian::Project& project)
{
    project_ = project;
    Q_EMIT projectChanged();
}

void ProjectDocument::setErrorString(const QString& error)
{
    if (error != errorString_) {
        errorString_ = error;
        Q_EMIT errorStringChanged();
    }
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(error);
    }
}

QVariantMap ProjectDocument::interpolation() const
{
    if (!project_.interpolation) {
        return {{"paired", false}, {"slot", -1}, {"with", -1}, {"alpha", 0.5}};
    }
    const auto& pairing = *project_.interpolation;
    return {{"paired", true}, {"slot", pairing.slot}, {"with", pairing.with}, {"alpha", pairing.alpha}};
}

QUrl ProjectDocument::portraitMaskUrl() const
{
    return fileUrlOf(project_.portraitMask);
}

bool ProjectDocument::pairAttributes(int slot, int with)
{
    const durian::AttributeInterpolation pairing{slot, with, 0.5};
    try {
        durian::validateInterpolation(pairing, project_.attributes);
    } catch (const durian::Error& e) {
        setErrorString(tr("These references cannot be interpolated: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    auto after = project_;
    after.interpolation = pairing;
    const QString text = tr("Interpolate %1 References").arg(categoryLabel(after.attributes[slot].category));
    edit(text, std::move(after));
    return true;
}

void ProjectDocument::unpairAttributes()
{
    if (!project_.interpolation) {
        return;
    }
    auto after = project_;
    after.interpolation.reset();
    edit(tr("Stop Interpolating"), std::move(after));
}

void ProjectDocument::setInterpolationAlpha(double alpha)
{
    alpha = std::clamp(alpha, 0.0, 1.0);
    if (!project_.interpolation || project_.interpolation->alpha == alpha) {
        return;
    }
    auto after = project_;
    after.interpolation->alpha = alpha;
    edit(tr("Change Interpolation"), std::move(after), AlphaMerge);
}

void ProjectDocument::setPortrait(const QUrl& image, int face)
{
    auto after = project_;
    after.portraitImage = QFileInfo(image.toLocalFile()).absoluteFilePath().toStdString();
    after.portraitFace = std::max(0, face);
    if (after.portraitImage != project_.portraitImage) {
        after.portraitMask.clear(); // painted on the old photo
    }
    loaded_ = true;
    setErrorString({});
    edit(tr("Change Portrait"), std::move(after));
}

void ProjectDocument::setMask(int target, const QUrl& mask, const QString& text)
{
    if (target != -1 && !validIndex(target)) {
        return;
    }
    auto after = project_;
    const std::filesystem::path path = mask.isEmpty() ? std::filesystem::path() : std::filesystem::path(mask.toLocalFile().toStdString());
    (target == -1 ? after.portraitMask : after.attributes[target].mask) = path;
    edit(text, std::move(after));
}
