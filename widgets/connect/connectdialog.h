// Connect: saved profiles and recent connections on the left, the profile's fields (or a
// URI / keyword string) on the right. Passwords go to the keyring when asked, never to
// QSettings; an empty password leaves it to .pgpass / PGPASSWORD / the service file / .my.cnf.
#pragma once

#include "connect/connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QSettings;
class QSpinBox;
class QStackedWidget;

namespace dbt::gui {

class PasswordStore;

class ConnectDialog final : public QDialog {
    Q_OBJECT
public:
    ConnectDialog(QSettings& settings, PasswordStore* passwords, QWidget* parent = nullptr);

    ConnectRequest request() const;
    void setProfile(const ConnectionProfile& profile);
    ConnectionProfile profile() const;

    QListWidget* profileList() const { return profiles_; }
    QListWidget* recentList() const { return recent_; }

private:
    void reloadLists();
    void saveCurrent();
    void deleteCurrent();
    void updateMode();
    void updatePreview();
    void accept() override;

    QSettings& settings_;
    PasswordStore* passwords_;
    QListWidget* profiles_;
    QListWidget* recent_;
    QLineEdit* name_;
    QComboBox* engine_;
    QRadioButton* byFields_;
    QRadioButton* byUri_;
    QStackedWidget* modeStack_;
    QLineEdit* uri_;
    QLineEdit* host_;
    QLineEdit* port_;
    QLineEdit* database_;
    QLineEdit* user_;
    QLineEdit* password_;
    QCheckBox* remember_;
    QComboBox* sslMode_;
    QLineEdit* sslRootCert_;
    QSpinBox* interval_;
    QLabel* preview_;
    QLabel* passwordHint_;
};

} // namespace dbt::gui
