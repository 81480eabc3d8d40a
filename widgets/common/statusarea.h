// The connection status line under the toolbar: state (connecting, connected, reconnecting,
// failed, paused, offline), the server (engine, version, host, database, user: never a
// password), the sampler's sentence when something is wrong, and the age of the data, in
// the warning colour when it is stale. No modal dialogs.
#pragma once

#include "collect/sampler.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace dbt::gui {

class StatusArea final : public QFrame {
    Q_OBJECT
public:
    explicit StatusArea(QWidget* parent = nullptr);

    void setTarget(const QString& label); // what we connect to, for "Connecting to …"
    void setStatus(const SamplerStatus& status);
    void setOffline(const QString& source, const ServerInfo& server);
    void setDisconnected();
    // Age of the newest data shown; stale turns it into the warning colour.
    void setDataAge(double seconds, bool stale);
    void clearDataAge();

    QString stateText() const;
    QString sentenceText() const;
    QString serverText() const;
    QString ageText() const;
    bool ageIsStale() const { return stale_; }

    static QString serverLine(const ServerInfo& server);

Q_SIGNALS:
    void retryRequested();
    void editConnectionRequested();

private:
    void setState(const QString& iconName, const QString& text, std::optional<Severity> accent);

    QLabel* icon_;
    QLabel* state_;
    QLabel* server_;
    QLabel* sentence_;
    QLabel* age_;
    QToolButton* retry_;
    QToolButton* edit_;
    QString target_;
    bool stale_ = false;
};

} // namespace dbt::gui
