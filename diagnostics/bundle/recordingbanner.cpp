#include "bundle/recordingbanner.h"

#include "bundle/manifest.h"
#include "timefmt.h"

#include <QCoreApplication>

namespace dbt {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

QString recordingBanner(const Bundle& b) {
    if (!b.ok() || !b.snapshot)
        return {};
    const Snapshot& s = *b.snapshot;
    QString banner = QCoreApplication::translate("Bundle", "Recording from %1 of %2")
                         .arg(q(formatRfc3339(s.collectedAt)), q(describeServer(s.server)));
    if (b.hasManifest && !b.manifest.toolVersion.empty())
        banner += QCoreApplication::translate("Bundle", " (written by dbtriage %1)")
                      .arg(q(b.manifest.toolVersion));
    return banner;
}

QString loudVerification(const QString& verification) {
    const QLatin1String prefix("Unverified: ");
    return verification.startsWith(prefix)
               ? QStringLiteral("UNVERIFIED: ") + verification.mid(prefix.size())
               : verification;
}

std::map<QString, QByteArray> bundlePlans(const Bundle& b) {
    std::map<QString, QByteArray> plans;
    for (const auto& [path, data] : b.files) {
        const QString p = q(path);
        if (p.startsWith(QLatin1String("plans/")) && p.endsWith(QLatin1String(".json")) &&
            p.indexOf(QLatin1Char('/'), 6) < 0)
            plans.emplace(p, data);
    }
    return plans;
}

} // namespace dbt
