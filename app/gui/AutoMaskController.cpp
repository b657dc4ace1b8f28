#include "app/gui/AutoMaskController.h"

#include "app/gui/AttributeCategories.h"
#include "app/gui/DocumentBinding.h"
#include "app/gui/JobQueue.h"
#include "app/gui/PreviewWorker.h"
#include "core/io/Image.h"
#include "core/masks/AutoMasks.h"

#include <QCoreApplication>
#include <QFileInfo>

AutoMaskController::AutoMaskController(QObject* parent)
    : QObject(parent)
{
}

void AutoMaskController::setDocument(ProjectDocument* document)
{
    if (rebindDocument(document_, document, this)) {
        Q_EMIT documentChanged();
    }
}

void AutoMaskController::compute(int index)
{
    if (!document_ || index < 0 || index >= static_cast<int>(document_->project().attributes.size())) {
        return;
    }
    const durian::AttributeReference reference = document_->project().attributes[static_cast<std::size_t>(index)];
    const QFileInfo imageFile(QString::fromStdString(reference.image.string()));
    const QString maskPath = document_->workFolder() + "/" + imageFile.completeBaseName() + "-"
        + QString::fromStdString(durian::toString(reference.category)) + "-mask.png";
    if (++pending_ == 1) {
        Q_EMIT busyChanged();
    }
    const auto ended = [self = QPointer(this)] {
        if (self && --self->pending_ == 0) {
            Q_EMIT self->busyChanged();
        }
    };
    JobQueue::instance()->submit(JobQueue::Lane::Interactive,
        tr("Automatic mask for %1").arg(imageFile.fileName()),
        [reference, maskPath](JobContext& context) {
            context.reportProgress(0.0, tr("Computing the mask…"));
            const auto mask = PreviewWorker::shared()->autoMask(reference.image, reference.face, durian::maskKindOf(reference.category));
            durian::saveImage(mask.mask, maskPath.toStdString());
            return QVariant(static_cast<double>(mask.confidence));
        },
        [self = QPointer(this), index, reference, maskPath, ended](const QVariant& confidence) {
            ended();
            if (!self || !self->document_) {
                return;
            }
            ProjectDocument& document = *self->document_;
            document.setMaskConfidence(maskPath, confidence.toDouble());
            // The list may have changed meanwhile: set the mask only on the same reference.
            const auto& attributes = document.project().attributes;
            if (index >= static_cast<int>(attributes.size()) || attributes[static_cast<std::size_t>(index)].image != reference.image) {
                return;
            }
            document.setMask(index, QUrl::fromLocalFile(maskPath),
                QCoreApplication::translate("ProjectDocument", "Automatic %1 Mask").arg(categoryLabel(reference.category)));
            Q_EMIT self->maskComputed(index, confidence.toDouble());
        },
        [self = QPointer(this), ended](const QString& error) {
            ended();
            if (self && !error.isEmpty()) {
                Q_EMIT self->errorOccurred(tr("The automatic mask could not be computed: %1").arg(error));
            }
        });
}
