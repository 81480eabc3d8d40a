// Running a built program (the dbtriage CLI) from a test and collecting what it printed.
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace dbt::test {

struct Run {
    int exitCode = -1; // -1 when it crashed or timed out
    QString out;
    QString err; // "timed out" when it did not finish in time
};

// Starts `program` with `args` in `environment` and waits up to `timeoutMs` (then kills it).
inline Run runProgram(const QString& program, const QStringList& args,
                      const QProcessEnvironment& environment, int timeoutMs = 120000) {
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace dbt::test
