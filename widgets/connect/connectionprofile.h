// Saved connection profiles and recent connections in QSettings. No password is ever part
// of a profile, a recent entry or any file: passwords live in the desktop keyring
// (QtKeychain, when built with it) or in libpq's / the MySQL client's own mechanisms
// (.pgpass, PGPASSWORD, service file, ~/.my.cnf), and reach the collector only in memory.
#pragma once

#include "snapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace dbt::gui {

struct ConnectionProfile {
    QString name;
    Engine engine = Engine::PostgreSQL;
    bool useUri = false;
    QString uri; // URI, libpq keyword string or service=NAME (no password)
    QString host;
    QString port;
    QString database;
    QString user;
    QString sslMode;     // PG sslmode / MySQL ssl-mode; empty: the driver's default
    QString sslRootCert; // PG sslrootcert / MySQL ssl-ca
    int intervalMs = 2000;
    bool rememberPassword = false; // a password for this profile is in the keyring

    // The connection target without any password.
    QString target() const;
};

// What the window connects with. `password` is in memory only.
struct ConnectRequest {
    QString target;     // without password
    QString password;   // empty: the driver's own mechanisms (or the keyring, below)
    QString label;      // for the status area, never with a password
    QString keyringKey; // non-empty: read the password from the keyring under this key
    int intervalMs = 2000;
};

// The target with the password put in, for the collector only (never stored or shown):
// URIs get it in their user info, libpq keyword strings a quoted password=... pair.
QString targetWithPassword(const QString& target, const QString& password);

// Takes a password out of a target the user typed (URI user info, password=... in a
// keyword string or a URI query), so the rest can be stored and shown.
struct SplitTarget {
    QString target;
    QString password;
};
SplitTarget splitPassword(const QString& target);

// A target for display: describeTarget() of the engine layer (password masked).
QString displayTarget(const QString& target);

class ProfileStore {
public:
    explicit ProfileStore(QSettings& settings);

    QList<ConnectionProfile> profiles() const;
    void saveProfile(const ConnectionProfile& profile); // replaces one of the same name
    void removeProfile(const QString& name);

    QStringList recent() const; // targets, newest first, without passwords
    void addRecent(const QString& target);

    static constexpr int kMaxRecent = 8;

private:
    void writeProfiles(const QList<ConnectionProfile>& profiles);
    QSettings& settings_;
};

} // namespace dbt::gui
