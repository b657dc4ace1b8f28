#include "core/io/AtomicFile.h"
#include "core/io/Image.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
fs::path tempPath(const std::string& name)
{
    return fs::temp_directory_path() / ("durian-image-" + std::to_string(::getpid()) + "-" + name);
}
} // namespace

TEST(Image, PngRoundTripKeepsRgbOrderAndPixels)
{
    durian::Image image(5, 3, 3);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            auto* p = image.row(y) + x * 3;
            p[0] = static_cast<std::uint8_t>(50 * x);
            p[1] = static_cast<std::uint8_t>(80 * y);
            p[2] = 200;
        }
    }
    const auto path = tempPath("roundtrip.png");
    durian::saveImage(image, path);
    const auto loaded = durian::loadImageRgb(path);
    EXPECT_EQ(loaded.width, 5);
    EXPECT_EQ(loaded.height, 3);
    EXPECT_EQ(loaded.channels, 3);
    EXPECT_EQ(loaded.pixels, image.pixels);
    fs::remove(path);
}

TEST(Image, GrayscaleFilesLoadAsRgb)
{
    durian::Image gray(4, 4, 1, 77);
    const auto path = tempPath("gray.png");
    durian::saveImage(gray, path);
    const auto loaded = durian::loadImageRgb(path);
    ASSERT_EQ(loaded.channels, 3);
    EXPECT_EQ(loaded.pixels, std::vector<std::uint8_t>(4 * 4 * 3, 77));
    fs::remove(path);
}

TEST(Image, MissingAndBrokenFilesGiveClearErrors)
{
    EXPECT_THROW(
        {
            try {
                durian::loadImageRgb("/no/such/photo.jpg");
            } catch (const durian::Error& e) {
                EXPECT_NE(std::string(e.what()).find("/no/such/photo.jpg"), std::string::npos);
                throw;
            }
        },
        durian::Error);

    const auto broken = tempPath("broken.png");
    durian::writeFileAtomically(broken, "\x89PNG\r\n\x1a\n this is not really a png");
    EXPECT_THROW(durian::loadImageRgb(broken), durian::Error);
    fs::remove(broken);

    // OpenCV reads no GIF: the message says so instead of calling the file damaged.
    const auto gif = tempPath("animated.gif");
    durian::writeFileAtomically(gif, std::string("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14));
    try {
        durian::loadImageRgb(gif);
        FAIL() << "read a GIF";
    } catch (const durian::Error& e) {
        EXPECT_NE(std::string(e.what()).find("GIF images (animated or not) are not supported"), std::string::npos) << e.what();
    }
    fs::remove(gif);
}
