#include "cli/cli.h"

#include <QTextStream>

namespace dbt::cli {

bool isSubcommand(const QString& word)
{
    return word == QLatin1String("collect") || word == QLatin1String("explain");
}

int run(const QStringList& args)
{
    const QString& command = args.first();
    if (command == QLatin1String("collect"))
        return collect(args);
    if (command == QLatin1String("explain"))
        return explain(args);
    QTextStream(stderr) << QStringLiteral("dbtriage: unknown command \"%1\".\n").arg(command);
    return Usage;
}

} // namespace dbt::cli
