// Snapshots built in code for the GUI tests, and the recorded pile-up in tests/data/gui.
#pragma once

#include "snapshot.h"

#include <QString>
#include <vector>

namespace fixtures {

constexpr dbt::Micros kT0 = 1'795'000'000'000'000; // 2026-11-18T…Z, any fixed time

// A row-lock pile-up: pid 100 idle in transaction holds the row, pid 101 waits on 100's
// transaction, `waiters` sessions (1000, 1001, …) wait on 101 for the tuple lock; plus
// `idle` idle sessions (5000, …) and 3 active sessions (6000, …). Analysed (root blockers).
dbt::SnapshotPtr pileup(int waiters, int idle = 5, dbt::Micros at = kT0);

// Cumulative statement counters at `at`: statement i ran (i+1)*minutes calls of i+1 ms.
dbt::SnapshotPtr withStatements(dbt::Micros at, double minutes, int statements = 5);

// Path of the recorded series (tests/data/gui/pg-pileup), from DBTRIAGE_TEST_DATA.
QString recordedPileup();

} // namespace fixtures
