#include "cli/recording.h"

#include "analysis.h"
#include "i18n/messagetext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace dbt::cli {

bool record(Collector& collector, int samples, double interval, Recording& out) {
    QElapsedTimer clock;
    for (int i = 0; i < samples; ++i) {
        if (i > 0) {
            const qint64 due = static_cast<qint64>(interval * 1000.0 * i);
            const qint64 wait = due - clock.elapsed();
            if (wait > 0)
                QThread::msleep(static_cast<unsigned long>(wait));
        } else {
            clock.start();
        }
        try {
            // The last sample reads fresh statement counters: the window ends there.
            out.series.push_back(
                collector.sample(i + 1 == samples ? StatementRead::Fresh : StatementRead::WhenDue));
        } catch (const EngineError& e) {
            out.problems << QCoreApplication::translate("recording", "Sample %1 of %2 failed: %3")
                                .arg(i + 1)
                                .arg(samples)
                                .arg(i18n::errorText(e));
            collector.disconnect();
        }
    }
    if (out.series.empty())
        return false;
    out.result = out.series.size() > 1
                     ? withStatementWindow(*out.series.front(), *out.series.back())
                     : *out.series.back();
    return true;
}

} // namespace dbt::cli
