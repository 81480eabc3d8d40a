#include "cli/cli.h"

#include "render/charts.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QTextStream>

namespace dbt::cli {

bool isSubcommand(const QString& word) {
    return word == QLatin1String("collect") || word == QLatin1String("explain") ||
           word == QLatin1String("open") || word == QLatin1String("compare") ||
           word == QLatin1String("advise");
}

namespace {

// Qt 6.4's qtbase_fr.qm lacks these two texts of QCommandLineParser::addHelpOption(), so
// `dbtriage collect --help` showed them in English: dbtriage's own translations carry them
// (in Qt's context; Qt's own translation wins where it has one).
[[maybe_unused]] constexpr const char* kQtHelpTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
};

QtMessageHandler previousHandler = nullptr;

// Qt Gui's note that it falls back to /tmp/runtime-<user> for XDG_RUNTIME_DIR (usual under
// ssh or cron) means nothing to a user of the command line.
void quietHeadless(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg &&
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

std::unique_ptr<QCoreApplication> makeApplication(const QString& subcommand, int& argc,
                                                  char** argv) {
    previousHandler = qInstallMessageHandler(quietHeadless);
    // collect draws the bundle's charts: QPainter needs a QGuiApplication, and the offscreen
    // platform (a bastion host has no display).
    if (subcommand == QLatin1String("collect")) {
        render::useOffscreenPlatform();
        return std::make_unique<QGuiApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

TimeoutOptions timeoutOptions(int maxStatementMs, const QString& statementHelp,
                              const QString& lockHelp) {
    return TimeoutOptions{
        QCommandLineOption(
            QStringLiteral("statement-timeout"),
            statementHelp.isEmpty()
                ? QCoreApplication::translate(
                      "cli", "Timeout of each of the tool's statements, ms (default 5000).")
                : statementHelp,
            QStringLiteral("MS"), QStringLiteral("5000")),
        QCommandLineOption(
            QStringLiteral("lock-timeout"),
            lockHelp.isEmpty()
                ? QCoreApplication::translate(
                      "cli", "Longest wait for another session's lock, ms (default 500).")
                : lockHelp,
            QStringLiteral("MS"), QStringLiteral("500")),
        maxStatementMs};
}

bool readTimeouts(const QCommandLineParser& parser, const TimeoutOptions& options,
                  const QString& subcommand, QTextStream& err, int& statementMs, int& lockMs) {
    bool ok = false;
    statementMs = parser.value(options.statement).toInt(&ok);
    if (!ok || statementMs < 100 || statementMs > options.maxStatementMs) {
        err << "dbtriage " << subcommand << ": "
            << QCoreApplication::translate("cli",
                                           "--statement-timeout takes milliseconds from 100 to %1.")
                   .arg(options.maxStatementMs)
            << '\n';
        return false;
    }
    lockMs = parser.value(options.lock).toInt(&ok);
    if (!ok || lockMs < 10 || lockMs > 60000) {
        err << "dbtriage " << subcommand << ": "
            << QCoreApplication::translate("cli",
                                           "--lock-timeout takes milliseconds from 10 to 60000.")
            << '\n';
        return false;
    }
    return true;
}

int run(const QStringList& args) {
    const QString& command = args.first();
    if (command == QLatin1String("collect"))
        return collect(args);
    if (command == QLatin1String("explain"))
        return explain(args);
    if (command == QLatin1String("open"))
        return open(args);
    if (command == QLatin1String("compare"))
        return compare(args);
    if (command == QLatin1String("advise"))
        return advise(args);
    QTextStream(stderr)
        << QCoreApplication::translate("cli", "dbtriage: unknown command \"%1\".").arg(command)
        << '\n';
    return Usage;
}

} // namespace dbt::cli
