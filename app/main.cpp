// dbtriage: headless subcommands run on QCoreApplication; anything else opens the window.
#include "cli/cli.h"
#include "mainwindow.h"
#include "screenshots.h"
#include "translation.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>
#include <QTextStream>
#include <memory>

#ifndef DBTRIAGE_VERSION
#define DBTRIAGE_VERSION "0"
#endif

namespace {

void printUsage(QTextStream& out) {
    out << QCoreApplication::translate(
        "main",
        "Usage:\n"
        "  dbtriage [CONNECTION]                 open the window (connected when given)\n"
        "  dbtriage BUNDLE.zip|DIR               open the window on a recorded bundle\n"
        "  dbtriage collect CONNECTION [options] sample a server headless\n"
        "  dbtriage open BUNDLE [--json]         show a recorded bundle (verified first)\n"
        "  dbtriage compare A B                  compare two bundles, or a bundle (A) and a\n"
        "                                        live server (B = CONNECTION)\n"
        "  dbtriage explain [CONNECTION] [opts]  show a query plan as a tree with insights\n"
        "  dbtriage advise CONNECTION [options]  propose indexes for the costliest statements\n"
        "  dbtriage --version | --help\n"
        "\n"
        "CONNECTION is a postgresql:// or postgres:// URI, a libpq keyword string\n"
        "(\"host=db1 dbname=app\"), service=NAME, or a mysql:// / mariadb:// URI.\n"
        "Passwords come from ~/.pgpass, PGPASSWORD, the service file or ~/.my.cnf.\n"
        "Run \"dbtriage COMMAND --help\" for the options of a command.\n");
}

} // namespace

int main(int argc, char** argv) {
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        QCoreApplication app(argc, argv);
        QTextStream(stdout) << "dbtriage " << DBTRIAGE_VERSION << '\n';
        return 0;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        dbt::installTranslations();
        QTextStream out(stdout);
        printUsage(out);
        return 0;
    }
    if (dbt::cli::isSubcommand(first)) {
        const std::unique_ptr<QCoreApplication> app = dbt::cli::makeApplication(first, argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("dbtriage"));
        QCoreApplication::setApplicationVersion(QStringLiteral(DBTRIAGE_VERSION));
        dbt::installTranslations();
        QStringList args = QCoreApplication::arguments();
        args.removeFirst();
        return dbt::cli::run(args);
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("dbtriage"));
    QCoreApplication::setApplicationName(QStringLiteral("dbtriage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DBTRIAGE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dbtriage.svg")));
    dbt::installTranslations();
    dbt::registerMetaTypes();
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (first == QLatin1String("--screenshot-dir")) // hidden: scripts/screenshots
        return dbt::runScreenshots(args);

    dbt::MainWindow window;
    window.show();
    if (!args.isEmpty()) {
        if (args.size() > 1 || args.first().startsWith(QLatin1Char('-'))) {
            QTextStream out(stderr);
            printUsage(out);
            return dbt::cli::Usage;
        }
        // A bundle (.zip, a directory, a .json file) opens as a recording; else a connection.
        const QFileInfo info(args.first());
        const bool bundle =
            info.exists() && (info.isDir() || info.suffix() == QLatin1String("zip") ||
                              info.suffix() == QLatin1String("json"));
        if (bundle) {
            QString error;
            if (!window.openBundle(args.first(), &error))
                QTextStream(stderr) << "dbtriage: " << error << '\n';
        } else {
            window.connectToTarget(args.first());
        }
    }
    return app.exec();
}
