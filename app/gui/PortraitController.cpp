#include "app/gui/PortraitController.h"

#include "app/gui/DocumentBinding.h"
#include "app/gui/JobQueue.h"
#include "app/gui/PhotoFaces.h"
#include "app/gui/PreviewWorker.h"
#include "core/io/Image.h"

#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QRectF>
#include <QStandardPaths>


PortraitController::PortraitController(QObject* parent)
    : QObject(parent)
{
}

void PortraitController::setDocument(ProjectDocument* document)
{
    if (rebindDocument(document_, document, this, &PortraitController::refreshLandmarks)) {
        refreshLandmarks();
        Q_EMIT documentChanged();
    }
}

void PortraitController::openImage(const QUrl& url)
{
    const QString path = url.toLocalFile();
    if (!url.isLocalFile() || !QFileInfo(path).isFile()) {
        fail(tr("%1 is not a readable image file. The portrait is unchanged.").arg(url.toDisplayString()));
        return;
    }
    setBusy(true);
    JobQueue::instance()->submit(JobQueue::Lane::Interactive,
        tr("Finding the face in %1").arg(QFileInfo(path).fileName()), [path](JobContext&) { return QVariant(findPhotoFaces(path)); },
        [self = QPointer(this), url](const QVariant& result) {
            if (!self) {
                return;
            }
            self->setBusy(false);
            const QVariantList faces = result.toMap().value("faces").toList();
            if (faces.isEmpty()) {
                self->fail(tr("No face was found in %1. Choose a photo in which one face is frontal and clearly "
                              "visible. The portrait is unchanged.")
                               .arg(url.fileName()));
                return;
            }
            if (faces.size() == 1 || !self->document_) {
                if (self->document_) {
                    self->document_->setPortrait(url, 0);
                }
                Q_EMIT self->portraitChanged();
                return;
            }
            self->faces_.clear();
            for (const auto& face : faces) {
                self->faces_.append(face.toMap().value("box"));
            }
            self->pendingUrl_ = url;
            Q_EMIT self->facesToChooseChanged();
            Q_EMIT self->choiceNeeded(static_cast<int>(faces.size()));
        },
        [self = QPointer(this), url](const QString& error) {
            if (self) {
                self->setBusy(false);
                self->fail(tr("The portrait %1 could not be opened: %2").arg(url.fileName(), error));
            }
        });
}

bool PortraitController::paste()
{
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    if (data == nullptr) {
        return false;
    }
    if (data->hasUrls() && !data->urls().isEmpty() && data->urls().first().isLocalFile()) {
        openImage(data->urls().first());
        return true;
    }
    const QUrl textUrl(data->text().trimmed());
    if (textUrl.isLocalFile()) {
        openImage(textUrl);
        return true;
    }
    if (data->hasImage()) {
        // Save it where the project lives (so the project can refer to it), else in the user's pictures.
        const QImage image = qvariant_cast<QImage>(data->imageData());
        const bool inProject = document_ && document_->fileUrl().isLocalFile();
        const QString folder = inProject ? QFileInfo(document_->fileUrl().toLocalFile()).absolutePath()
                                         : QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        QDir().mkpath(folder);
        const QString path
            = folder + "/pasted-portrait-" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss") + ".png";
        try {
            durian::Image rgb(image.width(), image.height(), 3);
            const QImage converted = image.convertToFormat(QImage::Format_RGB888);
            for (int y = 0; y < rgb.height; ++y) {
                std::copy_n(converted.constScanLine(y), rgb.width * 3, rgb.row(y));
            }
            durian::saveImage(rgb, path.toStdString()); // atomic
        } catch (const std::exception& e) {
            fail(tr("The pasted image could not be saved: %1").arg(QString::fromUtf8(e.what())));
            return false;
        }
        openImage(QUrl::fromLocalFile(path));
        return true;
    }
    fail(tr("The clipboard holds no image or image file."));
    return false;
}

void PortraitController::chooseFace(int index)
{
    if (index < 0 || index >= faces_.size() || pendingUrl_.isEmpty()) {
        return;
    }
    const QUrl url = pendingUrl_;
    cancelChoice();
    if (document_) {
        document_->setPortrait(url, index);
    }
    Q_EMIT portraitChanged();
}

void PortraitController::cancelChoice()
{
    faces_.clear();
    pendingUrl_.clear();
    Q_EMIT facesToChooseChanged();
}

void PortraitController::refreshLandmarks()
{
    const QString path = document_ ? document_->portraitUrl().toLocalFile() : QString();
    const int face = document_ ? document_->portraitFace() : 0;
    const QString key = path + "#" + QString::number(face);
    if (key == landmarksKey_) {
        return;
    }
    landmarksKey_ = key;
    landmarks_.clear();
    Q_EMIT landmarksChanged();
    if (path.isEmpty()) {
        return;
    }
    JobQueue::instance()->submit(JobQueue::Lane::Interactive,
        tr("Finding the face landmarks"), [path](JobContext&) { return QVariant(findPhotoFaces(path)); },
        [self = QPointer(this), key, face](const QVariant& result) {
            if (!self || key != self->landmarksKey_) {
                return;
            }
            const QVariantList faces = result.toMap().value("faces").toList();
            self->photoSize_ = result.toMap().value("size").toSize();
            self->landmarks_ = face < faces.size() ? faces.at(face).toMap().value("landmarks").toList() : QVariantList();
            Q_EMIT self->landmarksChanged();
        },
        [](const QString&) {}); // no landmarks to show; the preview reports the problem
}

void PortraitController::setBusy(bool busy)
{
    if (busy != busy_) {
        busy_ = busy;
        Q_EMIT busyChanged();
    }
}

void PortraitController::fail(const QString& message)
{
    errorString_ = message;
    Q_EMIT errorOccurred(message);
}
