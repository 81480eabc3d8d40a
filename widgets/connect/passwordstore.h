// Passwords in the desktop keyring through QtKeychain (asynchronous: the GUI never waits on
// the secret service). Without QtKeychain in the build, available() is false and the
// drivers' own mechanisms apply (.pgpass, PGPASSWORD, the service file, ~/.my.cnf).
#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace dbt::gui {

class PasswordStore final : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    static bool available();
    // done(password, error): error is a sentence when the keyring could not be read.
    void read(const QString& key, std::function<void(QString, QString)> done);
    void write(const QString& key, const QString& password, std::function<void(QString)> done);
    void remove(const QString& key);

    static QString service() { return QStringLiteral("dbtriage"); }
};

} // namespace dbt::gui
