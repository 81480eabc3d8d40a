// Reading recorded snapshots for offline viewing: one snapshot.json, or a directory written by
// "dbtriage collect --out DIR" (DIR/samples/*.json when it holds a series, else
// DIR/snapshot.json). Qt Core only; runs on the GUI thread for files of a few MB.
#pragma once

#include "snapshot.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace dbt {

struct LoadedSnapshots {
    std::vector<SnapshotPtr> snapshots; // oldest first
    QString error;                      // a sentence when nothing could be read
};

LoadedSnapshots loadSnapshots(const QStringList& paths);

} // namespace dbt
