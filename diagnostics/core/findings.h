// Findings: plain sentences with a next step, derived from one analysed snapshot.
#pragma once

#include "snapshot.h"

#include <vector>

namespace dbt {

struct FindingOptions {
    double saturationRatio = 0.8; // connections >= 80 % of usable slots
    double idleInTransactionSeconds = 300;
    double longRunningSeconds = 60; // an active statement running longer
    double longTransactionSeconds = 300;
    double ddlQueuedSeconds = 5; // a DDL waiting on a lock for longer is reported
};

// Needs snapshot.rootBlockers (and cycles) filled by analyzeWaitGraph. "Now" is
// snapshot.collectedAt. Commands shown to the user (pg_terminate_backend, KILL) are text for
// a senior to copy, never executed. Sorted: critical first, then warning, then info.
//
// Codes: connection-saturation, root-blocker, lock-cycle, ddl-queued, idle-in-transaction,
// long-running-query, long-transaction. Each session is reported once where it matters most:
// a root blocker is not repeated in idle-in-transaction / long-running-query /
// long-transaction, and long-transaction leaves out the sessions of the other two.
// Lock waiters are not long-running queries (they are counted under their root blocker).
//
// Session states read: PostgreSQL's pg_stat_activity.state; for MySQL/MariaDB "active",
// "idle" (or "Sleep") and "idle in transaction" — a sleeping session with transactionStart
// set counts as idle in transaction. Only client sessions count (PostgreSQL backendType
// empty or "client backend"; MySQL: not replication or daemon threads) and never the tool's
// own sessions (application "dbtriage").
std::vector<Finding> deriveFindings(const Snapshot& snapshot, const FindingOptions& options = {});

// For findings read back from snapshot.json, which keeps only the English sentences: each
// finding without Messages takes those of the finding derived again from the same snapshot
// with the same code and English text (so that it can be shown translated); others stay.
void restoreFindingMessages(Snapshot& snapshot, const FindingOptions& options = {});

} // namespace dbt
