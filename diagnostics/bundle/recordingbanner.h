// The sentences that say an opened bundle is a recording, shared by "dbtriage open",
// "dbtriage compare" and the window (File → Open bundle…).
#pragma once

#include "bundle/bundlereader.h"

#include <QByteArray>
#include <QString>
#include <map>

namespace dbt {

// "Recording from 2026-11-25T07:40:01Z of PostgreSQL 15.4 at db1:5432/app as monitor (written
// by dbtriage 0.1.0)", for an opened bundle (b.ok()).
QString recordingBanner(const Bundle& b);

// "Unverified: x.csv does not match ..." -> "UNVERIFIED: x.csv does not match ...", so that the
// warning cannot be overlooked.
QString loudVerification(const QString& verification);

// The plans of a bundle: plans/*.json by file name ("plans/q1.json" -> its text).
std::map<QString, QByteArray> bundlePlans(const Bundle& b);

} // namespace dbt
