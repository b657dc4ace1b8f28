#include "app/gui/PreviewImage.h"

#include <QPainter>

PreviewImage::PreviewImage(QQuickItem* parent)
    : QQuickPaintedItem(parent)
{
}

void PreviewImage::setImage(const QImage& image)
{
    image_ = image;
    Q_EMIT imageChanged();
    update();
}

void PreviewImage::paint(QPainter* painter)
{
    if (image_.isNull()) {
        return;
    }
    const QSizeF size = QSizeF(image_.size()).scaled(QSizeF(width(), height()), Qt::KeepAspectRatio);
    const QRectF target((width() - size.width()) / 2, (height() - size.height()) / 2, size.width(), size.height());
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(target, image_);
}
