#pragma once

#include <QString>
#include <QVariantMap>

// The faces in a photo file, for the controllers that ask the user to pick one (runs on a worker thread:
// it reads the file and runs the shared face analyzer). {"faces": [{"box": QRectF, "landmarks": [QPointF]}],
// "size": QSize}, in photo pixels, in the analyzer's order (the face it picks first). Throws
// durian::Error for an unreadable image.
QVariantMap findPhotoFaces(const QString& path);
