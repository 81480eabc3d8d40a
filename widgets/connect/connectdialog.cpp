#include "connect/connectdialog.h"

#include "common/guiutil.h"
#include "connect/passwordstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace dbt::gui {

ConnectDialog::ConnectDialog(QSettings& settings, PasswordStore* passwords, QWidget* parent)
    : QDialog(parent)
    , settings_(settings)
    , passwords_(passwords)
    , profiles_(new QListWidget(this))
    , recent_(new QListWidget(this))
    , name_(new QLineEdit(this))
    , engine_(new QComboBox(this))
    , byFields_(new QRadioButton(tr("&Fields"), this))
    , byUri_(new QRadioButton(tr("&URI or connection string"), this))
    , modeStack_(new QStackedWidget(this))
    , uri_(new QLineEdit(this))
    , host_(new QLineEdit(this))
    , port_(new QLineEdit(this))
    , database_(new QLineEdit(this))
    , user_(new QLineEdit(this))
    , password_(new QLineEdit(this))
    , remember_(new QCheckBox(tr("Remember in the desktop &keyring"), this))
    , sslMode_(new QComboBox(this))
    , sslRootCert_(new QLineEdit(this))
    , interval_(new QSpinBox(this))
    , preview_(new QLabel(this))
    , passwordHint_(new QLabel(this)) {
    setWindowTitle(tr("Connect to a server"));
    setWindowIcon(icon(QStringLiteral("connect")));
    auto* outer = new QHBoxLayout(this);

    auto* left = new QVBoxLayout();
    left->addWidget(new QLabel(tr("Saved profiles"), this));
    left->addWidget(profiles_, 2);
    left->addWidget(new QLabel(tr("Recent connections"), this));
    left->addWidget(recent_, 1);
    auto* leftButtons = new QHBoxLayout();
    auto* save = new QPushButton(tr("&Save profile"), this);
    auto* remove = new QPushButton(tr("&Delete"), this);
    leftButtons->addWidget(save);
    leftButtons->addWidget(remove);
    left->addLayout(leftButtons);
    outer->addLayout(left, 2);

    auto* right = new QVBoxLayout();
    auto* top = new QFormLayout();
    name_->setPlaceholderText(tr("e.g. orders-prod-replica"));
    top->addRow(tr("&Name:"), name_);
    engine_->addItem(tr("PostgreSQL"), int(Engine::PostgreSQL));
    engine_->addItem(tr("MySQL"), int(Engine::MySQL));
    engine_->addItem(tr("MariaDB"), int(Engine::MariaDB));
    top->addRow(tr("&Engine:"), engine_);
    auto* modeRow = new QHBoxLayout();
    modeRow->addWidget(byFields_);
    modeRow->addWidget(byUri_);
    modeRow->addStretch();
    top->addRow(tr("Connect by:"), modeRow);
    right->addLayout(top);

    auto* fields = new QWidget(this);
    auto* ff = new QFormLayout(fields);
    ff->setContentsMargins(0, 0, 0, 0);
    host_->setPlaceholderText(tr("localhost"));
    port_->setPlaceholderText(tr("default"));
    port_->setMaximumWidth(100);
    auto* hostRow = new QHBoxLayout();
    hostRow->addWidget(host_, 1);
    hostRow->addWidget(new QLabel(tr("Port:"), this));
    hostRow->addWidget(port_);
    ff->addRow(tr("Host:"), hostRow);
    ff->addRow(tr("&Database:"), database_);
    user_->setPlaceholderText(tr("a monitoring role, e.g. with pg_monitor"));
    ff->addRow(tr("U&ser:"), user_);
    auto* uriPage = new QWidget(this);
    auto* uf = new QFormLayout(uriPage);
    uf->setContentsMargins(0, 0, 0, 0);
    uri_->setPlaceholderText(
        tr("postgresql://monitor@db1/app, host=db1 dbname=app, service=prod, mysql://…"));
    uf->addRow(tr("&Target:"), uri_);
    modeStack_->addWidget(fields);
    modeStack_->addWidget(uriPage);
    right->addWidget(modeStack_);

    auto* secrets = new QFormLayout();
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("empty: use ~/.pgpass, PGPASSWORD, the service file or "
                                     "~/.my.cnf"));
    secrets->addRow(tr("&Password:"), password_);
    remember_->setEnabled(PasswordStore::available());
    if (!PasswordStore::available())
        remember_->setToolTip(tr("This build has no keyring support."));
    secrets->addRow(QString(), remember_);
    passwordHint_->setWordWrap(true);
    passwordHint_->setForegroundRole(QPalette::PlaceholderText);
    passwordHint_->setText(tr("dbtriage never writes a password to its settings or any file."));
    secrets->addRow(QString(), passwordHint_);
    right->addLayout(secrets);

    auto* tls = new QGroupBox(tr("TLS"), this);
    auto* tf = new QFormLayout(tls);
    sslMode_->addItem(tr("driver default"), QString());
    for (const char* mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        sslMode_->addItem(QLatin1String(mode), QLatin1String(mode));
    tf->addRow(tr("&Mode:"), sslMode_);
    auto* certRow = new QHBoxLayout();
    sslRootCert_->setPlaceholderText(tr("CA certificate file (sslrootcert / ssl-ca)"));
    auto* browse = new QToolButton(this);
    browse->setText(tr("…"));
    certRow->addWidget(sslRootCert_, 1);
    certRow->addWidget(browse);
    tf->addRow(tr("Root certificate:"), certRow);
    right->addWidget(tls);

    auto* sampling = new QFormLayout();
    interval_->setRange(1, 300);
    interval_->setSuffix(tr(" s"));
    interval_->setValue(2);
    sampling->addRow(tr("Sample &every:"), interval_);
    right->addLayout(sampling);

    preview_->setWordWrap(true);
    preview_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    preview_->setFont(monospaceFont());
    right->addWidget(preview_);
    right->addStretch();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setDefault(true);
    connectButton->setIcon(icon(QStringLiteral("connect")));
    right->addWidget(buttons);
    outer->addLayout(right, 3);

    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, &ConnectDialog::saveCurrent);
    connect(remove, &QPushButton::clicked, this, &ConnectDialog::deleteCurrent);
    connect(byFields_, &QRadioButton::toggled, this, &ConnectDialog::updateMode);
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate"));
        if (!file.isEmpty())
            sslRootCert_->setText(file);
    });
    for (QLineEdit* e : {name_, uri_, host_, port_, database_, user_, sslRootCert_})
        connect(e, &QLineEdit::textChanged, this, &ConnectDialog::updatePreview);
    connect(engine_, &QComboBox::currentIndexChanged, this, &ConnectDialog::updatePreview);
    connect(sslMode_, &QComboBox::currentIndexChanged, this, &ConnectDialog::updatePreview);
    connect(profiles_, &QListWidget::currentRowChanged, this, [this](int row) {
        const QList<ConnectionProfile> all = ProfileStore(settings_).profiles();
        if (row >= 0 && row < all.size())
            setProfile(all[row]);
    });
    connect(profiles_, &QListWidget::itemDoubleClicked, this, &ConnectDialog::accept);
    connect(recent_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        ConnectionProfile p;
        p.useUri = true;
        p.uri = recent_->item(row)->data(Qt::UserRole).toString();
        p.engine = p.uri.startsWith(QLatin1String("mysql"))     ? Engine::MySQL
                   : p.uri.startsWith(QLatin1String("mariadb")) ? Engine::MariaDB
                                                                : Engine::PostgreSQL;
        p.intervalMs = interval_->value() * 1000;
        setProfile(p);
    });
    connect(recent_, &QListWidget::itemDoubleClicked, this, &ConnectDialog::accept);

    byFields_->setChecked(true);
    reloadLists();
    updateMode();
    resize(900, 560);
}

void ConnectDialog::reloadLists() {
    ProfileStore store(settings_);
    profiles_->clear();
    for (const ConnectionProfile& p : store.profiles()) {
        auto* item = new QListWidgetItem(icon(QStringLiteral("connect")), p.name, profiles_);
        item->setToolTip(displayTarget(p.target()));
    }
    recent_->clear();
    for (const QString& target : store.recent()) {
        auto* item = new QListWidgetItem(displayTarget(target), recent_);
        item->setData(Qt::UserRole, target);
    }
    if (profiles_->count() == 0) {
        auto* item = new QListWidgetItem(tr("(none yet: fill in the form and save)"), profiles_);
        item->setFlags(Qt::NoItemFlags);
    }
}

void ConnectDialog::setProfile(const ConnectionProfile& p) {
    name_->setText(p.name);
    engine_->setCurrentIndex(engine_->findData(int(p.engine)));
    (p.useUri ? byUri_ : byFields_)->setChecked(true);
    uri_->setText(p.uri);
    host_->setText(p.host);
    port_->setText(p.port);
    database_->setText(p.database);
    user_->setText(p.user);
    password_->clear();
    remember_->setChecked(p.rememberPassword && PasswordStore::available());
    sslMode_->setCurrentIndex(std::max(0, sslMode_->findData(p.sslMode)));
    sslRootCert_->setText(p.sslRootCert);
    interval_->setValue(std::max(1, p.intervalMs / 1000));
    if (p.rememberPassword)
        password_->setPlaceholderText(tr("stored in the desktop keyring"));
    else
        password_->setPlaceholderText(tr("empty: use ~/.pgpass, PGPASSWORD, the service file "
                                         "or ~/.my.cnf"));
    updateMode();
}

ConnectionProfile ConnectDialog::profile() const {
    ConnectionProfile p;
    p.name = name_->text().trimmed();
    p.engine = Engine(engine_->currentData().toInt());
    p.useUri = byUri_->isChecked();
    p.uri = splitPassword(uri_->text().trimmed()).target;
    p.host = host_->text();
    p.port = port_->text();
    p.database = database_->text();
    p.user = user_->text();
    p.sslMode = sslMode_->currentData().toString();
    p.sslRootCert = sslRootCert_->text();
    p.intervalMs = interval_->value() * 1000;
    p.rememberPassword = remember_->isChecked();
    return p;
}

ConnectRequest ConnectDialog::request() const {
    const ConnectionProfile p = profile();
    ConnectRequest r;
    r.target = p.target();
    r.password = password_->text();
    if (r.password.isEmpty() && p.useUri) // a password typed into the URI itself
        r.password = splitPassword(uri_->text().trimmed()).password;
    r.label = p.name.isEmpty() ? displayTarget(r.target) : p.name;
    r.intervalMs = p.intervalMs;
    if (r.password.isEmpty() && p.rememberPassword && !p.name.isEmpty())
        r.keyringKey = p.name;
    return r;
}

void ConnectDialog::saveCurrent() {
    ConnectionProfile p = profile();
    if (p.name.isEmpty()) {
        name_->setFocus();
        preview_->setText(tr("Give the profile a name to save it."));
        return;
    }
    ProfileStore(settings_).saveProfile(p);
    if (p.rememberPassword && !password_->text().isEmpty() && passwords_) {
        QPointer<QLabel> hint = passwordHint_;
        passwords_->write(p.name, password_->text(), [hint](const QString& error) {
            if (hint && !error.isEmpty())
                hint->setText(error);
        });
    }
    reloadLists();
    for (int i = 0; i < profiles_->count(); ++i) {
        if (profiles_->item(i)->text() == p.name)
            profiles_->setCurrentRow(i);
    }
}

void ConnectDialog::deleteCurrent() {
    const QString name = name_->text().trimmed();
    if (name.isEmpty())
        return;
    ProfileStore(settings_).removeProfile(name);
    if (passwords_)
        passwords_->remove(name);
    reloadLists();
}

void ConnectDialog::updateMode() {
    modeStack_->setCurrentIndex(byUri_->isChecked() ? 1 : 0);
    updatePreview();
}

void ConnectDialog::updatePreview() {
    const QString target = profile().target();
    preview_->setText(target.isEmpty() ? tr("Empty target: libpq's defaults (PGHOST, PGUSER, "
                                            "…) apply.")
                                       : displayTarget(target));
}

void ConnectDialog::accept() {
    const ConnectionProfile p = profile();
    if (!p.name.isEmpty() && p.rememberPassword && !password_->text().isEmpty() && passwords_) {
        ProfileStore(settings_).saveProfile(p);
        passwords_->write(p.name, password_->text(), [](const QString&) {});
    }
    ProfileStore(settings_).addRecent(request().target);
    QDialog::accept();
}

} // namespace dbt::gui
