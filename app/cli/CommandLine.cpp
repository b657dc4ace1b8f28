#include "app/cli/CommandLine.h"

#include <algorithm>
#include <csignal>
#include <semaphore.h>
#include <thread>
#include <cmath>

namespace durian::cli {
namespace {
// A signal handler may only do async-signal-safe things: it posts a semaphore, and a thread waiting on
// it asks the work to stop.
sem_t interrupted;
extern "C" void onInterrupt(int)
{
    sem_post(&interrupted);
}
} // namespace

std::stop_token stopOnInterrupt()
{
    static std::stop_source source;
    static const bool installed = [] {
        sem_init(&interrupted, 0, 0);
        std::thread([] {
            while (sem_wait(&interrupted) != 0) { // EINTR: wait again
            }
            source.request_stop();
        }).detach();
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt); // a polite kill cleans up as Ctrl-C does
        return true;
    }();
    (void)installed;
    return source.get_token();
}

Arguments::Arguments(const std::vector<std::string>& args, const std::vector<std::string>& flagNames)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i] == "-o" ? std::string("--output") : args[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            positionals_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        if (const auto eq = name.find('='); eq != std::string::npos) {
            options_[name.substr(0, eq)] = name.substr(eq + 1);
        } else if (std::find(flagNames.begin(), flagNames.end(), name) != flagNames.end()) {
            options_[name] = "";
        } else if (i + 1 < args.size()) {
            options_[name] = args[++i];
        } else {
            throw UsageError("option --" + name + " needs a value");
        }
    }
}

bool Arguments::has(const std::string& name) const
{
    return options_.count(name) != 0;
}

std::optional<std::string> Arguments::value(const std::string& name) const
{
    const auto it = options_.find(name);
    return it == options_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string Arguments::valueOr(const std::string& name, const std::string& fallback) const
{
    return value(name).value_or(fallback);
}

double Arguments::numberOr(const std::string& name, double fallback) const
{
    const auto text = value(name);
    if (!text) {
        return fallback;
    }
    try {
        std::size_t used = 0;
        const double number = std::stod(*text, &used);
        if (used == text->size()) {
            return number;
        }
    } catch (const std::exception&) {
    }
    throw UsageError("option --" + name + " expects a number, got '" + *text + "'");
}

int Arguments::integerOr(const std::string& name, int fallback, int low, int high) const
{
    const double number = numberOr(name, fallback);
    if (number != std::floor(number) || number < low || number > high) {
        throw UsageError("option --" + name + " must be a whole number from " + std::to_string(low) + " to "
            + std::to_string(high));
    }
    return static_cast<int>(number);
}

} // namespace durian::cli
