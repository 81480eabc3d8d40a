// The wait-for graph of one sample as a forest that people can read: root blockers at the
// top, each waiter under the one blocker it is drawn against (its other blockers listed in
// alsoBlockedBy), and sibling waiters that wait the same way (lock type and mode) on the
// same object folded into one aggregate node above a threshold ("+412 waiting for a row
// lock on public.orders"). For row waits (PostgreSQL tuple and transactionid, InnoDB
// record locks) the object compared is the table the row belongs to, so 300 waiters on 30
// rows of one table behind one blocker become one node ("+297 waiting for row locks on
// public.orders (30 rows)") that still lists each row and how many wait on it. Both the
// lock tree view and the lock graph scene are built from it, so they always show the same
// thing. Pure computation on immutable data: the Locks view builds it on a worker thread.
#pragma once

#include "snapshot.h"

#include <QString>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dbt {

struct LockNode {
    enum class Kind { Session, Aggregate };
    Kind kind = Kind::Session;
    std::int64_t pid = 0; // Session: the pid; Aggregate: 0
    int parent = -1;      // index of the blocker it waits on; -1 for a root
    std::vector<int> children;
    int depth = 0; // 0 for roots
    // The wait on the parent (empty for roots).
    std::string lockType;
    std::string mode;
    std::string object;
    bool hard = true;
    // Aggregate: how many sessions it stands for, and which (ascending).
    std::vector<std::int64_t> pids;
    // Aggregate: the objects its sessions wait on (ascending) and how many wait on each.
    // More than one for row waits on several rows of one table; `object` is then the table
    // (LockForest::foldObject), otherwise the one object ("row (0,42) of public.orders").
    std::vector<std::pair<std::string, std::int64_t>> waitObjects;
    // Session: everything waiting behind it, transitively (0 for a leaf).
    std::int64_t blockedTotal = 0;
    bool inCycle = false;
    // Session: the other sessions it waits on besides its parent (pids, ascending, no
    // duplicates). Drawn as extra edges; the tree says "also blocked by N".
    std::vector<std::int64_t> alsoBlockedBy;
    const Session* session = nullptr; // into the snapshot; null when not in sessions
};

struct LockForestOptions {
    // Siblings waiting the same way on the same object (for row waits: on rows of the same
    // table) are folded when there are more than `aggregateAbove` of them; the `keepLongest`
    // longest waiting stay drawn.
    int aggregateAbove = 12;
    int keepLongest = 3;
    // Root blockers drawn at most; the rest are counted in LockForest::hiddenRoots.
    int maxRoots = 200;
};

struct LockForest {
    SnapshotPtr snapshot; // keeps LockNode::session valid
    std::vector<LockNode> nodes;
    std::vector<int> roots; // node indices, most blocking first
    std::int64_t waitingSessions = 0;
    std::int64_t aggregatedSessions = 0; // sessions folded into aggregate nodes
    int hiddenRoots = 0;

    int indexOfPid(std::int64_t pid) const; // -1 when not drawn (or folded)
    // "row lock", "relation lock", … for sentences.
    static std::string lockTypeText(const std::string& lockType);
    // The same in the user's language (translation context "LockForest").
    static QString lockTypeLabel(const std::string& lockType);
    // tuple, transactionid, record.
    static bool isRowLock(const std::string& lockType);
    // What sibling waits are folded by: for row waits the table of the row ("public.orders"
    // of "row (0,3) of public.orders", "shop.orders" of "row (PRIMARY: 5) of shop.orders"),
    // otherwise (and when no table is named: "transaction 827001") the object itself.
    static std::string foldObject(const std::string& lockType, const std::string& object);
};

// Parent choice: among a waiter's blockers that are nearer a root (breadth-first distance),
// a hard blocker first, then the nearest, then the lowest pid. Distances strictly decrease
// towards the root, so the result is a forest even when the graph has cycles or a waiter has
// several blockers. Iterative; fine for 100,000 edges.
LockForest buildLockForest(const SnapshotPtr& snapshot, const LockForestOptions& options = {});

} // namespace dbt
