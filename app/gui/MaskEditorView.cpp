// MaskEditor's view side: zoom, pan, painting the photo with its overlay, and the mouse.
#include "app/gui/MaskEditor.h"

#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

void MaskEditor::setOverlayOpacity(double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (opacity != overlayOpacity_) {
        overlayOpacity_ = opacity;
        update();
        Q_EMIT viewChanged();
    }
}

void MaskEditor::setZoom(double zoom)
{
    zoom = std::clamp(zoom, 0.25, 16.0);
    if (zoom != zoom_) {
        zoom_ = zoom;
        update();
        Q_EMIT viewChanged();
    }
}

void MaskEditor::setPan(QPointF pan)
{
    if (pan != pan_) {
        pan_ = pan;
        update();
        Q_EMIT viewChanged();
    }
}

void MaskEditor::resetView()
{
    setZoom(1.0);
    setPan({});
}

QRectF MaskEditor::imageRect() const
{
    if (photo_.isNull()) {
        return {};
    }
    const double scale = std::min(width() / photo_.width(), height() / photo_.height()) * zoom_;
    const QSizeF size(photo_.width() * scale, photo_.height() * scale);
    return QRectF(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2) + pan_, size);
}

QPointF MaskEditor::toImage(QPointF itemPoint) const
{
    const QRectF rect = imageRect();
    if (rect.isEmpty()) {
        return {};
    }
    return QPointF((itemPoint.x() - rect.x()) * photo_.width() / rect.width(),
        (itemPoint.y() - rect.y()) * photo_.height() / rect.height());
}

void MaskEditor::paint(QPainter* painter)
{
    const QRectF rect = imageRect();
    if (rect.isEmpty()) {
        return;
    }
    painter->setRenderHint(QPainter::SmoothPixmapTransform, zoom_ < 2.0);
    painter->drawImage(rect, photo_);
    painter->setOpacity(overlayOpacity_);
    painter->drawImage(rect, overlay_);
    painter->setOpacity(1.0);
    if (hover_.x() >= 0) {
        // The brush outline, at the size it paints.
        const double radius = brushSize_ / 2 * rect.width() / photo_.width();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(erase_ ? QColor("#7fd0ff") : QColor("#ffcc33"), 1.5));
        painter->drawEllipse(hover_, radius, radius);
    }
}

void MaskEditor::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        beginStroke(toImage(event->position()));
    } else {
        panning_ = true;
        panStart_ = event->position() - pan_;
    }
    event->accept();
}

void MaskEditor::mouseMoveEvent(QMouseEvent* event)
{
    hover_ = event->position();
    if (panning_) {
        setPan(event->position() - panStart_);
    } else {
        continueStroke(toImage(event->position()));
    }
    update();
}

void MaskEditor::mouseReleaseEvent(QMouseEvent* event)
{
    if (panning_) {
        panning_ = false;
    } else if (event->button() == Qt::LeftButton) {
        endStroke();
    }
}

void MaskEditor::hoverMoveEvent(QHoverEvent* event)
{
    hover_ = event->position();
    update();
}

void MaskEditor::wheelEvent(QWheelEvent* event)
{
    // Zoom about the cursor: the photo point under it stays put.
    const QPointF cursor = event->position();
    const QRectF before = imageRect();
    const double factor = std::pow(1.0015, event->angleDelta().y());
    setZoom(zoom_ * factor);
    const QRectF after = imageRect();
    if (!before.isEmpty()) {
        const QPointF relative((cursor.x() - before.x()) / before.width(), (cursor.y() - before.y()) / before.height());
        const QPointF moved(after.x() + relative.x() * after.width(), after.y() + relative.y() * after.height());
        setPan(pan_ + cursor - moved);
    }
    event->accept();
}
