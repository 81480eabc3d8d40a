// The sentences that say an opened bundle is a recording, shared by "dbtriage open",
// "dbtriage compare" and the window (File → Open bundle…).
#pragma once

#include "bundle/bundlereader.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <vector>

namespace dbt {

// "Recording from 2026-11-25T07:40:01Z of PostgreSQL 15.4 at db1:5432/app as monitor (written
// by dbtriage 0.1.0)", for an opened bundle (b.ok()).
QString recordingBanner(const Bundle& b);

// "Unverified: x.csv does not match ..." -> "UNVERIFIED: x.csv does not match ...", so that the
// warning cannot be overlooked.
QString loudVerification(const QString& verification);

// The plans of a bundle: plans/*.json by file name ("plans/q1.json" -> its text).
std::map<QString, QByteArray> bundlePlans(const Bundle& b);

// A plan of a bundle with what the Plans view and `dbtriage open` show next to it.
struct BundlePlanEntry {
    QString jsonPath;    // "plans/01-1234.json"
    QByteArray json;     // the engine's plan, as written
    QString textPath;    // "plans/01-1234.txt", empty when the bundle has none
    QByteArray text;     // statement, notes, tree and insights as `dbtriage explain` prints them
    PlanSummary summary; // from manifest.json (rank 0 and no id for a plan it does not list)
    QString statement;   // the statement's text in the recording (redacted as it is), or empty
};

// Every plans/*.json of a bundle, in the manifest's rank order (plans it does not list after
// them, by file name).
std::vector<BundlePlanEntry> bundlePlanEntries(const Bundle& b);

// Statements of --explain-top that could not be explained, with the sentence (from the
// manifest).
std::vector<PlanSummary> bundlePlanFailures(const Bundle& b);

} // namespace dbt
