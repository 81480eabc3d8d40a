// The snapshot format's text (docs/snapshot-format.md) written straight from a Snapshot, without
// building a nlohmann::json document first: an export of 30 samples of a busy server spends
// most of its time in DOMs otherwise. The output is byte for byte what the DOM path prints
// (same keys in the same order, same number and string formatting, invalid UTF-8 replaced the
// same way); tst_snapshot_writer holds the two together, so a field added to snapshotToJson()
// must be added here too. No Qt.
#pragma once

#include "snapshot.h"

#include <string>

namespace dbt {

// Exactly dumpJson(snapshotToJson(snapshot), indent).
std::string snapshotJsonText(const Snapshot& snapshot, int indent = 2);

// A sample of a bundle (docs/bundle-format.md, "Samples as deltas"), compact. Without a
// previous sample exactly dumpJson(snapshotToJson(current), -1); with one, a field is left
// out when it prints the same as in the previous sample's entry with the same key. That is
// dumpJson(deltaOfPrevious(snapshotToJson(*previous), snapshotToJson(current)), -1) byte for
// byte, except for three pairs of numbers: NaN against a finite number (the DOM leaves it out,
// so expanding restores the old number instead of null; kept here), -0.0 against 0.0 (kept
// here) and null against NaN or an infinity (both print null: left out here).
std::string sampleJsonText(const Snapshot& current, const Snapshot* previous);

} // namespace dbt
