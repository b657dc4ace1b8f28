#include "core/eval/MaskQuality.h"

#include <gtest/gtest.h>

#include <map>

// A floor under the automatic masks' quality on the portrait world (12 portraits, fixed seeds). The
// floors sit ~0.1 below what the masks reach today: a change that makes the masks clearly worse fails.
TEST(MaskQuality, AutomaticMasksOverlapTheTruthOnThePortraitWorld)
{
    const auto rows = durian::measureAutoMaskQuality(12, 7);
    ASSERT_EQ(rows.size(), 5u);
    const std::map<std::string, double> floors{
        {"hair", 0.5}, {"eyeglasses", 0.35}, {"hat", 0.65}, {"beard", 0.28}, {"skin", 0.55}};
    for (const auto& row : rows) {
        ASSERT_GT(row.present, 0) << row.kind << ": the seeds must include people with it";
        EXPECT_GT(row.meanIoU, floors.at(row.kind)) << row.kind;
        EXPECT_LE(row.falseAlarms, row.absent);
    }
}

TEST(MaskQuality, NeedsAtLeastOnePortrait)
{
    EXPECT_THROW(durian::measureAutoMaskQuality(0, 1), std::exception);
}
