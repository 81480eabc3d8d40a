#include "models/lockforest.h"

#include "waitgraph.h"

#include <QCoreApplication>
#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace dbt {

int LockForest::indexOfPid(std::int64_t pid) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].kind == LockNode::Kind::Session && nodes[i].pid == pid)
            return int(i);
    }
    return -1;
}

bool LockForest::isRowLock(const std::string& lockType) {
    return lockType == "tuple" || lockType == "transactionid" || lockType == "record";
}

std::string LockForest::foldObject(const std::string& lockType, const std::string& object) {
    if (!isRowLock(lockType))
        return object;
    // The table comes last ("row (PRIMARY: 'a of b') of shop.orders"): the last " of ".
    static constexpr std::string_view kOf = " of ";
    const std::size_t at = object.rfind(kOf);
    if (at == std::string::npos || at + kOf.size() >= object.size())
        return object;
    return object.substr(at + kOf.size());
}

std::string LockForest::lockTypeText(const std::string& lockType) {
    if (isRowLock(lockType))
        return "row lock";
    if (lockType == "relation")
        return "table lock";
    if (lockType == "metadata")
        return "metadata lock";
    if (lockType == "advisory")
        return "advisory lock";
    if (lockType.empty())
        return "lock";
    return lockType + " lock";
}

QString LockForest::lockTypeLabel(const std::string& lockType) {
    if (isRowLock(lockType))
        return QCoreApplication::translate("LockForest", "row lock");
    if (lockType == "relation")
        return QCoreApplication::translate("LockForest", "table lock");
    if (lockType == "metadata")
        return QCoreApplication::translate("LockForest", "metadata lock");
    if (lockType == "advisory")
        return QCoreApplication::translate("LockForest", "advisory lock");
    if (lockType.empty())
        return QCoreApplication::translate("LockForest", "lock");
    return QCoreApplication::translate("LockForest", "%1 lock")
        .arg(QString::fromStdString(lockType));
}

namespace {

struct Edge {
    std::int64_t blocker;
    const LockWait* wait;
};

Micros waitingSince(const Session* s) {
    if (!s)
        return std::numeric_limits<Micros>::max();
    if (s->stateChange)
        return *s->stateChange;
    if (s->queryStart)
        return *s->queryStart;
    return std::numeric_limits<Micros>::max();
}

} // namespace

LockForest buildLockForest(const SnapshotPtr& snapshot, const LockForestOptions& options) {
    LockForest forest;
    forest.snapshot = snapshot;
    if (!snapshot || snapshot->lockWaits.empty())
        return forest;
    const Snapshot& s = *snapshot;

    // waiter -> its edges; blocker -> waiters
    std::unordered_map<std::int64_t, std::vector<Edge>> out;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> in;
    out.reserve(s.lockWaits.size());
    for (const LockWait& w : s.lockWaits) {
        if (w.waitingPid == w.blockingPid)
            continue;
        out[w.waitingPid].push_back({w.blockingPid, &w});
        in[w.blockingPid].push_back(w.waitingPid);
    }
    // Only the sessions in the graph (a few thousand of maybe 50,000).
    std::unordered_map<std::int64_t, const Session*> sessions;
    sessions.reserve(out.size() + in.size());
    for (const Session& session : s.sessions) {
        if (out.count(session.pid) || in.count(session.pid))
            sessions.emplace(session.pid, &session);
    }

    std::vector<RootBlocker> rootList = s.rootBlockers;
    if (rootList.empty())
        rootList = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks).roots;

    // Breadth-first distance from the roots over "is waited on by".
    std::unordered_map<std::int64_t, int> dist;
    std::deque<std::int64_t> queue;
    for (const RootBlocker& r : rootList) {
        if (dist.emplace(r.pid, 0).second)
            queue.push_back(r.pid);
    }
    auto bfs = [&] {
        while (!queue.empty()) {
            const std::int64_t pid = queue.front();
            queue.pop_front();
            const int d = dist[pid];
            auto it = in.find(pid);
            if (it == in.end())
                continue;
            for (std::int64_t waiter : it->second) {
                if (dist.emplace(waiter, d + 1).second)
                    queue.push_back(waiter);
            }
        }
    };
    bfs();
    // Waiters not reached (a cycle the analysis did not report as a root): its lowest pid
    // becomes an extra root.
    std::vector<std::int64_t> extraRoots;
    {
        std::vector<std::int64_t> unreached;
        for (const auto& [waiter, edges] : out) {
            if (!dist.count(waiter))
                unreached.push_back(waiter);
        }
        std::sort(unreached.begin(), unreached.end());
        for (std::int64_t pid : unreached) {
            if (dist.count(pid))
                continue;
            dist.emplace(pid, 0);
            extraRoots.push_back(pid);
            queue.push_back(pid);
            bfs();
        }
    }

    // Parent of each waiter.
    struct Choice {
        std::int64_t parent;
        const LockWait* wait;
    };
    std::unordered_map<std::int64_t, Choice> parentOf;
    for (const auto& [waiter, edges] : out) {
        const int d = dist[waiter];
        if (d == 0)
            continue;
        const Edge* best = nullptr;
        for (const Edge& e : edges) {
            auto bd = dist.find(e.blocker);
            if (bd == dist.end() || bd->second >= d)
                continue;
            if (!best) {
                best = &e;
                continue;
            }
            const int bestDist = dist[best->blocker];
            const auto rank = [](const Edge& x, int dx) {
                return std::tuple(x.wait->hard ? 0 : 1, dx, x.blocker);
            };
            if (rank(e, bd->second) < rank(*best, bestDist))
                best = &e;
        }
        if (best)
            parentOf.emplace(waiter, Choice{best->blocker, best->wait});
    }

    // Children lists per pid, deterministic order: longest waiting first, then pid.
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> childrenOf;
    for (const auto& [child, choice] : parentOf)
        childrenOf[choice.parent].push_back(child);
    auto sessionOf = [&](std::int64_t pid) -> const Session* {
        auto it = sessions.find(pid);
        return it == sessions.end() ? nullptr : it->second;
    };
    for (auto& [parent, kids] : childrenOf) {
        std::vector<std::pair<Micros, std::int64_t>> keyed;
        keyed.reserve(kids.size());
        for (std::int64_t kid : kids)
            keyed.emplace_back(waitingSince(sessionOf(kid)), kid);
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t i = 0; i < kids.size(); ++i)
            kids[i] = keyed[i].second;
    }

    // Subtree sizes (iterative post-order over the chosen forest).
    std::unordered_map<std::int64_t, std::int64_t> below;
    {
        std::vector<std::int64_t> order;
        std::vector<std::int64_t> stack;
        for (const RootBlocker& r : rootList)
            stack.push_back(r.pid);
        for (std::int64_t pid : extraRoots)
            stack.push_back(pid);
        std::unordered_set<std::int64_t> seen;
        while (!stack.empty()) {
            const std::int64_t pid = stack.back();
            stack.pop_back();
            if (!seen.insert(pid).second)
                continue;
            order.push_back(pid);
            if (auto it = childrenOf.find(pid); it != childrenOf.end())
                stack.insert(stack.end(), it->second.begin(), it->second.end());
        }
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            std::int64_t total = 0;
            if (auto c = childrenOf.find(*it); c != childrenOf.end()) {
                for (std::int64_t child : c->second)
                    total += 1 + below[child];
            }
            below[*it] = total;
        }
    }
    forest.waitingSessions = std::int64_t(parentOf.size());

    // Emit nodes breadth first from each root, folding leaf siblings.
    std::vector<std::pair<std::int64_t, bool>> rootPids; // pid, inCycle
    for (const RootBlocker& r : rootList)
        rootPids.emplace_back(r.pid, r.inCycle);
    for (std::int64_t pid : extraRoots)
        rootPids.emplace_back(pid, true);
    std::stable_sort(rootPids.begin(), rootPids.end(),
                     [&](const auto& a, const auto& b) { return below[a.first] > below[b.first]; });
    if (int(rootPids.size()) > options.maxRoots) {
        forest.hiddenRoots = int(rootPids.size()) - options.maxRoots;
        rootPids.resize(std::size_t(options.maxRoots));
    }

    auto addSession = [&](std::int64_t pid, int parent, int depth) {
        LockNode node;
        node.pid = pid;
        node.parent = parent;
        node.depth = depth;
        node.session = sessionOf(pid);
        node.blockedTotal = below[pid];
        if (auto it = parentOf.find(pid); it != parentOf.end() && parent >= 0) {
            node.lockType = it->second.wait->lockType;
            node.mode = it->second.wait->mode;
            node.object = it->second.wait->object;
            node.hard = it->second.wait->hard;
        }
        if (auto edges = out.find(pid); edges != out.end()) {
            const std::int64_t drawnParent =
                parent >= 0 ? forest.nodes[std::size_t(parent)].pid : std::int64_t(-1);
            for (const Edge& e : edges->second) {
                if (e.blocker != drawnParent && e.blocker != pid)
                    node.alsoBlockedBy.push_back(e.blocker);
            }
            std::sort(node.alsoBlockedBy.begin(), node.alsoBlockedBy.end());
            node.alsoBlockedBy.erase(
                std::unique(node.alsoBlockedBy.begin(), node.alsoBlockedBy.end()),
                node.alsoBlockedBy.end());
        }
        forest.nodes.push_back(std::move(node));
        const int index = int(forest.nodes.size()) - 1;
        if (parent >= 0)
            forest.nodes[std::size_t(parent)].children.push_back(index);
        return index;
    };

    std::deque<int> pending;
    for (const auto& [pid, inCycle] : rootPids) {
        const int index = addSession(pid, -1, 0);
        forest.nodes[std::size_t(index)].inCycle = inCycle;
        forest.roots.push_back(index);
        pending.push_back(index);
    }
    while (!pending.empty()) {
        const int index = pending.front();
        pending.pop_front();
        const std::int64_t pid = forest.nodes[std::size_t(index)].pid;
        const int depth = forest.nodes[std::size_t(index)].depth + 1;
        auto it = childrenOf.find(pid);
        if (it == childrenOf.end())
            continue;
        // Group the leaf children by how they wait: lock type, mode and object (for row
        // waits the table), in the order of their first member (longest waiting first).
        std::map<std::tuple<std::string_view, std::string_view, std::string>, std::size_t> groupOf;
        std::vector<std::vector<std::int64_t>> leafGroups;
        std::vector<std::int64_t> inner;
        for (std::int64_t child : it->second) {
            if (below[child] > 0) {
                inner.push_back(child);
                continue;
            }
            const LockWait* w = parentOf.find(child)->second.wait;
            auto [g, added] = groupOf.try_emplace(
                {w->lockType, w->mode, LockForest::foldObject(w->lockType, w->object)},
                leafGroups.size());
            if (added)
                leafGroups.emplace_back();
            leafGroups[g->second].push_back(child);
        }
        std::vector<const std::string*> foldObjects(leafGroups.size());
        for (const auto& [key, g] : groupOf)
            foldObjects[g] = &std::get<2>(key);
        for (std::int64_t child : inner)
            pending.push_back(addSession(child, index, depth));
        for (std::size_t g = 0; g < leafGroups.size(); ++g) {
            const std::vector<std::int64_t>& members = leafGroups[g];
            const bool fold = int(members.size()) > options.aggregateAbove;
            const std::size_t keep =
                fold ? std::size_t(std::max(0, options.keepLongest)) : members.size();
            for (std::size_t i = 0; i < std::min(keep, members.size()); ++i)
                addSession(members[i], index, depth);
            if (!fold || keep >= members.size())
                continue;
            const LockWait* first = parentOf[members[keep]].wait;
            LockNode agg;
            agg.kind = LockNode::Kind::Aggregate;
            agg.parent = index;
            agg.depth = depth;
            agg.lockType = first->lockType;
            agg.mode = first->mode;
            agg.object = *foldObjects[g]; // the table of rows; the row if only one
            agg.hard = first->hard;
            agg.pids.assign(members.begin() + std::ptrdiff_t(keep), members.end());
            std::sort(agg.pids.begin(), agg.pids.end());
            std::map<std::string_view, std::int64_t> perObject;
            for (std::size_t i = keep; i < members.size(); ++i)
                ++perObject[parentOf[members[i]].wait->object];
            agg.waitObjects.reserve(perObject.size());
            for (const auto& [object, n] : perObject)
                agg.waitObjects.emplace_back(std::string(object), n);
            if (agg.waitObjects.size() == 1)
                agg.object = agg.waitObjects.front().first;
            forest.aggregatedSessions += std::int64_t(agg.pids.size());
            forest.nodes.push_back(std::move(agg));
            forest.nodes[std::size_t(index)].children.push_back(int(forest.nodes.size()) - 1);
        }
    }
    return forest;
}

} // namespace dbt
