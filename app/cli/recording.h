// Taking a series of samples from a live server for the headless subcommands (collect, and
// compare against a live server).
#pragma once

#include "bundle/bundlereader.h"
#include "bundle/recordingbanner.h"
#include "collect/collector.h"
#include "snapshot.h"

#include <QStringList>
#include <vector>

namespace dbt::cli {

struct Recording {
    std::vector<SnapshotPtr> series; // every sample taken, oldest first
    Snapshot result;                 // the last sample, with window deltas for a series
    QStringList problems;            // a sentence per sample that failed
};

// Takes `samples` samples `interval` seconds apart with a connected collector. Samples that
// fail are noted in `problems` and the collector reconnects for the next one. Returns false
// when no sample could be taken.
bool record(Collector& collector, int samples, double interval, Recording& out);

// The banner of an opened bundle and the loud "UNVERIFIED: ..." form (bundle/recordingbanner.h).
using dbt::recordingBanner;
inline QString loud(const QString& verification) {
    return loudVerification(verification);
}

} // namespace dbt::cli
