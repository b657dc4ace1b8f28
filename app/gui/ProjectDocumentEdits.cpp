#include "app/gui/ProjectDocument.h"

#include "app/gui/AttributeCategories.h"
#include "core/face/MotionPresets.h"
#include "core/io/ProjectEdits.h"
#include "core/pipeline/Pipeline.h"
#include "core/util/Error.h"

#include <QFileInfo>
#include <QLocale>
#include <QVariantMap>

#include <algorithm>

// The document's edits, each one undoable step through edit(), and the project's content as QML reads it.

namespace {
enum MergeId { AlphaMerge = 2, MotionFramesMerge = 10, MotionFpsMerge = 11, StepsMerge = 12, GuidanceMerge = 13,
    StrengthMerge = 1000 };

QUrl fileUrlOf(const std::filesystem::path& path)
{
    return path.empty() ? QUrl() : QUrl::fromLocalFile(QString::fromStdString(path.string()));
}

std::filesystem::path absolutePathOf(const QUrl& url)
{
    return url.isEmpty() ? std::filesystem::path() : std::filesystem::path(QFileInfo(url.toLocalFile()).absoluteFilePath().toStdString());
}
} // namespace

QUrl ProjectDocument::portraitUrl() const
{
    return fileUrlOf(project_.portraitImage);
}

void ProjectDocument::syncAttributeModel()
{
    std::vector<AttributeListModel::Row> rows;
    const auto& pair = project_.interpolation;
    for (std::size_t i = 0; i < project_.attributes.size(); ++i) {
        const auto& attribute = project_.attributes[i];
        const int index = static_cast<int>(i);
        rows.push_back({
            .category = QString::fromStdString(durian::toString(attribute.category)),
            .categoryLabel = categoryLabel(attribute.category),
            .imageUrl = fileUrlOf(attribute.image),
            .maskUrl = fileUrlOf(attribute.mask),
            .strength = attribute.strength,
            .enabled = attribute.enabled,
            .maskConfidence = maskConfidence(QString::fromStdString(attribute.mask.string())),
            .pairSide = !pair ? QString() : pair->slot == index ? QStringLiteral("A")
                : pair->with == index                         ? QStringLiteral("B")
                                                              : QString(),
            .face = attribute.face,
        });
    }
    attributeModel_.sync(std::move(rows));
}

QString ProjectDocument::motionSummary() const
{
    const auto& motion = project_.motion;
    const QString source = motion.drivingVideo.empty()
        ? tr("preset “%1”").arg(QString::fromStdString(motion.preset))
        : tr("video %1").arg(QString::fromStdString(motion.drivingVideo.filename().string()));
    return tr("%1, %2 frames at %3 fps").arg(source).arg(motion.frames).arg(QLocale().toString(motion.fps));
}

void ProjectDocument::removeAttribute(int index)
{
    if (validIndex(index)) {
        edit(tr("Remove %1 Reference").arg(categoryLabel(project_.attributes[index].category)),
            [&](durian::Project& p) { durian::removeAttribute(p, index); });
    }
}

bool ProjectDocument::addAttribute(const QString& category, const QUrl& image, const QUrl& mask, int face)
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
    reference.image = absolutePathOf(image);
    reference.mask = absolutePathOf(mask);
    reference.face = std::max(0, face);
    loaded_ = true; // adding to an empty document starts a project
    setErrorString({});
    edit(tr("Add %1 Reference").arg(categoryLabel(*parsed)), [&](durian::Project& p) { p.attributes.push_back(reference); });
    return true;
}

void ProjectDocument::moveAttribute(int from, int to)
{
    if (validIndex(from)) {
        edit(tr("Move %1 Reference").arg(categoryLabel(project_.attributes[from].category)),
            [&](durian::Project& p) { durian::moveAttribute(p, from, to); });
    }
}

void ProjectDocument::setAttributeEnabled(int index, bool enabled)
{
    if (validIndex(index)) {
        const QString label = categoryLabel(project_.attributes[index].category);
        edit(enabled ? tr("Switch On %1 Reference").arg(label) : tr("Switch Off %1 Reference").arg(label),
            [&](durian::Project& p) { p.attributes[index].enabled = enabled; });
    }
}

void ProjectDocument::setAttributeFace(int index, int face)
{
    if (validIndex(index) && face >= 0 && face != project_.attributes[index].face) {
        const auto category = project_.attributes[index].category;
        edit(tr("Choose Face of %1 Reference").arg(categoryLabel(category)), [&](durian::Project& p) {
            auto& reference = p.attributes[index];
            reference.face = face;
            // An automatic mask was computed around the old face: the new one gets its own when rendering.
            if (!reference.mask.empty() && maskConfidence(QString::fromStdString(reference.mask.string())) >= 0.0) {
                reference.mask.clear();
            }
        });
    }
}

void ProjectDocument::setAttributeCategory(int index, const QString& category)
{
    if (const auto parsed = durian::parseAttributeCategory(category.toStdString()); parsed && validIndex(index)) {
        edit(tr("Change Reference to %1").arg(categoryLabel(*parsed)),
            [&](durian::Project& p) { durian::setAttributeCategory(p, index, *parsed); });
    }
}

void ProjectDocument::setAttributeStrength(int index, double strength)
{
    if (validIndex(index)) {
        edit(tr("Change %1 Strength").arg(categoryLabel(project_.attributes[index].category)),
            [&](durian::Project& p) { p.attributes[index].strength = std::clamp(strength, 0.0, 1.0); },
            StrengthMerge + index);
    }
}

QStringList ProjectDocument::categoryKeys()
{
    return ::categoryKeys();
}

QStringList ProjectDocument::categoryLabels()
{
    return ::categoryLabels();
}

QStringList ProjectDocument::motionPresets()
{
    QStringList names;
    for (const auto& name : durian::motionPresetNames()) {
        names.append(QString::fromStdString(name));
    }
    return names;
}

QVariantMap ProjectDocument::renderRanges()
{
    return {{"minSteps", durian::kMinRenderSteps}, {"maxSteps", durian::kMaxRenderSteps},
        {"minGuidance", durian::kMinGuidance}, {"maxGuidance", durian::kMaxGuidance},
        {"previewSteps", durian::kPreviewSteps}};
}

void ProjectDocument::setRenderSteps(int steps)
{
    edit(tr("Change Sampling Steps"),
        [&](durian::Project& p) { p.render.steps = std::clamp(steps, durian::kMinRenderSteps, durian::kMaxRenderSteps); },
        StepsMerge);
}

void ProjectDocument::setRenderGuidance(double guidance)
{
    edit(tr("Change Guidance"),
        [&](durian::Project& p) { p.render.guidance = std::clamp(guidance, durian::kMinGuidance, durian::kMaxGuidance); },
        GuidanceMerge);
}

QStringList ProjectDocument::motionPresetLabels()
{
    const QHash<QString, QString> labels{{"nod", tr("Nod")}, {"shake", tr("Shake")}, {"talk", tr("Talk")},
        {"smile", tr("Smile")}, {"look-around", tr("Look around")}, {"still", tr("Still")}};
    QStringList list;
    for (const QString& name : motionPresets()) {
        list.append(labels.value(name, name));
    }
    return list;
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
    edit(tr("Motion Preset %1").arg(motionPresetLabels().value(motionPresets().indexOf(name))), [&](durian::Project& p) {
        p.motion.preset = name.toStdString();
        p.motion.drivingVideo.clear();
    });
    return true;
}

bool ProjectDocument::setDrivingVideo(const QUrl& url)
{
    if (!url.isEmpty() && (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile())) {
        setErrorString(tr("The driving video %1 is not a readable file.").arg(url.toDisplayString()));
        return false;
    }
    edit(url.isEmpty() ? tr("Remove Driving Video") : tr("Driving Video %1").arg(url.fileName()),
        [&](durian::Project& p) { p.motion.drivingVideo = absolutePathOf(url); });
    return true;
}

void ProjectDocument::setMotionFrames(int frames)
{
    edit(tr("Change Clip Length"), [&](durian::Project& p) { p.motion.frames = std::clamp(frames, 1, 100000); },
        MotionFramesMerge);
}

void ProjectDocument::setMotionFps(double fps)
{
    edit(tr("Change Frame Rate"), [&](durian::Project& p) { p.motion.fps = std::clamp(fps, 1.0, 240.0); }, MotionFpsMerge);
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

bool ProjectDocument::canPair(int slot, int with) const
{
    try {
        durian::validateInterpolation({slot, with, 0.5}, project_.attributes);
        return true;
    } catch (const durian::Error&) {
        return false;
    }
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
    edit(tr("Interpolate %1 References").arg(categoryLabel(project_.attributes[slot].category)),
        [&](durian::Project& p) { p.interpolation = pairing; });
    return true;
}

void ProjectDocument::unpairAttributes()
{
    edit(tr("Stop Interpolating"), [](durian::Project& p) { p.interpolation.reset(); });
}

void ProjectDocument::setInterpolationAlpha(double alpha)
{
    if (project_.interpolation) {
        edit(tr("Change Interpolation"), [&](durian::Project& p) { p.interpolation->alpha = std::clamp(alpha, 0.0, 1.0); },
            AlphaMerge);
    }
}

void ProjectDocument::setPortrait(const QUrl& image, int face)
{
    loaded_ = true;
    setErrorString({});
    edit(tr("Change Portrait"), [&](durian::Project& p) {
        p.portraitImage = absolutePathOf(image);
        p.portraitFace = std::max(0, face);
        if (p.portraitImage != project_.portraitImage) {
            p.portraitMask.clear(); // painted on the old photo
        }
    });
}

void ProjectDocument::setMask(int target, const QUrl& mask, const QString& text)
{
    if (target == -1 || validIndex(target)) {
        edit(text, [&](durian::Project& p) {
            (target == -1 ? p.portraitMask : p.attributes[target].mask) = mask.isEmpty() ? std::filesystem::path()
                                                                                           : std::filesystem::path(mask.toLocalFile().toStdString());
        });
    }
}

void ProjectDocument::setMaskConfidence(const QString& maskPath, double confidence)
{
    maskConfidence_.insert(maskPath, confidence);
    syncAttributeModel();
    Q_EMIT projectChanged(); // the mask editor shows it too
}
