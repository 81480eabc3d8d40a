#include "i18n/messagetext.h"

#include "engines/engine.h"
#include "i18n/figures.h"
#include "i18n/lockobject.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <vector>

namespace dbt::i18n {

namespace {

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

// Sentences of findings built without a Message (the engines' connect-time checks, the
// statistics reset of a statement window), as templates: a sentence that matches one as a
// whole is shown translated, its %n parts put in as they are.
constexpr const char* kSentences[] = {
    // diagnostics/engines/postgres/pgsession.cpp (buildPreflight)
    QT_TRANSLATE_NOOP("Finding",
                      "dbtriage is connected as %1, a superuser; a role in pg_monitor is enough."),
    QT_TRANSLATE_NOOP("Finding", "Create a monitoring role with pg_monitor and connect with it "
                                 "instead (choose the password yourself and keep it in "
                                 "~/.pgpass)."),
    QT_TRANSLATE_NOOP("Finding",
                      "Role %1 is not a member of pg_monitor (pg_read_all_stats): for other "
                      "users' sessions pg_stat_activity shows \"<insufficient privilege>\" "
                      "instead of the query and hides their state, wait events, client and "
                      "times, and pg_stat_statements hides their statements' texts and ids, so "
                      "their statements are missing from the top statements and root blockers "
                      "of other users show no query."),
    QT_TRANSLATE_NOOP("Finding", "Ask a DBA to grant pg_monitor to %1; lock waits themselves "
                                 "stay complete (pg_locks is readable by every role)."),
    QT_TRANSLATE_NOOP("Finding", "pg_stat_statements is loaded but not created in database %1: "
                                 "top statements are not available."),
    QT_TRANSLATE_NOOP("Finding", "Create the extension in %1 (no restart needed)."),
    QT_TRANSLATE_NOOP("Finding", "pg_stat_statements is not installed in database %1: top "
                                 "statements are not available."),
    QT_TRANSLATE_NOOP("Finding", "Add pg_stat_statements to shared_preload_libraries (this "
                                 "needs a server restart), then create the extension in %1."),
    QT_TRANSLATE_NOOP("Finding", "If it is not there yet, add pg_stat_statements to "
                                 "shared_preload_libraries (this needs a server restart), then "
                                 "create the extension in %1."),
    QT_TRANSLATE_NOOP("Finding", "pg_stat_statements is created in database %1 but not in "
                                 "shared_preload_libraries, so it collects nothing."),
    QT_TRANSLATE_NOOP("Finding", "Add pg_stat_statements to shared_preload_libraries and "
                                 "restart the server."),
    QT_TRANSLATE_NOOP("Finding", "PostgreSQL %1 is newer than the versions dbtriage was tested "
                                 "with (12 to 17)."),
    QT_TRANSLATE_NOOP("Finding", "Check the figures against psql if something looks wrong."),
    // diagnostics/engines/mysql/mysqlrows.cpp (preflightFindings)
    QT_TRANSLATE_NOOP("Finding", "performance_schema is OFF on this server, so top statements, "
                                 "metadata-lock waits (the ALTER TABLE queue) and client program "
                                 "names stay empty; sessions, row-lock waits and health figures "
                                 "still work."),
    QT_TRANSLATE_NOOP("Finding", "Add these lines to the server's my.cnf and restart the server "
                                 "(performance_schema cannot be switched on while it runs)."),
    QT_TRANSLATE_NOOP("Finding", "The monitoring user cannot read performance_schema, so top "
                                 "statements, metadata-lock waits and client program names stay "
                                 "empty and row-lock waits (performance_schema.data_locks) are "
                                 "not visible."),
    QT_TRANSLATE_NOOP("Finding", "The monitoring user cannot read performance_schema, so top "
                                 "statements, metadata-lock waits and client program names stay "
                                 "empty."),
    QT_TRANSLATE_NOOP("Finding", "Grant SELECT on performance_schema to the monitoring user."),
    QT_TRANSLATE_NOOP("Finding", "The performance_schema consumer statements_digest is off, so "
                                 "top statements stay empty."),
    QT_TRANSLATE_NOOP("Finding", "An administrator can switch it on now (until the next "
                                 "restart) and keep it with a my.cnf line."),
    QT_TRANSLATE_NOOP("Finding", "The metadata-lock instrument is off, so sessions that wait for "
                                 "a table metadata lock (an ALTER TABLE queue) are shown as "
                                 "waiting, but not who blocks them."),
    QT_TRANSLATE_NOOP("Finding", "The monitoring user lacks the PROCESS privilege, so it sees "
                                 "only its own sessions and cannot read InnoDB transactions and "
                                 "row-lock waits (information_schema.INNODB_TRX, INNODB_LOCKS, "
                                 "INNODB_LOCK_WAITS)."),
    QT_TRANSLATE_NOOP("Finding", "Grant PROCESS to the monitoring user."),
    QT_TRANSLATE_NOOP("Finding", "The sys schema is missing (an instance upgraded without "
                                 "running %1): dbtriage does not need it, but the usual manual "
                                 "checks (sys.innodb_lock_waits, sys.schema_table_lock_waits) "
                                 "are unavailable."),
    QT_TRANSLATE_NOOP("Finding", "Ask an administrator to run %1 in the next maintenance "
                                 "window."),
    QT_TRANSLATE_NOOP("Finding", "The monitoring user cannot read the sys schema: dbtriage reads "
                                 "performance_schema directly, but the usual manual checks "
                                 "(sys.innodb_lock_waits, sys.schema_table_lock_waits) fail for "
                                 "this user."),
    QT_TRANSLATE_NOOP("Finding", "Grant SELECT on sys to the monitoring user if seniors use "
                                 "those views."),
    QT_TRANSLATE_NOOP("Finding", "The monitoring user has %1: dbtriage stays read-only, but a "
                                 "monitoring account needs only PROCESS and SELECT on "
                                 "performance_schema and sys."),
    QT_TRANSLATE_NOOP("Finding", "Create a least-privileged monitoring account and connect with "
                                 "it."),
    // diagnostics/core/analysis.cpp, diagnostics/models/snapshothistory.cpp
    QT_TRANSLATE_NOOP("Finding", "Statement statistics were reset during the window; the "
                                 "figures of the affected statements count only the time since "
                                 "the reset."),
    QT_TRANSLATE_NOOP("Finding", "Compare a longer window later, or ask who reset the "
                                 "statistics."),
};

struct Pattern {
    const char* source;
    QRegularExpression regex; // the template with each %n as a lazy capture, anchored
};

const std::vector<Pattern>& patterns() {
    static const std::vector<Pattern> all = [] {
        std::vector<Pattern> out;
        static const QRegularExpression placeholder(QStringLiteral("%[1-9]"));
        for (const char* source : kSentences) {
            const QString text = QString::fromUtf8(source);
            QString rx = QStringLiteral("^");
            qsizetype at = 0;
            for (auto it = placeholder.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                rx += QRegularExpression::escape(text.mid(at, m.capturedStart() - at)) +
                      QStringLiteral("(.+?)");
                at = m.capturedEnd();
            }
            rx += QRegularExpression::escape(text.mid(at)) + QStringLiteral("$");
            out.push_back(
                {source, QRegularExpression(rx, QRegularExpression::DotMatchesEverythingOption)});
        }
        return out;
    }();
    return all;
}

QString substitute(const QString& pattern, const QStringList& args);

// The English sentence translated when it is one of kSentences (or any other translated
// whole sentence of the context); as it is otherwise.
QString translateWhole(const char* context, const std::string& sentence) {
    if (sentence.empty())
        return {};
    const QString text = fromStd(sentence);
    if (english())
        return text;
    const QString whole = QCoreApplication::translate(context, sentence.c_str());
    if (whole != text)
        return whole;
    for (const Pattern& p : patterns()) {
        const QRegularExpressionMatch m = p.regex.match(text);
        if (!m.hasMatch())
            continue;
        QStringList args = m.capturedTexts();
        args.removeFirst();
        // Placeholders in the order %1, %2, … of the template: capture i is %(i+1).
        return substitute(QCoreApplication::translate("Finding", p.source), args);
    }
    return text;
}

// %1 … %9 replaced in one pass, so that a %n inside an argument stays as it is.
QString substitute(const QString& pattern, const QStringList& args) {
    QString out;
    out.reserve(pattern.size() + 32);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size()) {
            const QChar d = pattern.at(i + 1);
            if (d >= QLatin1Char('1') && d <= QLatin1Char('9')) {
                const qsizetype n = d.unicode() - '1';
                if (n < args.size()) {
                    out += args.at(n);
                    ++i;
                    continue;
                }
            }
        }
        out += c;
    }
    return out;
}

} // namespace

bool english() {
    const QLocale locale;
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

QString localized(const Message& message) {
    switch (message.kind) {
    case Message::Kind::Literal:
        return message.figure       ? localizedFigure(message.text)
               : message.lockObject ? localizedLockObject(message.text)
                                    : fromStd(message.text);
    case Message::Kind::Count:
        return english() ? fromStd(englishText(message))
                         : QLocale().toString(qlonglong(message.count));
    case Message::Kind::Decimal:
        return english() ? fromStd(englishText(message))
                         : QLocale().toString(message.number, message.format, message.precision);
    case Message::Kind::Text:
        break;
    }
    if (message.args.empty() && message.context && *message.context)
        return translateWhole(message.context, message.text);
    QStringList args;
    args.reserve(static_cast<qsizetype>(message.args.size()));
    for (const Message& a : message.args)
        args.push_back(localized(a));
    const QString pattern = (message.context && *message.context)
                                ? QCoreApplication::translate(message.context, message.text.c_str())
                                : fromStd(message.text);
    return substitute(pattern, args);
}

std::string localizedUtf8(const Message& message) {
    return localized(message).toStdString();
}

QString errorText(const std::exception& error) {
    if (const auto* engine = dynamic_cast<const EngineError*>(&error); engine && engine->message())
        return localized(*engine->message());
    return fromStd(error.what());
}

QString findingSummary(const Finding& finding) {
    return finding.summaryText.empty() ? translateWhole("Finding", finding.summary)
                                       : localized(finding.summaryText);
}

QString findingNextStep(const Finding& finding) {
    return finding.nextStepText.empty() ? translateWhole("Finding", finding.nextStep)
                                        : localized(finding.nextStepText);
}

QString insightMessage(const plans::Insight& insight) {
    return insight.messageText.empty() ? translateWhole("Insight", insight.message)
                                       : localized(insight.messageText);
}

QString insightSuggestion(const plans::Insight& insight) {
    return insight.suggestionText.empty() ? translateWhole("Insight", insight.suggestion)
                                          : localized(insight.suggestionText);
}

QString severityText(Severity severity) {
    switch (severity) {
    case Severity::Critical:
        return QCoreApplication::translate("Finding", "critical");
    case Severity::Warning:
        return QCoreApplication::translate("Finding", "warning");
    case Severity::Info:
        break;
    }
    return QCoreApplication::translate("Finding", "info");
}

} // namespace dbt::i18n
