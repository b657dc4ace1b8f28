#pragma once

#include "core/io/Project.h"

#include <filesystem>

namespace durian {

// Copies every file the project uses (portrait, masks, references, driving video) that is not already in
// the project file's folder into "<project name>.assets/" beside it, and returns the project pointing
// at the copies: the folder then holds everything and can be moved or shared whole. Files inside the
// folder stay where they are; a file already copied (same name, same bytes) is reused; another file
// with a taken name gets a numbered one. Each copy is written atomically. Throws durian::Error naming
// the file that cannot be read or written (nothing of the project file is touched).
Project collectProjectAssets(const Project& project, const std::filesystem::path& projectFile);

} // namespace durian
