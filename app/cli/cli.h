// Headless subcommands. They never touch widgets/; collect draws its charts with Qt Gui on the
// offscreen platform (makeApplication).
#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>
#include <memory>

class QCommandLineParser;
class QTextStream;

namespace dbt::cli {

// Exit codes, documented in README.md and the man page.
enum ExitCode : int {
    Ok = 0,
    Failure = 1,       // an unexpected internal error
    Usage = 2,         // bad command line or input file
    ConnectFailed = 3, // connection or authentication failure
    Partial = 4,       // some probes failed or the server went away part-way
    Unverified = 5,    // a bundle opened, but its files do not match its manifest
};

bool isSubcommand(const QString& word);
// The application object a subcommand runs on: a QGuiApplication on the offscreen platform
// for those that draw charts (collect), a QCoreApplication for the others.
std::unique_ptr<QCoreApplication> makeApplication(const QString& subcommand, int& argc,
                                                  char** argv);
// args[0] is the subcommand name.
int run(const QStringList& args);

// --statement-timeout and --lock-timeout of every subcommand that connects: the same names,
// defaults (5000 and 500 ms) and limits. A subcommand may give its own help texts (explain
// says what the timeouts mean for ANALYZE) and a higher statement limit.
struct TimeoutOptions {
    QCommandLineOption statement;
    QCommandLineOption lock;
    int maxStatementMs = 600000;
};
TimeoutOptions timeoutOptions(int maxStatementMs = 600000, const QString& statementHelp = {},
                              const QString& lockHelp = {});
// Reads both values; a value out of range prints "dbtriage SUBCOMMAND: <sentence>" to err
// and returns false (exit with Usage).
bool readTimeouts(const QCommandLineParser& parser, const TimeoutOptions& options,
                  const QString& subcommand, QTextStream& err, int& statementMs, int& lockMs);

int collect(const QStringList& args);
int open(const QStringList& args);    // dbtriage open BUNDLE [--json]
int compare(const QStringList& args); // dbtriage compare A B
int explain(const QStringList& args);
int advise(const QStringList& args); // dbtriage advise CONNECTION [--top N] [--query SQL]

} // namespace dbt::cli
