#include "core/train/DataParallel.h"

#include "core/util/Error.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <atomic>
#include <thread>

namespace durian {

namespace {

// Big enough that a step of the default model is a handful of collectives, small enough that the copy
// into a bucket costs little memory.
constexpr std::int64_t kBucketBytes = 16LL << 20;
// Every rank bumps its heartbeat counter in the store this often; a rank whose counter stands still over
// kLostAfter is taken for lost when a collective fails.
constexpr auto kHeartbeat = std::chrono::milliseconds(250);
constexpr auto kLostAfter = std::chrono::milliseconds(1500);

std::string arrivedKey(int rank) { return "durian/arrived/" + std::to_string(rank); }
std::string heartbeatKey(int rank) { return "durian/alive/" + std::to_string(rank); }

std::string rankList(const std::vector<int>& ranks)
{
    std::string out = ranks.size() == 1 ? "rank " : "ranks ";
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == ranks.size() ? " and " : ", ") + std::to_string(ranks[i]);
    }
    return out;
}

} // namespace

struct DataParallel::Impl {
    DataParallelConfig config;
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    std::atomic<bool> stopping{false};
    std::thread heartbeat;

    std::string where() const { return config.masterAddr + ":" + std::to_string(config.masterPort); }

    c10::intrusive_ptr<c10d::TCPStore> connect(bool server) const
    {
        c10d::TCPStoreOptions options;
        options.port = static_cast<std::uint16_t>(config.masterPort);
        options.isServer = server;
        options.waitWorkers = false;
        options.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(config.timeout);
        return c10::make_intrusive<c10d::TCPStore>(config.masterAddr, options);
    }

    explicit Impl(const DataParallelConfig& c) : config(c)
    {
        validateDataParallelConfig(config);
        const auto seconds = std::to_string(config.timeout.count()) + " s";
        try {
            store = connect(config.rank == 0);
        } catch (const std::exception& e) {
            throw Error(config.rank == 0 ? "rank 0 could not host the rendezvous at " + where() + ": " + e.what()
                                         : "rank " + std::to_string(config.rank) + " could not reach rank 0's rendezvous at " +
                        where() + " within " + seconds + ": " + e.what());
        }
        store->set(arrivedKey(config.rank), std::vector<std::uint8_t>{1});
        std::vector<std::string> everyone;
        for (int r = 0; r < config.worldSize; ++r) {
            everyone.push_back(arrivedKey(r));
        }
        try {
            store->wait(everyone);
        } catch (const std::exception&) {
            std::vector<int> missing;
            for (int r = 0; r < config.worldSize; ++r) {
                if (!store->check({arrivedKey(r)})) {
                    missing.push_back(r);
                }
            }
            throw Error("data-parallel training: " + rankList(missing) + " of " + std::to_string(config.worldSize) +
                " did not join the job at " + where() + " within " + seconds);
        }
        auto options = c10d::ProcessGroupGloo::Options::create(std::chrono::duration_cast<std::chrono::milliseconds>(config.timeout));
        // A job on one machine talks over loopback; across machines, over the interface of this host's name.
        options->devices.push_back(onLoopback() ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                                : c10d::ProcessGroupGloo::createDefaultDevice());
        options->threads = 1; // the compute threads are the trainer's
        try {
            group = c10::make_intrusive<c10d::ProcessGroupGloo>(store, config.rank, config.worldSize, options);
        } catch (const std::exception& e) {
            throw Error(failure(e.what()));
        }
        // Its own connection: a TCPStore client is not shared between threads.
        heartbeat = std::thread([this, beat = connect(false)] {
            try {
                while (!stopping.load()) {
                    beat->add(heartbeatKey(config.rank), 1);
                    std::this_thread::sleep_for(kHeartbeat);
                }
            } catch (const std::exception&) {
                // The store is gone with rank 0; the next collective reports it.
            }
        });
    }

    ~Impl()
    {
        stopping = true;
        if (heartbeat.joinable()) {
            heartbeat.join();
        }
    }

    bool onLoopback() const
    {
        return config.masterAddr.rfind("127.", 0) == 0 || config.masterAddr == "localhost" || config.masterAddr == "::1";
    }

    // What a failed collective means for the user: which peers stopped answering.
    std::string failure(const std::string& what)
    {
        std::vector<int> lost;
        try {
            std::vector<std::int64_t> before;
            for (int r = 0; r < config.worldSize; ++r) {
                before.push_back(store->add(heartbeatKey(r), 0));
            }
            std::this_thread::sleep_for(kLostAfter);
            for (int r = 0; r < config.worldSize; ++r) {
                if (r != config.rank && store->add(heartbeatKey(r), 0) == before[static_cast<std::size_t>(r)]) {
                    lost.push_back(r);
                }
            }
        } catch (const std::exception&) {
            lost = {0}; // the store lives in rank 0's process
        }
        const std::string who = lost.empty() ? "a peer" : rankList(lost);
        return "data-parallel training stopped on rank " + std::to_string(config.rank) + ": lost " + who + " of " +
            std::to_string(config.worldSize) + " (no answer within " + std::to_string(config.timeout.count()) +
            " s; " + what + ")";
    }

    template <typename Work> // c10d::ProcessGroup::Work in LibTorch 1.13, c10d::Work in 2.x
    void finish(const Work& work)
    {
        try {
            work->wait();
        } catch (const std::exception& e) {
            throw Error(failure(e.what()));
        }
    }

    template <typename Collective>
    void inBuckets(const std::vector<torch::Tensor>& tensors, Collective&& collective)
    {
        std::size_t i = 0;
        while (i < tensors.size()) {
            std::size_t j = i;
            std::int64_t bytes = 0;
            std::vector<torch::Tensor> flat;
            while (j < tensors.size() && (j == i || bytes + static_cast<std::int64_t>(tensors[j].nbytes()) <= kBucketBytes)) {
                if (tensors[j].scalar_type() != torch::kFloat32) {
                    throw Error("internal: data-parallel buckets hold float32 tensors only");
                }
                bytes += static_cast<std::int64_t>(tensors[j].nbytes());
                flat.push_back(tensors[j].detach().reshape({-1}));
                ++j;
            }
            std::vector<torch::Tensor> bucket{torch::cat(flat)};
            collective(bucket);
            std::int64_t offset = 0;
            for (std::size_t k = i; k < j; ++k) {
                const auto n = tensors[k].numel();
                tensors[k].detach().copy_(bucket[0].narrow(0, offset, n).view_as(tensors[k]));
                offset += n;
            }
            i = j;
        }
    }
};

DataParallel::DataParallel(const DataParallelConfig& config) : impl_(std::make_unique<Impl>(config)) {}
DataParallel::~DataParallel() = default;

int DataParallel::rank() const { return impl_->config.rank; }
int DataParallel::worldSize() const { return impl_->config.worldSize; }

void DataParallel::averageInPlace(const std::vector<torch::Tensor>& tensors)
{
    torch::NoGradGuard noGrad;
    const double world = impl_->config.worldSize;
    impl_->inBuckets(tensors, [&](std::vector<torch::Tensor>& bucket) {
        impl_->finish(impl_->group->allreduce(bucket));
        bucket[0].div_(world);
    });
}

void DataParallel::broadcastFromRankZero(const std::vector<torch::Tensor>& tensors)
{
    torch::NoGradGuard noGrad;
    impl_->inBuckets(tensors, [&](std::vector<torch::Tensor>& bucket) { impl_->finish(impl_->group->broadcast(bucket)); });
}

std::vector<double> DataParallel::sum(const std::vector<double>& values)
{
    std::vector<torch::Tensor> t{torch::tensor(values, torch::kFloat64)};
    impl_->finish(impl_->group->allreduce(t));
    const auto c = t[0].contiguous();
    return {c.data_ptr<double>(), c.data_ptr<double>() + c.numel()};
}

} // namespace durian
