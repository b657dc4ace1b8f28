#pragma once

#include <stdexcept>
#include <string>

namespace durian {

// The one exception type core throws for problems a user can act on (bad file, missing package, ...).
// Its message is shown to the user as it is, so it names the file or the setting and what to do.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace durian
