#include "app/gui/PhotoFaces.h"

#include "app/gui/PreviewWorker.h"
#include "core/io/Image.h"

#include <QPointF>
#include <QRectF>
#include <QSize>

QVariantMap findPhotoFaces(const QString& path)
{
    const durian::Image image = durian::loadImageRgb(path.toStdString());
    const auto analysis = PreviewWorker::shared()->analyzer().analyze(image);
    QVariantList faces;
    for (const auto& face : analysis.faces) {
        QVariantList points;
        for (const auto& p : face.landmarks) {
            points.append(QPointF(p.x, p.y));
        }
        faces.append(QVariantMap{{"box", QRectF(face.box.x, face.box.y, face.box.width, face.box.height)},
            {"landmarks", points}});
    }
    return {{"faces", faces}, {"size", QSize(image.width, image.height)}};
}
