#pragma once

#include <QImage>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

// Paints a QImage (PreviewController.image) scaled to fit, keeping its aspect ratio.
class PreviewImage : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QImage image READ image WRITE setImage NOTIFY imageChanged)

public:
    explicit PreviewImage(QQuickItem* parent = nullptr);

    QImage image() const { return image_; }
    void setImage(const QImage& image);
    void paint(QPainter* painter) override;

Q_SIGNALS:
    void imageChanged();

private:
    QImage image_;
};
