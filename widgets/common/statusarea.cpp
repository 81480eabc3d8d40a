#include "common/statusarea.h"

#include "common/guiutil.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace dbt::gui {

StatusArea::StatusArea(QWidget* parent)
    : QFrame(parent)
    , icon_(new QLabel(this))
    , state_(new QLabel(this))
    , server_(new QLabel(this))
    , sentence_(new QLabel(this))
    , age_(new QLabel(this))
    , retry_(new QToolButton(this))
    , edit_(new QToolButton(this)) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 4, 8, 4);
    outer->setSpacing(2);
    auto* row = new QHBoxLayout();
    row->addWidget(icon_);
    QFont bold = state_->font();
    bold.setBold(true);
    state_->setFont(bold);
    row->addWidget(state_);
    server_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(server_, 1);
    retry_->setText(tr("Retry now"));
    edit_->setText(tr("Edit connection…"));
    row->addWidget(retry_);
    row->addWidget(edit_);
    row->addWidget(age_);
    outer->addLayout(row);
    sentence_->setWordWrap(true);
    sentence_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(sentence_);
    connect(retry_, &QToolButton::clicked, this, &StatusArea::retryRequested);
    connect(edit_, &QToolButton::clicked, this, &StatusArea::editConnectionRequested);
    setDisconnected();
}

QString StatusArea::serverLine(const ServerInfo& s) {
    const QString engine = s.engine == Engine::PostgreSQL ? tr("PostgreSQL")
                           : s.engine == Engine::MySQL    ? tr("MySQL")
                                                          : tr("MariaDB");
    QString line = engine;
    if (!s.version.empty())
        line += QLatin1Char(' ') + qs(s.version);
    QString where = s.host.empty() ? tr("local socket") : qs(s.host);
    if (!s.port.empty())
        where += QLatin1Char(':') + qs(s.port);
    line += QStringLiteral(" · ") + where;
    if (!s.database.empty())
        line += QStringLiteral(" · ") + tr("database %1").arg(qs(s.database));
    if (!s.user.empty())
        line += QStringLiteral(" · ") + tr("as %1").arg(qs(s.user));
    if (s.inRecovery)
        line += QStringLiteral(" · ") + tr("replica");
    return line;
}

void StatusArea::setState(const QString& iconName, const QString& text,
                          std::optional<Severity> accent) {
    icon_->setPixmap(icon(iconName).pixmap(QSize(14, 14)));
    state_->setText(text);
    QPalette pal = palette();
    if (accent && *accent != Severity::Info)
        pal.setColor(QPalette::Window, tint(pal, severityColor(*accent), 0.12));
    else
        pal = QPalette();
    setPalette(pal);
}

void StatusArea::setTarget(const QString& label) {
    target_ = label;
}

void StatusArea::setStatus(const SamplerStatus& status) {
    using S = SamplerStatus::State;
    retry_->setVisible(status.state == S::Failed || status.state == S::Reconnecting);
    edit_->setVisible(status.state == S::Failed);
    if (status.state != S::Idle && status.state != S::Connecting)
        server_->setText(status.server.version.empty() ? target_ : serverLine(status.server));
    else
        server_->setText(target_);
    sentence_->setText(status.sentence);
    sentence_->setVisible(!status.sentence.isEmpty());
    switch (status.state) {
    case S::Idle:
    case S::Stopped:
        setState(QStringLiteral("state-idle"), tr("Not connected"), std::nullopt);
        break;
    case S::Connecting:
        setState(QStringLiteral("state-connecting"), tr("Connecting…"), std::nullopt);
        break;
    case S::Connected:
        setState(QStringLiteral("state-connected"), tr("Connected"), std::nullopt);
        break;
    case S::Reconnecting:
        setState(QStringLiteral("state-connecting"),
                 tr("Reconnecting (attempt %1)").arg(status.failedAttempts), Severity::Warning);
        break;
    case S::Failed:
        setState(QStringLiteral("state-failed"), tr("Connection failed"), Severity::Critical);
        break;
    case S::Paused:
        setState(QStringLiteral("state-paused"), tr("Paused"), std::nullopt);
        break;
    }
}

void StatusArea::setOffline(const QString& source, const ServerInfo& server) {
    retry_->hide();
    edit_->hide();
    setState(QStringLiteral("open"), tr("Offline"), std::nullopt);
    server_->setText(serverLine(server));
    sentence_->setText(tr("Showing %1; nothing is sampled.").arg(source));
    sentence_->show();
}

void StatusArea::setDisconnected() {
    retry_->hide();
    edit_->hide();
    setState(QStringLiteral("state-idle"), tr("Not connected"), std::nullopt);
    server_->setText(tr("Connect to a server with Ctrl+N, or open a snapshot file with Ctrl+O."));
    sentence_->clear();
    sentence_->hide();
    clearDataAge();
}

void StatusArea::setDataAge(double seconds, bool stale) {
    stale_ = stale;
    age_->setText(seconds < 1.5 ? tr("data from just now")
                                : tr("data from %1 ago").arg(durationText(seconds)));
    QPalette pal = age_->palette();
    if (stale) {
        pal.setColor(QPalette::WindowText, severityColor(Severity::Warning));
        QFont f = age_->font();
        f.setBold(true);
        age_->setFont(f);
    } else {
        pal.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
        age_->setFont(font());
    }
    age_->setPalette(pal);
    age_->setToolTip(stale ? tr("The server has not answered for a while; the panels show the "
                                "last data it sent.")
                           : QString());
}

void StatusArea::clearDataAge() {
    stale_ = false;
    age_->clear();
}

QString StatusArea::stateText() const {
    return state_->text();
}

QString StatusArea::sentenceText() const {
    return sentence_->text();
}

QString StatusArea::serverText() const {
    return server_->text();
}

QString StatusArea::ageText() const {
    return age_->text();
}

} // namespace dbt::gui
