#pragma once

#include "core/io/Image.h"

#include <QImage>

// durian::Image (8-bit interleaved gray/RGB/RGBA) <-> QImage, copying the pixels.
inline QImage toQImage(const durian::Image& image)
{
    const QImage::Format format = image.channels == 1 ? QImage::Format_Grayscale8
        : image.channels == 4                          ? QImage::Format_RGBA8888
                                                       : QImage::Format_RGB888;
    // copy(): the QImage must own its pixels once the durian::Image is gone.
    return QImage(image.pixels.data(), image.width, image.height, image.width * image.channels, format).copy();
}

// An RGB image from a QImage of any format.
inline durian::Image imageFromQImage(const QImage& source)
{
    const QImage rgb = source.convertToFormat(QImage::Format_RGB888);
    durian::Image image(rgb.width(), rgb.height(), 3, 0);
    for (int y = 0; y < rgb.height(); ++y) {
        std::copy_n(rgb.constScanLine(y), rgb.width() * 3, image.row(y));
    }
    return image;
}

// A mask (1 channel) from a grayscale QImage of any format.
inline durian::Image maskFromQImage(const QImage& source)
{
    const QImage gray = source.convertToFormat(QImage::Format_Grayscale8);
    durian::Image mask(gray.width(), gray.height(), 1, 0);
    for (int y = 0; y < gray.height(); ++y) {
        std::copy_n(gray.constScanLine(y), gray.width(), mask.pixels.begin() + static_cast<std::ptrdiff_t>(y) * gray.width());
    }
    return mask;
}
