#include "FaceTestPhotos.h"

#include "core/face/FaceNetworks.h"
#include "core/face/FaceReport.h"
#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>

namespace durian {
namespace {

using testing::committedPhoto;
using testing::fetchedPhoto;
using testing::maskAt;
using testing::sharedAnalyzer;

Point2f meshCentre(const FaceMesh& mesh, const int* indices, std::size_t count)
{
    Point2f sum;
    for (std::size_t i = 0; i < count; ++i) {
        sum.x += mesh.points[static_cast<std::size_t>(indices[i])].x;
        sum.y += mesh.points[static_cast<std::size_t>(indices[i])].y;
    }
    return {sum.x / static_cast<float>(count), sum.y / static_cast<float>(count)};
}

TEST(FaceNetworks, TheMeshLiesOnTheFaceTheLandmarksFound)
{
    const Image photo = loadImageRgb(committedPhoto("astronaut.png"));
    const Landmarks landmarks = loadLandmarks(committedPhoto("astronaut_landmarks.json"));
    const FaceMesh mesh = FaceNetworks::shared().faceMesh(photo, landmarks);
    ASSERT_EQ(mesh.points.size(), static_cast<std::size_t>(kMeshPointCount));
    EXPECT_GT(mesh.confidence, 0.9f);
    // The two models agree on the eyes and the mouth to a few pixels (inter-ocular distance about 45 px).
    const float tolerance = 0.12f * distance(partCenter(landmarks, kRightEye), partCenter(landmarks, kLeftEye));
    EXPECT_LT(distance(meshCentre(mesh, kMeshRightEye, std::size(kMeshRightEye)), partCenter(landmarks, kRightEye)), tolerance);
    EXPECT_LT(distance(meshCentre(mesh, kMeshLeftEye, std::size(kMeshLeftEye)), partCenter(landmarks, kLeftEye)), tolerance);
    EXPECT_LT(distance(meshCentre(mesh, kMeshOuterLips, std::size(kMeshOuterLips)), partCenter(landmarks, kOuterLips)),
        tolerance);
    EXPECT_LT(distance(mesh.points[152], landmarks[8]), 2.0f * tolerance) << "the chin";
}

TEST(FaceNetworks, TheMatteHoldsThePersonWithHerHairAndNotTheBackground)
{
    const Image photo = loadImageRgb(committedPhoto("astronaut.png"));
    const Image matte = FaceNetworks::shared().personMatte(photo);
    ASSERT_EQ(matte.width, photo.width);
    ASSERT_EQ(matte.height, photo.height);
    ASSERT_EQ(matte.channels, 1);
    EXPECT_TRUE(maskAt(matte, 222, 140)) << "her face";
    EXPECT_TRUE(maskAt(matte, 215, 60)) << "her hair, above the forehead";
    EXPECT_TRUE(maskAt(matte, 250, 400)) << "her suit";
    EXPECT_FALSE(maskAt(matte, 40, 40)) << "the background, top left";
}

TEST(FaceNetworks, AMissingOrDamagedFileIsNamed)
{
    const auto dir = std::filesystem::path(::testing::TempDir()) / ("durian-networks-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    try {
        FaceNetworks networks(dir);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find((dir / "selfie.onnx").string() + " is missing"), std::string::npos) << e.what();
    }
    // Half of the real file: a truncated download or a full disk.
    const auto shipped = faceNetworksDir();
    std::ifstream in(shipped / "selfie.onnx", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    ASSERT_GT(bytes.size(), 1000u);
    writeFileAtomically(dir / "selfie.onnx", std::string_view(bytes).substr(0, bytes.size() / 2));
    std::filesystem::copy_file(shipped / "facemesh.onnx", dir / "facemesh.onnx");
    try {
        FaceNetworks networks(dir);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("selfie.onnx is damaged"), std::string::npos) << e.what();
    }
    std::filesystem::remove_all(dir);
}

TEST(FaceIdentity, SeparatesThePeopleOfDlibsJohns)
{
    const auto network = std::filesystem::path(DURIAN_TEST_MEASURE_DIR) / "faceres.onnx";
    if (!std::filesystem::exists(network)) {
        GTEST_SKIP() << network << " is missing: ctest's data.FetchMeasureNetworks could not make it (see its output)";
    }
    DURIAN_REQUIRE_FETCHED_PHOTO("dlib/johns/John_Simm");
    const FaceIdentity identity(network);
    std::vector<std::pair<std::string, std::vector<float>>> people;
    for (const auto& person : std::filesystem::directory_iterator(fetchedPhoto("dlib/johns"))) {
        for (const auto& file : std::filesystem::directory_iterator(person.path())) {
            const Image crop = loadImageRgb(file.path());
            const FaceAnalysis analysis = sharedAnalyzer().analyze(crop);
            if (analysis.found()) {
                people.emplace_back(person.path().filename().string(), identity.embedding(crop, analysis.primary().landmarks));
            }
        }
    }
    ASSERT_GE(people.size(), 50u) << "dlib finds the faces of nearly all 55 crops";
    int nearestRight = 0;
    double same = 0.0, different = 0.0;
    int sameCount = 0, differentCount = 0;
    for (std::size_t i = 0; i < people.size(); ++i) {
        float best = -2.0f;
        std::string bestName;
        for (std::size_t j = 0; j < people.size(); ++j) {
            if (i == j) continue;
            const float c = cosineSimilarity(people[i].second, people[j].second);
            (people[i].first == people[j].first ? same : different) += c;
            ++(people[i].first == people[j].first ? sameCount : differentCount);
            if (c > best) best = c, bestName = people[j].first;
        }
        nearestRight += bestName == people[i].first;
    }
    same /= sameCount;
    different /= differentCount;
    std::printf("johns: %zu faces, same person %.3f, different people %.3f, nearest neighbour right %d\n", people.size(),
        same, different, nearestRight);
    EXPECT_GT(same, different + 0.25);
    EXPECT_GE(nearestRight, static_cast<int>(people.size()) - 2);
}

} // namespace
} // namespace durian
