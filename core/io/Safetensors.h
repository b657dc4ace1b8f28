#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace durian {

// The element types Durian reads and writes ("F32", "F16", "BF16" in the file).
enum class TensorDType { F32, F16, BF16 };

std::string toString(TensorDType dtype);
std::size_t elementSize(TensorDType dtype);

// One tensor of a safetensors file. The bytes are little-endian, row-major, and live in `storage`
// (the whole file, shared by every tensor read from it) at [offset, offset + size).
struct TensorData {
    std::string name;
    TensorDType dtype = TensorDType::F32;
    std::vector<std::int64_t> shape;
    std::shared_ptr<const std::string> storage;
    std::size_t offset = 0;
    std::size_t size = 0;

    std::int64_t elementCount() const;
    const std::uint8_t* data() const { return reinterpret_cast<const std::uint8_t*>(storage->data()) + offset; }
    // Values converted to float (any dtype).
    std::vector<float> toFloats() const;
    static TensorData fromFloats(std::string name, std::vector<std::int64_t> shape, const std::vector<float>& values,
        TensorDType dtype = TensorDType::F32);
};

struct SafetensorsFile {
    std::vector<TensorData> tensors; // in file order (by data offset)
    std::map<std::string, std::string> metadata;

    const TensorData* find(const std::string& name) const;
};

// Largest header we accept (the format's reference implementation uses the same bound).
inline constexpr std::uint64_t kMaxSafetensorsHeader = 100ull * 1024 * 1024;

// Strict reader: the header size is capped, must be JSON with known dtypes, non-negative shapes, and
// offsets that match the shape and tile the data section exactly (no gaps, overlaps or trailing bytes).
// Throws durian::Error naming `origin` (the file) and the tensor at fault.
SafetensorsFile parseSafetensors(std::shared_ptr<const std::string> bytes, const std::string& origin);
SafetensorsFile readSafetensors(const std::filesystem::path& path);

// Writer: header padded to 8 bytes, tensors in the order given. Throws durian::Error on duplicates or
// a byte count that does not match the shape.
std::string serializeSafetensors(const SafetensorsFile& file);
void writeSafetensors(const std::filesystem::path& path, const SafetensorsFile& file);

// fp16/bf16 <-> fp32 (round to nearest even).
float halfToFloat(std::uint16_t h);
std::uint16_t floatToHalf(float f);
float bfloat16ToFloat(std::uint16_t b);
std::uint16_t floatToBfloat16(float f);

} // namespace durian
