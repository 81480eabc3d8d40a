#include "bundle/recordingbanner.h"

#include "bundle/manifest.h"
#include "i18n/messagetext.h"
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
    QString banner =
        QCoreApplication::translate("Bundle", "Recording from %1 of %2")
            .arg(q(formatRfc3339(s.collectedAt)), i18n::localized(serverDescription(s.server)));
    if (b.hasManifest && !b.manifest.toolVersion.empty())
        banner += QCoreApplication::translate("Bundle", " (written by dbtriage %1)")
                      .arg(q(b.manifest.toolVersion));
    return banner;
}

QString loudVerification(const QString& verification) {
    // The reader's "Unverified: %1" in the language it was read in, and in English (a
    // sentence kept from before a language switch).
    for (const QString& prefix :
         {QCoreApplication::translate("BundleReader", "Unverified: %1").arg(QString()),
          QStringLiteral("Unverified: ")}) {
        if (!prefix.isEmpty() && verification.startsWith(prefix))
            return QCoreApplication::translate("Bundle", "UNVERIFIED: %1")
                .arg(verification.mid(prefix.size()));
    }
    return verification;
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

std::vector<BundlePlanEntry> bundlePlanEntries(const Bundle& b) {
    std::vector<BundlePlanEntry> entries;
    std::map<QString, QByteArray> rest = bundlePlans(b);
    auto statementText = [&b](const PlanSummary& p) {
        if (!b.snapshot || p.statementId.empty())
            return QString();
        for (const StatementStat& st : b.snapshot->statements) {
            if (st.id == p.statementId && (p.database.empty() || st.database == p.database))
                return q(st.query);
        }
        return QString();
    };
    auto fileOf = [&b](const std::string& path) {
        const auto it = b.files.find(path);
        return it == b.files.end() ? QByteArray() : it->second;
    };
    if (b.hasManifest) {
        for (const PlanSummary& p : b.manifest.collection.plans) {
            const auto it = rest.find(q(p.jsonFile));
            if (!p.explained() || it == rest.end())
                continue;
            BundlePlanEntry e;
            e.jsonPath = it->first;
            e.json = it->second;
            if (b.files.count(p.textFile)) {
                e.textPath = q(p.textFile);
                e.text = fileOf(p.textFile);
            }
            e.summary = p;
            e.statement = statementText(p);
            entries.push_back(std::move(e));
            rest.erase(it);
        }
    }
    for (auto& [path, json] : rest) {
        BundlePlanEntry e;
        e.jsonPath = path;
        e.json = json;
        QString text = path;
        text.replace(text.size() - 5, 5, QStringLiteral(".txt"));
        if (b.files.count(text.toStdString())) {
            e.textPath = text;
            e.text = fileOf(text.toStdString());
        }
        entries.push_back(std::move(e));
    }
    return entries;
}

std::vector<PlanSummary> bundlePlanFailures(const Bundle& b) {
    std::vector<PlanSummary> failures;
    if (!b.hasManifest)
        return failures;
    for (const PlanSummary& p : b.manifest.collection.plans) {
        if (!p.explained())
            failures.push_back(p);
    }
    return failures;
}

} // namespace dbt
