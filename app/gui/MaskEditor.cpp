#include "app/gui/MaskEditor.h"

#include "app/gui/DocumentBinding.h"
#include "app/gui/ImageConversion.h"
#include "app/gui/JobQueue.h"
#include "app/gui/PreviewWorker.h"
#include "core/masks/AutoMasks.h"
#include "core/masks/MaskOps.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace {
QString localPath(const QUrl& url)
{
    return url.isLocalFile() ? url.toLocalFile() : QString();
}
} // namespace

MaskEditor::MaskEditor(QQuickItem* parent)
    : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton | Qt::MiddleButton);
    setAcceptHoverEvents(true);
    connect(this, &QQuickItem::widthChanged, this, [this] { update(); });
    connect(this, &QQuickItem::heightChanged, this, [this] { update(); });
    connect(this, &MaskEditor::toolChanged, this, [this] { update(); });
}

void MaskEditor::setDocument(ProjectDocument* document)
{
    if (rebindDocument(document_, document, this, &MaskEditor::reload)) {
        reload();
        Q_EMIT documentChanged();
    }
}

void MaskEditor::setTarget(int target)
{
    if (target != target_) {
        target_ = target;
        reload();
        resetView();
        Q_EMIT targetChanged();
    }
}

void MaskEditor::reload()
{
    QString photo;
    QString mask;
    if (document_ && target_ == -1) {
        photo = localPath(document_->portraitUrl());
        mask = localPath(document_->portraitMaskUrl());
    } else if (document_ && target_ >= 0 && target_ < document_->attributeModel()->count()) {
        const QVariantMap attribute = document_->attributeModel()->get(target_);
        photo = localPath(attribute.value("imageUrl").toUrl());
        mask = localPath(attribute.value("maskUrl").toUrl());
    }
    if (stroking_) {
        return; // the stroke commits and reloads after
    }
    if (photo != photoPath_) {
        photoPath_ = photo;
        photo_ = photo.isEmpty() ? QImage() : QImage(photo).convertToFormat(QImage::Format_RGB32);
        maskPath_ = QStringLiteral("\n"); // force the mask to load for the new photo
    }
    if (mask == maskPath_) {
        return;
    }
    maskPath_ = mask;
    // The figure of the file shown (undo brings an automatic mask's back; a painted one has none).
    setConfidence(document_ && !mask.isEmpty() ? document_->maskConfidence(mask) : -1.0);
    mask_ = durian::Image(photo_.width(), photo_.height(), 1, 0);
    if (!mask.isEmpty() && !photo_.isNull()) {
        QImage loaded(mask);
        if (loaded.isNull()) {
            setErrorString(tr("The mask %1 cannot be read.").arg(mask));
        } else {
            mask_ = maskFromQImage(loaded.size() == photo_.size() ? loaded
                                                                   : loaded.scaled(photo_.size(), Qt::IgnoreAspectRatio,
                                                                       Qt::SmoothTransformation));
        }
    }
    maskEdited();
}

void MaskEditor::maskEdited()
{
    // The overlay: the mask as the alpha of a warm tint (opacity applies when painting).
    overlay_ = QImage(mask_.width, mask_.height, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < mask_.height; ++y) {
        const std::uint8_t* in = mask_.row(y);
        auto* out = reinterpret_cast<QRgb*>(overlay_.scanLine(y));
        for (int x = 0; x < mask_.width; ++x) {
            const int a = in[x];
            out[x] = qRgba(255 * a / 255, 64 * a / 255, 32 * a / 255, a);
        }
    }
    update();
    Q_EMIT maskChanged();
}

QImage MaskEditor::maskImage() const
{
    return toQImage(mask_);
}

double MaskEditor::coverage() const
{
    return mask_.empty() ? 0.0 : durian::maskCoverage(mask_);
}

QString MaskEditor::nextVersionPath() const
{
    // Beside the project file; while the project is untitled, in its work folder (the autosave area),
    // never beside the photo or in the install tree.
    const QString stem = document_ && !document_->untitled() ? QFileInfo(document_->fileUrl().toLocalFile()).completeBaseName()
                                                              : QStringLiteral("untitled");
    const QString folder = (document_ ? document_->workFolder() : QFileInfo(photoPath_).absolutePath()) + "/" + stem + ".masks";
    QString name = "portrait";
    if (target_ >= 0 && document_) {
        name = QString("reference%1-%2")
                   .arg(target_ + 1)
                   .arg(document_->attributeModel()->get(target_).value("category").toString());
    }
    QDir().mkpath(folder);
    for (int n = 1;; ++n) {
        const QString path = QString("%1/%2-%3.png").arg(folder, name).arg(n);
        if (!QFileInfo::exists(path)) {
            return path;
        }
    }
}

void MaskEditor::commit(const QString& text, double confidence)
{
    if (!document_ || photo_.isNull()) {
        return;
    }
    const QString path = nextVersionPath();
    try {
        durian::saveImage(mask_, path.toStdString()); // atomic
    } catch (const std::exception& e) {
        setErrorString(tr("The mask could not be saved: %1").arg(QString::fromUtf8(e.what())));
        reload();
        return;
    }
    document_->noteMaskVersionWritten(path);
    maskPath_ = path; // the image in memory is that file: no reload
    setConfidence(confidence); // an edited mask is no longer the automatic one
    if (confidence >= 0) {
        document_->setMaskConfidence(path, confidence);
    }
    setErrorString({});
    document_->setMask(target_, QUrl::fromLocalFile(path), text);
    Q_EMIT committed(path);
}

void MaskEditor::beginStroke(QPointF point)
{
    if (photo_.isNull() || busy_) {
        return;
    }
    stroking_ = true;
    lastPoint_ = point;
    durian::paintDab(mask_, {static_cast<float>(point.x()), static_cast<float>(point.y())},
        durian::Brush{static_cast<float>(brushSize_), static_cast<float>(hardness_), 1.0f, erase_});
    maskEdited();
}

void MaskEditor::continueStroke(QPointF point)
{
    if (!stroking_) {
        return;
    }
    durian::paintStroke(mask_, {static_cast<float>(lastPoint_.x()), static_cast<float>(lastPoint_.y())},
        {static_cast<float>(point.x()), static_cast<float>(point.y())},
        durian::Brush{static_cast<float>(brushSize_), static_cast<float>(hardness_), 1.0f, erase_});
    lastPoint_ = point;
    maskEdited();
}

void MaskEditor::endStroke()
{
    if (!stroking_) {
        return;
    }
    stroking_ = false;
    commit(erase_ ? tr("Erase Mask") : tr("Paint Mask"));
}

void MaskEditor::clear()
{
    if (photo_.isNull() || coverage() == 0.0) {
        return;
    }
    std::fill(mask_.pixels.begin(), mask_.pixels.end(), std::uint8_t{0});
    maskEdited();
    commit(tr("Clear Mask"));
}

void MaskEditor::grow(int pixels)
{
    if (photo_.isNull() || pixels == 0) {
        return;
    }
    mask_ = durian::growMask(mask_, pixels);
    maskEdited();
    commit(pixels > 0 ? tr("Grow Mask") : tr("Shrink Mask"));
}

void MaskEditor::autoMask(const QString& category)
{
    const auto parsed = durian::parseAttributeCategory(category.toStdString());
    if (!parsed || photoPath_.isEmpty() || busy_) {
        return;
    }
    setBusy(true);
    const std::filesystem::path photo = photoPath_.toStdString();
    const auto attributes = document_ ? document_->project().attributes : std::vector<durian::AttributeReference>{};
    const int face = !document_ ? 0
        : target_ == -1        ? document_->portraitFace()
        : target_ < static_cast<int>(attributes.size()) ? attributes[static_cast<std::size_t>(target_)].face
                                                        : 0;
    const int target = target_;
    JobQueue::instance()->submit(JobQueue::Lane::Interactive,
        tr("Automatic mask"),
        [photo, face, kind = durian::maskKindOf(*parsed)](JobContext& context) {
            context.reportProgress(0.0, tr("Computing the mask…"));
            const auto mask = PreviewWorker::shared()->autoMask(photo, face, kind);
            return QVariant(QVariantList{QVariant::fromValue(toQImage(mask.mask)), QVariant(static_cast<double>(mask.confidence))});
        },
        [self = QPointer(this), target, photo = photoPath_, category](const QVariant& result) {
            if (!self) {
                return;
            }
            self->setBusy(false);
            if (self->target_ != target || self->photoPath_ != photo) {
                return; // the user moved on to another image meanwhile
            }
            const QVariantList values = result.toList();
            self->mask_ = maskFromQImage(values.value(0).value<QImage>());
            self->maskEdited();
            self->commit(tr("Automatic Mask (%1)").arg(category), values.value(1).toDouble());
        },
        [self = QPointer(this)](const QString& error) {
            if (self) {
                self->setBusy(false);
                if (!error.isEmpty()) {
                    self->setErrorString(tr("The automatic mask could not be computed: %1").arg(error));
                }
            }
        });
}

void MaskEditor::setConfidence(double confidence)
{
    if (confidence != confidence_) {
        confidence_ = confidence;
        Q_EMIT confidenceChanged();
    }
}

void MaskEditor::setBusy(bool busy)
{
    if (busy != busy_) {
        busy_ = busy;
        Q_EMIT busyChanged();
    }
}

void MaskEditor::setErrorString(const QString& error)
{
    if (error != errorString_) {
        errorString_ = error;
        Q_EMIT errorStringChanged();
    }
}
