#include "waitgraph.h"

#include <algorithm>
#include <array>
#include <deque>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace dbt {

namespace {

int typeRank(const std::string& lockType) {
    if (lockType == "relation" || lockType == "table" || lockType == "metadata" ||
        lockType == "object" || lockType == "advisory")
        return 1;
    if (lockType == "tuple" || lockType == "record" || lockType == "page")
        return 2;
    if (lockType == "virtualxid")
        return 4;
    return 3; // transactionid and whatever else an engine reports
}

// Stronger modes first: PostgreSQL's table lock modes, InnoDB's and MariaDB's metadata lock
// modes (names as the engines report them; anything unknown ranks after them).
int modeRank(std::string_view mode) {
    static constexpr std::array<std::string_view, 21> kOrder = {"AccessExclusiveLock",
                                                                "ExclusiveLock",
                                                                "ShareRowExclusiveLock",
                                                                "ShareLock",
                                                                "ShareUpdateExclusiveLock",
                                                                "RowExclusiveLock",
                                                                "RowShareLock",
                                                                "AccessShareLock",
                                                                "EXCLUSIVE",
                                                                "SHARED_NO_READ_WRITE",
                                                                "SHARED_NO_WRITE",
                                                                "SHARED_UPGRADABLE",
                                                                "SHARED_WRITE",
                                                                "SHARED_READ",
                                                                "SHARED_HIGH_PRIO",
                                                                "SHARED",
                                                                "INTENTION_EXCLUSIVE",
                                                                "X",
                                                                "IX",
                                                                "S",
                                                                "IS"};
    for (std::size_t i = 0; i < kOrder.size(); ++i) {
        if (mode == kOrder[i] || mode.substr(0, mode.find(',')) == kOrder[i])
            return static_cast<int>(i);
    }
    return static_cast<int>(kOrder.size());
}

// Compressed adjacency: neighbours of node v are targets[offsets[v] .. offsets[v + 1]).
struct Adjacency {
    std::vector<std::size_t> offsets;
    std::vector<int> targets;

    void build(std::size_t nodes, const std::vector<std::pair<int, int>>& edges, bool reverse) {
        offsets.assign(nodes + 1, 0);
        for (const auto& [from, to] : edges)
            ++offsets[static_cast<std::size_t>(reverse ? to : from) + 1];
        for (std::size_t i = 0; i < nodes; ++i)
            offsets[i + 1] += offsets[i];
        targets.assign(edges.size(), 0);
        std::vector<std::size_t> fill(offsets.begin(), offsets.end() - 1);
        for (const auto& [from, to] : edges) {
            const auto src = static_cast<std::size_t>(reverse ? to : from);
            targets[fill[src]++] = reverse ? from : to;
        }
    }
    std::size_t begin(int v) const { return offsets[static_cast<std::size_t>(v)]; }
    std::size_t end(int v) const { return offsets[static_cast<std::size_t>(v) + 1]; }
    std::size_t degree(int v) const { return end(v) - begin(v); }
};

// The graph with dense node ids, edges deduplicated and without self-edges.
struct Graph {
    std::vector<std::int64_t> pids; // node -> pid
    std::unordered_map<std::int64_t, int> index;
    std::vector<std::pair<int, int>> edges; // waiter -> blocker
    Adjacency out;                          // waiter -> blockers
    Adjacency in;                           // blocker -> waiters

    int node(std::int64_t pid) {
        auto [it, inserted] = index.try_emplace(pid, static_cast<int>(pids.size()));
        if (inserted)
            pids.push_back(pid);
        return it->second;
    }
    std::size_t size() const { return pids.size(); }
};

Graph buildGraph(const std::vector<LockWait>& waits) {
    Graph g;
    g.edges.reserve(waits.size());
    for (const LockWait& w : waits) {
        if (w.waitingPid == w.blockingPid)
            continue;
        const int a = g.node(w.waitingPid);
        const int b = g.node(w.blockingPid);
        g.edges.emplace_back(a, b);
    }
    std::sort(g.edges.begin(), g.edges.end());
    g.edges.erase(std::unique(g.edges.begin(), g.edges.end()), g.edges.end());
    g.out.build(g.size(), g.edges, false);
    g.in.build(g.size(), g.edges, true);
    return g;
}

// Tarjan's strongly connected components without recursion. Returns the component of
// every node; components are numbered in the order they complete.
std::vector<int> stronglyConnected(const Graph& g, int& componentCount) {
    const std::size_t n = g.size();
    constexpr int kUnvisited = -1;
    std::vector<int> index(n, kUnvisited), low(n, 0), comp(n, -1);
    std::vector<char> onStack(n, 0);
    std::vector<int> stack;
    struct Frame {
        int v;
        std::size_t next; // next out-edge position to explore
    };
    std::vector<Frame> call;
    int counter = 0;
    componentCount = 0;
    for (std::size_t s = 0; s < n; ++s) {
        if (index[s] != kUnvisited)
            continue;
        call.push_back({static_cast<int>(s), g.out.begin(static_cast<int>(s))});
        index[s] = low[s] = counter++;
        stack.push_back(static_cast<int>(s));
        onStack[s] = 1;
        while (!call.empty()) {
            Frame& f = call.back();
            const auto v = static_cast<std::size_t>(f.v);
            if (f.next < g.out.end(f.v)) {
                const int w = g.out.targets[f.next++];
                const auto wi = static_cast<std::size_t>(w);
                if (index[wi] == kUnvisited) {
                    index[wi] = low[wi] = counter++;
                    stack.push_back(w);
                    onStack[wi] = 1;
                    call.push_back({w, g.out.begin(w)}); // invalidates f
                } else if (onStack[wi]) {
                    low[v] = std::min(low[v], index[wi]);
                }
                continue;
            }
            if (low[v] == index[v]) {
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[static_cast<std::size_t>(w)] = 0;
                    comp[static_cast<std::size_t>(w)] = componentCount;
                } while (w != f.v);
                ++componentCount;
            }
            const int done = f.v;
            call.pop_back();
            if (!call.empty()) {
                const auto parent = static_cast<std::size_t>(call.back().v);
                low[parent] = std::min(low[parent], low[static_cast<std::size_t>(done)]);
            }
        }
    }
    return comp;
}

// Members of a component in cycle order from the smallest pid when the component is a
// simple cycle (every member waits on exactly one other member), else ascending by pid.
std::vector<std::int64_t> cycleOrder(const Graph& g, const std::vector<int>& comp,
                                     const std::vector<int>& members) {
    std::vector<std::int64_t> pids;
    pids.reserve(members.size());
    for (int m : members)
        pids.push_back(g.pids[static_cast<std::size_t>(m)]);
    std::sort(pids.begin(), pids.end());

    const int c = comp[static_cast<std::size_t>(members.front())];
    std::unordered_map<int, int> nextInCycle;
    for (int m : members) {
        int inside = 0;
        int target = -1;
        for (std::size_t e = g.out.begin(m); e < g.out.end(m); ++e) {
            const int t = g.out.targets[e];
            if (comp[static_cast<std::size_t>(t)] == c) {
                ++inside;
                target = t;
            }
        }
        if (inside != 1)
            return pids;
        nextInCycle[m] = target;
    }
    std::vector<std::int64_t> ordered;
    ordered.reserve(members.size());
    int start = g.index.at(pids.front());
    int v = start;
    do {
        ordered.push_back(g.pids[static_cast<std::size_t>(v)]);
        v = nextInCycle[v];
    } while (v != start && ordered.size() <= members.size());
    if (ordered.size() != members.size())
        return pids; // not one simple cycle after all
    return ordered;
}

std::vector<const HeldLock*> orderHolds(std::vector<const HeldLock*> mine, std::int64_t pid,
                                        const std::vector<LockWait>& waits) {
    std::unordered_set<std::string_view> contested;
    for (const LockWait& w : waits) {
        if (w.blockingPid == pid && !w.object.empty())
            contested.insert(w.object);
    }
    const auto rank = [&](const HeldLock* h) {
        // Within a kind of lock, one somebody waits for first: the table a DDL queues on
        // before other tables, the transaction a row waiter waits for before other ids.
        const int kind = typeRank(h->lockType) * 2 + (contested.count(h->object) ? 0 : 1);
        return std::pair(kind, modeRank(h->mode));
    };
    std::stable_sort(mine.begin(), mine.end(),
                     [&](const HeldLock* a, const HeldLock* b) { return rank(a) < rank(b); });
    return mine;
}

} // namespace

std::vector<const HeldLock*> rankedHolds(std::int64_t pid, const std::vector<HeldLock>& held,
                                         const std::vector<LockWait>& waits) {
    std::vector<const HeldLock*> mine;
    for (const HeldLock& h : held) {
        if (h.pid == pid)
            mine.push_back(&h);
    }
    return orderHolds(std::move(mine), pid, waits);
}

WaitGraph analyzeWaitGraph(const std::vector<Session>& sessions, const std::vector<LockWait>& waits,
                           const std::vector<HeldLock>& held) {
    WaitGraph result;
    const Graph g = buildGraph(waits);
    const std::size_t n = g.size();
    if (n == 0)
        return result;

    int compCount = 0;
    const std::vector<int> comp = stronglyConnected(g, compCount);
    const auto cc = static_cast<std::size_t>(compCount);

    // Components: members, and the condensation (deduplicated) in both directions.
    std::vector<std::vector<int>> members(cc);
    for (std::size_t v = 0; v < n; ++v)
        members[static_cast<std::size_t>(comp[v])].push_back(static_cast<int>(v));
    std::vector<std::pair<int, int>> condEdges;
    for (const auto& [a, b] : g.edges) {
        const int ca = comp[static_cast<std::size_t>(a)];
        const int cb = comp[static_cast<std::size_t>(b)];
        if (ca != cb)
            condEdges.emplace_back(ca, cb);
    }
    std::sort(condEdges.begin(), condEdges.end());
    condEdges.erase(std::unique(condEdges.begin(), condEdges.end()), condEdges.end());
    Adjacency condOut, condIn;
    condOut.build(cc, condEdges, false);
    condIn.build(cc, condEdges, true);

    // Cycles: components with more than one member, ordered by their smallest pid.
    for (std::size_t c = 0; c < cc; ++c) {
        if (members[c].size() > 1)
            result.cycles.push_back(cycleOrder(g, comp, members[c]));
    }
    std::sort(result.cycles.begin(), result.cycles.end(),
              [](const auto& a, const auto& b) { return a.front() < b.front(); });

    std::unordered_map<std::int64_t, const Session*> sessionByPid;
    sessionByPid.reserve(sessions.size());
    for (const Session& s : sessions)
        sessionByPid.emplace(s.pid, &s);
    std::unordered_map<std::int64_t, std::vector<const HeldLock*>> heldByPid;
    for (const HeldLock& h : held)
        heldByPid[h.pid].push_back(&h);

    // Scratch space reused for every root: which components were reached (stamp), how
    // many of their edges into the reached set are still unprocessed, and the longest
    // distance to the root.
    std::vector<int> stamp(cc, -1);
    std::vector<std::size_t> remaining(cc, 0);
    std::vector<int> dist(cc, 0);
    std::vector<int> reached;
    std::deque<int> queue;
    std::vector<int> rootNodes;

    for (std::size_t rc = 0; rc < cc; ++rc) {
        const int r = static_cast<int>(rc);
        if (condOut.degree(r) != 0)
            continue; // waits on someone outside itself: not a root
        const std::vector<int>& mem = members[rc];
        const bool inCycle = mem.size() > 1;
        if (!inCycle && g.in.degree(mem.front()) == 0)
            continue; // cannot happen (nodes come from edges), kept for clarity
        int rep = mem.front();
        for (int m : mem) {
            if (g.pids[static_cast<std::size_t>(m)] < g.pids[static_cast<std::size_t>(rep)])
                rep = m;
        }
        rootNodes.push_back(rep);

        // Upstream components: breadth-first over the reversed condensation.
        reached.clear();
        reached.push_back(r);
        stamp[rc] = r;
        std::int64_t total = static_cast<std::int64_t>(mem.size()) - 1;
        for (std::size_t i = 0; i < reached.size(); ++i) {
            const int c = reached[i];
            for (std::size_t e = condIn.begin(c); e < condIn.end(c); ++e) {
                const int w = condIn.targets[e];
                const auto wi = static_cast<std::size_t>(w);
                if (stamp[wi] != r) {
                    stamp[wi] = r;
                    reached.push_back(w);
                    total += static_cast<std::int64_t>(members[wi].size());
                }
            }
        }
        // Longest path to the root inside the reached set (Kahn's order on a DAG).
        for (int c : reached) {
            const auto ci = static_cast<std::size_t>(c);
            dist[ci] = 0;
            std::size_t inside = 0;
            for (std::size_t e = condOut.begin(c); e < condOut.end(c); ++e) {
                if (stamp[static_cast<std::size_t>(condOut.targets[e])] == r)
                    ++inside;
            }
            remaining[ci] = inside;
        }
        int longest = 0;
        queue.clear();
        queue.push_back(r);
        while (!queue.empty()) {
            const int c = queue.front();
            queue.pop_front();
            const int d = dist[static_cast<std::size_t>(c)];
            longest = std::max(longest, d);
            for (std::size_t e = condIn.begin(c); e < condIn.end(c); ++e) {
                const auto wi = static_cast<std::size_t>(condIn.targets[e]);
                if (stamp[wi] != r)
                    continue;
                dist[wi] = std::max(dist[wi], d + 1);
                if (--remaining[wi] == 0)
                    queue.push_back(static_cast<int>(wi));
            }
        }
        // Inside a root cycle: the farthest member from the representative.
        int inner = 0;
        if (inCycle) {
            std::unordered_map<int, int> innerDist{{rep, 0}};
            std::deque<int> q{rep};
            while (!q.empty()) {
                const int v = q.front();
                q.pop_front();
                for (std::size_t e = g.in.begin(v); e < g.in.end(v); ++e) {
                    const int w = g.in.targets[e];
                    if (comp[static_cast<std::size_t>(w)] != r || innerDist.count(w))
                        continue;
                    innerDist[w] = innerDist[v] + 1;
                    inner = std::max(inner, innerDist[w]);
                    q.push_back(w);
                }
            }
        }

        RootBlocker rb;
        rb.pid = g.pids[static_cast<std::size_t>(rep)];
        rb.blockedDirect = static_cast<std::int64_t>(g.in.degree(rep));
        rb.blockedTotal = total;
        rb.depth = longest + inner;
        rb.inCycle = inCycle;
        if (auto it = sessionByPid.find(rb.pid); it != sessionByPid.end()) {
            const Session& s = *it->second;
            rb.state = s.state;
            rb.user = s.user;
            rb.application = s.application;
            rb.waitEventType = s.waitEventType;
            rb.transactionStart = s.transactionStart;
            rb.stateChange = s.stateChange;
            rb.query = s.query;
        }
        if (auto it = heldByPid.find(rb.pid); it != heldByPid.end()) {
            for (const HeldLock* h : orderHolds(it->second, rb.pid, waits))
                rb.holds.push_back(*h);
        }
        result.roots.push_back(std::move(rb));
    }
    std::sort(result.roots.begin(), result.roots.end(),
              [](const RootBlocker& a, const RootBlocker& b) {
                  if (a.blockedTotal != b.blockedTotal)
                      return a.blockedTotal > b.blockedTotal;
                  return a.pid < b.pid;
              });

    // Distance of every waiting session from its nearest root: multi-source BFS.
    constexpr int kUnreached = std::numeric_limits<int>::max();
    std::vector<int> nodeDist(n, kUnreached);
    std::deque<int> q;
    for (int v : rootNodes) {
        nodeDist[static_cast<std::size_t>(v)] = 0;
        q.push_back(v);
    }
    while (!q.empty()) {
        const int v = q.front();
        q.pop_front();
        for (std::size_t e = g.in.begin(v); e < g.in.end(v); ++e) {
            const auto w = static_cast<std::size_t>(g.in.targets[e]);
            if (nodeDist[w] == kUnreached) {
                nodeDist[w] = nodeDist[static_cast<std::size_t>(v)] + 1;
                q.push_back(static_cast<int>(w));
            }
        }
    }
    for (std::size_t v = 0; v < n; ++v) {
        if (nodeDist[v] != kUnreached && nodeDist[v] > 0)
            result.depth.emplace(g.pids[v], nodeDist[v]);
    }
    return result;
}

std::vector<std::int64_t> blockedBy(std::int64_t pid, const std::vector<LockWait>& waits) {
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> waitersOf;
    for (const LockWait& w : waits) {
        if (w.waitingPid != w.blockingPid)
            waitersOf[w.blockingPid].push_back(w.waitingPid);
    }
    std::vector<std::int64_t> out;
    std::unordered_map<std::int64_t, bool> seen{{pid, true}};
    std::vector<std::int64_t> todo{pid};
    while (!todo.empty()) {
        const std::int64_t v = todo.back();
        todo.pop_back();
        auto it = waitersOf.find(v);
        if (it == waitersOf.end())
            continue;
        for (std::int64_t w : it->second) {
            if (seen.emplace(w, true).second) {
                out.push_back(w);
                todo.push_back(w);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace dbt
