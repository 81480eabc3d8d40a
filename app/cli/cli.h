// Headless subcommands. They use QCoreApplication only and never touch widgets/.
#pragma once

#include <QStringList>

namespace dbt::cli {

// Exit codes, documented in README.md and the man page.
enum ExitCode : int {
    Ok = 0,
    Failure = 1,         // an unexpected internal error
    Usage = 2,           // bad command line or input file
    ConnectFailed = 3,   // connection or authentication failure
    Partial = 4,         // some probes failed or the server went away part-way
};

bool isSubcommand(const QString& word);
// args[0] is the subcommand name.
int run(const QStringList& args);

int collect(const QStringList& args);
int explain(const QStringList& args);

} // namespace dbt::cli
