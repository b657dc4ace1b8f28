#include "app/gui/ReferenceController.h"

#include "app/gui/DocumentBinding.h"
#include "app/gui/JobQueue.h"
#include "app/gui/PhotoFaces.h"

#include <QFileInfo>

ReferenceController::ReferenceController(QObject* parent)
    : QObject(parent)
{
}

void ReferenceController::setDocument(ProjectDocument* document)
{
    if (rebindDocument(document_, document, this)) {
        Q_EMIT documentChanged();
    }
}

void ReferenceController::setAutoMasks(AutoMaskController* autoMasks)
{
    if (autoMasks_ != autoMasks) {
        autoMasks_ = autoMasks;
        Q_EMIT autoMasksChanged();
    }
}

void ReferenceController::addReference(const QString& category, const QUrl& url)
{
    const QFileInfo file(url.toLocalFile());
    if (!url.isLocalFile() || !file.isFile() || !file.isReadable()) {
        fail(tr("%1 is not a readable image file. No reference was added.").arg(url.toDisplayString()));
        return;
    }
    findFaces({category, -1, url});
}

void ReferenceController::chooseFaceFor(int index)
{
    if (!document_ || index < 0 || index >= static_cast<int>(document_->project().attributes.size())) {
        return;
    }
    const std::filesystem::path image = document_->project().attributes[static_cast<std::size_t>(index)].image;
    findFaces({{}, index, QUrl::fromLocalFile(QString::fromStdString(image.string()))});
}

void ReferenceController::findFaces(const Pending& pending)
{
    const QString path = pending.url.toLocalFile();
    setBusy(true);
    JobQueue::instance()->submit(JobQueue::Lane::Interactive,
        tr("Finding the faces in %1").arg(QFileInfo(path).fileName()),
        [path](JobContext&) { return QVariant(findPhotoFaces(path)); },
        [self = QPointer(this), pending](const QVariant& result) {
            if (!self) {
                return;
            }
            self->setBusy(false);
            const QVariantList faces = result.toMap().value("faces").toList();
            if (faces.isEmpty()) {
                self->fail(tr("No face was found in %1. A reference needs a face: it places the attribute. Choose a "
                              "photo in which the face is frontal and clearly visible.")
                               .arg(pending.url.fileName()));
                return;
            }
            if (faces.size() == 1) {
                if (pending.index >= 0) {
                    self->fail(tr("%1 shows one face only; the reference already uses it.").arg(pending.url.fileName()));
                    return;
                }
                self->apply(pending, 0);
                return;
            }
            self->faces_.clear();
            for (const auto& face : faces) {
                self->faces_.append(face.toMap().value("box"));
            }
            self->pending_ = pending;
            self->pendingUrl_ = pending.url;
            Q_EMIT self->facesToChooseChanged();
            Q_EMIT self->choiceNeeded(static_cast<int>(faces.size()));
        },
        [self = QPointer(this), pending](const QString& error) {
            if (self) {
                self->setBusy(false);
                self->fail(tr("The photo %1 could not be read: %2").arg(pending.url.fileName(), error));
            }
        });
}

void ReferenceController::chooseFace(int face)
{
    if (face < 0 || face >= faces_.size() || pendingUrl_.isEmpty()) {
        return;
    }
    const Pending pending = pending_;
    cancelChoice();
    apply(pending, face);
}

void ReferenceController::cancelChoice()
{
    faces_.clear();
    pendingUrl_.clear();
    pending_ = {};
    Q_EMIT facesToChooseChanged();
}

void ReferenceController::apply(const Pending& pending, int face)
{
    if (!document_) {
        return;
    }
    int index = pending.index;
    if (index < 0) {
        if (!document_->addAttribute(pending.category, pending.url, QUrl(), face)) {
            fail(document_->errorString());
            return;
        }
        index = static_cast<int>(document_->project().attributes.size()) - 1;
        Q_EMIT referenceAdded(index);
    } else {
        // The list may have changed while the faces were found: only the same photo at that place.
        const auto attributes = document_->project().attributes;
        if (index >= static_cast<int>(attributes.size()) ||
            QString::fromStdString(attributes[static_cast<std::size_t>(index)].image.string()) != pending.url.toLocalFile()) {
            return;
        }
        document_->setAttributeFace(index, face);
        Q_EMIT faceChosen(index, face);
    }
    if (autoMasks_ && document_->project().attributes[static_cast<std::size_t>(index)].mask.empty()) {
        autoMasks_->compute(index);
    }
}

void ReferenceController::setBusy(bool busy)
{
    if (busy != busy_) {
        busy_ = busy;
        Q_EMIT busyChanged();
    }
}

void ReferenceController::fail(const QString& message)
{
    errorString_ = message;
    Q_EMIT errorOccurred(message);
}
