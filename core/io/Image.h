#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace durian {

// An 8-bit image with interleaved channels: 1 (gray or mask), 3 (RGB) or 4 (RGBA). Rows are packed.
struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<std::uint8_t> pixels;

    Image() = default;
    Image(int width, int height, int channels, std::uint8_t fill = 0);

    bool empty() const { return width == 0 || height == 0; }
    std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * width * channels; }
    const std::uint8_t* row(int y) const { return pixels.data() + static_cast<std::size_t>(y) * width * channels; }
};

// Loads any image OpenCV reads (PNG, JPEG incl. CMYK and grayscale, 16-bit, WebP, ...) as RGB.
// Throws durian::Error naming the file when it is missing, unreadable or not an image.
Image loadImageRgb(const std::filesystem::path& path);

// Loads a mask: any image, as 1-channel 8-bit (colour images are converted to gray).
// Throws durian::Error naming the file when it is missing or not an image.
Image loadMask(const std::filesystem::path& path);

// Saves as PNG or JPEG (by extension), atomically. Throws durian::Error on failure.
void saveImage(const Image& image, const std::filesystem::path& path);

} // namespace durian
