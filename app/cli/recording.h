// Taking a series of samples from a live server for the headless subcommands (collect, and
// compare against a live server).
#pragma once

#include "bundle/bundlereader.h"
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

// "Recording from 2026-11-25T07:40:01Z of PostgreSQL 15.4 at db1:5432/app as monitor (written
// by dbtriage 0.1.0)", for an opened bundle.
QString recordingBanner(const Bundle& bundle);

// "Unverified: x.csv does not match ..." -> "UNVERIFIED: x.csv does not match ...", so that the
// banner cannot be overlooked in a terminal.
QString loud(const QString& verification);

} // namespace dbt::cli
